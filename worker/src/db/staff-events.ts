/**
 * Events as the team runs them (migration 0013): the upcoming ones of a scope with their series and
 * source, single dates and series written with their audit entry in one batch, changes and cancellations
 * that raise the iCalendar SEQUENCE. Only events made in the console (no source) are ever changed here.
 */
import { marks } from "./placeholders.ts";
import type { EventRow } from "./rows.ts";
import type { AuditEntry } from "./staff.ts";

/** An event row (db/rows.ts) with what the team's view adds: cancellation, series, source. */
export interface StaffEventRow extends Omit<EventRow, "updated_at"> {
  all_day: number;
  cancelled_at: string | null;
  series_id: string | null;
  series_rule: string | null;
  series_ended_at: string | null;
  source_id: string | null;
  source_name: string | null;
  /** Invitations sent for it and the answers (migration 0018): counts, never who. */
  invited: number;
  said_yes: number;
  said_no: number;
}

const COLUMNS = `e.id, e.kind, e.title, e.description, e.town_id, e.venue, e.address, e.organizer, e.url,
  e.starts_at, e.ends_at, e.all_day, e.cancelled_at, e.series_id, s.rule AS series_rule,
  s.ended_at AS series_ended_at, e.source_id, src.name AS source_name,
  (SELECT count(*) FROM event_invites i WHERE i.event_id = e.id) AS invited,
  (SELECT count(*) FROM event_invites i WHERE i.event_id = e.id AND i.answer = 'yes') AS said_yes,
  (SELECT count(*) FROM event_invites i WHERE i.event_id = e.id AND i.answer = 'no') AS said_no`;
const FROM = `FROM events e LEFT JOIN event_series s ON s.id = e.series_id
  LEFT JOIN sources src ON src.id = e.source_id`;

export async function listStaffEvents(
  db: D1Database,
  f: { from: string; towns: readonly string[] | undefined; madeHere: boolean; limit: number },
): Promise<StaffEventRow[]> {
  const towns = `${f.towns ? `AND e.town_id IN (${marks(f.towns)})` : ""} ${f.madeHere ? "AND e.source_id IS NULL" : ""}`;
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE e.ends_at >= ? ${towns} ORDER BY e.starts_at, e.id LIMIT ?`)
    .bind(f.from, ...(f.towns ?? []), f.limit)
    .all<StaffEventRow>();
  return results;
}

export function getStaffEvent(db: D1Database, id: number): Promise<StaffEventRow | null> {
  return db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE e.id = ?`).bind(id).first<StaffEventRow>();
}

/** What a dated event holds, whether alone or one of a series. */
export type NewEvent = Omit<EventRow, "id" | "updated_at"> & { all_day: boolean };

function insertEvent(db: D1Database, e: NewEvent, staffId: string, seriesId: string | null, now: string) {
  return db
    .prepare(
      `INSERT INTO events (kind, title, description, town_id, venue, address, organizer, url, starts_at, ends_at,
         all_day, updated_at, series_id, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      e.kind,
      e.title,
      e.description,
      e.town_id,
      e.venue,
      e.address,
      e.organizer,
      e.url,
      e.starts_at,
      e.ends_at,
      e.all_day ? 1 : 0,
      now,
      seriesId,
      staffId,
    );
}

/** The audit entry for the event just inserted in the same batch (its id is the batch's last rowid). */
function auditNewEvent(db: D1Database, staffId: string, now: string) {
  return db
    .prepare(
      `INSERT INTO audit_log (at, staff_id, action, person_id, detail)
       VALUES (?, ?, 'event.create', NULL, json_object('event', last_insert_rowid()))`,
    )
    .bind(now, staffId);
}

/** One event and its audit entry, together; answers the new event's id. */
export async function createEvent(db: D1Database, e: NewEvent, staffId: string, now: string): Promise<number> {
  const [inserted] = await db.batch([insertEvent(db, e, staffId, null, now), auditNewEvent(db, staffId, now)]);
  return Number(inserted?.meta.last_row_id);
}

export interface NewSeries {
  id: string;
  rule: unknown;
  start_time: string;
  end_time: string;
  first_date: string;
  until_date: string;
}

/** A series, all its dated events and one audit entry, in one batch: all of it or nothing. */
export async function createSeries(
  db: D1Database,
  s: NewSeries,
  details: Omit<NewEvent, "starts_at" | "ends_at" | "all_day">,
  dates: { starts_at: string; ends_at: string }[],
  audit: AuditEntry,
  now: string,
): Promise<void> {
  await db.batch([
    db
      .prepare(
        `INSERT INTO event_series (id, kind, title, description, town_id, venue, address, organizer, url, rule,
           start_time, end_time, first_date, until_date, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        s.id,
        details.kind,
        details.title,
        details.description,
        details.town_id,
        details.venue,
        details.address,
        details.organizer,
        details.url,
        JSON.stringify(s.rule),
        s.start_time,
        s.end_time,
        s.first_date,
        s.until_date,
        audit.staff_id,
        now,
        now,
      ),
    ...dates.map((d) => insertEvent(db, { ...details, ...d, all_day: false }, audit.staff_id, s.id, now)),
    db
      .prepare("INSERT INTO audit_log (at, staff_id, action, person_id, detail) VALUES (?, ?, ?, NULL, ?)")
      .bind(now, audit.staff_id, audit.action, JSON.stringify(audit.detail ?? {})),
  ]);
}

export type EventChanges = { [K in keyof Omit<NewEvent, "town_id">]?: NewEvent[K] | undefined };

