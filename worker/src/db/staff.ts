/** Staff accounts, their sign-in links and sessions, and the audit log (migration 0010). */
import {
  addLinkTokenStatement,
  endLinkSessions,
  purgeLinkStatements,
  revokeLinkSession,
  STAFF_LINKS,
  touchLinkSession,
  useLinkToken,
} from "./sign-in-links.ts";

export type StaffRole = "admin" | "town";

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** JSON array of town ids. */
  towns: string;
  disabled: number;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface NewStaff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  towns: readonly string[];
}

export function addStaffStatement(db: D1Database, s: NewStaff, now: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO staff (id, email, name, role, towns, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(s.id, s.email.toLowerCase(), s.name, s.role, JSON.stringify(s.towns), now);
}

export function getStaff(db: D1Database, id: string): Promise<StaffRow | null> {
  return db.prepare("SELECT * FROM staff WHERE id = ?").bind(id).first<StaffRow>();
}

export function findStaffByEmail(db: D1Database, email: string): Promise<StaffRow | null> {
  return db.prepare("SELECT * FROM staff WHERE email = ?").bind(email.toLowerCase()).first<StaffRow>();
}

export async function listStaff(db: D1Database): Promise<StaffRow[]> {
  return (await db.prepare("SELECT * FROM staff ORDER BY role, name").all<StaffRow>()).results;
}

export interface StaffChanges {
  name?: string | undefined;
  role?: StaffRole | undefined;
  towns?: readonly string[] | undefined;
  disabled?: boolean | undefined;
}

/** Changes an account; disabling it also ends its sessions and unused links, in the same batch. */
export async function updateStaff(db: D1Database, id: string, c: StaffChanges, now: string): Promise<void> {
  const statements = [
    db
      .prepare(
        `UPDATE staff SET name = coalesce(?, name), role = coalesce(?, role), towns = coalesce(?, towns),
           disabled = coalesce(?, disabled) WHERE id = ?`,
      )
      .bind(
        c.name ?? null,
        c.role ?? null,
        c.towns ? JSON.stringify(c.towns) : null,
        c.disabled === undefined ? null : c.disabled ? 1 : 0,
        id,
      ),
  ];
  if (c.disabled) statements.push(...endAllSessions(db, id, now));
  await db.batch(statements);
}

/** A sign-in link's token, stored as its hash. */
export function addSignInToken(
  db: D1Database,
  tokenHash: string,
  staffId: string,
  now: string,
  expiresAt: string,
): D1PreparedStatement {
  return addLinkTokenStatement(db, STAFF_LINKS, tokenHash, staffId, now, expiresAt);
}

/**
 * Uses a sign-in token: marks it used and opens a session, in one batch, only if the token is unused,
 * unexpired and its account enabled. Returns the account, or null when the link is no good.
 */
export async function useSignInToken(
  db: D1Database,
  tokenHash: string,
  session: { idHash: string; expiresAt: string },
  now: string,
): Promise<StaffRow | null> {
  const staffId = await useLinkToken(db, STAFF_LINKS, tokenHash, session, now);
  return staffId ? getStaff(db, staffId) : null;
}

/** A session for an enabled account known by its address (signing in through Cloudflare Access). */
export async function startSessionByEmail(
  db: D1Database,
  email: string,
  session: { idHash: string; expiresAt: string },
  now: string,
): Promise<StaffRow | null> {
  const [opened] = await db.batch<{ staff_id: string }>([
    db
      .prepare(
        `INSERT INTO staff_sessions (id_hash, staff_id, created_at, last_seen_at, expires_at)
         SELECT ?1, id, ?2, ?2, ?3 FROM staff WHERE email = ?4 AND disabled = 0 RETURNING staff_id`,
      )
      .bind(session.idHash, now, session.expiresAt, email),
    db.prepare("UPDATE staff SET last_sign_in_at = ?1 WHERE email = ?2 AND disabled = 0").bind(now, email),
  ]);
  const staffId = opened?.results[0]?.staff_id;
  return staffId ? getStaff(db, staffId) : null;
}

export interface SessionRow {
  id_hash: string;
  staff_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** The session and its account, if the session is open: not revoked, not past either expiry, account enabled. */
export async function openSession(
  db: D1Database,
  idHash: string,
  now: string,
  idleSince: string,
): Promise<{ session: SessionRow; staff: StaffRow } | null> {
  const row = await db
    .prepare(
      `SELECT s.id_hash, s.staff_id, s.created_at, s.last_seen_at, s.expires_at,
              a.id, a.email, a.name, a.role, a.towns, a.disabled, a.created_at AS account_created_at, a.last_sign_in_at
       FROM staff_sessions s JOIN staff a ON a.id = s.staff_id
       WHERE s.id_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ? AND a.disabled = 0`,
    )
    .bind(idHash, now, idleSince)
    .first<SessionRow & Omit<StaffRow, "created_at"> & { account_created_at: string }>();
  if (!row) return null;
  return {
    session: {
      id_hash: row.id_hash,
      staff_id: row.staff_id,
      created_at: row.created_at,
      last_seen_at: row.last_seen_at,
      expires_at: row.expires_at,
    },
    staff: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      towns: row.towns,
      disabled: row.disabled,
      created_at: row.account_created_at,
      last_sign_in_at: row.last_sign_in_at,
    },
  };
}

export function touchSession(db: D1Database, idHash: string, now: string): Promise<void> {
  return touchLinkSession(db, STAFF_LINKS, idHash, now);
}

export function revokeSession(db: D1Database, idHash: string, now: string): Promise<void> {
  return revokeLinkSession(db, STAFF_LINKS, idHash, now);
}

/** "Sign out everywhere": every session of the account, and its unused sign-in links. */
export function endAllSessions(db: D1Database, staffId: string, now: string): D1PreparedStatement[] {
  return endLinkSessions(db, STAFF_LINKS, staffId, now);
}

export interface AuditEntry {
  staff_id: string;
  action: string;
  person_id?: string | null;
  detail?: Record<string, unknown>;
}

export function auditStatement(db: D1Database, e: AuditEntry, now: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO audit_log (at, staff_id, action, person_id, detail) VALUES (?, ?, ?, ?, ?)")
    .bind(now, e.staff_id, e.action, e.person_id ?? null, JSON.stringify(e.detail ?? {}));
}

/** An audit entry written only when the statement just before it in the batch changed a row. */
export function auditIfChangedStatement(db: D1Database, e: AuditEntry, now: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO audit_log (at, staff_id, action, person_id, detail) SELECT ?, ?, ?, ?, ? WHERE changes() > 0")
    .bind(now, e.staff_id, e.action, e.person_id ?? null, JSON.stringify(e.detail ?? {}));
}

export interface AuditRow {
  id: number;
  at: string;
  staff_id: string;
  staff_name: string;
  action: string;
  person_id: string | null;
  person_name: string | null;
  detail: string;
}

/** The newest entries first, before entry `before` (for paging), optionally for one person. */
export async function listAudit(
  db: D1Database,
  o: { before?: number | undefined; person?: string | undefined; limit: number },
): Promise<AuditRow[]> {
  const { results } = await db
    .prepare(
      `SELECT l.id, l.at, coalesce(l.staff_id, l.employer_account_id) AS staff_id,
              coalesce(a.name, ea.name || ' (' || e.name || ')') AS staff_name, l.action, l.person_id,
              CASE WHEN p.id IS NOT NULL THEN coalesce(p.first_name, '') END AS person_name, l.detail
       FROM audit_log l LEFT JOIN staff a ON a.id = l.staff_id
       -- The person as they are now, read here and never copied into the log: once erased, only the id is left.
       LEFT JOIN signups p ON p.id = l.person_id
       LEFT JOIN employer_accounts ea ON ea.id = l.employer_account_id LEFT JOIN employers e ON e.id = ea.employer_id
       WHERE (?1 IS NULL OR l.id < ?1) AND (?2 IS NULL OR l.person_id = ?2)
       ORDER BY l.id DESC LIMIT ?3`,
    )
    .bind(o.before ?? null, o.person ?? null, o.limit)
    .all<AuditRow>();
  return results;
}

/** Removes sign-in links and sessions long over, and audit entries older than `auditBefore`. */
export function purgeStaffStatements(
  db: D1Database,
  expiredBefore: string,
  auditBefore: string,
): D1PreparedStatement[] {
  return [
    ...purgeLinkStatements(db, STAFF_LINKS, expiredBefore),
    db.prepare("DELETE FROM audit_log WHERE at < ?").bind(auditBefore),
  ];
}
