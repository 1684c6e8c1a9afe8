/**
 * One import run of one source: fetch, read with the source kind's adapter, compare, write. A source that
 * fails (unreachable, an error status, too large, not the format or shape its kind promises) or whose
 * answer looks wrong (fewer than half the items of its last good run) changes nothing and says why in its
 * health. Sources whose list lacks descriptions (the Jobbörse) fetch them per job in further steps, each a
 * queue message of its own, so no single run outgrows Workers' limits.
 */
import type { Text } from "../../../shared/i18n.ts";
import { getEmployer } from "../db/region.ts";
import { planSourceEvents } from "../db/source-events.ts";
import { detailStatements, type JobDetails, jobsNeedingDetails, planSourceJobs } from "../db/source-jobs.ts";
import {
  getSource,
  recordDetailsNote,
  recordDrift,
  recordProblem,
  recordSuccess,
  recordWrites,
  type SourceRow,
} from "../db/sources.ts";
import type { Adapter, JobAdapter, ReadContext } from "./adapter.ts";
import { baJobsuche } from "./ba-jobsuche.ts";
import { calendarSource } from "./calendar-source.ts";
import { counted, noun } from "./counted.ts";
import { dvinci } from "./dvinci.ts";
import { SourceFailure } from "./fetch-source.ts";
import { greenhouse } from "./greenhouse.ts";
import { jsonldPage } from "./jsonld-page.ts";
import { lever } from "./lever.ts";
import { inParallel } from "./parallel.ts";
import { personio } from "./personio.ts";
import { recruitee } from "./recruitee.ts";
import { softgarden } from "./softgarden.ts";

// One adapter per kind, each in its own file.
const ADAPTERS: Record<string, Adapter | undefined> = {
  ics: calendarSource,
  ba_jobsuche: baJobsuche,
  personio_xml: personio,
  softgarden_feed: softgarden,
  dvinci_json: dvinci,
  recruitee_json: recruitee,
  greenhouse_json: greenhouse,
  lever_json: lever,
  jsonld_page: jsonldPage,
};

// Details fetched per queue message, and how many at once: well inside a Worker's subrequest limit, and
// gentle with a service that answers bursts with 403.
const DETAILS_PER_STEP = 300;
// Runs in a row with the same, much smaller count before that count is believed.
const DRIFT_RUNS = 3;
const DETAILS_PARALLEL = 4;

// The note a source shows while description steps are still queued; its health's `details_pending` says the
// same for programs (scripts/imports.ts waits on it).
const detailsPending = (after?: number): Text => ({
  de: `Die Beschreibungen werden noch abgerufen${after === undefined ? "" : ` (nach Stelle ${after})`}`,
  en: `Descriptions still being fetched${after === undefined ? "" : ` (after job ${after})`}`,
});

export type RunOutcome =
  | { state: "healthy"; seen: number; added: number; updated: number; closed: number; merged: number; writes: number }
  // The error in English, for logs and scripts; the source's health keeps it in both languages.
  | { state: "degraded" | "failing"; error: string }
  | { state: "skipped" };

/** Sends the next step of a run (queue.ts): the details from job `after` on. */
export type Continue = (after: number) => Promise<void>;

async function context(env: Env, source: SourceRow, now: Date): Promise<ReadContext> {
  const employer = source.employer_id ? await getEmployer(env.DB, source.employer_id) : null;
  return {
    source,
    params: JSON.parse(source.params) as Record<string, unknown>,
    employer: employer ? { id: employer.id, name: employer.name, town_id: employer.town_id } : null,
    env,
    now,
  };
}

const rowsWritten = (results: D1Result[]) => results.reduce((n, r) => n + Number(r.meta.rows_written ?? 0), 0);

