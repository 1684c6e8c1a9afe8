/**
 * Writing a source's events: upsert by (source, the source's own key), leaving rows that did not change
 * untouched, and removing the source's events that left it, all in one batch with the source's health.
 */
import { chunks, type EventRow } from "./rows.ts";

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

type Stored = SourceEvent & { id: number };

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
    .prepare(`SELECT id, source_key, ${FIELDS.join(", ")} FROM events WHERE source_id = ?`)
    .bind(sourceId)
    .all<Stored>();
  const stored = new Map(results.map((r) => [r.source_key, r]));
  const statements: D1PreparedStatement[] = [];
  let added = 0;
  let updated = 0;
  const kept = new Set<string>();
  for (const event of events) {
    kept.add(event.source_key);
    const old = stored.get(event.source_key);
    if (!old) {
      added++;
      statements.push(
        db
          .prepare(
            `INSERT INTO events (source_id, source_key, ${FIELDS.join(", ")}, updated_at, first_seen_at, last_seen_at)
             VALUES (?, ?, ${FIELDS.map(() => "?").join(", ")}, ?, ?, ?)`,
          )
          .bind(sourceId, event.source_key, ...FIELDS.map((f) => event[f]), now, now, now),
      );
    } else if (FIELDS.some((f) => old[f] !== event[f])) {
      updated++;
      statements.push(
        db
          .prepare(
            `UPDATE events SET ${FIELDS.map((f) => `${f} = ?`).join(", ")}, updated_at = ?, last_seen_at = ? WHERE id = ?`,
          )
          .bind(...FIELDS.map((f) => event[f]), now, now, old.id),
      );
    }
  }
  const gone = results.filter((r) => !kept.has(r.source_key)).map((r) => r.id);
  // D1 allows 100 bound parameters per statement.
  for (const ids of chunks(gone, 99)) {
    statements.push(
      db
        .prepare(`DELETE FROM events WHERE source_id = ? AND id IN (${ids.map(() => "?").join(", ")})`)
        .bind(sourceId, ...ids),
    );
  }
  return { statements, added, updated, closed: gone.length, before: results.length };
}
