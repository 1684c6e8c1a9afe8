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
  /** What the page is ordered by, for the next page's cursor: the rank (bm25, lower is better), or an instant in milliseconds. */
  sort_key: number;
}

export interface JobRow extends Omit<JobListRow, "summary" | "sort_key"> {
  description: string;
  /** Sanitised when it was imported (worker/src/import/sanitise.ts); null for plain-text jobs. */
  description_html: string | null;
  /** A closed copy of a job shown from the employer's own feed: that job's id. */
  duplicate_of: number | null;
  /** Where an imported job came from (null for the demo region): the source's name and the job there. */
  source_name: string | null;
  source_url: string | null;
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

/** The most options a facet lists: the employer facet can run to hundreds in a large region. */
export const MAX_FACET_VALUES = 100;

// Title matches weigh eight times the body's.
const RANK = "bm25(jobs_fts, 8.0, 1.0)";

/** `column IN (?, ?, …)` with its parameters. */
function inList(column: string, values: readonly Value[]): [string, Value[]] {
  return [`${column} IN (${values.map(() => "?").join(", ")})`, [...values]];
}

/**
 * `job_facets` keeps the text values as codes (migration 0022): the condition that a column's code is one of
 * these values'. The codes are looked up once per statement, through the (facet, value) index.
 */
function codeIn(a: string, facet: Exclude<FacetName, "employment">, values: readonly Value[]): [string, Value[]] {
  const [list, params] = inList("value", values);
  return [`${a}.${facet} IN (SELECT code FROM facet_codes WHERE facet = '${facet}' AND ${list})`, params];
}

/** The facet filters as SQL conditions on the alias `a`, leaving out the facet named in `except`. */
function facetConditions(f: JobFilters, a: string, except?: FacetName): [string[], Value[]] {
  const sql: string[] = [];
  const params: Value[] = [];
  const add = ([s, p]: [string, Value[]]) => {
    sql.push(s);
    params.push(...p);
  };
  if (f.towns && except !== "town") add(codeIn(a, "town", f.towns));
  if (f.categories && except !== "category") add(codeIn(a, "category", f.categories));
  if (f.employers && except !== "employer") add(codeIn(a, "employer", f.employers));
  if (f.employment && except !== "employment") add([`(${a}.employment & ?) != 0`, [f.employment]]);
  if (f.remote && except !== "remote") add(codeIn(a, "remote", f.remote));
  return [sql, params];
}

/** `job_facets` keeps instants as milliseconds. */
const millis = (iso: string) => Date.parse(iso);

/** A facet's value back from its code, in the outer query: once per group, not per job. */
const decoded = (code: string) => `(SELECT value FROM facet_codes WHERE code = ${code})`;

const where = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "");

const EMPLOYMENT_BITS = Object.values(EMPLOYMENT_TYPES).map((t) => t.bit);

/** The employment facet per type, from the counts per set of types. */
function perEmploymentType(rows: FacetRow[]): FacetRow[] {
  const sets = rows.filter((r) => r.facet === "employment");
  const perType = EMPLOYMENT_BITS.map((bit) => ({
    facet: "employment" as const,
    value: bit,
    label: null,
    n: sets.reduce((sum, r) => sum + ((Number(r.value) & bit) !== 0 ? r.n : 0), 0),
  }));
  return [...rows.filter((r) => r.facet !== "employment"), ...perType];
}

/**
 * One statement for every facet; each facet counts the open (and text-matching) jobs under all filters but
 * its own, so a UI can offer the other options of the facet a person already narrowed. Everything is read
 * from the narrow `job_facets` table (migration 0007), never from the wide rows. With a text query, the
 * matches are materialised once and each facet groups them. Without one, each facet walks its own covering
 * index, already in the facet's order: a bounded scan with no sorting (28 ms instead of 67 ms at 50k jobs,
 * whichever filters are set). D1 allows five terms in a compound SELECT, exactly the five facets; the total
 * is derived from the remote facet (see searchJobs).
 */
function facetsStatement(db: D1Database, f: JobFilters): D1PreparedStatement {
  const params: Value[] = [];
  const parts: string[] = [];
  let head = "";
  if (f.match) {
    // The open matches, unfiltered: each facet applies all filters but its own.
    const all = matching({ match: f.match, now: f.now });
    head = `WITH m AS MATERIALIZED (SELECT x.town, x.category, x.employer, x.employment, x.remote FROM ${all.from} ${where(all.conditions)}) `;
    params.push(...all.params);
  }
  /** `FROM … WHERE …` for one facet: its filters and, without a text query, its index and openness. */
  const source = (facet: FacetName) => {
    const [conditions, p] = facetConditions(f, "m", facet);
    if (f.match) {
      params.push(...p);
      return `FROM m ${where(conditions)}`;
    }
    params.push(millis(f.now), ...p);
    return `FROM job_facets m INDEXED BY job_facets_by_${facet} ${where(["m.valid_through > ?", ...conditions])}`;
  };
  /** One facet's counts by code, its values named only after grouping (the first term names the columns). */
  const coded = (facet: "town" | "category" | "remote") =>
    `SELECT '${facet}' AS facet, ${decoded("g.code")} AS value, NULL AS label, g.n AS n FROM (SELECT m.${facet} AS code, count(*) AS n ${source(facet)} GROUP BY m.${facet}) g`;
  parts.push(coded("town"));
  parts.push(coded("category"));
  // A large region has hundreds of employers; only the biggest are sent (and named).
  parts.push(
    `SELECT 'employer', t.value, (SELECT name FROM employers WHERE id = t.value), t.n FROM (SELECT ${decoded("g.code")} AS value, g.n FROM (SELECT m.employer AS code, count(*) AS n ${source("employer")} GROUP BY m.employer ORDER BY n DESC, m.employer LIMIT ${MAX_FACET_VALUES}) g) t`,
  );
  parts.push(coded("remote"));
  // Counted per set of employment types (a few dozen at most); searchJobs adds them up per type, which
  // costs a third of joining every job to its types here.
  parts.push(`SELECT 'employment', m.employment, NULL, count(*) ${source("employment")} GROUP BY m.employment`);

  return db.prepare(`${head}${parts.join(" UNION ALL ")}`).bind(...params);
}

