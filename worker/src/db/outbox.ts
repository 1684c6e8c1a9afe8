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
}

/** A mail claimed for sending. */
export interface DueMail extends Mail {
  id: number;
  attempts: number;
}

export function outboxInsert(db: D1Database, signupId: string | null, mail: Mail, now: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO outbox (signup_id, to_address, subject, text, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(signupId, mail.to, mail.subject, mail.text, now);
}

export async function listOutbox(db: D1Database, limit = 100): Promise<OutboxRow[]> {
  const { results } = await db
    .prepare(
      `SELECT id, to_address, subject, text, created_at, attempts, sent_at, last_error
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
): Promise<DueMail[]> {
  const { results } = await db
    .prepare(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?
       WHERE id IN (
         SELECT id FROM outbox
         WHERE sent_at IS NULL AND attempts < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         ORDER BY id LIMIT ?)
       RETURNING id, to_address AS "to", subject, text, attempts`,
    )
    .bind(leaseUntil, maxAttempts, now, limit)
    .all<DueMail>();
  return results.sort((a, b) => a.id - b.id);
}

/** A delivered mail: deleted (it holds a confirmation link), or kept and marked sent for /dev/outbox. */
export async function markMailSent(
  db: D1Database,
  id: number,
  sentAt: string,
  messageId: string | null,
  keep: boolean,
) {
  const statement = keep
    ? db
        .prepare("UPDATE outbox SET sent_at = ?, message_id = ?, last_error = NULL WHERE id = ?")
        .bind(sentAt, messageId, id)
    : db.prepare("DELETE FROM outbox WHERE id = ?").bind(id);
  // A renewal mail that left starts the person's 30 days (migration 0017); first, while the row is there.
  await db.batch([
    db
      .prepare(
        `UPDATE signups SET renewal_mailed_at = coalesce(renewal_mailed_at, ?1)
         WHERE renewal_asked_at IS NOT NULL AND id = (SELECT signup_id FROM outbox WHERE id = ?2 AND kind = 'renewal')`,
      )
      .bind(sentAt, id),
    statement,
  ]);
}

/** A refused or failed attempt: tried again at `retryAt` while attempts are left. */
export function markMailFailed(db: D1Database, id: number, error: string, retryAt: string) {
  return db
    .prepare("UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ?")
    .bind(error.slice(0, 500), retryAt, id)
    .run();
}