const CHANGEABLE = [
  "kind",
  "title",
  "description",
  "venue",
  "address",
  "organizer",
  "url",
  "starts_at",
  "ends_at",
  "all_day",
] as const;
// A calendar app must take these as a new version of the event (RFC 5545 §3.8.7.4).
const SIGNIFICANT = new Set<string>(["starts_at", "ends_at", "all_day", "venue", "address"]);

/** Changes one event made in the console that is not cancelled; false when there is none such. */
export function updateEventStatement(db: D1Database, id: number, c: EventChanges, now: string): D1PreparedStatement {
  const keys = CHANGEABLE.filter((k) => c[k] !== undefined);
  const bump = keys.some((k) => SIGNIFICANT.has(k)) ? 1 : 0;
  const values = keys.map((k) => (k === "all_day" ? (c[k] ? 1 : 0) : (c[k] as string | null)));
  return db
    .prepare(
      `UPDATE events SET ${keys.map((k) => `${k} = ?`).join(", ")}${keys.length ? ", " : ""}
         sequence = sequence + ${bump}, updated_at = ?
       WHERE id = ? AND source_id IS NULL AND cancelled_at IS NULL`,
    )
    .bind(...values, now, id);
}

export function cancelEventStatement(db: D1Database, id: number, now: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE events SET cancelled_at = ?1, sequence = sequence + 1, updated_at = ?1
       WHERE id = ?2 AND source_id IS NULL AND cancelled_at IS NULL`,
    )
    .bind(now, id);
}

/** A series' dates from `from` on that are still to come and not cancelled. */
export async function futureDates(db: D1Database, seriesId: string, from: string) {
  const { results } = await db
    .prepare(
      "SELECT id, starts_at FROM events WHERE series_id = ? AND starts_at >= ? AND cancelled_at IS NULL ORDER BY starts_at",
    )
    .bind(seriesId, from)
    .all<{ id: number; starts_at: string }>();
  return results;
}

type SeriesField = "title" | "description" | "venue" | "address" | "organizer" | "url" | "start_time" | "end_time";

export function updateSeriesStatement(
  db: D1Database,
  id: string,
  c: { [K in SeriesField]?: string | null | undefined },
  now: string,
): D1PreparedStatement {
  const keys = Object.keys(c).filter((k) => c[k as keyof typeof c] !== undefined) as (keyof typeof c)[];
  return db
    .prepare(
      `UPDATE event_series SET ${keys.map((k) => `${k} = ?`).join(", ")}${keys.length ? ", " : ""} updated_at = ?
       WHERE id = ? AND ended_at IS NULL`,
    )
    .bind(...keys.map((k) => c[k] ?? null), now, id);
}

/** Ends a series: its dates from `from` on are cancelled (and stay in the feeds as such). */
export function endSeriesStatements(db: D1Database, id: string, from: string, now: string): D1PreparedStatement[] {
  return [
    db
      .prepare("UPDATE event_series SET ended_at = ?1, updated_at = ?1 WHERE id = ?2 AND ended_at IS NULL")
      .bind(now, id),
    db
      .prepare(
        `UPDATE events SET cancelled_at = ?1, sequence = sequence + 1, updated_at = ?1
         WHERE series_id = ?2 AND starts_at >= ?3 AND cancelled_at IS NULL`,
      )
      .bind(now, id, from),
  ];
}

export function getSeries(db: D1Database, id: string) {
  return db
    .prepare("SELECT id, town_id, start_time, end_time, ended_at FROM event_series WHERE id = ?")
    .bind(id)
    .first<{ id: string; town_id: string; start_time: string; end_time: string; ended_at: string | null }>();
}

/**
 * The mails to an event's yes-sayers once it is cancelled, one statement per language, each written only if
 * the event was cancelled at `now` (by the statement before it in the same batch): cancelling twice mails
 * no one twice.
 */
export function cancellationMailStatements(
  db: D1Database,
  eventId: number,
  now: string,
  mails: Record<"de" | "en", { subject: string; text: string }>,
): D1PreparedStatement[] {
  return (["de", "en"] as const).map((lang) =>
    db
      .prepare(
        `INSERT INTO outbox (signup_id, to_address, subject, text, created_at)
         SELECT s.id, s.email, ?1, ?2, ?3 FROM event_invites i JOIN signups s ON s.id = i.signup_id
         WHERE i.event_id = ?4 AND i.answer = 'yes' AND (CASE WHEN s.lang = 'en' THEN 'en' ELSE 'de' END) = ?5
           AND EXISTS (SELECT 1 FROM events WHERE id = ?4 AND cancelled_at = ?3)`,
      )
      .bind(mails[lang].subject, mails[lang].text, now, eventId, lang),
  );
}

/** A series' dates from `from` on, not cancelled, that someone has said yes to: whom ending it concerns. */
export async function futureDatesWithGuests(db: D1Database, seriesId: string, from: string) {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.title, e.starts_at, e.all_day, e.venue, e.address, e.town_id FROM events e
       WHERE e.series_id = ? AND e.starts_at >= ? AND e.cancelled_at IS NULL
         AND EXISTS (SELECT 1 FROM event_invites i WHERE i.event_id = e.id AND i.answer = 'yes')`,
    )
    .bind(seriesId, from)
    .all<{
      id: number;
      title: string;
      starts_at: string;
      all_day: number;
      venue: string;
      address: string | null;
      town_id: string;
    }>();
  return results;
}
