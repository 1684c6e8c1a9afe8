/**
 * One import run of one source: fetch, read with the source kind's adapter, compare, write. A source that
 * fails (unreachable, an error status, too large, not the format its kind promises) or whose answer looks
 * wrong (fewer than half the items of its last good run) changes nothing and says why in its health.
 */
import { planSourceEvents, type SourceEvent } from "../db/source-events.ts";
import { getSource, recordProblem, recordSuccess, type SourceRow } from "../db/sources.ts";
import { calendarSource } from "./calendar-source.ts";
import { fetchSource, SourceFailure } from "./fetch-source.ts";
import { CalendarError } from "./ics.ts";

interface EventAdapter {
  accept: string;
  events(body: string, source: SourceRow, now: Date): SourceEvent[];
}

// One adapter per kind, each in its own file; the kinds without one yet are refused with that reason.
const ADAPTERS: Partial<Record<string, EventAdapter>> = { ics: calendarSource };

export type RunOutcome =
  | { state: "healthy"; seen: number; added: number; updated: number; closed: number }
  | { state: "degraded" | "failing"; error: string }
  | { state: "skipped" };

export async function importSource(env: Env, id: string, now = new Date()): Promise<RunOutcome> {
  const db = env.DB;
  const source = await getSource(db, id);
  if (source?.enabled !== 1 || source.kind === "demo") return { state: "skipped" };
  const at = now.toISOString();
  const problem = async (state: "degraded" | "failing", error: string): Promise<RunOutcome> => {
    await recordProblem(db, id, state, error, at);
    return { state, error };
  };
  const adapter = ADAPTERS[source.kind];
  if (!adapter) return problem("failing", `no importer for the kind ${source.kind} yet`);
  if (!source.url) return problem("failing", "the source has no URL");

  let events: SourceEvent[];
  try {
    events = adapter.events(await fetchSource(source.url, adapter.accept), source, now);
  } catch (error) {
    if (error instanceof SourceFailure || error instanceof CalendarError) return problem("failing", error.message);
    throw error;
  }
  const plan = await planSourceEvents(db, id, events, at);
  if (source.last_success_at && plan.before > 0 && events.length < plan.before / 2) {
    return problem("degraded", `${events.length} events instead of ${plan.before} last time: nothing changed`);
  }
  const counts = { seen: events.length, added: plan.added, updated: plan.updated, closed: plan.closed };
  // The events and the source's health land together or not at all.
  await db.batch([...plan.statements, recordSuccess(db, id, counts, at)]);
  return { state: "healthy", ...counts };
}
