/**
 * The outbox: every mail is written in the same batch as the signup change that causes it, so an accepted
 * signup always has its mail; worker/src/mail/deliver.ts then hands due mails to the sender.
 */
import type { Mail } from "../mail/mailer.ts";

export interface OutboxRow {
  id: number;
  to_address: string;
  subject: string;
  text: string;
  created_at: string;
  attempts: number;
  sent_at: string | null;
  last_error: string | null;
  /** JSON of the extra headers (List-Unsubscribe …), and the mailing it belongs to. */
  headers: string | null;
  mailing: string | null;
  signup_id: string | null;
}

/** A mail claimed for sending. */
export interface DueMail extends Mail {
  id: number;
  attempts: number;
  /** Its mailing and person: a newsletter's mail is written at delivery (keep-in-touch/newsletter.ts). */
  mailing?: string | null;
  signup_id?: string | null;
}

interface ClaimedRow extends Omit<DueMail, "headers"> {
  headers: string | null;
}

/** What a keep-in-touch mail is, for the per-person cap and the mail log. */
export type BulkKind = "digest" | "invitation" | "newsletter";
export const BULK_KINDS: readonly BulkKind[] = ["digest", "invitation", "newsletter"];

export function outboxInsert(db: D1Database, signupId: string | null, mail: Mail, now: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO outbox (signup_id, to_address, subject, text, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(signupId, mail.to, mail.subject, mail.text, now);
}

/** A mail queued only if the statement just before it in the batch changed a row (a claim, say). */
export function outboxInsertIfChanged(db: D1Database, signupId: string | null, mail: Mail, now: string) {
  return db
    .prepare(
      "INSERT INTO outbox (signup_id, to_address, subject, text, created_at) SELECT ?, ?, ?, ?, ? WHERE changes() > 0",
    )
    .bind(signupId, mail.to, mail.subject, mail.text, now);
}

export async function listOutbox(db: D1Database, limit = 100): Promise<OutboxRow[]> {
  const { results } = await db
    .prepare(
      `SELECT id, to_address, subject, text, created_at, attempts, sent_at, last_error, headers, mailing, signup_id
       FROM outbox ORDER BY id DESC LIMIT ?`,
    )
    .bind(limit)
    .all<OutboxRow>();
  return results;
}

/**
 * Claims up to `limit` unsent mails that are due and have attempts left, in one statement: their next
 * attempt moves to `leaseUntil`, so a second sender running at the same time skips them.
 */
export async function claimDueMails(
  db: D1Database,
  now: string,
  leaseUntil: string,
  maxAttempts: number,
  limit: number,
  bulk = false,
): Promise<DueMail[]> {
  // Mails of a mailing go at the provider's rate, within sending hours (worker/src/keep-in-touch/deliver.ts);
  // all others (confirmations, sign-in links) as soon as they are written.
  const { results } = await db
    .prepare(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?
       WHERE id IN (
         SELECT id FROM outbox
         WHERE sent_at IS NULL AND attempts < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
           AND (mailing IS NOT NULL) = ?
         ORDER BY id LIMIT ?)
       RETURNING id, to_address AS "to", subject, text, headers, attempts, mailing, signup_id`,
    )
    .bind(leaseUntil, maxAttempts, now, bulk ? 1 : 0, limit)
    .all<ClaimedRow>();
  return results
    .map(({ headers, ...mail }) =>
      headers ? { ...mail, headers: JSON.parse(headers) as Record<string, string> } : mail,
    )
    .sort((a, b) => a.id - b.id);
}

/** Whether unsent mails of a mailing are due (or will be after a failed try). */
export async function bulkMailsWaiting(db: D1Database, now: string, maxAttempts: number): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT 1 AS waiting FROM outbox
       WHERE mailing IS NOT NULL AND sent_at IS NULL AND attempts < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
       LIMIT 1`,
    )
    .bind(maxAttempts, now)
    .first<{ waiting: number }>();
  return row !== null;
}

/** One recipient's mail of a mailing; a second one for the same mailing and person is ignored. */
export function bulkInsert(
  db: D1Database,
  signupId: string,
  mailing: string,
  kind: BulkKind,
  mail: Mail,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO outbox (signup_id, to_address, subject, text, headers, kind, mailing, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailing, signup_id) WHERE mailing IS NOT NULL DO NOTHING`,
    )
    .bind(
      signupId,
      mail.to,
      mail.subject,
      mail.text,
      mail.headers ? JSON.stringify(mail.headers) : null,
      kind,
      mailing,
      now,
    );
}

/**
 * The sending chain's lease on the provider's rate: taken when free (or expired), for `until`. Only the
 * holder sends mails of mailings, so two chains never add up to twice the rate.
 */
export async function takePacingLease(db: D1Database, now: string, until: string): Promise<boolean> {
  const row = await db
    .prepare("UPDATE mail_pacing SET busy_until = ? WHERE id = 1 AND busy_until <= ? RETURNING busy_until")
    .bind(until, now)
    .first();
  return row !== null;
}

const STOP_WORDS: Record<string, string> = {
  complaint: "not sent: the address complained",
  bounce: "not sent: the address bounced",
  left: "not sent: the person left this purpose since it was queued",
};

/** Mails that are not to be sent (a stopped address, a reader who left): they stay, marked, without further tries. */
export function markMailStopped(
  db: D1Database,
  id: number,
  reason: "bounce" | "complaint" | "left",
  maxAttempts: number,
) {
  return db
    .prepare("UPDATE outbox SET last_error = ?, attempts = ? WHERE id = ?")
    .bind(STOP_WORDS[reason], maxAttempts, id);
}

/**
 * A delivered mail: deleted (it holds a confirmation link), or kept and marked sent for /dev/outbox. A
 * mailing's mail keeps its row without its text and headers (which hold the person's links) for a while:
 * its key is what stops a run that is repeated from mailing anyone twice (purgeSentMailings).
 */
export async function markMailSent(
  db: D1Database,
  mail: Pick<DueMail, "id" | "text" | "headers">,
  sentAt: string,
  messageId: string | null,
  keep: boolean,
) {
  const id = mail.id;
  // Kept (development): as it went, since a newsletter's mail is only written at delivery.
  const statements = keep
    ? [
        db
          .prepare(
            "UPDATE outbox SET sent_at = ?, message_id = ?, last_error = NULL, text = ?, headers = ? WHERE id = ?",
          )
          .bind(sentAt, messageId, mail.text, mail.headers ? JSON.stringify(mail.headers) : null, id),
      ]
    : [
        db
          .prepare(
            `UPDATE outbox SET sent_at = ?, message_id = ?, last_error = NULL, text = '', headers = NULL
             WHERE id = ? AND mailing IS NOT NULL`,
          )
          .bind(sentAt, messageId, id),
        db.prepare("DELETE FROM outbox WHERE id = ? AND mailing IS NULL").bind(id),
      ];
  // A renewal mail that left starts the person's 30 days (migration 0017); first, while the row is there.
  await db.batch([
    db
      .prepare(
        `UPDATE signups SET renewal_mailed_at = coalesce(renewal_mailed_at, ?1)
         WHERE renewal_asked_at IS NOT NULL AND id = (SELECT signup_id FROM outbox WHERE id = ?2 AND kind = 'renewal')`,
      )
      .bind(sentAt, id),
    ...statements,
  ]);
}

/** The emptied rows of mailings sent before `before` (their runs are long over), and the stopped ones. */
export function purgeSentMailings(db: D1Database, before: string, maxAttempts: number) {
  return db
    .prepare(
      `DELETE FROM outbox WHERE mailing IS NOT NULL AND created_at < ? AND (sent_at IS NOT NULL OR attempts >= ?)`,
    )
    .bind(before, maxAttempts)
    .run();
}

/** A refused or failed attempt: tried again at `retryAt` while attempts are left. */
export function markMailFailed(db: D1Database, id: number, error: string, retryAt: string) {
  return db
    .prepare("UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ?")
    .bind(error.slice(0, 500), retryAt, id)
    .run();
}
