/** The import sources and their health (migration 0008). */
import type { Text } from "../../../shared/i18n.ts";

export type SourceState = "new" | "healthy" | "degraded" | "failing";

export interface SourceRow {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  params: string;
  employer_id: string | null;
  town_id: string | null;
  every_minutes: number;
  enabled: number;
  state: SourceState;
  last_run_at: string | null;
  last_success_at: string | null;
  seen: number;
  added: number;
  updated: number;
  closed: number;
  /** What went wrong, as JSON `{ de, en }` (plain text in rows written before both languages were kept). */
  last_error: string | null;
  /** JSON: `run`, what the last good run wants the team to know; `details`, how the descriptions go. */
  notes: string | null;
  rows_written: number;
  created_at: string;
}

export interface NewSource {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  params?: Record<string, unknown>;
  employer_id?: string | null;
  town_id?: string | null;
  every_minutes?: number;
}

export async function addSource(db: D1Database, s: NewSource, now: string): Promise<void> {
  await db
    .prepare(
      `INSERT INTO sources (id, kind, name, url, params, employer_id, town_id, every_minutes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      s.id,
      s.kind,
      s.name,
      s.url,
      JSON.stringify(s.params ?? {}),
      s.employer_id ?? null,
      s.town_id ?? null,
      s.every_minutes ?? 360,
      now,
    )
    .run();
}

export function getSource(db: D1Database, id: string): Promise<SourceRow | null> {
  return db.prepare("SELECT * FROM sources WHERE id = ?").bind(id).first<SourceRow>();
}

export async function listSources(db: D1Database): Promise<SourceRow[]> {
  return (await db.prepare("SELECT * FROM sources ORDER BY id").all<SourceRow>()).results;
}

/** Enabled sources whose schedule says they are due at `now` (never run counts as due). */
export async function dueSources(db: D1Database, now: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM sources
       WHERE enabled = 1 AND kind != 'demo'
         AND (last_run_at IS NULL OR datetime(last_run_at, '+' || every_minutes || ' minutes') <= datetime(?))
       ORDER BY last_run_at IS NOT NULL, last_run_at`,
    )
    .bind(now)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

export interface RunCounts {
  seen: number;
  added: number;
  updated: number;
  closed: number;
}

/**
 * A run that answered and was applied, with what it wants the team to know, and whether description
 * steps follow (their note stays until the last step is done).
 */
export function recordSuccess(
  db: D1Database,
  id: string,
  counts: RunCounts,
  now: string,
  notes: Text[],
  detailsNote: Text | null,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE sources SET state = 'healthy', last_run_at = ?, last_success_at = ?, seen = ?, added = ?,
              updated = ?, closed = ?, last_error = NULL,
              notes = json_remove(json_set(coalesce(notes, '{}'), '$.run', json(?), '$.details', json(?)), '$.drift')
       WHERE id = ?`,
    )
    .bind(
      now,
      now,
      counts.seen,
      counts.added,
      counts.updated,
      counts.closed,
      JSON.stringify(notes),
      JSON.stringify(detailsNote),
      id,
    );
}

/** D1 rows a run wrote: a run's first step starts the count, its description steps add to it. */
export async function recordWrites(db: D1Database, id: string, rows: number, first: boolean): Promise<void> {
  await db
    .prepare(`UPDATE sources SET rows_written = ${first ? "" : "rows_written + "}? WHERE id = ?`)
    .bind(rows, id)
    .run();
}

/** A suspicious drop in a source's count, remembered to tell a lasting one from a glitch. */
export async function recordDrift(db: D1Database, id: string, drift: { seen: number; runs: number }): Promise<void> {
  await db
    .prepare("UPDATE sources SET notes = json_set(coalesce(notes, '{}'), '$.drift', json(?)) WHERE id = ?")
    .bind(JSON.stringify(drift), id)
    .run();
}

/** How fetching the descriptions goes (null: all done). */
export async function recordDetailsNote(db: D1Database, id: string, note: Text | null): Promise<void> {
  await db
    .prepare("UPDATE sources SET notes = json_set(coalesce(notes, '{}'), '$.details', json(?)) WHERE id = ?")
    .bind(JSON.stringify(note), id)
    .run();
}

/** A run that changed nothing: the source failed, or its answer looked wrong (degraded). */
export async function recordProblem(
  db: D1Database,
  id: string,
  state: "degraded" | "failing",
  error: Text,
  now: string,
): Promise<void> {
  // Kept in both languages (JSON), so the console shows it in the reader's.
  const text = JSON.stringify({ de: error.de.slice(0, 500), en: error.en.slice(0, 500) });
  await db
    .prepare("UPDATE sources SET state = ?, last_run_at = ?, last_error = ? WHERE id = ?")
    .bind(state, now, text, id)
    .run();
}

export interface SourceChanges {
  name?: string | undefined;
  url?: string | undefined;
  every_minutes?: number | undefined;
  enabled?: boolean | undefined;
  params?: Record<string, unknown> | undefined;
}

/** Changes what was given; the health stays. */
export async function updateSource(db: D1Database, id: string, changes: SourceChanges): Promise<void> {
  const sets: string[] = [];
  const values: (string | number)[] = [];
  const set = (column: string, value: string | number | undefined) => {
    if (value === undefined) return;
    sets.push(`${column} = ?`);
    values.push(value);
  };
  set("name", changes.name);
  set("url", changes.url);
  set("every_minutes", changes.every_minutes);
  set("enabled", changes.enabled === undefined ? undefined : changes.enabled ? 1 : 0);
  set("params", changes.params === undefined ? undefined : JSON.stringify(changes.params));
  if (sets.length === 0) return;
  await db
    .prepare(`UPDATE sources SET ${sets.join(", ")} WHERE id = ?`)
    .bind(...values, id)
    .run();
}

/** How many sources are in each state (for /healthz?details=1: states only, never URLs). */
export async function sourceStates(db: D1Database): Promise<Record<SourceState, number>> {
  const { results } = await db
    .prepare("SELECT state, count(*) AS n FROM sources WHERE enabled = 1 AND kind != 'demo' GROUP BY state")
    .all<{ state: SourceState; n: number }>();
  const out: Record<SourceState, number> = { new: 0, healthy: 0, degraded: 0, failing: 0 };
  for (const r of results) out[r.state] = r.n;
  return out;
}

export async function employerExists(db: D1Database, id: string): Promise<boolean> {
  return (await db.prepare("SELECT 1 AS x FROM employers WHERE id = ?").bind(id).first("x")) !== null;
}
