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

// Not yet asked, or asked so long ago (`askAgainBefore`) that the mail, never sent, has been given up.
const DUE = `renew_due_at IS NOT NULL AND renew_due_at <= ?1 AND status = 'confirmed'
  AND (renewal_asked_at IS NULL OR (renewal_mailed_at IS NULL AND renewal_asked_at <= ?2))`;

export async function dueRenewals(
  db: D1Database,
  now: string,
  askAgainBefore: string,
  limit: number,
): Promise<DueRenewal[]> {
  const { results } = await db
    .prepare(`SELECT id, email, lang, link_version FROM signups WHERE ${DUE} ORDER BY renew_due_at LIMIT ?3`)
    .bind(now, askAgainBefore, limit)
    .all<DueRenewal>();
  return results;
}

/** Marks the person asked and queues the mail, in one batch (a second run asks no one twice). */
export function askRenewalStatements(
  db: D1Database,
  id: string,
  mail: Mail,
  now: string,
  askAgainBefore: string,
): D1PreparedStatement[] {
  return [
    db
      .prepare(`UPDATE signups SET renewal_asked_at = ?3, renewal_mailed_at = NULL WHERE id = ?4 AND ${DUE}`)
      .bind(now, askAgainBefore, now, id),
    // Only when the line above asked them: a run racing this one sends nothing more.
    db
      .prepare(
        `INSERT INTO outbox (signup_id, to_address, subject, text, created_at, kind)
         SELECT ?, ?, ?, ?, ?, 'renewal' WHERE changes() > 0`,
      )
      .bind(id, mail.to, mail.subject, mail.text, now),
  ];
}

/**
 * A renewal: the clock starts again for 12 months, under the consent text shown now. The consent proof
 * becomes this agreement (its text version and time); the earlier proofs stay in consent_history.
 */
export function renewStatement(db: D1Database, id: string, consentVersion: string, now: string) {
  return db
    .prepare(
      `UPDATE signups SET renew_due_at = strftime('%Y-%m-%dT%H:%M:%fZ', ?1, '+12 months'), renewal_asked_at = NULL,
         renewal_mailed_at = NULL, consent_renewed_at = ?1,
         consent_history = json_insert(consent_history, '$[#]',
           json_object('version', consent_version, 'given_at', consent_given_at)),
         consent_version = ?2, consent_given_at = ?1
       WHERE id = ?3 AND status = 'confirmed'`,
    )
    .bind(now, consentVersion, id);
}

/** Erases everyone whose renewal mail was sent before `mailedBefore` and who did not renew since. */
export async function eraseUnrenewed(db: D1Database, mailedBefore: string): Promise<number> {
  const result = await db
    .prepare("DELETE FROM signups WHERE renewal_mailed_at IS NOT NULL AND renewal_mailed_at <= ?")
    .bind(mailedBefore)
    .run();
  return result.meta.changes ?? 0;
}