/**
 * The open jobs matching every filter, as `FROM` and `WHERE` on the narrow table under the alias `x`. With a
 * text query the matches drive the join (CROSS JOIN fixes the order in SQLite; the other way round FTS5
 * re-runs the MATCH for every job: 1.8 s instead of 6 ms at 50k jobs).
 */
function matching(f: JobFilters): { from: string; conditions: string[]; params: Value[] } {
  const [facet, p] = facetConditions(f, "x");
  return f.match
    ? {
        from: "jobs_fts CROSS JOIN job_facets x ON x.id = jobs_fts.rowid",
        conditions: ["jobs_fts MATCH ?", "x.valid_through > ?", ...facet],
        params: [f.match, millis(f.now), ...p],
      }
    : { from: "job_facets x", conditions: ["x.valid_through > ?", ...facet], params: [millis(f.now), ...p] };
}

/** Only the number of jobs matching every filter: for a page after the first, whose facets the client has. */
function countStatement(db: D1Database, f: JobFilters): D1PreparedStatement {
  const { from, conditions, params } = matching(f);
  return db.prepare(`SELECT count(*) AS n FROM ${from} ${where(conditions)}`).bind(...params);
}

const ORDER: Record<JobSort, { key: string; dir: "ASC" | "DESC" }> = {
  relevance: { key: RANK, dir: "ASC" },
  newest: { key: "x.posted_at", dir: "DESC" },
  deadline: { key: "x.valid_through", dir: "ASC" },
};

/**
 * The page in two steps: the ids of the page from the narrow table (filters, sort key and cursor all live
 * there), then the wide rows of just those ids. The rank is computed only for matches that pass the
 * filters (about 1 µs each).
 */
function pageStatement(db: D1Database, s: JobSearch): D1PreparedStatement {
  const { from, conditions, params } = matching(s);

  const { key, dir } = ORDER[s.sort];
  const after: string[] = [];
  if (s.after && s.after.key !== null) {
    const op = dir === "ASC" ? ">" : "<";
    // Cursors handed out before migration 0022 carry the instant as ISO text.
    const at = typeof s.after.key === "string" ? millis(s.after.key) : s.after.key;
    after.push(`(sort_key ${op} ? OR (sort_key = ? AND id ${op} ?))`);
    params.push(at, at, s.after.id);
  }
  params.push(s.limit);
  return db
    .prepare(
      `WITH p AS MATERIALIZED (
         SELECT id, sort_key FROM (SELECT x.id, ${key} AS sort_key FROM ${from} ${where(conditions)})
         ${where(after)} ORDER BY sort_key ${dir}, id ${dir} LIMIT ?)
       SELECT j.id, j.title, substr(j.description, 1, 400) AS summary, j.employer_id, e.name AS employer_name,
              j.town_id, j.category, j.employment, j.remote, j.salary_min, j.salary_max, j.apply_url,
              j.posted_at, j.valid_through, p.sort_key
       FROM p CROSS JOIN jobs j ON j.id = p.id JOIN employers e ON e.id = j.employer_id
       ORDER BY p.sort_key ${dir}, p.id ${dir}`,
    )
    .bind(...params);
}

/**
 * A page of open jobs and the number of all matching jobs, in one round trip; with `facets`, also the
 * facet counts (the first page of a query needs them, the pages after it do not).
 */
export async function searchJobs(db: D1Database, s: JobSearch & { facets: boolean }) {
  if (!s.facets) {
    const [page, count] = await db.batch<JobListRow | { n: number }>([pageStatement(db, s), countStatement(db, s)]);
    const total = (count?.results[0] as { n: number } | undefined)?.n ?? 0;
    return { rows: (page?.results ?? []) as JobListRow[], total, facets: null };
  }
  const [page, counts] = await db.batch<JobListRow | FacetRow>([pageStatement(db, s), facetsStatement(db, s)]);
  const facets = perEmploymentType((counts?.results ?? []) as FacetRow[]);
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
      `SELECT j.id, j.title, j.description, j.description_html, j.duplicate_of, j.employer_id, e.name AS employer_name, e.website AS employer_website,
              j.town_id, j.category,
              j.employment, j.remote, j.salary_min, j.salary_max, j.apply_url, j.posted_at, j.valid_through,
              CASE WHEN s.kind != 'demo' THEN s.name END AS source_name, j.source_url
       FROM jobs j JOIN employers e ON e.id = j.employer_id LEFT JOIN sources s ON s.id = j.source_id
       WHERE j.id = ?`,
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
