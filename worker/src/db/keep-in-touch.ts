/**
 * What the job digest and the meet-up invitations read and write (worker/src/keep-in-touch/): who is due,
 * the jobs and events new to them, the per-person cap, and where each run leaves every person.
 */
import { BULK_KINDS } from "./outbox.ts";

// Lists of ids go in as one JSON parameter: D1 binds at most 100 parameters per statement.
const LIST = "(SELECT value FROM json_each(?))";

/** D1 rows a run read, summed from each answer's meta (bench:mail prints it). */
export interface RowMeter {
  rows_read: number;
}
const count = (meter: RowMeter | undefined, meta: { rows_read?: number }) => {
  if (meter) meter.rows_read += meta.rows_read ?? 0;
};

/** A person as the keep-in-touch runs need them. */
export interface Recipient {
  id: string;
  email: string;
  first_name: string | null;
  field: string | null;
  occupation: string | null;
  towns: string;
  lang: string;
  digest_every: "daily" | "weekly";
  digest_mark: string | null;
  link_version: number;
}

const RECIPIENT = "id, email, first_name, field, occupation, towns, lang, digest_every, digest_mark, link_version";
// Confirmed, still mailable, and wanting this purpose. `+status`: the pages walk the primary key in id
// order (keyset); an index on status would make each page read every confirmed row again.
const WANTS = `+status = 'confirmed' AND mail_stopped_at IS NULL
  AND EXISTS (SELECT 1 FROM json_each(signups.wants) WHERE value = ?)`;

/**
 * The next page (by id, after `after`) of people whose digest is due: never sent one yet, or their last
 * run is older than `dailyBefore` / `weeklyBefore` as they chose.
 */
export async function digestDue(
  db: D1Database,
  after: string,
  limit: number,
  dailyBefore: string,
  weeklyBefore: string,
  meter?: RowMeter,
): Promise<Recipient[]> {
  const { results, meta } = await db
    .prepare(
      `SELECT ${RECIPIENT} FROM signups
       WHERE id > ? AND ${WANTS}
         AND (digest_at IS NULL OR digest_at <= CASE digest_every WHEN 'daily' THEN ? ELSE ? END)
       ORDER BY id LIMIT ?`,
    )
    .bind(after, "job_offers", dailyBefore, weeklyBefore, limit)
    .all<Recipient>();
  count(meter, meta);
  return results;
}

/** An open job as the digest matches and lists it. */
export interface DigestJob {
  id: number;
  title: string;
  town_id: string;
  category: string;
  employer: string;
  first_seen_at: string;
  posted_at: string;
}

/**
 * Open jobs first seen in (`from`, `until`]: read once per step, through jobs_first_seen (`+valid_through`
 * keeps the planner off jobs_deadline, which would walk every open job).
 */
export async function newJobs(
  db: D1Database,
  from: string,
  until: string,
  now: string,
  meter?: RowMeter,
): Promise<DigestJob[]> {
  const { results, meta } = await db
    .prepare(
      `SELECT j.id, j.title, j.town_id, j.category, e.name AS employer, j.first_seen_at, j.posted_at
       FROM jobs j JOIN employers e ON e.id = j.employer_id
       WHERE j.first_seen_at > ? AND j.first_seen_at <= ? AND +j.valid_through > ? AND j.duplicate_of IS NULL
       ORDER BY j.posted_at DESC, j.id DESC`,
    )
    .bind(from, until, now)
    .all<DigestJob>();
  count(meter, meta);
  return results;
}

/** How many keep-in-touch mails each of these people was sent since `since` (for the cap). */
export async function recentBulkCounts(
  db: D1Database,
  ids: readonly string[],
  since: string,
  meter?: RowMeter,
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { results, meta } = await db
    .prepare(
      `SELECT signup_id, count(*) AS n FROM mail_log
       WHERE signup_id IN ${LIST} AND created_at > ? AND kind IN ${LIST}
       GROUP BY signup_id`,
    )
    .bind(JSON.stringify(ids), since, JSON.stringify(BULK_KINDS))
    .all<{ signup_id: string; n: number }>();
  count(meter, meta);
  return new Map(results.map((r) => [r.signup_id, r.n]));
}

