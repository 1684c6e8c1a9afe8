/**
 * Writing a source's jobs: upsert by (source, the source's own id), no write for a job that did not change,
 * closing (not deleting: its page answers 410) the jobs that left a source which answered completely, and
 * showing a job carried by both the Jobbörse and the employer's own feed once, the employer's copy winning.
 *
 * Rows travel as one JSON parameter per statement (json_each): D1 allows 100 bound parameters and 1,000
 * statements per invocation, and a first import of the Jobbörse brings thousands of jobs.
 */

import { indexText } from "../../../shared/search-text.ts";
import { CATEGORIES, type CategoryId } from "../../../shared/taxonomy.ts";
import { employerSlug, matchKey } from "../import/identity.ts";
import { jsonChunks, pick } from "./json-rows.ts";

/** A job as a source gives it. */
export interface SourceJob {
  /** The source's own id: the Jobbörse's referenznummer, a Personio position id… */
  source_key: string;
  /** As the source writes it; the Jobbörse's employers are found or created by it. */
  employer_name: string;
  town_id: string;
  title: string;
  /** Plain text; null when it comes in a second request (the Jobbörse's details) and is not here yet. */
  description: string | null;
  description_html: string | null;
  category: CategoryId;
  employment: number;
  remote: string;
  salary_min: number | null;
  salary_max: number | null;
  apply_url: string | null;
  source_url: string | null;
  /** null when the source gives no date: the first run's time stays. */
  posted_at: string | null;
  /** OPEN_ENDED (db/rows.ts) when the source names no deadline. */
  valid_through: string;
  /** The source's change stamp, when it has one: the details are fetched again when it changes. */
  source_version: string | null;
}

