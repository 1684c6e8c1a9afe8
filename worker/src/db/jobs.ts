/** Reading jobs: the faceted search, one job, and counts. Every value is a bound parameter. */
import type { Cursor } from "../../../shared/schemas/common.ts";
import type { JobSort } from "../../../shared/schemas/jobs.ts";
import { EMPLOYMENT_TYPES } from "../../../shared/taxonomy.ts";

export interface JobFilters {
  /** An FTS5 expression made by shared/search-text.ts ftsQuery(), never raw input. */
  match?: string | undefined;
  towns?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  employers?: readonly string[] | undefined;
  /** Bit set: a job matches when it has any of these employment types. */
  employment?: number | undefined;
  remote?: readonly string[] | undefined;
  /** Jobs whose valid_through lies after this instant are open. */
  now: string;
}

export interface JobSearch extends JobFilters {
  sort: JobSort;
  after?: Cursor | undefined;
  limit: number;
}

export interface JobListRow {
  id: number;
  title: string;
  summary: string;
  employer_id: string;
  employer_name: string;
  town_id: string;
  category: string;
  employment: number;
  remote: string;
  salary_min: number | null;
  salary_max: number | null;
  apply_url: string | null;
  posted_at: string;
  valid_through: string;
  score: number | null;
}

export interface JobRow extends Omit<JobListRow, "summary" | "score"> {
  description: string;
  employer_website: string | null;
}

export type FacetName = "town" | "category" | "employer" | "employment" | "remote";

export interface FacetRow {
  facet: FacetName;
  value: string | number | null;
  label: string | null;
  n: number;
}

type Value = string | number;

// Title matches weigh eight times the body's.
const RANK = "bm25(jobs_fts, 8.0, 1.0)";

/** `column IN (?, ?, …)` with its parameters. */
function inList(column: string, values: readonly Value[]): [string, Value[]] {
  return [`${column} IN (${values.map(() => "?").join(", ")})`, [...values]];
}

/** The facet filters as SQL conditions on the alias `a`, leaving out the facet named in `except`. */
function facetConditions(f: JobFilters, a: string, except?: FacetName): [string[], Value[]] {
  const sql: string[] = [];
  const params: Value[] = [];
  const add = ([s, p]: [string, Value[]]) => {
    sql.push(s);
    params.push(...p);
  };
  if (f.towns && except !== "town") add(inList(`${a}.town_id`, f.towns));
  if (f.categories && except !== "category") add(inList(`${a}.category`, f.categories));
  if (f.employers && except !== "employer") add(inList(`${a}.employer_id`, f.employers));
  if (f.employment && except !== "employment") add([`(${a}.employment & ?) != 0`, [f.employment]]);
  if (f.remote && except !== "remote") add(inList(`${a}.remote`, f.remote));
  return [sql, params];
}

const where = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "");

const EMPLOYMENT_BITS = JSON.stringify(Object.values(EMPLOYMENT_TYPES).map((t) => t.bit));

/**
 * One statement for every facet. The open (and text-matching) jobs are materialised once; each facet then
 * counts them under all filters but its own, so a UI can offer the other options of the facet a person
 * already narrowed. D1 allows five terms in a compound SELECT, exactly the five facets; the total is
 * derived from the remote facet (see searchJobs).
 */
function facetsStatement(db: D1Database, f: JobFilters): D1PreparedStatement {
  const params: Value[] = [];
  const base = f.match
    ? "SELECT j.id, j.town_id, j.category, j.employer_id, j.employment, j.remote FROM jobs_fts CROSS JOIN jobs j ON j.id = jobs_fts.rowid WHERE jobs_fts MATCH ? AND j.valid_through > ?"
    : "SELECT j.id, j.town_id, j.category, j.employer_id, j.employment, j.remote FROM jobs j WHERE j.valid_through > ?";
  if (f.match) params.push(f.match);
  params.push(f.now);

  const parts: string[] = [];
  const branch = (select: string, except: FacetName | undefined, tail = "") => {
    const [conditions, p] = facetConditions(f, "m", except);
    parts.push(`${select} ${where(conditions)} ${tail}`);
    params.push(...p);
  };
  branch(
    "SELECT 'town' AS facet, m.town_id AS value, NULL AS label, count(*) AS n FROM m",
    "town",
    "GROUP BY m.town_id",
  );
  branch("SELECT 'category', m.category, NULL, count(*) FROM m", "category", "GROUP BY m.category");
  branch(
    "SELECT 'employer', m.employer_id, (SELECT name FROM employers WHERE id = m.employer_id), count(*) FROM m",
    "employer",
    "GROUP BY m.employer_id",
  );
  branch("SELECT 'remote', m.remote, NULL, count(*) FROM m", "remote", "GROUP BY m.remote");
  // The bits come in as one JSON parameter; json_each turns them into rows to join on.
  params.push(EMPLOYMENT_BITS);
  const [conditions, p] = facetConditions(f, "m", "employment");
  parts.push(
    `SELECT 'employment', b.value, NULL, count(*) FROM m JOIN json_each(?) b ON (m.employment & b.value) != 0 ${where(conditions)} GROUP BY b.value`,
  );
  params.push(...p);

  return db.prepare(`WITH m AS MATERIALIZED (${base}) ${parts.join(" UNION ALL ")}`).bind(...params);
}

