/** Reading towns and employers, each with its number of open jobs. */
import type { StaffEmployerAfter } from "../../../shared/schemas/steckbrief.ts";

export interface TownRow {
  id: string;
  name: string;
  postal_code: string;
  lat: number;
  lon: number;
  open_jobs: number;
}

export async function listTowns(db: D1Database, now: string): Promise<TownRow[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id, t.name, t.postal_code, t.lat, t.lon,
              (SELECT count(*) FROM jobs j WHERE j.town_id = t.id AND j.valid_through > ?) AS open_jobs
       FROM towns t ORDER BY t.name`,
    )
    .bind(now)
    .all<TownRow>();
  return results;
}

export interface EmployerListRow {
  id: string;
  name: string;
  town_id: string;
  town_name: string;
  industry: string;
  website: string | null;
  open_jobs: number;
}

export async function listEmployers(db: D1Database, now: string, town?: string): Promise<EmployerListRow[]> {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.name, e.town_id, t.name AS town_name, e.industry, e.website,
              (SELECT count(*) FROM jobs j WHERE j.employer_id = e.id AND j.valid_through > ?) AS open_jobs
       FROM employers e JOIN towns t ON t.id = e.town_id
       WHERE ?2 IS NULL OR e.town_id = ?2
       ORDER BY e.name`,
    )
    .bind(now, town ?? null)
    .all<EmployerListRow>();
  return results;
}

export async function getEmployer(
  db: D1Database,
  id: string,
): Promise<{ id: string; name: string; town_id: string } | null> {
  return db.prepare("SELECT id, name, town_id FROM employers WHERE id = ?").bind(id).first();
}

export interface StaffEmployerRow {
  id: string;
  name: string;
  town_id: string;
  industry: string;
  website: string | null;
  contact_email: string | null;
  contact_name: string | null;
  forwards: number;
}

// An employer with its contact and the number of Steckbriefe it was sent (a yes, shared or revoked since).
const STAFF_EMPLOYER = `SELECT e.id, e.name, e.town_id, e.industry, e.website, e.contact_email, e.contact_name,
    (SELECT count(*) FROM forwards f WHERE f.employer_id = e.id AND f.answered_at IS NOT NULL
       AND f.state IN ('shared', 'revoked')) AS forwards
  FROM employers e`;

/**
 * Employers as the team sees them, a page at a time: with the contact address forwards go to and how many
 * Steckbriefe they were sent, those with a contact first, then by name; a town account sees its towns'
 * employers only. The total counts every match (the imports bring a district's employers by the
 * thousand).
 */
export async function listStaffEmployers(
  db: D1Database,
  o: { q?: string | undefined; withContact?: boolean | undefined; scope?: readonly string[] | undefined },
  after: StaffEmployerAfter | undefined,
  limit: number,
): Promise<{ rows: StaffEmployerRow[]; total: number }> {
  const like = o.q ? `%${o.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
  const where = `(?1 IS NULL OR lower(e.name) LIKE ?1 ESCAPE '\\')
         AND (?2 IS NULL OR (e.contact_email IS NOT NULL) = ?2)
         AND (?3 IS NULL OR e.town_id IN (SELECT value FROM json_each(?3)))`;
  const filters = [
    like,
    o.withContact === undefined ? null : o.withContact ? 1 : 0,
    o.scope ? JSON.stringify(o.scope) : null,
  ];
  const [page, count] = await db.batch<StaffEmployerRow | { n: number }>([
    db
      .prepare(
        `${STAFF_EMPLOYER}
         WHERE ${where}
           AND (?4 IS NULL OR (e.contact_email IS NULL, e.name, e.id) > (?4, ?5, ?6))
         ORDER BY e.contact_email IS NULL, e.name, e.id LIMIT ?7`,
      )
      .bind(...filters, after ? (after.withoutContact ? 1 : 0) : null, after?.name ?? null, after?.id ?? null, limit),
    db.prepare(`SELECT count(*) AS n FROM employers e WHERE ${where}`).bind(...filters),
  ]);
  return {
    rows: (page?.results ?? []) as StaffEmployerRow[],
    total: ((count?.results[0] ?? { n: 0 }) as { n: number }).n,
  };
}

export function getStaffEmployer(db: D1Database, id: string): Promise<StaffEmployerRow | null> {
  return db.prepare(`${STAFF_EMPLOYER} WHERE e.id = ?`).bind(id).first<StaffEmployerRow>();
}

export function setEmployerContactStatement(
  db: D1Database,
  id: string,
  c: { contact_email: string | null; contact_name: string | null },
): D1PreparedStatement {
  return db
    .prepare("UPDATE employers SET contact_email = ?, contact_name = ? WHERE id = ?")
    .bind(c.contact_email?.toLowerCase() ?? null, c.contact_name, id);
}
