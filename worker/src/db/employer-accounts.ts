/**
 * Employers' accounts for the pool, their sign-in links and sessions (migration 0021). The same mechanism
 * as staff (db/staff.ts): tokens and session ids stored only as hashes, single-use links, idle and absolute
 * expiry (db/sign-in-links.ts); in tables of their own, so that an employer's session can never be read as a
 * staff one.
 */
import {
  addLinkTokenStatement,
  EMPLOYER_LINKS,
  endLinkSessions,
  purgeLinkStatements,
  revokeLinkSession,
  touchLinkSession,
  useLinkToken,
} from "./sign-in-links.ts";

export interface EmployerAccountRow {
  id: string;
  employer_id: string;
  employer_name: string;
  employer_town: string;
  email: string;
  name: string;
  disabled: number;
  created_at: string;
  last_sign_in_at: string | null;
}

const ACCOUNT = `SELECT a.id, a.employer_id, e.name AS employer_name, e.town_id AS employer_town, a.email, a.name, a.disabled, a.created_at,
    a.last_sign_in_at
  FROM employer_accounts a JOIN employers e ON e.id = a.employer_id`;

export function addEmployerAccountStatement(
  db: D1Database,
  a: { id: string; employer_id: string; email: string; name: string; created_by: string },
  now: string,
) {
  return db
    .prepare(
      `INSERT INTO employer_accounts (id, employer_id, email, name, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id`,
    )
    .bind(a.id, a.employer_id, a.email.toLowerCase(), a.name, a.created_by, now);
}

export function getEmployerAccount(db: D1Database, id: string): Promise<EmployerAccountRow | null> {
  return db.prepare(`${ACCOUNT} WHERE a.id = ?`).bind(id).first<EmployerAccountRow>();
}

export function findEmployerAccountByEmail(db: D1Database, email: string): Promise<EmployerAccountRow | null> {
  return db.prepare(`${ACCOUNT} WHERE a.email = ?`).bind(email.toLowerCase()).first<EmployerAccountRow>();
}

export async function listEmployerAccounts(db: D1Database, employerId?: string): Promise<EmployerAccountRow[]> {
  const { results } = await db
    .prepare(`${ACCOUNT} WHERE ?1 IS NULL OR a.employer_id = ?1 ORDER BY e.name, a.name`)
    .bind(employerId ?? null)
    .all<EmployerAccountRow>();
  return results;
}

/** Disabling (or enabling) an account; disabling also ends its sessions and unused links. */
export function setEmployerAccountDisabledStatements(db: D1Database, id: string, disabled: boolean, now: string) {
  const statements = [db.prepare("UPDATE employer_accounts SET disabled = ? WHERE id = ?").bind(disabled ? 1 : 0, id)];
  if (disabled) statements.push(...endEmployerSessions(db, id, now));
  return statements;
}

export function addEmployerSignInToken(
  db: D1Database,
  tokenHash: string,
  accountId: string,
  now: string,
  expiresAt: string,
) {
  return addLinkTokenStatement(db, EMPLOYER_LINKS, tokenHash, accountId, now, expiresAt);
}

/** Uses a link's token and opens a session in one batch, only for an unused, unexpired link of an enabled account. */
export async function useEmployerSignInToken(
  db: D1Database,
  tokenHash: string,
  lang: "de" | "en",
  session: { idHash: string; expiresAt: string },
  now: string,
): Promise<EmployerAccountRow | null> {
  const id = await useLinkToken(db, EMPLOYER_LINKS, tokenHash, session, now, lang);
  return id ? getEmployerAccount(db, id) : null;
}

/** The account of an open session (not revoked, within both expiries, account enabled), with when it was last seen. */
export function openEmployerSessionStatement(db: D1Database, idHash: string, now: string, idleSince: string) {
  return db
    .prepare(
      `${ACCOUNT.replace("SELECT", "SELECT s.last_seen_at,")} JOIN employer_sessions s ON s.account_id = a.id
       WHERE s.id_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ? AND a.disabled = 0`,
    )
    .bind(idHash, now, idleSince);
}

export type OpenEmployerSession = EmployerAccountRow & { last_seen_at: string };

export function touchEmployerSession(db: D1Database, idHash: string, now: string): Promise<void> {
  return touchLinkSession(db, EMPLOYER_LINKS, idHash, now);
}

export function revokeEmployerSession(db: D1Database, idHash: string, now: string): Promise<void> {
  return revokeLinkSession(db, EMPLOYER_LINKS, idHash, now);
}

export function endEmployerSessions(db: D1Database, accountId: string, now: string): D1PreparedStatement[] {
  return endLinkSessions(db, EMPLOYER_LINKS, accountId, now);
}

/** An employer's action in the console's audit log. */
export function employerAuditStatement(
  db: D1Database,
  e: { account_id: string; action: string; person_id?: string | null; detail?: Record<string, unknown> },
  now: string,
) {
  return db
    .prepare("INSERT INTO audit_log (at, employer_account_id, action, person_id, detail) VALUES (?, ?, ?, ?, ?)")
    .bind(now, e.account_id, e.action, e.person_id ?? null, JSON.stringify(e.detail ?? {}));
}

export function purgeEmployerSessionStatements(db: D1Database, expiredBefore: string): D1PreparedStatement[] {
  return purgeLinkStatements(db, EMPLOYER_LINKS, expiredBefore);
}
