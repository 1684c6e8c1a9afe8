/** Signups and their tokens. Every multi-row write is one D1 batch (with its mail): all of it or nothing. */
import type { SignupInput } from "../../../shared/schemas/signup.ts";
import type { Mail } from "../mail/mailer.ts";
import { outboxInsert } from "./outbox.ts";

export interface SignupRow {
  id: string;
  email: string;
  status: "pending" | "confirmed";
  last_mail_at: string;
  lang: string;
  link_version: number;
}

export function findSignupByEmail(db: D1Database, email: string): Promise<SignupRow | null> {
  return db
    .prepare("SELECT id, email, status, last_mail_at, lang, link_version FROM signups WHERE email = ?")
    .bind(email)
    .first<SignupRow>();
}

export function counterIncrement(db: D1Database, name: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1")
    .bind(name);
}

export interface NewSignup {
  id: string;
  input: SignupInput;
  consentGivenAt: string;
  claimedOrigin: string | null;
  tokenHash: string;
  tokenExpiresAt: string;
  now: string;
}

/** A new pending signup, its confirmation token and its mail (none when the address's cap is spent): one batch. */
export function createSignup(db: D1Database, s: NewSignup, mail: Mail | undefined, extra: D1PreparedStatement[] = []) {
  const i = s.input;
  return db.batch([
    db
      .prepare(
        `INSERT INTO signups (id, email, first_name, field, occupation, qualification, towns, earliest_return, wants,
           lang, status, consent_version, consent_given_at, source, claimed_origin, created_at, last_mail_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)`,
      )
      .bind(
        s.id,
        i.email,
        i.first_name || null,
        i.field ?? null,
        i.occupation || null,
        i.qualification ?? null,
        JSON.stringify(i.towns),
        i.earliest_return,
        JSON.stringify(i.wants),
        i.lang,
        i.consent_version,
        s.consentGivenAt,
        i.source || null,
        s.claimedOrigin,
        s.now,
        s.now,
      ),
    db
      .prepare("INSERT INTO signup_tokens (token_hash, signup_id, purpose, expires_at) VALUES (?, ?, 'confirm', ?)")
      .bind(s.tokenHash, s.id, s.tokenExpiresAt),
    ...(mail ? [outboxInsert(db, s.id, mail, s.now)] : []),
    counterIncrement(db, "signups_started"),
    ...extra,
  ]);
}

/** A mail to a known person (their data page again), and when it was sent, in one batch. */
export function queueMail(db: D1Database, signupId: string, mail: Mail, now: string) {
  return db.batch([
    db.prepare("UPDATE signups SET last_mail_at = ? WHERE id = ?").bind(now, signupId),
    outboxInsert(db, signupId, mail, now),
  ]);
}

/**
 * A repeat that sends nothing still writes once (a counter), so that it costs the same round trips as
 * the paths that do: the answer's timing does not tell whether an address is known.
 */
export function countRepeat(db: D1Database) {
  return db.batch([counterIncrement(db, "signups_repeated")]);
}

/**
 * "Invalidate all my links": the link version moves on (only from `from`, so two presses make one step)
 * and the mail with the one new link is queued, in one batch. False when the version had moved already.
 */
export async function renewLinks(db: D1Database, signupId: string, from: number, mail: Mail, now: string) {
  const [updated] = await db.batch([
    db
      .prepare("UPDATE signups SET link_version = link_version + 1, last_mail_at = ? WHERE id = ? AND link_version = ?")
      .bind(now, signupId, from),
    db
      .prepare(
        // Only the request whose update moved the version (it wrote its own `now`) queues the mail.
        `INSERT INTO outbox (signup_id, to_address, subject, text, created_at)
         SELECT id, ?, ?, ?, ? FROM signups WHERE id = ? AND link_version = ? AND last_mail_at = ?`,
      )
      .bind(mail.to, mail.subject, mail.text, now, signupId, from + 1, now),
    // The confirmation links go too: an old one must not lead back to the data (signup-pages.ts).
    db.prepare("DELETE FROM signup_tokens WHERE signup_id = ? AND used_at IS NOT NULL").bind(signupId),
  ]);
  return (updated?.meta.changes ?? 0) > 0;
}

/** A pending signup asked again after the cooldown: a fresh token and mail, the old tokens gone. */
export function resendConfirmation(
  db: D1Database,
  signupId: string,
  tokenHash: string,
  expiresAt: string,
  mail: Mail,
  now: string,
) {
  return db.batch([
    db.prepare("DELETE FROM signup_tokens WHERE signup_id = ?").bind(signupId),
    db
      .prepare("INSERT INTO signup_tokens (token_hash, signup_id, purpose, expires_at) VALUES (?, ?, 'confirm', ?)")
      .bind(tokenHash, signupId, expiresAt),
    db.prepare("UPDATE signups SET last_mail_at = ? WHERE id = ?").bind(now, signupId),
    outboxInsert(db, signupId, mail, now),
  ]);
}

export interface TokenRow {
  signup_id: string;
  expires_at: string;
  used_at: string | null;
  status: "pending" | "confirmed";
}

export function findToken(db: D1Database, tokenHash: string): Promise<TokenRow | null> {
  return db
    .prepare(
      `SELECT t.signup_id, t.expires_at, t.used_at, s.status
       FROM signup_tokens t JOIN signups s ON s.id = t.signup_id WHERE t.token_hash = ?`,
    )
    .bind(tokenHash)
    .first<TokenRow>();
}

