/** The import sources and their health (migration 0008). */

export type SourceState = "new" | "healthy" | "degraded" | "failing";

export interface SourceRow {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  params: string;
  employer_id: string | null;
  town_id: string | null;
  every_minutes: number;
  enabled: number;
  state: SourceState;
  last_run_at: string | null;
  last_success_at: string | null;
  seen: number;
  added: number;
  updated: number;
  closed: number;
  last_error: string | null;
  created_at: string;
}

export interface NewSource {
  id: string;
  kind: string;
  name: string;
  url: string | null;
  params?: Record<string, unknown>;
  employer_id?: string | null;
  town_id?: string | null;
  every_minutes?: number;
}

export async function addSource(db: D1Database, s: NewSource, now: string): Promise<void> {
  await db
    .prepare(
      `INSERT INTO sources (id, kind, name, url, params, employer_id, town_id, every_minutes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      s.id,
      s.kind,
      s.name,
      s.url,
      JSON.stringify(s.params ?? {}),
      s.employer_id ?? null,
      s.town_id ?? null,
      s.every_minutes ?? 360,
      now,
    )
    .run();
}

export function getSource(db: D1Database, id: string): Promise<SourceRow | null> {
  return db.prepare("SELECT * FROM sources WHERE id = ?").bind(id).first<SourceRow>();
}

export async function listSources(db: D1Database): Promise<SourceRow[]> {
  return (await db.prepare("SELECT * FROM sources ORDER BY id").all<SourceRow>()).results;
}

/** Enabled sources whose schedule says they are due at `now` (never run counts as due). */
export async function dueSources(db: D1Database, now: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id FROM sources
       WHERE enabled = 1 AND kind != 'demo'
         AND (last_run_at IS NULL OR datetime(last_run_at, '+' || every_minutes || ' minutes') <= datetime(?))
       ORDER BY last_run_at IS NOT NULL, last_run_at`,
    )
    .bind(now)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

export interface RunCounts {
  seen: number;
  added: number;
  updated: number;
  closed: number;
}

/** A run that answered and was applied. */
export function recordSuccess(db: D1Database, id: string, counts: RunCounts, now: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE sources SET state = 'healthy', last_run_at = ?, last_success_at = ?, seen = ?, added = ?,
              updated = ?, closed = ?, last_error = NULL
       WHERE id = ?`,
    )
    .bind(now, now, counts.seen, counts.added, counts.updated, counts.closed, id);
}

/** A run that changed nothing: the source failed, or its answer looked wrong (degraded). */
export async function recordProblem(
  db: D1Database,
  id: string,
  state: "degraded" | "failing",
  error: string,
  now: string,
): Promise<void> {
  await db
    .prepare("UPDATE sources SET state = ?, last_run_at = ?, last_error = ? WHERE id = ?")
    .bind(state, now, error.slice(0, 500), id)
    .run();
}
