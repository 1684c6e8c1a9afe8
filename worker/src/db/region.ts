/** Reading towns and employers, each with its number of open jobs. */

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
