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

/**
 * The bound values of one statement. Each is bound once and named by its number (`?3`), so a condition can
 * stand in several places of the statement (every facet but its own applies it) without counting again
 * against D1's limit of 100 bound values.
 */
class Params {
  readonly values: Value[] = [];
  bind(value: Value): string {
    this.values.push(value);
    return `?${this.values.length}`;
  }
  list(values: readonly Value[]): string {
    return values.map((v) => this.bind(v)).join(", ");
  }
}

/**
 * The filters that are set, each as a condition on a given alias. `job_facets` keeps the text values as
 * codes (migration 0022): a code is looked up once per statement, through the (facet, value) index.
 */
function filterConditions(f: JobFilters, params: Params): Map<FacetName, (a: string) => string> {
  const conditions = new Map<FacetName, (a: string) => string>();
  const codeIn = (facet: Exclude<FacetName, "employment">, values: readonly Value[] | undefined) => {
    if (!values) return;
    const list = params.list(values);
    conditions.set(
      facet,
      (a) => `${a}.${facet} IN (SELECT code FROM facet_codes WHERE facet = '${facet}' AND value IN (${list}))`,
    );
  };
  codeIn("town", f.towns);
  codeIn("category", f.categories);
  codeIn("employer", f.employers);
  if (f.employment) {
    const bits = params.bind(f.employment);
    conditions.set("employment", (a) => `(${a}.employment & ${bits}) != 0`);
  }
  codeIn("remote", f.remote);
  return conditions;
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
 * Every facet's counts as one JSON array of `[facet, value, label, n]`. Each facet counts under all filters
 * but its own, so a UI can offer the other options of the facet a person already narrowed; `source(facet)`
 * is the `FROM … WHERE …` that does so. D1 allows five terms in a compound SELECT: exactly the five facets.
 */
function facetsJson(source: (facet: FacetName) => string): string {
  /** One facet's counts by code, its values named only after grouping (the first term names the columns). */
  const coded = (facet: "town" | "category" | "remote") =>
    `SELECT '${facet}' AS facet, ${decoded("g.code")} AS value, NULL AS label, g.n AS n FROM (SELECT m.${facet} AS code, count(*) AS n ${source(facet)} GROUP BY m.${facet}) g`;
  const terms = [
    coded("town"),
    coded("category"),
    // A large region has hundreds of employers; only the biggest are sent (and named).
    `SELECT 'employer', t.value, (SELECT name FROM employers WHERE id = t.value), t.n FROM (SELECT ${decoded("g.code")} AS value, g.n FROM (SELECT m.employer AS code, count(*) AS n ${source("employer")} GROUP BY m.employer ORDER BY n DESC, m.employer LIMIT ${MAX_FACET_VALUES}) g) t`,
    coded("remote"),
    // Counted per set of employment types (a few dozen at most); searchJobs adds them up per type, which
    // costs a third of joining every job to its types here.
    `SELECT 'employment', m.employment, NULL, count(*) ${source("employment")} GROUP BY m.employment`,
  ];
  return `(SELECT json_group_array(json_array(facet, value, label, n)) FROM (${terms.join(" UNION ALL ")}))`;
}

const ORDER: Record<JobSort, { key: string; dir: "ASC" | "DESC" }> = {
  relevance: { key: RANK, dir: "ASC" },
  newest: { key: "x.posted_at", dir: "DESC" },
  deadline: { key: "x.valid_through", dir: "ASC" },
};

/** The cursor's condition on `sort_key` and `id`: the rows after the previous page's last. */
function afterCursor(s: JobSearch, params: Params): string[] {
  if (!s.after || s.after.key === null) return [];
  const op = ORDER[s.sort].dir === "ASC" ? ">" : "<";
  // Cursors handed out before migration 0022 carry the instant as ISO text.
  const at = params.bind(typeof s.after.key === "string" ? millis(s.after.key) : s.after.key);
  return [`(sort_key ${op} ${at} OR (sort_key = ${at} AND id ${op} ${params.bind(s.after.id)}))`];
}

/**
 * With a text query: the open matches, once. Every match is kept with a flag per filter, so each facet
 * counts the matches that pass all filters but its own; the sort key (for relevance the rank, about 1 µs a
 * match and the largest cost here) is worked out only where every filter passes, and NULL elsewhere. The
 * matches drive the join: CROSS JOIN fixes the order in SQLite (the other way round FTS5 re-runs the MATCH
 * for every job: 1.8 s instead of 6 ms at 50k jobs). One pass of the MATCH for page, total and facets: 5–10 %
 * less SQLite time than one pass for the page and another for the facets.
 */
function textSearch(s: JobSearch & { facets: boolean }, text: string, params: Params) {
  const match = params.bind(text);
  const now = params.bind(millis(s.now));
  const conditions = filterConditions(s, params);
  const flags = [...conditions].map(([facet, on]) => `${on("x")} AS p_${facet}`);
  const passes = [...conditions.values()].map((on) => on("x"));
  const key = passes.length > 0 ? `CASE WHEN ${passes.join(" AND ")} THEN ${ORDER[s.sort].key} END` : ORDER[s.sort].key;
  const ctes = [
    `m AS MATERIALIZED (SELECT x.id, x.town, x.category, x.employer, x.employment, x.remote, ${[...flags, `${key} AS sort_key`].join(", ")}
       FROM jobs_fts CROSS JOIN job_facets x ON x.id = jobs_fts.rowid WHERE jobs_fts MATCH ${match} AND x.valid_through > ${now})`,
  ];
  const page = `SELECT id, sort_key FROM m ${where(["sort_key IS NOT NULL", ...afterCursor(s, params)])}`;
  const others = (facet: FacetName) => [...conditions.keys()].filter((f) => f !== facet).map((f) => `m.p_${f}`);
  const facets = s.facets ? facetsJson((facet) => `FROM m ${where(others(facet))}`) : "NULL";
  return { ctes, page, facets, total: "(SELECT count(sort_key) FROM m)" };
}

/**
 * Without a text query: everything from the narrow table. The page walks the sort's index; each facet walks
 * its own covering index, already in the facet's order: a bounded scan with no sorting (28 ms instead of
 * 67 ms at 50k jobs, whichever filters are set).
 */
function filterSearch(s: JobSearch & { facets: boolean }, params: Params) {
  const now = params.bind(millis(s.now));
  const conditions = filterConditions(s, params);
  const open = (a: string, except?: FacetName) => [
    `${a}.valid_through > ${now}`,
    ...[...conditions].filter(([f]) => f !== except).map(([, on]) => on(a)),
  ];
  const page = `SELECT id, sort_key FROM (SELECT x.id, ${ORDER[s.sort].key} AS sort_key FROM job_facets x ${where(open("x"))}) ${where(afterCursor(s, params))}`;
  if (!s.facets)
    return { ctes: [], page, facets: "NULL", total: `(SELECT count(*) FROM job_facets x ${where(open("x"))})` };
  const facets = facetsJson(
    (facet) => `FROM job_facets m INDEXED BY job_facets_by_${facet} ${where(open("m", facet))}`,
  );
  // Every job has exactly one remote mode: the total is the remote facet's counts added up (searchJobs).
  return { ctes: [], page, facets, total: "NULL" };
}

// Named one by one: workerd renames a column whose name a joined table also has (`id:1`). The facets and
// the total come on the first row only (searchStatement), not once per row of the page.
const ROW_COLUMNS = [
  "j.id AS id",
  "j.title AS title",
  "substr(j.description, 1, 400) AS summary",
  "j.employer_id AS employer_id",
  "e.name AS employer_name",
  "j.town_id AS town_id",
  "j.category AS category",
  "j.employment AS employment",
  "j.remote AS remote",
  "j.salary_min AS salary_min",
  "j.salary_max AS salary_max",
  "j.apply_url AS apply_url",
  "j.posted_at AS posted_at",
  "j.valid_through AS valid_through",
  "p.sort_key AS sort_key",
].join(", ");

/** A row of the search: the page's rows, the first also carrying the facets (JSON) and total; a page of none is one row of NULLs but those. */
type SearchRow = { facets: string | null; total: number | null } & (JobListRow | { [K in keyof JobListRow]: null });

/**
 * The whole search in one statement: the page's ids from the narrow table (filters, sort key and cursor all
 * live there), then the wide rows of just those ids; with `facets`, the facet counts (the first page of a
 * query needs them, the pages after it do not), else the number of all matching jobs.
 */
function searchStatement(db: D1Database, s: JobSearch & { facets: boolean }): D1PreparedStatement {
  const params = new Params();
  const { ctes, page, facets, total } = s.match ? textSearch(s, s.match, params) : filterSearch(s, params);
  const { dir } = ORDER[s.sort];
  const limit = params.bind(s.limit);
  // The page's first row, or the one row of an empty page.
  const first = (column: string) =>
    `CASE WHEN p.id IS (SELECT id FROM p ORDER BY sort_key ${dir}, id ${dir} LIMIT 1) THEN ${column} END`;
  const sql = `WITH ${[
    ...ctes,
    `p AS MATERIALIZED (${page} ORDER BY sort_key ${dir}, id ${dir} LIMIT ${limit})`,
    `f AS (SELECT ${facets} AS facets, ${total} AS total)`,
  ].join(", ")}
    SELECT ${first("f.facets")} AS facets, ${first("f.total")} AS total, ${ROW_COLUMNS}
    FROM f LEFT JOIN (p CROSS JOIN jobs j ON j.id = p.id JOIN employers e ON e.id = j.employer_id) ON 1
    ORDER BY p.sort_key ${dir}, p.id ${dir}`;
  return db.prepare(sql).bind(...params.values);
}

/** A page of open jobs and the number of all matching jobs, in one statement; with `facets`, also the facet counts. */
export async function searchJobs(db: D1Database, s: JobSearch & { facets: boolean }) {
  const { results } = await searchStatement(db, s).all<SearchRow>();
  const head = results[0];
  const rows = results.filter((r): r is SearchRow & JobListRow => r.id !== null);
  if (!s.facets || !head?.facets) return { rows, total: head?.total ?? 0, facets: null };
  const counts = (JSON.parse(head.facets) as [FacetName, FacetRow["value"], string | null, number][]).map(
    ([facet, value, label, n]) => ({ facet, value, label, n }),
  );
  const facets = perEmploymentType(counts);
  // Every job has exactly one remote mode, so the remote counts of the selected modes (all, if none is
  // selected) add up to the jobs matching every filter.
  const total =
    head.total ??
    facets
      .filter((f) => f.facet === "remote" && (!s.remote || s.remote.includes(String(f.value))))
      .reduce((sum, f) => sum + f.n, 0);
  return { rows, total, facets };
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
