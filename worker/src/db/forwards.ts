/**
 * Forwards of a Steckbrief to named employers (migration 0011). A forward is proposed by the team, asked of
 * the person, and only their yes gives the employer a link; every step is a guarded UPDATE, so a second
 * click, a stale page or a race changes nothing.
 */
import type { Mail } from "../mail/mailer.ts";

export interface ForwardRow {
  id: string;
  signup_id: string;
  employer_id: string;
  employer_name: string;
  employer_town: string;
  staff_name: string;
  proposed_at: string;
  state: "asked" | "declined" | "shared" | "revoked";
  fields: string;
  answered_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: "person" | "staff" | null;
  opens: number;
  first_opened_at: string | null;
  last_opened_at: string | null;
  outcome: "replied" | "interview" | "hired" | "no_fit" | null;
  outcome_at: string | null;
}

const FORWARD_COLUMNS = `f.id, f.signup_id, f.employer_id, e.name AS employer_name, e.town_id AS employer_town,
  a.name AS staff_name, f.proposed_at, f.state, f.fields, f.answered_at, f.expires_at, f.revoked_at, f.revoked_by,
  f.opens, f.first_opened_at, f.last_opened_at, f.outcome, f.outcome_at`;
const FROM = "FROM forwards f JOIN employers e ON e.id = f.employer_id JOIN staff a ON a.id = f.proposed_by";

export async function listForwards(db: D1Database, signupId: string): Promise<ForwardRow[]> {
  const { results } = await db
    .prepare(`SELECT ${FORWARD_COLUMNS} ${FROM} WHERE f.signup_id = ? ORDER BY f.proposed_at DESC, e.name`)
    .bind(signupId)
    .all<ForwardRow>();
  return results;
}

export function getForward(db: D1Database, id: string): Promise<ForwardRow | null> {
  return db.prepare(`SELECT ${FORWARD_COLUMNS} ${FROM} WHERE f.id = ?`).bind(id).first<ForwardRow>();
}

export interface ForwardEmployerRow {
  id: string;
  name: string;
  town_id: string;
  contact_email: string | null;
  contact_name: string | null;
  /** Whether this person already has an open forward (asked or shared) to this employer. */
  open: number;
}

/** The employers named in a proposal, with their contact and whether the person has one open already. */
export async function forwardEmployers(
  db: D1Database,
  signupId: string,
  ids: readonly string[],
): Promise<ForwardEmployerRow[]> {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.name, e.town_id, e.contact_email, e.contact_name,
         EXISTS (SELECT 1 FROM forwards f WHERE f.signup_id = ?1 AND f.employer_id = e.id
                 AND f.state IN ('asked', 'shared')) AS open
       FROM employers e WHERE e.id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(signupId, JSON.stringify(ids))
    .all<ForwardEmployerRow>();
  return results;
}

export function proposeForwardStatement(
  db: D1Database,
  f: { id: string; signup_id: string; employer_id: string; staff_id: string },
  now: string,
): D1PreparedStatement {
  // The partial unique index (forwards_open) makes a second open forward to the same employer a no-op.
  return db
    .prepare(
      `INSERT INTO forwards (id, signup_id, employer_id, proposed_by, proposed_at, state)
       VALUES (?, ?, ?, ?, ?, 'asked') ON CONFLICT DO NOTHING`,
    )
    .bind(f.id, f.signup_id, f.employer_id, f.staff_id, now);
}

/**
 * The person's yes: the forward becomes shared with the fields they ticked, and the employer's mail is
 * written in the same batch, only if this very answer changed the forward (the token hash is new).
 */
export async function shareForward(
  db: D1Database,
  o: { id: string; signup_id: string; fields: readonly string[]; token_hash: string; expires_at: string },
  mail: Mail,
  now: string,
): Promise<boolean> {
  const [update] = await db.batch([
    db
      .prepare(
        `UPDATE forwards SET state = 'shared', fields = ?, answered_at = ?, expires_at = ?, token_hash = ?
         WHERE id = ? AND signup_id = ? AND state = 'asked'`,
      )
      .bind(JSON.stringify(o.fields), now, o.expires_at, o.token_hash, o.id, o.signup_id),
    db
      .prepare(
        `INSERT INTO outbox (signup_id, to_address, subject, text, created_at)
         SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM forwards WHERE id = ? AND token_hash = ?)`,
      )
      .bind(o.signup_id, mail.to, mail.subject, mail.text, now, o.id, o.token_hash),
  ]);
  return (update?.meta.changes ?? 0) > 0;
}

export async function declineForward(db: D1Database, o: { id: string; signup_id: string }, now: string) {
  const r = await db
    .prepare(
      "UPDATE forwards SET state = 'declined', answered_at = ? WHERE id = ? AND signup_id = ? AND state = 'asked'",
    )
    .bind(now, o.id, o.signup_id)
    .run();
  return r.meta.changes > 0;
}

/** Revoked by the person (their own forwards) or the team; an asked forward is withdrawn the same way. */
export function revokeForwardStatement(
  db: D1Database,
  o: { id: string; signup_id: string; by: "person" | "staff" },
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE forwards SET state = 'revoked', revoked_at = ?, revoked_by = ?
       WHERE id = ? AND signup_id = ? AND state IN ('asked', 'shared')`,
    )
    .bind(now, o.by, o.id, o.signup_id);
}

export function setOutcomeStatement(
  db: D1Database,
  id: string,
  outcome: ForwardRow["outcome"],
  now: string,
): D1PreparedStatement {
  return db
    .prepare("UPDATE forwards SET outcome = ?, outcome_at = ? WHERE id = ? AND state IN ('shared', 'revoked')")
    .bind(outcome, outcome === null ? null : now, id);
}

/** The forward an employer's link opens, while it is shared and not expired. */
export function sharedForward(db: D1Database, tokenHash: string, now: string): Promise<ForwardRow | null> {
  return db
    .prepare(`SELECT ${FORWARD_COLUMNS} ${FROM} WHERE f.token_hash = ? AND f.state = 'shared' AND f.expires_at > ?`)
    .bind(tokenHash, now)
    .first<ForwardRow>();
}

export async function recordOpening(db: D1Database, id: string, now: string): Promise<void> {
  await db.batch([
    db.prepare("INSERT INTO forward_opens (forward_id, opened_at) VALUES (?, ?)").bind(id, now),
    db
      .prepare(
        "UPDATE forwards SET opens = opens + 1, first_opened_at = coalesce(first_opened_at, ?1), last_opened_at = ?1 WHERE id = ?2",
      )
      .bind(now, id),
  ]);
}
