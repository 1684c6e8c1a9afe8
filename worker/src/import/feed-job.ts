/**
 * An employer's posting, as the feed adapters read it, turned into our job: the description sanitised,
 * the place checked against the district, the employment types from the words the feeds use.
 */
import { EMPLOYMENT_TYPES, type EmploymentId } from "../../../shared/taxonomy.ts";
import type { TownId } from "../../../shared/towns.ts";
import { OPEN_ENDED } from "../db/rows.ts";
import type { SourceJob } from "../db/source-jobs.ts";
import type { ReadContext } from "./adapter.ts";
import {
  categoryOf,
  cut,
  instant,
  line,
  MAX_DESCRIPTION,
  MAX_TITLE,
  type Place,
  townOf,
  webUrl,
} from "./job-fields.ts";
import { plainText, sanitiseHtml } from "./sanitise.ts";

export interface Posting {
  key: unknown;
  title: unknown;
  /** Where the job is; a posting that names no place is at the employer's own town. */
  places: Place[];
  /** The description as HTML (sanitised here) or, where the feed has only that, as plain text. */
  html?: string | null | undefined;
  text?: string | null | undefined;
  /** The feed's words for the kind of work: "full-time", "FULL_TIME", "permanent", "Teilzeit"… */
  employment: unknown[];
  remote?: "onsite" | "hybrid" | "remote" | null | undefined;
  /** Words that say the field of work: department, occupation. */
  field?: unknown[];
  url: unknown;
  applyUrl?: unknown;
  posted: unknown;
  validThrough?: unknown;
  salary?: { min: unknown; max: unknown; perMonth?: boolean } | undefined;
}

const WORDS: [RegExp, EmploymentId[]][] = [
  [/full[\s_-]*or[\s_-]*part|vollzeit\s*(?:oder|\/)\s*teilzeit/i, ["full_time", "part_time"]],
  [/part[\s_-]*time|teilzeit/i, ["part_time"]],
  [/full[\s_-]*time|vollzeit|permanent|unbefristet/i, ["full_time"]],
  // Whole words: "International" is no internship, "Individual" no dual study.
  [/werkstudent|working[\s_-]*student/i, ["working_student"]],
  [/\bintern(?:ship)?\b|praktik/i, ["internship"]],
  [/\bdual(?:es|er)?\b|\bstudium\b/i, ["dual_study"]],
  [/ausbildung|\bapprentice|\bazubi/i, ["apprenticeship"]],
  [/mini[\s_-]*job|geringf/i, ["mini_job"]],
  [/zeitarbeit|arbeitnehmer[uü]berlassung/i, ["temp_agency"]],
  [/temporary|befristet|fixed[\s_-]*term/i, ["fixed_term"]],
];
// Titles say what the feed's field may not: "Ausbildung zum Elektroniker", "Werkstudent (m/w/d)".
const TITLE_WORDS: [RegExp, EmploymentId][] = [
  [/\bausbildung|\bazubi/i, "apprenticeship"],
  [/duales?\s+studium|\bdual(?:e|er)?\s+student/i, "dual_study"],
  [/werkstudent/i, "working_student"],
  [/\bpraktikum|\bpraktikant/i, "internship"],
  [/\bminijob/i, "mini_job"],
  [/\bteilzeit/i, "part_time"],
];

export function employmentOf(words: unknown[], title: string): number {
  const ids = new Set<EmploymentId>();
  for (const w of words) {
    if (typeof w !== "string") continue;
    const rule = WORDS.find(([re]) => re.test(w));
    for (const id of rule?.[1] ?? []) ids.add(id);
  }
  for (const [re, id] of TITLE_WORDS) if (re.test(title)) ids.add(id);
  // "unbefristet" named the contract, not the hours; with no hours named, the job is full-time.
  if ([...ids].every((id) => id === "fixed_term" || id === "temp_agency")) ids.add("full_time");
  return [...ids].reduce((bits, id) => bits | EMPLOYMENT_TYPES[id].bit, 0);
}

const number = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN);

/** Our job for the posting, or null when it cannot be one of the district's jobs. */
export async function toSourceJob(ctx: ReadContext, p: Posting): Promise<SourceJob | null> {
  const employer = ctx.employer;
  if (!employer) return null;
  const key = typeof p.key === "number" ? String(p.key) : typeof p.key === "string" ? p.key.trim() : "";
  // Titles are text, but feeds put markup in them ("<b>Neu:</b> …", a script): read as HTML, kept as text.
  const title = typeof p.title === "string" ? line((await sanitiseHtml(p.title.slice(0, 10_000))).text, MAX_TITLE) : "";
  if (!key || key.length > 200 || !title) return null;
  const towns = p.places.map(townOf);
  const town: TownId | null =
    p.places.length === 0 ? (employer.town_id as TownId) : (towns.find((t): t is TownId => t !== null) ?? null);
  if (!town) return null;

  let description = "";
  let descriptionHtml: string | null = null;
  if (p.html) {
    const clean = await sanitiseHtml(p.html);
    description = clean.text;
    descriptionHtml = clean.html || null;
  } else if (p.text) {
    description = plainText(p.text);
  }
  const min = number(p.salary?.min);
  const max = Number.isFinite(number(p.salary?.max)) ? number(p.salary?.max) : min;
  const factor = p.salary?.perMonth ? 12 : 1;
  const salary =
    Number.isFinite(min) && min > 0 && max >= min ? [Math.round(min * factor), Math.round(max * factor)] : null;
  const url = webUrl(p.url);
  const until = instant(p.validThrough, true);
  return {
    source_key: key,
    employer_name: employer.name,
    town_id: town,
    title,
    description: cut(description, MAX_DESCRIPTION),
    description_html: descriptionHtml,
    category: categoryOf(title, ...(p.field ?? []).filter((f): f is string => typeof f === "string")) ?? "other",
    employment: employmentOf(p.employment, title),
    remote: p.remote ?? "onsite",
    salary_min: salary?.[0] ?? null,
    salary_max: salary?.[1] ?? null,
    apply_url: webUrl(p.applyUrl) ?? url,
    source_url: url,
    posted_at: instant(p.posted),
    valid_through: until ?? OPEN_ENDED,
    source_version: null,
  };
}

/** The postings that are jobs of the district, as ours. */
export async function toSourceJobs(ctx: ReadContext, postings: Posting[]): Promise<SourceJob[]> {
  const jobs: SourceJob[] = [];
  for (const p of postings) {
    const job = await toSourceJob(ctx, p);
    if (job) jobs.push(job);
  }
  return jobs;
}