// Compared and written per job. The texts are compared by their hash (text_hash) and never read back:
// a source's 10,000 descriptions would not fit a Worker's memory next to what the run builds.
const FIELDS = [
  "employer_id",
  "town_id",
  "title",
  "text_hash",
  "category",
  "employment",
  "remote",
  "salary_min",
  "salary_max",
  "apply_url",
  "source_url",
  "posted_at",
  "valid_through",
  "source_version",
  "match_key",
  "duplicate_of",
] as const;
type Field = (typeof FIELDS)[number];
type Row = Record<Field, string | number | null>;
type Stored = Row & { id: number; source_key: string; employer_name: string };
/** A row as written: the fields, and the texts unless the job keeps the ones it has. */
type Written = Row & { description: string; description_html: string | null };

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** The hash a job's texts are compared by. */
export async function textHash(description: string, html: string | null): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${description}\u0000${html ?? ""}`)));
}

export interface JobSourceInfo {
  id: string;
  /** The employer whose own feed this is; null for the Jobbörse, whose jobs name their employers. */
  employer_id: string | null;
  /** Only the Jobbörse gives way to employers' own copies of a job. */
  yields: boolean;
  /** When the source last answered completely: a job that leaves it was last seen then. */
  last_success_at: string | null;
}

export interface JobPlan {
  statements: D1PreparedStatement[];
  added: number;
  updated: number;
  closed: number;
  /** Jobs shown once because the employer's own feed has them. */
  merged: number;
  /** Open jobs the source had before this run (the drift check compares against it). */
  before: number;
}

/** The statements that make the source's jobs in D1 equal `jobs`; none for jobs already equal. */
export async function planSourceJobs(
  db: D1Database,
  source: JobSourceInfo,
  jobs: SourceJob[],
  now: string,
  complete: boolean,
): Promise<JobPlan> {
  const [storedRows, employerRows, rivals] = await Promise.all([
    db
      .prepare(
        `SELECT j.id, j.source_key, e.name AS employer_name, ${FIELDS.map((f) => `j.${f}`).join(", ")}
         FROM jobs j JOIN employers e ON e.id = j.employer_id WHERE j.source_id = ?`,
      )
      .bind(source.id)
      .all<Stored>(),
    db.prepare("SELECT id FROM employers").all<{ id: string }>(),
    // The other side of each duplicate: for the Jobbörse, the employers' own open jobs; for an employer's
    // feed, the Jobbörse's open copies.
    db
      .prepare(
        `SELECT j.id, j.match_key, j.source_id, j.source_key FROM jobs j JOIN sources s ON s.id = j.source_id
         WHERE j.match_key IS NOT NULL AND j.valid_through > ? AND j.source_id != ?
           AND ${source.yields ? "s.kind NOT IN ('ba_jobsuche', 'demo')" : "s.kind = 'ba_jobsuche'"}`,
      )
      .bind(now, source.id)
      .all<{ id: number; match_key: string; source_id: string; source_key: string }>(),
  ]);
  const stored = new Map(storedRows.results.map((r) => [r.source_key, r]));
  const employers = new Set(employerRows.results.map((r) => r.id));
  // Several open copies can share a key (the Jobbörse can carry a job twice, or two of its sources do).
  const rivalsByKey = new Map<string, number[]>();
  for (const r of rivals.results) rivalsByKey.set(r.match_key, [...(rivalsByKey.get(r.match_key) ?? []), r.id]);

  const newEmployers = new Map<string, { id: string; name: string; town_id: string; industry: string }>();
  const inserts: (Written & { source_key: string; fts_title: string; fts_body: string })[] = [];
  const updates: (Written & { id: number; fts: 0 | 1; keep_text: 0 | 1; fts_title: string; fts_body: string })[] = [];
  const kept = new Set<string>();
  // An employer's feed: its jobs' keys, to close the Jobbörse's copies of them.
  const losers: { id: number; key: string }[] = [];
  let merged = 0;

  for (const job of jobs) {
    if (kept.has(job.source_key)) continue;
    kept.add(job.source_key);
    const old = stored.get(job.source_key);
    let employerId = source.employer_id;
    if (!employerId) {
      employerId = employerSlug(job.employer_name) || "unbekannt";
      if (!employers.has(employerId) && !newEmployers.has(employerId))
        newEmployers.set(employerId, {
          id: employerId,
          name: job.employer_name.slice(0, 200),
          town_id: job.town_id,
          industry: CATEGORIES[job.category].de,
        });
    }
    const key = matchKey(job.employer_name, job.title, job.town_id);
    if (!source.yields && key) for (const id of rivalsByKey.get(key) ?? []) losers.push({ id, key: job.source_key });
    const winner = source.yields && key ? rivalsByKey.get(key)?.[0] : undefined;
    if (winner !== undefined && !old) {
      merged++;
      continue;
    }
    const oldOpen = old !== undefined && String(old.valid_through) > now;
    // A job whose text comes later (the Jobbörse's details) keeps the text it has.
    const keepText = job.description === null;
    const description = job.description ?? "";
    const html = keepText ? null : job.description_html;
    const row: Written = {
      employer_id: employerId,
      town_id: job.town_id,
      title: job.title,
      description,
      description_html: html,
      text_hash: keepText && old ? old.text_hash : await textHash(description, html),
      category: job.category,
      employment: job.employment,
      remote: job.remote,
      salary_min: job.salary_min,
      salary_max: job.salary_max,
      apply_url: job.apply_url,
      source_url: job.source_url,
      posted_at: job.posted_at ?? (old?.posted_at as string | undefined) ?? now,
      // A duplicate closes, pointing at the copy shown instead; once that copy is gone, it opens again.
      valid_through: winner !== undefined ? (oldOpen ? now : (old?.valid_through ?? now)) : job.valid_through,
      source_version: job.source_version,
      match_key: key,
      duplicate_of: winner ?? null,
    };
    if (winner !== undefined) merged++;
    const fts = { fts_title: indexText(job.title), fts_body: indexText(`${description} ${job.employer_name}`) };
    if (!old) {
      inserts.push({ ...row, source_key: job.source_key, ...fts });
    } else if (FIELDS.some((f) => old[f] !== row[f])) {
      // The search text is rewritten when what it holds changed; for a job that keeps its text, its next
      // description step does that (a changed job has a new version, so its details are due again).
      const textChanged =
        old.title !== row.title || old.text_hash !== row.text_hash || old.employer_name !== job.employer_name;
      updates.push({ ...row, id: old.id, fts: textChanged && !keepText ? 1 : 0, keep_text: keepText ? 1 : 0, ...fts });
    }
  }

  const gone = complete
    ? storedRows.results.filter((r) => !kept.has(r.source_key) && String(r.valid_through) > now).map((r) => r.id)
    : [];
  const before = storedRows.results.filter((r) => String(r.valid_through) > now).length;

  const statements: D1PreparedStatement[] = [];
  for (const part of jsonChunks([...newEmployers.values()]))
    statements.push(
      db
        .prepare(
          `INSERT INTO employers (id, name, town_id, industry, website, created_at)
           SELECT ${pick("id")}, ${pick("name")}, ${pick("town_id")}, ${pick("industry")}, NULL, ? FROM json_each(?) v
           WHERE true ON CONFLICT (id) DO NOTHING`,
        )
        .bind(now, part),
    );
  for (const part of jsonChunks(inserts)) {
    statements.push(
      db
        .prepare(
          `INSERT INTO jobs (source_id, source_key, ${FIELDS.join(", ")}, description, description_html, updated_at,
             first_seen_at, last_seen_at)
           SELECT ?, ${pick("source_key")}, ${FIELDS.map(pick).join(", ")}, ${pick("description")}, ${pick("description_html")},
             ?, ?, ? FROM json_each(?) v`,
        )
        .bind(source.id, now, now, now, part),
      // CROSS JOIN: SQLite then walks the JSON rows and looks each job up by index, where it would
      // otherwise scan the JSON once per job of the source (quadratic: 23 s for 5,000 jobs).
      db
        .prepare(
          `INSERT INTO jobs_fts (rowid, title, body)
           SELECT j.id, ${pick("fts_title")}, ${pick("fts_body")} FROM json_each(?) v
           CROSS JOIN jobs j ON j.source_id = ? AND j.source_key = ${pick("source_key")}`,
        )
        .bind(part, source.id),
    );
  }
  for (const part of jsonChunks(updates)) {
    statements.push(
      db
        .prepare(
          // A job whose text comes with its details (the Jobbörse) keeps the text it has: a description step
          // may have written it after this run read the rows.
          `UPDATE jobs SET ${FIELDS.map((f) => `${f} = ${pick(f)}`).join(", ")},
             description = CASE WHEN ${pick("keep_text")} = 1 THEN description ELSE ${pick("description")} END,
             description_html = CASE WHEN ${pick("keep_text")} = 1 THEN description_html ELSE ${pick("description_html")} END,
             updated_at = ?, last_seen_at = ?
           FROM json_each(?) v WHERE jobs.id = ${pick("id")}`,
        )
        .bind(now, now, part),
      db
        .prepare(
          `DELETE FROM jobs_fts WHERE rowid IN (SELECT ${pick("id")} FROM json_each(?) v WHERE ${pick("fts")} = 1)`,
        )
        .bind(part),
      db
        .prepare(
          `INSERT INTO jobs_fts (rowid, title, body)
           SELECT ${pick("id")}, ${pick("fts_title")}, ${pick("fts_body")} FROM json_each(?) v WHERE ${pick("fts")} = 1`,
        )
        .bind(part),
    );
  }
  if (gone.length > 0)
    statements.push(
      db
        .prepare(
          `UPDATE jobs SET valid_through = ?, updated_at = ?, last_seen_at = coalesce(?, last_seen_at)
           WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .bind(now, now, source.last_success_at, JSON.stringify(gone)),
    );

  // An employer's feed closes the Jobbörse's copies of its jobs, pointing them at its own.
  if (losers.length > 0)
    statements.push(
      db
        .prepare(
          `UPDATE jobs SET valid_through = ?, updated_at = ?,
             duplicate_of = (SELECT w.id FROM jobs w WHERE w.source_id = ? AND w.source_key = ${pick("key")})
           FROM json_each(?) v WHERE jobs.id = ${pick("id")}`,
        )
        .bind(now, now, source.id, JSON.stringify(losers)),
    );

  return {
    statements,
    added: inserts.length,
    updated: updates.length,
    closed: gone.length,
    merged: merged + losers.length,
    before,
  };
}

