/**
 * What an adapter is: one per source kind, in its own file, reading the source into our jobs or events.
 * run.ts picks the adapter by the source's kind and writes what it read; adapters never touch D1.
 */
import type { z } from "zod";
import type { Text } from "../../../shared/i18n.ts";
import type { SourceEvent } from "../db/source-events.ts";
import type { SourceJob } from "../db/source-jobs.ts";
import type { SourceRow } from "../db/sources.ts";
import { SourceFailure } from "./fetch-source.ts";

export interface ReadContext {
  source: SourceRow;
  /** The source's kind-specific settings (sources.params). */
  params: Record<string, unknown>;
  /** The employer whose own feed this is (null for the Jobbörse and calendars). */
  employer: { id: string; name: string; town_id: string } | null;
  env: Env;
  now: Date;
}

export interface JobsRead {
  jobs: SourceJob[];
  /** False when part of the source could not be read: then no job is closed for missing from it. */
  complete: boolean;
  /** What the team should know although the run succeeded (occupations with no category…). */
  notes: Text[];
}

export interface JobAdapter {
  target: "jobs";
  read(ctx: ReadContext): Promise<JobsRead>;
  /** For sources whose list lacks the description: fetches it per job (see run.ts importDetails). */
  details?: (ctx: ReadContext, sourceKey: string) => Promise<{ description: string; description_html: string | null }>;
}

export interface EventAdapter {
  target: "events";
  read(ctx: ReadContext): Promise<SourceEvent[]>;
}

export type Adapter = JobAdapter | EventAdapter;

/** The part of an answer we rely on, checked: a changed shape fails loudly instead of importing nothing. */
export function expectShape<S extends z.ZodType>(schema: S, data: unknown, what: Text): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue?.path.length ? issue.path.join(".") : "the top";
  const detail = `${at}: ${issue?.message ?? "invalid"}`;
  throw new SourceFailure({
    de: `${what.de} hat nicht mehr die Form, die der Import liest (${detail})`,
    en: `${what.en} no longer has the shape we read (${detail})`,
  });
}

/** The source's URL, which every kind but the Jobbörse needs. */
export function sourceUrl(ctx: ReadContext): string {
  if (!ctx.source.url) throw new SourceFailure({ de: "die Quelle hat keine Adresse", en: "the source has no URL" });
  return ctx.source.url;
}
