/**
 * Writing a source's events: upsert by (source, the source's own key), leaving rows that did not change
 * untouched, and cancelling the source's events that left it, all in one batch with the source's health.
 * Cancelled, not deleted: a calendar that subscribed to our feed then shows the date as cancelled (same UID,
 * STATUS:CANCELLED, a higher SEQUENCE) instead of keeping a ghost; one that comes back is set again.
 */
import { jsonChunks, pick } from "./json-rows.ts";
import type { EventRow } from "./rows.ts";

/** An event as a source gives it: the row of `events` without our id, with the source's key for it. */
export type SourceEvent = Omit<EventRow, "id" | "updated_at"> & { source_key: string; all_day: number };

const FIELDS = [
  "kind",
  "title",
  "description",
  "town_id",
  "venue",
  "address",
  "organizer",
  "url",
  "starts_at",
  "ends_at",
  "all_day",
] as const;

type Stored = SourceEvent & { id: number; cancelled_at: string | null };

export interface SyncPlan {
  statements: D1PreparedStatement[];
  added: number;
  updated: number;
  closed: number;
  /** How many events the source had before this run (the drift check compares against it). */
  before: number;
}

/** The statements that make the source's events in D1 equal `events`; nothing for rows already equal. */
export async function planSourceEvents(
  db: D1Database,
  sourceId: string,
  events: SourceEvent[],
  now: string,
): Promise<SyncPlan> {
  const { results } = await db
    .prepare(`SELECT id, source_key, cancelled_at, ${FIELDS.join(", ")} FROM events WHERE source_id = ?`)
    .bind(sourceId)
    .all<Stored>();
  const stored = new Map(results.map((r) => [r.source_key, r]));
  const inserts: SourceEvent[] = [];
  const updates: (SourceEvent & { id: number })[] = [];
  const kept = new Set<string>();
  for (const event of events) {
    kept.add(event.source_key);
    const old = stored.get(event.source_key);
    if (!old) inserts.push(event);
    else if (old.cancelled_at !== null || FIELDS.some((f) => old[f] !== event[f]))
      updates.push({ ...event, id: old.id });
  }
  const gone = results.filter((r) => !kept.has(r.source_key) && r.cancelled_at === null).map((r) => r.id);
  // Rows travel as one JSON parameter per statement (db/json-rows.ts): a calendar brings up to a
  // thousand occurrences, and D1 allows 100 bound parameters and 1,000 statements per invocation.
  const statements: D1PreparedStatement[] = [
    ...jsonChunks(inserts).map((part) =>
      db
        .prepare(
          `INSERT INTO events (source_id, source_key, ${FIELDS.join(", ")}, updated_at, first_seen_at, last_seen_at)
           SELECT ?, ${pick("source_key")}, ${FIELDS.map(pick).join(", ")}, ?, ?, ? FROM json_each(?) v`,
        )
        .bind(sourceId, now, now, now, part),
    ),
    ...jsonChunks(updates).map((part) =>
      db
        .prepare(
          `UPDATE events SET ${FIELDS.map((f) => `${f} = ${pick(f)}`).join(", ")}, updated_at = ?, last_seen_at = ?,
             cancelled_at = NULL, sequence = sequence + 1
           FROM json_each(?) v WHERE events.id = ${pick("id")}`,
        )
        .bind(now, now, part),
    ),
  ];
  if (gone.length > 0)
    statements.push(
      db
        .prepare(
          `UPDATE events SET cancelled_at = ?1, sequence = sequence + 1, updated_at = ?1
           WHERE source_id = ?2 AND id IN (SELECT value FROM json_each(?3))`,
        )
        .bind(now, sourceId, JSON.stringify(gone)),
    );
  const added = inserts.length;
  const updated = updates.length;
  return { statements, added, updated, closed: gone.length, before: results.length };
}