/** Confirms once: the token is spent and the signup confirmed in one batch, only if still unused. */
export async function confirmSignup(db: D1Database, tokenHash: string, now: string): Promise<boolean> {
  const [spent] = await db.batch([
    db
      .prepare("UPDATE signup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
      .bind(now, tokenHash, now),
    db
      .prepare(
        `UPDATE signups SET status = 'confirmed', confirmed_at = ?
         WHERE id = (SELECT signup_id FROM signup_tokens WHERE token_hash = ? AND used_at = ?)`,
      )
      .bind(now, tokenHash, now),
    counterIncrementIfConfirmed(db, tokenHash, now),
  ]);
  return (spent?.meta.changes ?? 0) > 0;
}

function counterIncrementIfConfirmed(db: D1Database, tokenHash: string, now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO counters (name, value)
       SELECT 'signups_confirmed', 1 WHERE EXISTS (SELECT 1 FROM signup_tokens WHERE token_hash = ? AND used_at = ?)
       ON CONFLICT (name) DO UPDATE SET value = value + 1`,
    )
    .bind(tokenHash, now);
}

/** Deletes signups never confirmed within `before` (their tokens and mails go with them), and older mails. */
export async function purgeUnconfirmed(db: D1Database, before: string): Promise<number> {
  const [, , removed] = await db.batch([
    db
      .prepare(
        "DELETE FROM signup_tokens WHERE signup_id IN (SELECT id FROM signups WHERE status = 'pending' AND created_at < ?)",
      )
      .bind(before),
    db
      .prepare(
        "DELETE FROM outbox WHERE signup_id IN (SELECT id FROM signups WHERE status = 'pending' AND created_at < ?)",
      )
      .bind(before),
    db.prepare("DELETE FROM signups WHERE status = 'pending' AND created_at < ?").bind(before),
    db.prepare("DELETE FROM signup_tokens WHERE expires_at < ?").bind(before),
    // Any mail this old is of no use (its link has expired), sent or not: it goes too.
    db.prepare("DELETE FROM outbox WHERE created_at < ?").bind(before),
  ]);
  return removed?.meta.changes ?? 0;
}

export async function counter(db: D1Database, name: string): Promise<number> {
  return (await db.prepare("SELECT value FROM counters WHERE name = ?").bind(name).first<number>("value")) ?? 0;
}

export interface SignupRecord {
  id: string;
  email: string;
  first_name: string | null;
  field: string | null;
  occupation: string | null;
  qualification: string | null;
  towns: string;
  earliest_return: string;
  wants: string;
  lang: string;
  status: "pending" | "confirmed";
  consent_version: string;
  consent_given_at: string;
  confirmed_at: string | null;
  source: string | null;
  claimed_origin: string | null;
  created_at: string;
  link_version: number;
  /** The retention clock (migration 0014): when to ask for renewal, when asked, the last renewal. */
  renew_due_at: string | null;
  renewal_asked_at: string | null;
  /** When the renewal mail was sent: erasure follows 30 days later without a renewal (migration 0017). */
  renewal_mailed_at: string | null;
  consent_renewed_at: string | null;
  /** JSON array of the earlier consent proofs, {version, given_at}, oldest first. */
  consent_history: string;
  /** How often the job digest comes (migration 0018). */
  digest_every: "daily" | "weekly";
  /** All mail stopped: the address bounced for good or the person complained (db/mail-stops.ts). */
  mail_stopped_at: string | null;
  mail_stop_reason: "bounce" | "complaint" | null;
}

export const RECORD_COLUMNS = `id, email, first_name, field, occupation, qualification, towns, earliest_return, wants, lang, status,
  consent_version, consent_given_at, confirmed_at, source, claimed_origin, created_at, link_version, renew_due_at,
  renewal_asked_at, renewal_mailed_at, consent_renewed_at, consent_history, digest_every, mail_stopped_at, mail_stop_reason`;

export function getSignup(db: D1Database, id: string): Promise<SignupRecord | null> {
  return db.prepare(`SELECT ${RECORD_COLUMNS} FROM signups WHERE id = ?`).bind(id).first<SignupRecord>();
}

export async function listConfirmedSignups(db: D1Database): Promise<SignupRecord[]> {
  const { results } = await db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM signups WHERE status = 'confirmed' ORDER BY confirmed_at`)
    .all<SignupRecord>();
  return results;
}

export interface SignupChanges {
  first_name: string | null;
  field: string | null;
  occupation: string | null;
  qualification: string | null;
  towns: string[];
  earliest_return: string;
  wants: string[];
  digest_every: "daily" | "weekly";
}

export async function updateSignup(db: D1Database, id: string, c: SignupChanges): Promise<void> {
  await db
    .prepare(
      `UPDATE signups SET first_name = ?, field = ?, occupation = ?, qualification = ?, towns = ?, earliest_return = ?,
         wants = ?, digest_every = ? WHERE id = ?`,
    )
    .bind(
      c.first_name,
      c.field,
      c.occupation,
      c.qualification,
      JSON.stringify(c.towns),
      c.earliest_return,
      JSON.stringify(c.wants),
      c.digest_every,
      id,
    )
    .run();
}

/**
 * Erasure: the person, their tokens and mails, at once; only an anonymous counter remains. Their
 * Steckbrief, forwards (with their openings), the team's notes and suggestions and the mail log go with
 * the signup row (ON DELETE CASCADE, migration 0011), so a revoked link cannot outlive the person either.
 */
export async function eraseSignup(db: D1Database, id: string): Promise<void> {
  await db.batch([
    db.prepare("DELETE FROM signup_tokens WHERE signup_id = ?").bind(id),
    db.prepare("DELETE FROM outbox WHERE signup_id = ?").bind(id),
    db.prepare("DELETE FROM signups WHERE id = ?").bind(id),
    counterIncrement(db, "signups_erased"),
  ]);
}
