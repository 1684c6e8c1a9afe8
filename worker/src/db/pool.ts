/** The applicant pool's members (migrations/0020_pool.sql). */
import type { PoolDetail } from "../pool/cards.ts";

export interface PoolMemberRow {
  signup_id: string;
  /** JSON array of PoolDetail. */
  details: string;
  consent_version: string;
  joined_at: string;
  paused_at: string | null;
  updated_at: string;
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

/** A member's card data: their signup's coarse fields and their Steckbrief's languages. */
export interface PoolProfileRow {
  id: string;
  field: string | null;
  occupation: string | null;
  qualification: string | null;
  towns: string;
  earliest_return: string;
  languages: string;
  details: string;
}

const PROFILE = `SELECT s.id, s.field, s.occupation, s.qualification, s.towns, s.earliest_return,
    coalesce(st.languages, '[]') AS languages, p.details
  FROM pool_members p JOIN signups s ON s.id = p.signup_id
  LEFT JOIN steckbriefe st ON st.signup_id = s.id`;

/**
 * Every member whose card may be shown: confirmed, not paused. (Blocks and the employer's own view are
 * applied by the caller before anonymizing, so a card hidden from one employer leaves no trace in others.)
 */
export async function activePoolProfiles(db: D1Database): Promise<PoolProfileRow[]> {
  const { results } = await db
    .prepare(`${PROFILE} WHERE p.paused_at IS NULL AND s.status = 'confirmed'`)
    .all<PoolProfileRow>();
  return results;
}

/** One member's card data, paused or not (their own preview). */
export function poolProfile(db: D1Database, signupId: string): Promise<PoolProfileRow | null> {
  return db.prepare(`${PROFILE} WHERE s.id = ?`).bind(signupId).first<PoolProfileRow>();
}