export async function importSource(env: Env, id: string, now = new Date(), next?: Continue): Promise<RunOutcome> {
  const db = env.DB;
  const source = await getSource(db, id);
  if (source?.enabled !== 1 || source.kind === "demo") return { state: "skipped" };
  const at = now.toISOString();
  const problem = async (state: "degraded" | "failing", error: Text): Promise<RunOutcome> => {
    await recordProblem(db, id, state, error, at);
    return { state, error: error.en };
  };
  const adapter = ADAPTERS[source.kind];
  if (!adapter)
    return problem("failing", {
      de: `noch kein Import für die Art ${source.kind}`,
      en: `no importer for the kind ${source.kind} yet`,
    });
  const ctx = await context(env, source, now);

  let read: Awaited<ReturnType<Adapter["read"]>>;
  try {
    read = await adapter.read(ctx);
  } catch (error) {
    if (error instanceof SourceFailure) return problem("failing", error.text);
    // Adapters touch no D1: anything else they throw is this source's answer tripping our code. It is
    // recorded like a failure (a retry would only fail again and end in the dead-letter queue unseen).
    console.error("import adapter failed", id, error);
    const detail = error instanceof Error ? error.message.slice(0, 200) : "unknown error";
    return problem("failing", { de: `nicht lesbar (${detail})`, en: `could not be read (${detail})` });
  }
  const plan =
    "jobs" in read
      ? {
          items: read.jobs,
          notes: read.notes,
          ...(await planSourceJobs(
            db,
            {
              id,
              employer_id: source.employer_id,
              yields: source.kind === "ba_jobsuche",
              last_success_at: source.last_success_at,
            },
            read.jobs,
            at,
            read.complete,
          )),
        }
      : { items: read, notes: [] as Text[], merged: 0, ...(await planSourceEvents(db, id, read, at)) };
  const seen = plan.items.length;
  if (source.last_success_at && plan.before > 0 && seen < plan.before / 2) {
    // A drop that stays is real (an employer cut back, a board closed): the same count on DRIFT_RUNS runs
    // in a row is accepted. Until then nothing changes, and the source says why.
    const drift = (JSON.parse(source.notes ?? "{}") as { drift?: { seen: number; runs: number } }).drift;
    const runs = drift?.seen === seen ? drift.runs + 1 : 1;
    if (runs < DRIFT_RUNS) {
      await recordDrift(db, id, { seen, runs });
      const more = DRIFT_RUNS - runs;
      return problem("degraded", {
        de: `${counted(seen, adapter.target, "de")} statt ${plan.before} beim letzten Mal: nichts geändert (übernommen, wenn es noch ${counted(more, "runs", "de")} so bleibt)`,
        en: `${counted(seen, adapter.target, "en")} instead of ${plan.before} last time: nothing changed (accepted if it stays so for ${more} more ${noun(more, "runs", "en")})`,
      });
    }
    plan.notes.push({
      de: `${counted(seen, adapter.target, "de")} statt ${plan.before}: übernommen nach ${DRIFT_RUNS} Läufen in Folge`,
      en: `${counted(seen, adapter.target, "en")} instead of ${plan.before}: accepted after ${DRIFT_RUNS} runs in a row`,
    });
  }
  const counts = { seen, added: plan.added, updated: plan.updated, closed: plan.closed };
  // The items and the source's health land together or not at all.
  const details = adapter.target === "jobs" && adapter.details !== undefined;
  const results = await db.batch([
    ...plan.statements,
    recordSuccess(db, id, counts, at, plan.notes, details ? detailsPending() : null),
  ]);
  const writes = rowsWritten(results.slice(0, -1));
  await recordWrites(db, id, writes, true);
  if (details) await importDetails(env, id, 0, now, next);
  return { state: "healthy", ...counts, merged: plan.merged, writes };
}

/**
 * One step of fetching descriptions: the next DETAILS_PER_STEP jobs of the source whose details are due,
 * from job id `after` on. A job whose details answer 403 or 404 keeps what it had and is tried again on the
 * next run; the Jobbörse answers so to bursts and for jobs just taken down.
 */
export async function importDetails(
  env: Env,
  id: string,
  after: number,
  now = new Date(),
  next?: Continue,
): Promise<number> {
  const source = await getSource(env.DB, id);
  const adapter = source ? ADAPTERS[source.kind] : undefined;
  if (source?.enabled !== 1 || adapter?.target !== "jobs" || !adapter.details) return 0;
  const details: NonNullable<JobAdapter["details"]> = adapter.details;
  const ctx = await context(env, source, now);
  const at = now.toISOString();
  const due = await jobsNeedingDetails(env.DB, id, at, after, DETAILS_PER_STEP);
  const fetched: JobDetails[] = [];
  let refused = 0;
  await inParallel(
    due.map((job) => async () => {
      try {
        const text = await details(ctx, job.source_key);
        fetched.push({ ...job, version: job.source_version, ...text });
      } catch (error) {
        // 403/404 (the Jobbörse under load, a job just taken down) or an answer we cannot read: kept as
        // it is and tried again next run.
        if (!(error instanceof SourceFailure)) console.error("import details failed", id, job.source_key, error);
        refused++;
      }
    }),
    DETAILS_PARALLEL,
  );
  if (fetched.length > 0)
    await recordWrites(env.DB, id, rowsWritten(await env.DB.batch(await detailStatements(env.DB, fetched, at))), false);
  const last = due.at(-1)?.id;
  const more = due.length === DETAILS_PER_STEP && last !== undefined;
  const left = more ? detailsPending(last) : null;
  const failed: Text | null =
    refused > 0
      ? {
          de:
            refused === 1
              ? "1 Beschreibung ließ sich nicht abrufen; sie wird beim nächsten Lauf erneut versucht"
              : `${refused} Beschreibungen ließen sich nicht abrufen; sie werden beim nächsten Lauf erneut versucht`,
          en: `${counted(refused, "descriptions", "en")} could not be fetched; tried again on the next run`,
        }
      : null;
  await recordDetailsNote(env.DB, id, left ?? failed);
  if (more && next) await next(last);
  return fetched.length;
}
