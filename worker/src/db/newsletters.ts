/**
 * The newsletter "Heimatpost" (worker/src/keep-in-touch/newsletter.ts): its versions and audience, its
 * way from draft to sent, the steps that queue its mails, the readers its mails are written for at
 * delivery, the public archive, and its pictures.
 */
import type { NewsletterInput } from "../../../shared/schemas/newsletter.ts";
import { BULK_KINDS } from "./outbox.ts";

export interface NewsletterRow {
  id: number;
  subject_de: string;
  body_de: string;
  subject_en: string | null;
  body_en: string | null;
  towns: string;
  fields: string;
  langs: string;
  status: "draft" | "scheduled" | "sending" | "sent";
  send_at: string | null;
  origin: string | null;
  recipients: number | null;
  created_by: string | null;
  author: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface Audience {
  towns: readonly string[];
  fields: readonly string[];
  langs: readonly string[];
}

/** A newsletter's mailing key in the outbox: one mail per person and issue. */
export const NEWSLETTER_MAILING = "newsletter:";
export const mailingOf = (id: number) => `${NEWSLETTER_MAILING}${id}`;

const COLUMNS = `n.id, n.subject_de, n.body_de, n.subject_en, n.body_en, n.towns, n.fields, n.langs, n.status, n.send_at,
  n.origin, n.recipients, n.created_by, s.name AS author, n.created_at, n.updated_at, n.sent_at`;
const FROM = "newsletters n LEFT JOIN staff s ON s.id = n.created_by";
/** Changes, sending and deleting are for what has not started going out. */
const OPEN = "status IN ('draft', 'scheduled')";

const versions = (n: NewsletterInput) => [
  n.subject_de,
  n.body_de,
  n.subject_en || null,
  n.body_en || null,
  JSON.stringify(n.towns),
  JSON.stringify(n.fields),
  JSON.stringify(n.langs),
];

export function createNewsletterStatement(db: D1Database, n: NewsletterInput, staffId: string, now: string) {
  return db
    .prepare(
      `INSERT INTO newsletters (subject_de, body_de, subject_en, body_en, towns, fields, langs, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .bind(...versions(n), staffId, now, now);
}

export function updateNewsletterStatement(db: D1Database, id: number, n: NewsletterInput, now: string) {
  return db
    .prepare(
      `UPDATE newsletters SET subject_de = ?, body_de = ?, subject_en = ?, body_en = ?, towns = ?, fields = ?, langs = ?,
         updated_at = ? WHERE id = ? AND ${OPEN}`,
    )
    .bind(...versions(n), now, id);
}

export function deleteNewsletterStatement(db: D1Database, id: number) {
  return db.prepare(`DELETE FROM newsletters WHERE id = ? AND ${OPEN}`).bind(id);
}

export function getNewsletter(db: D1Database, id: number): Promise<NewsletterRow | null> {
  return db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE n.id = ?`).bind(id).first<NewsletterRow>();
}

/** The newest first: drafts and scheduled ones by their last change, sent ones by their date. */
export async function listNewsletters(db: D1Database, limit = 100): Promise<NewsletterRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM ${FROM} ORDER BY coalesce(n.sent_at, n.updated_at) DESC, n.id DESC LIMIT ?`)
    .bind(limit)
    .all<NewsletterRow>();
  return results;
}

/** To go at `at` (later), with its links on `origin`. */
export function scheduleStatement(db: D1Database, id: number, at: string, origin: string, now: string) {
  return db
    .prepare(
      `UPDATE newsletters SET status = 'scheduled', send_at = ?, origin = ?, updated_at = ? WHERE id = ? AND ${OPEN}`,
    )
    .bind(at, origin, now, id);
}

export function unscheduleStatement(db: D1Database, id: number, now: string) {
  return db
    .prepare(
      "UPDATE newsletters SET status = 'draft', send_at = NULL, updated_at = ? WHERE id = ? AND status = 'scheduled'",
    )
    .bind(now, id);
}

/** Starts one now: from then on it is in the archive and its mails are being queued. */
export function startSendingStatement(db: D1Database, id: number, origin: string, now: string) {
  return db
    .prepare(
      `UPDATE newsletters SET status = 'sending', send_at = coalesce(send_at, ?1), sent_at = ?1, origin = ?2,
         recipients = 0, updated_at = ?1 WHERE id = ?3 AND ${OPEN}`,
    )
    .bind(now, origin, id);
}

/** The scheduled ones whose time has come, each claimed once (the 5-minute cron). */
export async function claimDueNewsletters(db: D1Database, now: string): Promise<{ id: number; origin: string }[]> {
  const { results } = await db
    .prepare(
      `UPDATE newsletters SET status = 'sending', sent_at = ?1, recipients = 0, updated_at = ?1
       WHERE status = 'scheduled' AND send_at <= ?1 RETURNING id, origin`,
    )
    .bind(now)
    .all<{ id: number; origin: string }>();
  return results;
}

// Confirmed, still mailable, wanting the newsletter, and in the audience: ?1 towns, ?2 fields, ?3 langs
// (JSON lists, [] for all). `+status`: the steps walk the primary key (see db/keep-in-touch.ts).
/** Still wanting the newsletter and mailable: checked when queuing and again when writing the mail. */
const WANTS_IT = `s.mail_stopped_at IS NULL AND EXISTS (SELECT 1 FROM json_each(s.wants) WHERE value = 'newsletter')`;
const AUDIENCE = `+s.status = 'confirmed' AND ${WANTS_IT}
  AND (json_array_length(?1) = 0 OR s.id IN (SELECT signup_id FROM signup_towns WHERE town_id IN (SELECT value FROM json_each(?1))))
  AND (json_array_length(?2) = 0 OR s.field IN (SELECT value FROM json_each(?2)))
  AND (json_array_length(?3) = 0 OR s.lang IN (SELECT value FROM json_each(?3)))`;
const audienceParams = (a: Audience) => [JSON.stringify(a.towns), JSON.stringify(a.fields), JSON.stringify(a.langs)];

export async function audienceSize(db: D1Database, a: Audience): Promise<number> {
  const row = await db
    .prepare(`SELECT count(*) AS n FROM signups s WHERE ${AUDIENCE}`)
    .bind(...audienceParams(a))
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export interface QueuedPage {
  /** People of the audience in this page, and the last one's id (undefined: none left). */
  looked: number;
  last?: string;
  queued: number;
  /** Of those queued, how many wait for the weekly cap. */
  waiting: number;
  /** D1 rows the page's queries read (bench:mail sums them). */
  rows_read: number;
}

/**
 * Queues the mails of one page of the audience (by id, after `after`) in two statements: the page's end,
 * then one INSERT … SELECT of its mails. A mail holds no text yet; it is written at delivery, when the
 * reader's name, language and links are read (keep-in-touch/newsletter.ts), so queuing 50,000 is quick.
 * A person who has had `cap` keep-in-touch mails in the last seven days gets it when the oldest of those
 * leaves the seven days; its created_at (which the cap and the mail log count) is then.
 */
export async function queuePage(
  db: D1Database,
  n: NewsletterRow,
  after: string,
  limit: number,
  now: string,
  weekAgo: string,
  cap: number,
): Promise<QueuedPage> {
  const audience = audienceParams({
    towns: JSON.parse(n.towns) as string[],
    fields: JSON.parse(n.fields) as string[],
    langs: JSON.parse(n.langs) as string[],
  });
  const counted = await db
    .prepare(
      `SELECT count(*) AS looked, max(id) AS last FROM (
         SELECT s.id FROM signups s WHERE s.id > ?4 AND ${AUDIENCE} ORDER BY s.id LIMIT ?5)`,
    )
    .bind(...audience, after, limit)
    .all<{ looked: number; last: string | null }>();
  const page = counted.results[0];
  if (!page?.last) return { looked: 0, queued: 0, waiting: 0, rows_read: counted.meta.rows_read };
  const kinds = JSON.stringify(BULK_KINDS);
  const { results, meta } = await db
    .prepare(
      `INSERT INTO outbox (signup_id, to_address, subject, text, kind, mailing, created_at, next_attempt_at)
       SELECT id, email, subject, '', 'newsletter', ?6, at, at FROM (
         SELECT s.id, s.email,
           CASE WHEN s.lang = 'en' AND ?8 IS NOT NULL THEN ?8 ELSE ?7 END AS subject,
           coalesce((SELECT strftime('%Y-%m-%dT%H:%M:%fZ', m.created_at, '+7 days') FROM mail_log m
                     WHERE m.signup_id = s.id AND m.created_at > ?10 AND m.kind IN (SELECT value FROM json_each(?11))
                     ORDER BY m.created_at DESC LIMIT 1 OFFSET ?12), ?9) AS at
         FROM signups s WHERE s.id > ?4 AND s.id <= ?5 AND ${AUDIENCE})
       WHERE true
       ON CONFLICT (mailing, signup_id) WHERE mailing IS NOT NULL DO NOTHING
       RETURNING next_attempt_at`,
    )
    .bind(...audience, after, page.last, mailingOf(n.id), n.subject_de, n.subject_en, now, weekAgo, kinds, cap - 1)
    .all<{ next_attempt_at: string }>();
  return {
    looked: page.looked,
    last: page.last,
    queued: results.length,
    waiting: results.filter((r) => r.next_attempt_at > now).length,
    rows_read: counted.meta.rows_read + meta.rows_read,
  };
}

/** After a step: how many mails it has queued in all, and (`done`) that all are. */
export function countQueuedStatement(db: D1Database, id: number, done: boolean, now: string) {
  return db
    .prepare(
      `UPDATE newsletters SET recipients = (SELECT count(*) FROM outbox WHERE mailing = ?1), updated_at = ?2,
         status = CASE WHEN ?3 THEN 'sent' ELSE status END WHERE id = ?4`,
    )
    .bind(mailingOf(id), now, done ? 1 : 0, id);
}

/** A reader as their mail is written at delivery. */
export interface Reader {
  id: string;
  first_name: string | null;
  lang: string;
  link_version: number;
  /** Whether they still want the newsletter and may be mailed: else the mail is not sent. */
  wanted: number;
}

export async function readers(db: D1Database, ids: readonly string[]): Promise<Map<string, Reader>> {
  const { results } = await db
    .prepare(
      `SELECT s.id, s.first_name, s.lang, s.link_version, (s.status = 'confirmed' AND ${WANTS_IT}) AS wanted
       FROM signups s WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .bind(JSON.stringify(ids))
    .all<Reader>();
  return new Map(results.map((r) => [r.id, r]));
}

