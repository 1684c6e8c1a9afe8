/** Employers' contact requests to pool members, and what the employers' saved searches hold (migration 0021). */

export type RequestState = "open" | "accepted" | "declined" | "expired";

// A request as its employer sees it: one withdrawn (the person left) looks like any other unanswered one,
// open until its day, then expired.
const EMPLOYER_STATE = `CASE WHEN r.state IN ('open', 'withdrawn') THEN
    CASE WHEN r.expires_at <= ?1 THEN 'expired' ELSE 'open' END ELSE r.state END`;
// As the person sees it: one withdrawn or past its day is over.
const MEMBER_STATE = `CASE WHEN r.state = 'withdrawn' OR (r.state = 'open' AND r.expires_at <= ?1) THEN 'expired'
    ELSE r.state END`;

export interface PoolRequestRow {
  id: string;
  employer_id: string;
  employer_name: string;
  account_id: string;
  /** Null once the person erased their data. */
  signup_id: string | null;
  role: string;
  message: string;
  /** JSON: what the card showed when it was asked, the employer's way to tell its requests apart. */
  card: string;
  salary_min: number | null;
  salary_max: number | null;
  created_at: string;
  expires_at: string;
  /** As stored, with an open request past its expiry read as expired. */
  state: RequestState;
  answered_at: string | null;
  /** The employer's contact person who asked (shown to the member after their yes). */
  contact_name: string;
  contact_email: string;
  /** The language the contact person last signed in with, for their mails. */
  contact_lang: "de" | "en";
}

const request = (state: string) => `SELECT r.id, r.employer_id, e.name AS employer_name, r.account_id, r.signup_id,
    r.role, r.message, r.card, r.salary_min, r.salary_max, r.created_at, r.expires_at, ${state} AS state, r.answered_at,
    a.name AS contact_name, a.email AS contact_email, a.lang AS contact_lang
  FROM pool_requests r JOIN employers e ON e.id = r.employer_id JOIN employer_accounts a ON a.id = r.account_id`;

export interface NewPoolRequest {
  id: string;
  employer_id: string;
  account_id: string;
  signup_id: string;
  role: string;
  message: string;
  card: string;
  salary_min: number | null;
  salary_max: number | null;
}

/**
 * A request, only while the member is in the pool, not paused, has not blocked the employer and has not been
 * asked by it before, and while the employer has sent fewer than `limit.perWeek` since `limit.since` (checked
 * in the same statement, so parallel requests cannot pass it); RETURNING says whether it was written.
 */
export function addPoolRequestStatement(
  db: D1Database,
  r: NewPoolRequest,
  now: string,
  expiresAt: string,
  limit: { since: string; perWeek: number },
) {
  return db
    .prepare(
      `INSERT INTO pool_requests (id, employer_id, account_id, signup_id, role, message, salary_min, salary_max,
         created_at, expires_at, card)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?13 FROM pool_members p
       WHERE p.signup_id = ?4 AND p.paused_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM pool_blocks b WHERE b.signup_id = ?4 AND b.employer_id = ?2)
         AND (SELECT count(*) FROM pool_requests q WHERE q.employer_id = ?2 AND q.created_at >= ?11) < ?12
       ON CONFLICT DO NOTHING RETURNING id`,
    )
    .bind(
      r.id,
      r.employer_id,
      r.account_id,
      r.signup_id,
      r.role,
      r.message,
      r.salary_min,
      r.salary_max,
      now,
      expiresAt,
      limit.since,
      limit.perWeek,
      r.card,
    );
}

/** An employer's requests, newest first. */
export async function employerRequests(db: D1Database, employerId: string, now: string): Promise<PoolRequestRow[]> {
  const { results } = await db
    .prepare(`${request(EMPLOYER_STATE)} WHERE r.employer_id = ?2 ORDER BY r.created_at DESC`)
    .bind(now, employerId)
    .all<PoolRequestRow>();
  return results;
}

/** A member's requests, newest first. */
export async function memberRequests(db: D1Database, signupId: string, now: string): Promise<PoolRequestRow[]> {
  const { results } = await db
    .prepare(`${request(MEMBER_STATE)} WHERE r.signup_id = ?2 ORDER BY r.created_at DESC`)
    .bind(now, signupId)
    .all<PoolRequestRow>();
  return results;
}

export function getPoolRequest(db: D1Database, id: string, now: string): Promise<PoolRequestRow | null> {
  return db
    .prepare(`${request(MEMBER_STATE)} WHERE r.id = ?2`)
    .bind(now, id)
    .first<PoolRequestRow>();
}

