/** Reading events for the calendar and its iCalendar feeds. */
import type { Cursor } from "../../../shared/schemas/common.ts";

export interface EventFilters {
  towns?: readonly string[] | undefined;
  kinds?: readonly string[] | undefined;
  /** Events still running at or after this instant (ISO, UTC). */
  from: string;
  /** Events starting before this instant (ISO, UTC). */
  before?: string | undefined;
  after?: Cursor | undefined;
  limit: number;
}

export interface EventRow {
  id: number;
  kind: string;
  title: string;
  description: string;
  town_id: string;
  town_name: string;
  venue: string;
  address: string | null;
  organizer: string;
  url: string | null;
  starts_at: string;
  ends_at: string;
  /** 1: a whole-day event, from Berlin midnight to Berlin midnight (the end exclusive). */
  all_day: number;
  updated_at: string;
  /** Set when the team cancelled it: it stays in the feeds, marked, so calendars update. */
  cancelled_at: string | null;
  /** RFC 5545 SEQUENCE, raised by changes of date, time or place and by cancelling. */
  sequence: number;
}

const COLUMNS = `e.id, e.kind, e.title, e.description, e.town_id, t.name AS town_name, e.venue, e.address,
  e.organizer, e.url, e.starts_at, e.ends_at, e.all_day, e.updated_at, e.cancelled_at, e.sequence`;

function where(f: Omit<EventFilters, "limit">): { sql: string; params: (string | number)[] } {
  const conditions = ["e.ends_at >= ?"];
  const params: (string | number)[] = [f.from];
  if (f.before) {
    conditions.push("e.starts_at < ?");
    params.push(f.before);
  }
  for (const [column, values] of [
    ["e.town_id", f.towns],
    ["e.kind", f.kinds],
  ] as const) {
    if (values) {
      conditions.push(`${column} IN (${values.map(() => "?").join(", ")})`);
      params.push(...values);
    }
  }
  if (f.after && typeof f.after.key === "string") {
    conditions.push("(e.starts_at > ? OR (e.starts_at = ? AND e.id > ?))");
    params.push(f.after.key, f.after.key, f.after.id);
  }
  return { sql: conditions.join(" AND "), params };
}

export async function listEvents(db: D1Database, f: EventFilters): Promise<EventRow[]> {
  const { sql, params } = where(f);
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM events e JOIN towns t ON t.id = e.town_id
       WHERE ${sql} ORDER BY e.starts_at, e.id LIMIT ?`,
    )
    .bind(...params, f.limit)
    .all<EventRow>();
  return results;
}

/** How many events match the filters in all, over every page. */
export async function countEvents(db: D1Database, f: Omit<EventFilters, "limit" | "after">): Promise<number> {
  const { sql, params } = where(f);
  const row = await db
    .prepare(`SELECT count(*) AS n FROM events e WHERE ${sql}`)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export async function getEvent(db: D1Database, id: number): Promise<EventRow | null> {
  return db
    .prepare(`SELECT ${COLUMNS} FROM events e JOIN towns t ON t.id = e.town_id WHERE e.id = ?`)
    .bind(id)
    .first<EventRow>();
}