export interface ArchivedIssue {
  id: number;
  subject_de: string;
  subject_en: string | null;
  body_de: string;
  body_en: string | null;
  sent_at: string;
}

const ARCHIVED = `SELECT id, subject_de, subject_en, body_de, body_en, sent_at FROM newsletters
  WHERE status IN ('sending', 'sent')`;

/** The public archive: every issue that has gone out, newest first. */
export async function listArchive(db: D1Database, limit = 200): Promise<ArchivedIssue[]> {
  const { results } = await db.prepare(`${ARCHIVED} ORDER BY sent_at DESC LIMIT ?`).bind(limit).all<ArchivedIssue>();
  return results;
}

export function getArchived(db: D1Database, id: number): Promise<ArchivedIssue | null> {
  return db.prepare(`${ARCHIVED} AND id = ?`).bind(id).first<ArchivedIssue>();
}

export function insertImageStatement(
  db: D1Database,
  id: string,
  type: string,
  bytes: ArrayBuffer,
  staffId: string,
  now: string,
) {
  return db
    .prepare("INSERT INTO newsletter_images (id, type, bytes, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(id, type, bytes, staffId, now);
}

export async function getImage(db: D1Database, id: string): Promise<{ type: string; bytes: ArrayBuffer } | null> {
  const row = await db
    .prepare("SELECT type, bytes FROM newsletter_images WHERE id = ?")
    .bind(id)
    .first<{ type: string; bytes: number[] | ArrayBuffer }>();
  if (!row) return null;
  return { type: row.type, bytes: row.bytes instanceof ArrayBuffer ? row.bytes : new Uint8Array(row.bytes).buffer };
}

/**
 * Pictures uploaded but in no issue's text (a draft deleted, a picture replaced), once older than `before`:
 * deleted, so the archive's address space holds only what an issue shows. A draft still being written keeps
 * its pictures by naming them; `before` leaves a day for one uploaded but not yet saved into the text.
 */
export function purgeUnusedImagesStatement(db: D1Database, before: string) {
  return db
    .prepare(
      `DELETE FROM newsletter_images WHERE created_at < ?1 AND NOT EXISTS (
         SELECT 1 FROM newsletters n
         WHERE instr(n.body_de, newsletter_images.id) > 0 OR instr(coalesce(n.body_en, ''), newsletter_images.id) > 0)`,
    )
    .bind(before);
}
