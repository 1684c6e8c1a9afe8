/** Employers' saved pool searches (migration 0021): each account's own, mailed weekly when new cards match. */

export interface PoolSearchRow {
  id: string;
  account_id: string;
  employer_id: string;
  name: string;
  /** JSON of the search's query string parameters. */
  query: string;
  created_at: string;
  checked_at: string;
}

/** At most this many saved searches per account: a weekly mail each is plenty. */
const MAX_SAVED_SEARCHES = 10;

export function addPoolSearchStatement(
  db: D1Database,
  s: { id: string; account_id: string; employer_id: string; name: string; query: string },
  now: string,
) {
  return db
    .prepare(
      `INSERT INTO pool_searches (id, account_id, employer_id, name, query, created_at, checked_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6 WHERE (SELECT count(*) FROM pool_searches WHERE account_id = ?2) < ?7
       RETURNING id`,
    )
    .bind(s.id, s.account_id, s.employer_id, s.name, s.query, now, MAX_SAVED_SEARCHES);
}

export async function accountSearches(db: D1Database, accountId: string): Promise<PoolSearchRow[]> {
  const { results } = await db
    .prepare("SELECT * FROM pool_searches WHERE account_id = ? ORDER BY created_at")
    .bind(accountId)
    .all<PoolSearchRow>();
  return results;
}

/** Deletes one of the account's own searches; another account's id deletes nothing. */
export function deletePoolSearchStatement(db: D1Database, id: string, accountId: string) {
  return db.prepare("DELETE FROM pool_searches WHERE id = ? AND account_id = ? RETURNING id").bind(id, accountId);
}

/** The saved searches of enabled accounts, for the weekly run, with the address to mail. */
export async function dueSearches(
  db: D1Database,
  checkedBefore: string,
): Promise<(PoolSearchRow & { email: string; account_name: string; lang: "de" | "en" })[]> {
  const { results } = await db
    .prepare(
      `SELECT s.*, a.email, a.name AS account_name, a.lang FROM pool_searches s JOIN employer_accounts a ON a.id = s.account_id
       WHERE a.disabled = 0 AND s.checked_at <= ? ORDER BY s.account_id, s.created_at`,
    )
    .bind(checkedBefore)
    .all<PoolSearchRow & { email: string; account_name: string; lang: "de" | "en" }>();
  return results;
}

/** Claims a search for this run: only if no other run has checked it since `was` (changes() says whether). */
export function claimPoolSearchStatement(db: D1Database, id: string, was: string, now: string) {
  return db.prepare("UPDATE pool_searches SET checked_at = ? WHERE id = ? AND checked_at = ?").bind(now, id, was);
}