/** The people looked at by a digest run: the next one starts after `mark`. */
export function digestDone(db: D1Database, ids: readonly string[], at: string, mark: string): D1PreparedStatement {
  return db
    .prepare(`UPDATE signups SET digest_at = ?, digest_mark = ? WHERE id IN ${LIST}`)
    .bind(at, mark, JSON.stringify(ids));
}

/** The next page of people whose invitation is due: none yet, or the last one before `before`. */
export async function invitationsDue(
  db: D1Database,
  after: string,
  limit: number,
  before: string,
): Promise<Recipient[]> {
  const { results } = await db
    .prepare(
      `SELECT ${RECIPIENT} FROM signups
       WHERE id > ? AND ${WANTS} AND (invited_at IS NULL OR invited_at <= ?)
       ORDER BY id LIMIT ?`,
    )
    .bind(after, "meetups", before, limit)
    .all<Recipient>();
  return results;
}

/** A coming event as an invitation lists it. */
export interface InvitationEvent {
  id: number;
  title: string;
  town_id: string;
  venue: string;
  address: string | null;
  starts_at: string;
  ends_at: string;
}

/** Events starting in [`from`, `until`) that are not cancelled. */
export async function comingEvents(db: D1Database, from: string, until: string): Promise<InvitationEvent[]> {
  const { results } = await db
    .prepare(
      `SELECT id, title, town_id, venue, address, starts_at, ends_at FROM events
       WHERE starts_at >= ? AND starts_at < ? AND cancelled_at IS NULL ORDER BY starts_at, id`,
    )
    .bind(from, until)
    .all<InvitationEvent>();
  return results;
}

/** Which of these people were invited to which of these events already: "signup_id event_id". */
export async function invitedPairs(
  db: D1Database,
  ids: readonly string[],
  eventIds: readonly number[],
): Promise<Set<string>> {
  if (ids.length === 0 || eventIds.length === 0) return new Set();
  const { results } = await db
    .prepare(
      `SELECT signup_id, event_id FROM event_invites
       WHERE signup_id IN ${LIST} AND event_id IN ${LIST}`,
    )
    .bind(JSON.stringify(ids), JSON.stringify(eventIds))
    .all<{ signup_id: string; event_id: number }>();
  return new Set(results.map((r) => `${r.signup_id} ${r.event_id}`));
}

export function inviteStatement(db: D1Database, eventId: number, signupId: string, at: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO event_invites (event_id, signup_id, invited_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
    .bind(eventId, signupId, at);
}

export function invitedStatement(db: D1Database, ids: readonly string[], at: string): D1PreparedStatement {
  return db.prepare(`UPDATE signups SET invited_at = ? WHERE id IN ${LIST}`).bind(at, JSON.stringify(ids));
}

/** A guest's invitation with its event, for the answer page. */
export interface Invitation extends InvitationEvent {
  answer: "yes" | "no" | null;
  lang: string;
  cancelled_at: string | null;
}

export function getInvitation(db: D1Database, eventId: number, signupId: string): Promise<Invitation | null> {
  return db
    .prepare(
      `SELECT e.id, e.title, e.town_id, e.venue, e.address, e.starts_at, e.ends_at, e.cancelled_at, i.answer, s.lang
       FROM event_invites i JOIN events e ON e.id = i.event_id JOIN signups s ON s.id = i.signup_id
       WHERE i.event_id = ? AND i.signup_id = ?`,
    )
    .bind(eventId, signupId)
    .first<Invitation>();
}

export function answerInvitation(db: D1Database, eventId: number, signupId: string, answer: "yes" | "no", at: string) {
  return db
    .prepare("UPDATE event_invites SET answer = ?, answered_at = ? WHERE event_id = ? AND signup_id = ?")
    .bind(answer, at, eventId, signupId)
    .run();
}

/** Leaves one purpose: it is taken out of what the person wants; the rest stays as it was. */
export function leavePurpose(db: D1Database, signupId: string, want: string) {
  return db
    .prepare(
      `UPDATE signups SET wants = (SELECT json_group_array(value) FROM json_each(signups.wants) WHERE value <> ?)
       WHERE id = ? AND EXISTS (SELECT 1 FROM json_each(signups.wants) WHERE value = ?)`,
    )
    .bind(want, signupId, want)
    .run();
}
