/**
 * The one mechanism both kinds of account sign in by (staff: migration 0010; employers: 0021): single-use
 * links stored as hashes, sessions stored as hashes with idle and absolute expiry. Each kind keeps its own
 * tables, so a session of one can never be read as the other's; the SQL is written once, over the names
 * below (constants, never input).
 */

export interface LinkTables {
  accounts: "staff" | "employer_accounts";
  tokens: "staff_sign_in_tokens" | "employer_sign_in_tokens";
  sessions: "staff_sessions" | "employer_sessions";
  /** The column of tokens and sessions that names the account. */
  account: "staff_id" | "account_id";
}

export const STAFF_LINKS: LinkTables = {
  accounts: "staff",
  tokens: "staff_sign_in_tokens",
  sessions: "staff_sessions",
  account: "staff_id",
};

export const EMPLOYER_LINKS: LinkTables = {
  accounts: "employer_accounts",
  tokens: "employer_sign_in_tokens",
  sessions: "employer_sessions",
  account: "account_id",
};

/** A sign-in link's token, stored as its hash. */
export function addLinkTokenStatement(
  db: D1Database,
  t: LinkTables,
  tokenHash: string,
  accountId: string,
  now: string,
  expiresAt: string,
) {
  return db
    .prepare(`INSERT INTO ${t.tokens} (token_hash, ${t.account}, created_at, expires_at) VALUES (?, ?, ?, ?)`)
    .bind(tokenHash, accountId, now, expiresAt);
}

/**
 * Uses a link's token: marks it used and opens a session, in one batch, only if the token is unused,
 * unexpired and its account enabled; the account's last sign-in (and `lang`, when given) is noted. Returns
 * the account's id, or null when the link is no good.
 */
export async function useLinkToken(
  db: D1Database,
  t: LinkTables,
  tokenHash: string,
  session: { idHash: string; expiresAt: string },
  now: string,
  lang?: "de" | "en",
): Promise<string | null> {
  const [used] = await db.batch<Record<string, string>>([
    db
      .prepare(
        `UPDATE ${t.tokens} SET used_at = ?1
         WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1
           AND ${t.account} IN (SELECT id FROM ${t.accounts} WHERE disabled = 0)
         RETURNING ${t.account} AS id`,
      )
      .bind(now, tokenHash),
    db
      .prepare(
        `INSERT INTO ${t.sessions} (id_hash, ${t.account}, created_at, last_seen_at, expires_at)
         SELECT ?1, ${t.account}, ?2, ?2, ?3 FROM ${t.tokens} WHERE token_hash = ?4 AND used_at = ?2`,
      )
      .bind(session.idHash, now, session.expiresAt, tokenHash),
    db
      .prepare(
        `UPDATE ${t.accounts} SET last_sign_in_at = ?1${lang ? ", lang = ?3" : ""}
         WHERE id IN (SELECT ${t.account} FROM ${t.tokens} WHERE token_hash = ?2 AND used_at = ?1)`,
      )
      .bind(now, tokenHash, ...(lang ? [lang] : [])),
  ]);
  return used?.results[0]?.id ?? null;
}

export async function touchLinkSession(db: D1Database, t: LinkTables, idHash: string, now: string): Promise<void> {
  await db.prepare(`UPDATE ${t.sessions} SET last_seen_at = ? WHERE id_hash = ?`).bind(now, idHash).run();
}

export async function revokeLinkSession(db: D1Database, t: LinkTables, idHash: string, now: string): Promise<void> {
  await db
    .prepare(`UPDATE ${t.sessions} SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL`)
    .bind(now, idHash)
    .run();
}

/** "Sign out everywhere": every session of the account, and its unused sign-in links. */
export function endLinkSessions(db: D1Database, t: LinkTables, accountId: string, now: string): D1PreparedStatement[] {
  return [
    db
      .prepare(`UPDATE ${t.sessions} SET revoked_at = ? WHERE ${t.account} = ? AND revoked_at IS NULL`)
      .bind(now, accountId),
    db.prepare(`UPDATE ${t.tokens} SET used_at = ? WHERE ${t.account} = ? AND used_at IS NULL`).bind(now, accountId),
  ];
}

/** Removes links and sessions long over. */
export function purgeLinkStatements(db: D1Database, t: LinkTables, expiredBefore: string): D1PreparedStatement[] {
  return [
    db.prepare(`DELETE FROM ${t.tokens} WHERE expires_at < ?`).bind(expiredBefore),
    db.prepare(`DELETE FROM ${t.sessions} WHERE expires_at < ? OR revoked_at < ?`).bind(expiredBefore, expiredBefore),
  ];
}
