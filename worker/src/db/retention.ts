/**
 * The retention clock of confirmed people (migration 0014): who is due to be asked to renew, marking them
 * asked together with their mail, renewing, and erasing those who did not renew in time.
 */
import type { Mail } from "../mail/mailer.ts";

export interface DueRenewal {
  id: string;
  email: string;
  lang: string;
  link_version: number;
}

export async function dueRenewals(db: D1Database, now: string, limit: number): Promise<DueRenewal[]> {
  const { results } = await db
    .prepare(
      `SELECT id, email, lang, link_version FROM signups
       WHERE renew_due_at IS NOT NULL AND renewal_asked_at IS NULL AND renew_due_at <= ? AND status = 'confirmed'
       ORDER BY renew_due_at LIMIT ?`,
    )
    .bind(now, limit)
    .all<DueRenewal>();
  return results;
}

/** Marks the person asked and queues the mail, in one batch (a second run asks no one twice). */
export function askRenewalStatements(db: D1Database, id: string, mail: Mail, now: string): D1PreparedStatement[] {
  return [
    db.prepare("UPDATE signups SET renewal_asked_at = ? WHERE id = ? AND renewal_asked_at IS NULL").bind(now, id),
    // Only when the line above asked them: a run racing this one sends nothing more.
    db
      .prepare(
        `INSERT INTO outbox (signup_id, to_address, subject, text, created_at)
         SELECT ?, ?, ?, ?, ? WHERE changes() > 0`,
      )
      .bind(id, mail.to, mail.subject, mail.text, now),
  ];
}

/**
 * A renewal: the clock starts again for 12 months, under the consent text shown now. The consent proof
 * becomes this agreement (its text version and time); the renewal's time is kept beside it.
 */
export function renewStatement(db: D1Database, id: string, consentVersion: string, now: string) {
  return db
    .prepare(
      `UPDATE signups SET renew_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', ?1, '+12 months'), renewal_asked_at = NULL,
         consent_renewed_at = ?1, consent_version = ?2, consent_given_at = ?1
       WHERE id = ?3 AND status = 'confirmed'`,
    )
    .bind(now, consentVersion, id);
}

/** Erases everyone asked before `askedBefore` who did not renew since; answers how many. */
export async function eraseUnrenewed(db: D1Database, askedBefore: string): Promise<number> {
  const result = await db
    .prepare("DELETE FROM signups WHERE renewal_asked_at IS NOT NULL AND renewal_asked_at <= ?")
    .bind(askedBefore)
    .run();
  return result.meta.changes ?? 0;
}