export interface DueDetails {
  id: number;
  source_key: string;
  source_version: string | null;
  title: string;
  employer_name: string;
}

/** Jobs of the source whose details (the Jobbörse's description) are due, by id from `after` on. */
export async function jobsNeedingDetails(
  db: D1Database,
  sourceId: string,
  now: string,
  after: number,
  limit: number,
): Promise<DueDetails[]> {
  const { results } = await db
    .prepare(
      `SELECT j.id, j.source_key, j.source_version, j.title, e.name AS employer_name
       FROM jobs j JOIN employers e ON e.id = j.employer_id
       WHERE j.source_id = ? AND j.valid_through > ? AND j.id > ? AND j.details_version IS NOT j.source_version
       ORDER BY j.id LIMIT ?`,
    )
    .bind(sourceId, now, after, limit)
    .all<DueDetails>();
  return results;
}

export interface JobDetails extends Omit<DueDetails, "source_key" | "source_version"> {
  version: string | null;
  description: string;
  description_html: string | null;
}

/** Writes fetched details: the description and its search text, and the version they belong to. */
export async function detailStatements(
  db: D1Database,
  details: JobDetails[],
  now: string,
): Promise<D1PreparedStatement[]> {
  const rows = await Promise.all(
    details.map(async (d) => ({
      ...d,
      text_hash: await textHash(d.description, d.description_html),
      fts_title: indexText(d.title),
      fts_body: indexText(`${d.description} ${d.employer_name}`),
    })),
  );
  return jsonChunks(rows).flatMap((part) => [
    db
      .prepare(
        `UPDATE jobs SET description = ${pick("description")}, description_html = ${pick("description_html")},
           text_hash = ${pick("text_hash")}, details_version = ${pick("version")}, updated_at = ?
         FROM json_each(?) v WHERE jobs.id = ${pick("id")}`,
      )
      .bind(now, part),
    // FTS5 tables take no UPDATE … FROM: the rows are replaced.
    db.prepare(`DELETE FROM jobs_fts WHERE rowid IN (SELECT ${pick("id")} FROM json_each(?) v)`).bind(part),
    db
      .prepare(
        `INSERT INTO jobs_fts (rowid, title, body)
         SELECT ${pick("id")}, ${pick("fts_title")}, ${pick("fts_body")} FROM json_each(?) v`,
      )
      .bind(part),
  ]);
}
