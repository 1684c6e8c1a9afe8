/** Turns source rows into the admin API's source objects (shared/schemas/sources.ts). */
import type { Lang, Text } from "../../../shared/i18n.ts";
import type { Source } from "../../../shared/schemas/sources.ts";
import type { SourceRow } from "../db/sources.ts";

export function toSource(row: SourceRow, lang: Lang): Source {
  const params = JSON.parse(row.params) as { default_kind?: string };
  const notes = JSON.parse(row.notes ?? "{}") as Notes;
  return {
    id: row.id,
    kind: row.kind as Source["kind"],
    name: row.name,
    url: row.url,
    town: row.town_id,
    employer: row.employer_id,
    every_minutes: row.every_minutes,
    enabled: row.enabled === 1,
    default_kind: params.default_kind ?? null,
    health: {
      state: row.state,
      last_run_at: row.last_run_at,
      last_success_at: row.last_success_at,
      seen: row.seen,
      added: row.added,
      updated: row.updated,
      closed: row.closed,
      last_error: row.last_error === null ? null : said(parsed(row.last_error), lang),
      rows_written: row.rows_written,
      notes: [...(notes.run ?? []), ...(notes.details ? [notes.details] : [])].map((note) => said(note, lang)),
      details_pending: !!notes.details,
    },
  };
}

/** A note or error in the reader's language; rows from before both were kept hold plain English text. */
function said(value: unknown, lang: Lang): string {
  if (typeof value !== "object" || value === null) return String(value);
  const text = value as Partial<Text>;
  return text[lang] ?? text.en ?? text.de ?? "";
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

interface Notes {
  run?: (string | Text)[];
  /** Set while description steps are still queued (import/run.ts), cleared by the last one. */
  details?: string | Text | null;
}
