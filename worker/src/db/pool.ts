/** The applicant pool's members (migrations/0020_pool.sql). */
import type { PoolDetail } from "../pool/cards.ts";
import type { PoolSearchRow } from "./pool-searches.ts";

export interface PoolMemberRow {
  signup_id: string;
  /** JSON array of PoolDetail. */
  details: string;
  consent_version: string;
  joined_at: string;
  paused_at: string | null;
  updated_at: string;
  headline: string | null;
}

export function getPoolMember(db: D1Database, signupId: string): Promise<PoolMemberRow | null> {
  return db.prepare("SELECT * FROM pool_members WHERE signup_id = ?").bind(signupId).first<PoolMemberRow>();
}

/** Joining (again): the details and the consent text agreed to now; a paused membership is active again. */
export function joinPoolStatement(
  db: D1Database,
  signupId: string,
  details: readonly PoolDetail[],
  consentVersion: string,
  now: string,
) {
  return db
    .prepare(
      `INSERT INTO pool_members (signup_id, details, consent_version, joined_at, paused_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, NULL, ?4)
       ON CONFLICT (signup_id) DO UPDATE SET details = ?2, consent_version = ?3, paused_at = NULL, updated_at = ?4`,
    )
    .bind(signupId, JSON.stringify(details), consentVersion, now);
}

export function savePoolDetailsStatement(
  db: D1Database,
  signupId: string,
  details: readonly PoolDetail[],
  now: string,
) {
  return db
    .prepare("UPDATE pool_members SET details = ?2, updated_at = ?3 WHERE signup_id = ?1")
    .bind(signupId, JSON.stringify(details), now);
}

/** Pausing hides the card from every search at once; resuming shows it again. */
export function pausePoolStatement(db: D1Database, signupId: string, paused: boolean, now: string) {
  return db
    .prepare(
      "UPDATE pool_members SET paused_at = CASE WHEN ?2 THEN ?3 ELSE NULL END, updated_at = ?3 WHERE signup_id = ?1",
    )
    .bind(signupId, paused ? 1 : 0, now);
}

export function leavePoolStatement(db: D1Database, signupId: string) {
  return db.prepare("DELETE FROM pool_members WHERE signup_id = ?").bind(signupId);
}

/**
 * On leaving, requests still open are withdrawn: they can no longer be answered, and their employers see them
 * as unanswered until their day (db/pool-requests.ts), learning no more than from silence. They do not count
 * against the employers' response rates.
 */
export function endOpenRequestsStatement(db: D1Database, signupId: string) {
  return db
    .prepare("UPDATE pool_requests SET state = 'withdrawn' WHERE signup_id = ? AND state = 'open'")
    .bind(signupId);
}

/** A member's card data: their signup's coarse fields and their Steckbrief's languages. */
export interface PoolProfileRow {
  id: string;
  /** The member's line for full-text search; never shown before their yes. */
  headline: string | null;
  /** When the card last changed (joined, details chosen, resumed): "new" for saved searches after this. */
  changed_at: string;
  field: string | null;
  occupation: string | null;
  qualification: string | null;
  towns: string;
  earliest_return: string;
  languages: string;
  details: string;
}

const PROFILE = `SELECT s.id, p.headline, p.updated_at AS changed_at, s.field, s.occupation, s.qualification, s.towns, s.earliest_return,
    coalesce(st.languages, '[]') AS languages, p.details
  FROM pool_members p JOIN signups s ON s.id = p.signup_id
  LEFT JOIN steckbriefe st ON st.signup_id = s.id`;

/**
 * Every member whose card may be shown: confirmed, not paused. (Blocks and the employer's own view are
 * applied by the caller before anonymizing, so a card hidden from one employer leaves no trace in others.)
 */
export async function activePoolProfiles(db: D1Database): Promise<PoolProfileRow[]> {
  return (await activePoolSnapshot(db)).rows;
}

const ACTIVE = `${PROFILE} WHERE p.paused_at IS NULL AND s.status = 'confirmed'`;

/** The active members and the pool's version (0021's triggers), read together in one transaction. */
export async function activePoolSnapshot(db: D1Database): Promise<{ version: number; rows: PoolProfileRow[] }> {
  const [version, rows] = await db.batch<unknown>([
    db.prepare("SELECT value FROM counters WHERE name = 'pool_version'"),
    db.prepare(ACTIVE),
  ]);
  return {
    version: (version?.results[0] as { value: number } | undefined)?.value ?? 0,
    rows: (rows?.results ?? []) as PoolProfileRow[],
  };
}

/** The pool's version: it changes with anything a card may show. */
export async function poolVersion(db: D1Database): Promise<number> {
  return (await db.prepare("SELECT value FROM counters WHERE name = 'pool_version'").first<number>("value")) ?? 0;
}

