/**
 * The tables' rows as the writers produce them, and the INSERT statements for them. One statement text
 * serves both D1 (bound parameters, for tests and imports) and SQL files (inlined literals, for the seed
 * that `wrangler d1 execute --file` loads), so the two writers cannot drift apart.
 */
import { indexText } from "../../../shared/search-text.ts";

/** valid_through of a job whose source names no deadline: open until the source no longer lists it. */
export const OPEN_ENDED = "9999-12-31T23:59:59.999Z";

export interface EmployerRow {
  id: string;
  name: string;
  town_id: string;
  industry: string;
  website: string | null;
  created_at: string;
}

export interface JobRow {
  id: number;
  employer_id: string;
  town_id: string;
  title: string;
  description: string;
  category: string;
  employment: number;
  remote: string;
  salary_min: number | null;
  salary_max: number | null;
  apply_url: string | null;
  posted_at: string;
  valid_through: string;
  updated_at: string;
}

export interface EventRow {
  id: number;
  kind: string;
  title: string;
  description: string;
  town_id: string;
  venue: string;
  address: string | null;
  organizer: string;
  url: string | null;
  starts_at: string;
  ends_at: string;
  updated_at: string;
}

export interface Region {
  employers: EmployerRow[];
  jobs: JobRow[];
  events: EventRow[];
}

export type Value = string | number | null;

export interface Insert {
  table: string;
  columns: readonly string[];
  rows: Value[][];
}

const EMPLOYER_COLUMNS = ["id", "name", "town_id", "industry", "website", "created_at"] as const;
const JOB_COLUMNS = [
  "id",
  "employer_id",
  "town_id",
  "title",
  "description",
  "category",
  "employment",
  "remote",
  "salary_min",
  "salary_max",
  "apply_url",
  "posted_at",
  "valid_through",
  "updated_at",
] as const;
const EVENT_COLUMNS = [
  "id",
  "kind",
  "title",
  "description",
  "town_id",
  "venue",
  "address",
  "organizer",
  "url",
  "starts_at",
  "ends_at",
  "updated_at",
] as const;

function pick<R extends object>(row: R, columns: readonly (keyof R & string)[]): Value[] {
  return columns.map((c) => row[c] as Value);
}

/** The rows of a region as inserts, in foreign-key order; job rows bring their full-text rows along. */
export function regionInserts(region: Partial<Region>): Insert[] {
  const employers = region.employers ?? [];
  const jobs = region.jobs ?? [];
  const names = new Map(employers.map((e) => [e.id, e.name]));
  return [
    { table: "employers", columns: EMPLOYER_COLUMNS, rows: employers.map((e) => pick(e, EMPLOYER_COLUMNS)) },
    { table: "jobs", columns: JOB_COLUMNS, rows: jobs.map((j) => pick(j, JOB_COLUMNS)) },
    {
      table: "jobs_fts",
      columns: ["rowid", "title", "body"],
      rows: jobs.map((j) => [
        j.id,
        indexText(j.title),
        indexText(`${j.description} ${names.get(j.employer_id) ?? ""}`),
      ]),
    },
    { table: "events", columns: EVENT_COLUMNS, rows: (region.events ?? []).map((e) => pick(e, EVENT_COLUMNS)) },
  ].filter((insert) => insert.rows.length > 0);
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function insertHead(insert: Insert): string {
  return `INSERT INTO ${insert.table} (${insert.columns.join(", ")}) VALUES `;
}

export function insertSql(insert: Insert, rowCount: number): string {
  const tuple = `(${insert.columns.map(() => "?").join(", ")})`;
  return `${insertHead(insert)}${Array(rowCount).fill(tuple).join(", ")}`;
}

function literal(value: Value): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

// D1 rejects statements over 100 KB (SQLITE_TOOBIG); stay well below.
const MAX_STATEMENT_BYTES = 90_000;
const utf8 = new TextEncoder();

/** The same inserts as one SQL script with inlined literals, in multi-row statements below D1's size limit. */
export function regionSql(region: Partial<Region>): string {
  return insertsSql(regionInserts(region));
}

/** Inserts as one SQL script with inlined literals, in multi-row statements below D1's size limit. */
export function insertsSql(inserts: Insert[]): string {
  const out: string[] = [];
  for (const insert of inserts) {
    const head = insertHead(insert);
    let tuples: string[] = [];
    let bytes = head.length;
    const flush = () => {
      if (tuples.length > 0) out.push(`${head}${tuples.join(", ")};`);
      tuples = [];
      bytes = head.length;
    };
    for (const row of insert.rows) {
      const tuple = `(${row.map(literal).join(", ")})`;
      const size = utf8.encode(tuple).length + 2;
      if (bytes + size > MAX_STATEMENT_BYTES) flush();
      tuples.push(tuple);
      bytes += size;
    }
    flush();
  }
  return `${out.join("\n")}\n`;
}
