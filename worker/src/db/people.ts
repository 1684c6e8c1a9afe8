/**
 * The people who signed up, as the staff see them: filtered, newest first, and for a town account only
 * the confirmed ones who named one of its towns (a person who named none is seen by the district's team
 * only).
 */
import { marks } from "./placeholders.ts";
import { RECORD_COLUMNS, type SignupRecord } from "./signups.ts";

export interface PeopleFilters {
  status?: string | undefined;
  towns?: readonly string[] | undefined;
  fields?: readonly string[] | undefined;
  qualifications?: readonly string[] | undefined;
  wants?: readonly string[] | undefined;
  /** Folded to lower case; matched as a part of the first name, the address or the occupation. */
  q?: string | undefined;
  /** YYYY-MM: people whose earliest return is that month or earlier ("open" is no date, so not). */
  returnBy?: string | undefined;
  /** The embedding site's label, exactly. */
  source?: string | undefined;
  /** A town account's towns: only people who named one of them. Undefined for admins. */
  scope?: readonly string[] | undefined;
}

const inList = (column: string, values: readonly string[]) => `${column} IN (${marks(values)})`;
const anyOf = (column: string, values: readonly string[]) =>
  `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value IN (${marks(values)}))`;
// The towns a person named, from signup_towns (migration 0010), which triggers keep equal to `towns`.
const namedAny = (values: readonly string[]) =>
  `id IN (SELECT signup_id FROM signup_towns WHERE town_id IN (${marks(values)}))`;

function where(f: PeopleFilters): { sql: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (sql: string, values: readonly string[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  // A town account sees confirmed people only: an unconfirmed address may not even be its owner's.
  if (f.scope) add(f.scope.length ? `status = 'confirmed' AND ${namedAny(f.scope)}` : "0", f.scope);
  if (f.status) add("status = ?", [f.status]);
  if (f.towns?.length) add(namedAny(f.towns), f.towns);
  if (f.fields?.length) add(inList("field", f.fields), f.fields);
  if (f.qualifications?.length) add(inList("qualification", f.qualifications), f.qualifications);
  if (f.wants?.length) add(anyOf("wants", f.wants), f.wants);
  if (f.returnBy) add("earliest_return != 'open' AND earliest_return <= ?", [f.returnBy]);
  if (f.source) add("source = ?", [f.source]);
  if (f.q && f.q.length >= 3) {
    // The trigram index answers "contains" for three characters and more, case-insensitively.
    add("rowid IN (SELECT rowid FROM signups_search WHERE signups_search MATCH ?)", [`"${f.q.replaceAll('"', '""')}"`]);
  } else if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    add(
      "(lower(coalesce(first_name, '')) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' OR lower(coalesce(occupation, '')) LIKE ? ESCAPE '\\')",
      [like, like, like],
    );
  }
  return { sql: conditions.length ? conditions.join(" AND ") : "1", params };
}

/**
 * A town's list (a town account, or the town filter) comes from signup_towns alone when the other filters
 * are the ones it carries (status, field): its page walks (town, newest) and its total counts an index
 * range, never the signups themselves.
 */
function townPlan(f: PeopleFilters, after: { created_at: string; id: string } | undefined) {
  const towns = f.towns?.length ? f.towns : f.scope;
  if (!towns?.length || f.q || f.qualifications?.length || f.wants?.length || f.returnBy || f.source) return null;
  const conditions = [`t.town_id IN (${marks(towns)})`];
  const params: string[] = [...towns];
  if (f.scope) conditions.push("t.status = 'confirmed'");
  if (f.towns?.length && f.scope) {
    conditions.push(
      f.scope.length ? `t.signup_id IN (SELECT signup_id FROM signup_towns WHERE town_id IN (${marks(f.scope)}))` : "0",
    );
    params.push(...f.scope);
  }
  if (f.status) {
    conditions.push("t.status = ?");
    params.push(f.status);
  }
  if (f.fields?.length) {
    conditions.push(`t.field IN (${marks(f.fields)})`);
    params.push(...f.fields);
  }
  const where = conditions.join(" AND ");
  const page = after
    ? {
        sql: `${where} AND (t.created_at < ? OR (t.created_at = ? AND t.signup_id < ?))`,
        params: [...params, after.created_at, after.created_at, after.id],
      }
    : { sql: where, params };
  return {
    page: `SELECT ${RECORD_COLUMNS} FROM signups WHERE id IN (
             SELECT DISTINCT t.signup_id FROM signup_towns t WHERE ${page.sql}
             ORDER BY t.created_at DESC, t.signup_id DESC LIMIT ?)
           ORDER BY created_at DESC, id DESC`,
    pageParams: page.params,
    // One town: a person is in it once. Several: once per town named, so counted distinct.
    count: `SELECT count(${towns.length === 1 ? "*" : "DISTINCT t.signup_id"}) AS n FROM signup_towns t WHERE ${where}`,
    countParams: params,
  };
}

// Below this many matches, a page is gathered from the matches rather than by walking the newest first.
const RARE = 500;

/** A page of people, newest first, after the (created_at, id) of the last one shown. */
export async function listPeople(
  db: D1Database,
  f: PeopleFilters,
  after: { created_at: string; id: string } | undefined,
  limit: number,
): Promise<{ rows: SignupRecord[]; total: number }> {
  const plan = townPlan(f, after);
  const w = where(f);
  const page = after
    ? {
        sql: `${w.sql} AND (created_at < ? OR (created_at = ? AND id < ?))`,
        params: [...w.params, after.created_at, after.created_at, after.id],
      }
    : w;
  if (plan) {
    const [rows, count] = await db.batch<SignupRecord | { n: number }>([
      db.prepare(plan.page).bind(...plan.pageParams, limit),
      db.prepare(plan.count).bind(...plan.countParams),
    ]);
    return {
      rows: (rows?.results ?? []) as SignupRecord[],
      total: ((count?.results[0] ?? { n: 0 }) as { n: number }).n,
    };
  }
  const countStatement = db.prepare(`SELECT count(*) AS n FROM signups WHERE ${w.sql}`).bind(...w.params);
  // Newest first along the index, stopping after a page, when matches are common (filters on status or
  // field, or none). A text search can match a handful: then its total comes first, and few matches are
  // taken from the trigram index and sorted rather than found by walking every signup.
  const pageStatement = (walk: boolean) =>
    db
      .prepare(
        `SELECT ${RECORD_COLUMNS} FROM signups ${walk ? "INDEXED BY signups_newest" : ""} WHERE ${page.sql}
         ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .bind(...page.params, limit);
  if (!f.q) {
    const [rows, count] = await db.batch<SignupRecord | { n: number }>([pageStatement(true), countStatement]);
    return {
      rows: (rows?.results ?? []) as SignupRecord[],
      total: ((count?.results[0] ?? { n: 0 }) as { n: number }).n,
    };
  }
  const total = (await countStatement.first<number>("n")) ?? 0;
  const { results } = await pageStatement(total > RARE).all<SignupRecord>();
  return { rows: results, total };
}

/** One person, if the scope allows: a town account gets null for someone who named none of its towns. */
export async function getPerson(
  db: D1Database,
  id: string,
  scope: readonly string[] | undefined,
): Promise<SignupRecord | null> {
  const w = where({ scope });
  return db
    .prepare(`SELECT ${RECORD_COLUMNS} FROM signups WHERE id = ? AND ${w.sql}`)
    .bind(id, ...w.params)
    .first<SignupRecord>();
}