export function savePoolHeadlineStatement(db: D1Database, signupId: string, headline: string | null, now: string) {
  return db
    .prepare("UPDATE pool_members SET headline = ?2, updated_at = ?3 WHERE signup_id = ?1")
    .bind(signupId, headline, now);
}

const HIDDEN = `SELECT signup_id FROM pool_blocks WHERE employer_id = ?1
  UNION SELECT signup_id FROM pool_requests WHERE employer_id = ?1`;

/** Members an employer must not see: those who blocked it, and those it has asked already. */
export async function hiddenFromEmployer(db: D1Database, employerId: string): Promise<Set<string>> {
  const { results } = await db.prepare(HIDDEN).bind(employerId).all<{ signup_id: string }>();
  return new Set(results.map((r) => r.signup_id));
}

// The employer of a session, for reads made in the same batch as the session's check (lib/employer-session.ts).
const SESSION_EMPLOYER = `(SELECT a.employer_id FROM employer_sessions s JOIN employer_accounts a ON a.id = s.account_id
  WHERE s.id_hash = ?1)`;

/** What an employer may see of the pool, as of now. */
export interface EmployerPoolState {
  version: number;
  /** Members hidden from this employer: blocks, and those asked already. */
  hidden: Set<string>;
  searches: PoolSearchRow[];
}

/**
 * The reads every employer page makes, keyed by the session's hash so that they go in one batch with the
 * session's own check: the pool's version, who is hidden from this employer, the account's saved searches.
 */
export function employerPoolStatements(db: D1Database, sessionHash: string): D1PreparedStatement[] {
  return [
    db.prepare("SELECT value FROM counters WHERE name = 'pool_version'"),
    db
      .prepare(
        `SELECT signup_id FROM pool_blocks WHERE employer_id = ${SESSION_EMPLOYER}
         UNION SELECT signup_id FROM pool_requests WHERE employer_id = ${SESSION_EMPLOYER}`,
      )
      .bind(sessionHash),
    db
      .prepare(
        `SELECT * FROM pool_searches WHERE account_id = (SELECT account_id FROM employer_sessions WHERE id_hash = ?1)
         ORDER BY created_at`,
      )
      .bind(sessionHash),
  ];
}

export function employerPoolState(results: readonly D1Result<Record<string, unknown>>[]): EmployerPoolState {
  const [version, hidden, searches] = results;
  return {
    version: (version?.results[0] as { value: number } | undefined)?.value ?? 0,
    hidden: new Set((hidden?.results ?? []).map((r) => r.signup_id as string)),
    searches: (searches?.results ?? []) as unknown as PoolSearchRow[],
  };
}

export function blockEmployerStatement(db: D1Database, signupId: string, employerId: string, now: string) {
  return db
    .prepare(
      `INSERT INTO pool_blocks (signup_id, employer_id, created_at) SELECT ?1, id, ?3 FROM employers WHERE id = ?2
       ON CONFLICT DO NOTHING`,
    )
    .bind(signupId, employerId, now);
}

export function unblockEmployerStatement(db: D1Database, signupId: string, employerId: string) {
  return db.prepare("DELETE FROM pool_blocks WHERE signup_id = ? AND employer_id = ?").bind(signupId, employerId);
}

export async function listBlocks(db: D1Database, signupId: string): Promise<{ id: string; name: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.name FROM pool_blocks b JOIN employers e ON e.id = b.employer_id
       WHERE b.signup_id = ? ORDER BY e.name`,
    )
    .bind(signupId)
    .all<{ id: string; name: string }>();
  return results;
}

/** The pool in numbers, for staff: members, paused, requests by state. No cards. */
export async function poolStatistics(db: D1Database, now: string) {
  const [members, requests] = await db.batch<Record<string, number>>([
    db.prepare(
      `SELECT count(*) AS members, count(paused_at) AS paused, count(headline) AS with_headline FROM pool_members`,
    ),
    db
      .prepare(
        `SELECT count(*) AS sent,
           sum(state = 'accepted') AS accepted, sum(state = 'declined') AS declined,
           sum(state = 'expired' OR (state = 'open' AND expires_at <= ?1)) AS expired,
           sum(state = 'open' AND expires_at > ?1) AS open
         FROM pool_requests WHERE state != 'withdrawn' AND signup_id IS NOT NULL`,
      )
      .bind(now),
  ]);
  return { ...(members?.results[0] ?? {}), ...(requests?.results[0] ?? {}) } as Record<string, number | null>;
}

/** One member's card data, paused or not (their own preview). */
export function poolProfile(db: D1Database, signupId: string): Promise<PoolProfileRow | null> {
  return db.prepare(`${PROFILE} WHERE s.id = ?`).bind(signupId).first<PoolProfileRow>();
}

/** Every employer by name, for a member to block any of them (say, the one they work for now). */
export async function employerNames(db: D1Database): Promise<{ id: string; name: string }[]> {
  return (await db.prepare("SELECT id, name FROM employers ORDER BY name").all<{ id: string; name: string }>()).results;
}
