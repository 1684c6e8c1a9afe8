/**
 * The people who signed up, as the staff see them: filtered, newest first, and for a town account only
 * those who named one of its towns (a person who named none is seen by the district's team only).
 */
import type { SignupRecord } from "./signups.ts";

export interface PeopleFilters {
  status?: string | undefined;
  towns?: readonly string[] | undefined;
  fields?: readonly string[] | undefined;
  qualifications?: readonly string[] | undefined;
  wants?: readonly string[] | undefined;
  /** Folded to lower case; matched as a part of the first name, the address or the occupation. */
  q?: string | undefined;
  /** A town account's towns: only people who named one of them. Undefined for admins. */
  scope?: readonly string[] | undefined;
}

const COLUMNS = `id, email, first_name, field, occupation, qualification, towns, earliest_return, wants, lang, status,
  consent_version, consent_given_at, confirmed_at, source, claimed_origin, created_at, link_version`;

const inList = (column: string, values: readonly string[]) => `${column} IN (${values.map(() => "?").join(", ")})`;
const anyOf = (column: string, values: readonly string[]) =>
  `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value IN (${values.map(() => "?").join(", ")}))`;

function where(f: PeopleFilters): { sql: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (sql: string, values: readonly string[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  if (f.scope) add(f.scope.length ? anyOf("towns", f.scope) : "0", f.scope);
  if (f.status) add("status = ?", [f.status]);
  if (f.towns?.length) add(anyOf("towns", f.towns), f.towns);
  if (f.fields?.length) add(inList("field", f.fields), f.fields);
  if (f.qualifications?.length) add(inList("qualification", f.qualifications), f.qualifications);
  if (f.wants?.length) add(anyOf("wants", f.wants), f.wants);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    add(
      "(lower(coalesce(first_name, '')) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\' OR lower(coalesce(occupation, '')) LIKE ? ESCAPE '\\')",
      [like, like, like],
    );
  }
  return { sql: conditions.length ? conditions.join(" AND ") : "1", params };
}

/** A page of people, newest first, after the (created_at, id) of the last one shown. */
export async function listPeople(
  db: D1Database,
  f: PeopleFilters,
  after: { created_at: string; id: string } | undefined,
  limit: number,
): Promise<{ rows: SignupRecord[]; total: number }> {
  const w = where(f);
  const page = after
    ? {
        sql: `${w.sql} AND (created_at < ? OR (created_at = ? AND id < ?))`,
        params: [...w.params, after.created_at, after.created_at, after.id],
      }
    : w;
  const [rows, count] = await db.batch<SignupRecord | { n: number }>([
    db
      .prepare(`SELECT ${COLUMNS} FROM signups WHERE ${page.sql} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .bind(...page.params, limit),
    db.prepare(`SELECT count(*) AS n FROM signups WHERE ${w.sql}`).bind(...w.params),
  ]);
  return {
    rows: (rows?.results ?? []) as SignupRecord[],
    total: ((count?.results[0] ?? { n: 0 }) as { n: number }).n,
  };
}

/** One person, if the scope allows: a town account gets null for someone who named none of its towns. */
export async function getPerson(
  db: D1Database,
  id: string,
  scope: readonly string[] | undefined,
): Promise<SignupRecord | null> {
  const w = where({ scope });
  return db
    .prepare(`SELECT ${COLUMNS} FROM signups WHERE id = ? AND ${w.sql}`)
    .bind(id, ...w.params)
    .first<SignupRecord>();
}