/** The member's answer, once, while the request is open and unexpired; RETURNING says whether it counted. */
export function answerPoolRequestStatement(
  db: D1Database,
  id: string,
  signupId: string,
  answer: "accepted" | "declined",
  now: string,
) {
  return db
    .prepare(
      `UPDATE pool_requests SET state = ?3, answered_at = ?4
       WHERE id = ?1 AND signup_id = ?2 AND state = 'open' AND expires_at > ?4 RETURNING id`,
    )
    .bind(id, signupId, answer, now);
}

/** Marks the requests unanswered by their expiry (the daily cron); reads treat them so before it runs. */
export function expirePoolRequestsStatement(db: D1Database, now: string) {
  return db.prepare("UPDATE pool_requests SET state = 'expired' WHERE state = 'open' AND expires_at <= ?").bind(now);
}

export interface ResponseRates {
  employer_id: string;
  employer_name: string;
  town_id: string;
  sent: number;
  open: number;
  accepted: number;
  declined: number;
  expired: number;
}

const RATES = `SELECT r.employer_id, e.name AS employer_name, e.town_id, count(*) AS sent,
    sum(r.state = 'open' AND r.expires_at > ?1) AS open,
    sum(r.state = 'accepted') AS accepted,
    sum(r.state = 'declined') AS declined,
    sum(r.state = 'expired' OR (r.state = 'open' AND r.expires_at <= ?1)) AS expired
  FROM pool_requests r JOIN employers e ON e.id = r.employer_id
  WHERE r.created_at >= ?2 AND r.state != 'withdrawn' AND r.signup_id IS NOT NULL`;

/** Per employer, the requests sent since `since` and what became of them (staff's response rates). */
export async function responseRates(db: D1Database, now: string, since: string): Promise<ResponseRates[]> {
  const { results } = await db
    .prepare(`${RATES} GROUP BY r.employer_id ORDER BY e.name`)
    .bind(now, since)
    .all<ResponseRates>();
  return results;
}

/** One employer's figures since `since`, and how many requests it sent since `weekAgo`. */
export async function employerRequestFigures(
  db: D1Database,
  employerId: string,
  now: string,
  since: string,
  weekAgo: string,
): Promise<{ rates: ResponseRates | null; thisWeek: number }> {
  const [rates, week] = await db.batch<Record<string, unknown>>([
    db.prepare(`${RATES} AND r.employer_id = ?3 GROUP BY r.employer_id`).bind(now, since, employerId),
    db
      .prepare("SELECT count(*) AS n FROM pool_requests WHERE employer_id = ? AND created_at >= ?")
      .bind(employerId, weekAgo),
  ]);
  return {
    rates: (rates?.results[0] as ResponseRates | undefined) ?? null,
    thisWeek: (week?.results[0] as { n: number } | undefined)?.n ?? 0,
  };
}

/** The member's mail about a request, queued only if the request was just written (same batch, after it). */
export function requestMailStatement(
  db: D1Database,
  requestId: string,
  signupId: string,
  mail: { to: string; subject: string; text: string },
  now: string,
) {
  return db
    .prepare(
      `INSERT INTO outbox (signup_id, to_address, subject, text, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM pool_requests WHERE id = ?6 AND created_at = ?5)`,
    )
    .bind(signupId, mail.to, mail.subject, mail.text, now, requestId);
}

/** An employer's audit entry for a request, written only if the request was just written. */
export function requestAuditStatement(
  db: D1Database,
  requestId: string,
  accountId: string,
  signupId: string,
  now: string,
) {
  return db
    .prepare(
      `INSERT INTO audit_log (at, employer_account_id, action, person_id, detail)
       SELECT ?1, ?2, 'pool.request', ?3, json_object('request', ?4)
       WHERE EXISTS (SELECT 1 FROM pool_requests WHERE id = ?4 AND created_at = ?1)`,
    )
    .bind(now, accountId, signupId, requestId);
}

/** A mail queued only if request `id` was just answered `answer` (same batch, after the answer). */
export function answeredMailStatement(
  db: D1Database,
  id: string,
  answer: "accepted" | "declined",
  signupId: string | null,
  mail: { to: string; subject: string; text: string },
  now: string,
) {
  return db
    .prepare(
      `INSERT INTO outbox (signup_id, to_address, subject, text, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM pool_requests WHERE id = ?6 AND state = ?7 AND answered_at = ?5)`,
    )
    .bind(signupId, mail.to, mail.subject, mail.text, now, id, answer);
}