const ORDER: Record<JobSort, { key: string; dir: "ASC" | "DESC" }> = {
  relevance: { key: "f.score", dir: "ASC" },
  newest: { key: "j.posted_at", dir: "DESC" },
  deadline: { key: "j.valid_through", dir: "ASC" },
};

function pageStatement(db: D1Database, s: JobSearch): D1PreparedStatement {
  const params: Value[] = [];
  let head = "";
  let from = "jobs j JOIN employers e ON e.id = j.employer_id";
  if (s.match) {
    // The matches are collected once and drive the join (CROSS JOIN fixes the order in SQLite). Joined
    // the other way round, FTS5 re-runs the MATCH for every job row: 1.8 s instead of 6 ms at 50k jobs.
    head = `WITH f AS MATERIALIZED (SELECT rowid AS id, ${RANK} AS score FROM jobs_fts WHERE jobs_fts MATCH ?) `;
    from = "f CROSS JOIN jobs j ON j.id = f.id JOIN employers e ON e.id = j.employer_id";
    params.push(s.match);
  }
  const conditions = ["j.valid_through > ?"];
  params.push(s.now);
  const [facet, p] = facetConditions(s, "j");
  conditions.push(...facet);
  params.push(...p);

  const { key, dir } = ORDER[s.sort];
  if (s.after && s.after.key !== null) {
    const op = dir === "ASC" ? ">" : "<";
    conditions.push(`(${key} ${op} ? OR (${key} = ? AND j.id ${op} ?))`);
    params.push(s.after.key, s.after.key, s.after.id);
  }
  params.push(s.limit);
  return db
    .prepare(
      `${head}SELECT j.id, j.title, substr(j.description, 1, 400) AS summary, j.employer_id, e.name AS employer_name,
              j.town_id, j.category, j.employment, j.remote, j.salary_min, j.salary_max, j.apply_url,
              j.posted_at, j.valid_through, ${s.match ? "f.score" : "NULL"} AS score
       FROM ${from} ${where(conditions)}
       ORDER BY ${key} ${dir}, j.id ${dir} LIMIT ?`,
    )
    .bind(...params);
}

/** The sort key of a row, for the next page's cursor. */
export function sortKey(sort: JobSort, row: JobListRow): string | number | null {
  return sort === "relevance" ? row.score : sort === "newest" ? row.posted_at : row.valid_through;
}

/** A page of open jobs, the number of all matching jobs and the facet counts, in one round trip. */
export async function searchJobs(db: D1Database, s: JobSearch) {
  const [page, counts] = await db.batch<JobListRow | FacetRow>([pageStatement(db, s), facetsStatement(db, s)]);
  const facets = (counts?.results ?? []) as FacetRow[];
  // Every job has exactly one remote mode, so the remote counts of the selected modes (all, if none is
  // selected) add up to the jobs matching every filter.
  const total = facets
    .filter((f) => f.facet === "remote" && (!s.remote || s.remote.includes(String(f.value))))
    .reduce((sum, f) => sum + f.n, 0);
  return { rows: (page?.results ?? []) as JobListRow[], total, facets };
}

export async function getJob(db: D1Database, id: number): Promise<JobRow | null> {
  return db
    .prepare(
      `SELECT j.id, j.title, j.description, j.employer_id, e.name AS employer_name, e.website AS employer_website,
              j.town_id, j.category,
              j.employment, j.remote, j.salary_min, j.salary_max, j.apply_url, j.posted_at, j.valid_through
       FROM jobs j JOIN employers e ON e.id = j.employer_id WHERE j.id = ?`,
    )
    .bind(id)
    .first<JobRow>();
}

export interface IndexRow {
  id: number;
  title: string;
  employer_name: string;
  town_id: string;
  posted_at: string;
}

/** Every open job, newest first, with what the extension's index needs (see shared/schemas/job-index.ts). */
export async function listIndexJobs(db: D1Database, now: string): Promise<IndexRow[]> {
  const { results } = await db
    .prepare(
      `SELECT j.id, j.title, e.name AS employer_name, j.town_id, j.posted_at
       FROM jobs j JOIN employers e ON e.id = j.employer_id
       WHERE j.valid_through > ?
       ORDER BY j.posted_at DESC, j.id DESC`,
    )
    .bind(now)
    .all<IndexRow>();
  return results;
}

/** Open jobs for the sitemap: id and last change, by id, one part at a time. */
export async function listSitemapJobs(
  db: D1Database,
  now: string,
  offset: number,
  limit: number,
): Promise<{ id: number; updated_at: string }[]> {
  const { results } = await db
    .prepare("SELECT id, updated_at FROM jobs WHERE valid_through > ? ORDER BY id LIMIT ? OFFSET ?")
    .bind(now, limit, offset)
    .all<{ id: number; updated_at: string }>();
  return results;
}

export async function countOpenJobs(db: D1Database, now: string): Promise<number> {
  return (await db.prepare("SELECT count(*) AS n FROM jobs WHERE valid_through > ?").bind(now).first<number>("n")) ?? 0;
}
