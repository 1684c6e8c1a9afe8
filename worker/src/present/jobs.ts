/** Turns job rows into the API's job objects (shared/schemas/jobs.ts), in the reader's language. */
import type { Lang } from "../../../shared/i18n.ts";
import { safeHref } from "../../../shared/links.ts";
import { ROUTES } from "../../../shared/routes.ts";
import type { Job, JobFacets, JobSummary } from "../../../shared/schemas/jobs.ts";
import {
  CATEGORIES,
  type CategoryId,
  EMPLOYMENT_TYPES,
  type EmploymentId,
  employmentFromBits,
  REMOTE_MODES,
  type RemoteMode,
} from "../../../shared/taxonomy.ts";
import { townById } from "../../../shared/towns.ts";
import { type FacetRow, type JobListRow, type JobRow, MAX_FACET_VALUES } from "../db/jobs.ts";
import { OPEN_ENDED } from "../db/rows.ts";

/** The first paragraph, cut at a word boundary near 200 characters. */
export function summarise(text: string, max = 200): string {
  const first = text.split(/\n\s*\n/)[0]?.trim() ?? "";
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).trimEnd()} …`;
}

type Common = Omit<JobSummary, "summary">;

function common(
  row: Omit<
    JobRow,
    "description" | "description_html" | "duplicate_of" | "employer_website" | "source_name" | "source_url"
  >,
  lang: Lang,
  origin: string,
): Common {
  const category = row.category as CategoryId;
  return {
    id: row.id,
    title: row.title,
    employer: { id: row.employer_id, name: row.employer_name },
    town: { id: row.town_id, name: townById(row.town_id)?.name ?? row.town_id },
    category,
    category_label: CATEGORIES[category]?.[lang] ?? category,
    employment: employmentFromBits(row.employment),
    remote: row.remote as RemoteMode,
    salary:
      row.salary_min !== null && row.salary_max !== null
        ? { min: row.salary_min, max: row.salary_max, currency: "EUR", unit: "YEAR" }
        : null,
    posted_at: row.posted_at,
    valid_through: row.valid_through === OPEN_ENDED ? null : row.valid_through,
    url: new URL(ROUTES.jobPage(row.id), origin).href,
    apply_url: safeHref(row.apply_url) ?? null,
  };
}

export function toJobSummary(row: JobListRow, lang: Lang, origin: string): JobSummary {
  return { ...common(row, lang, origin), summary: summarise(row.summary) };
}

export function toJob(row: JobRow, lang: Lang, origin: string): Job {
  return {
    ...common(row, lang, origin),
    summary: summarise(row.description),
    description: row.description,
    description_html: row.description_html,
  };
}

function labelFor(facet: FacetRow["facet"], value: string, lang: Lang): string {
  switch (facet) {
    case "town":
      return townById(value)?.name ?? value;
    case "category":
      return CATEGORIES[value as CategoryId]?.[lang] ?? value;
    case "employment":
      return EMPLOYMENT_TYPES[value as EmploymentId]?.[lang] ?? value;
    case "remote":
      return REMOTE_MODES[value as RemoteMode]?.[lang] ?? value;
    default:
      return value;
  }
}

const BIT_TO_EMPLOYMENT = new Map<number, EmploymentId>(
  Object.entries(EMPLOYMENT_TYPES).map(([id, t]) => [t.bit, id as EmploymentId]),
);

// One collator per language: localeCompare with a locale builds a new one on every call.
const COLLATORS = new Map<Lang, Intl.Collator>();
function collator(lang: Lang): Intl.Collator {
  const known = COLLATORS.get(lang);
  if (known) return known;
  const made = new Intl.Collator(lang);
  COLLATORS.set(lang, made);
  return made;
}

export function toFacets(rows: FacetRow[], lang: Lang): JobFacets {
  const facets: JobFacets = { town: [], category: [], employer: [], employment: [], remote: [] };
  for (const row of rows) {
    if (row.n === 0 || row.value === null) continue;
    const value = row.facet === "employment" ? BIT_TO_EMPLOYMENT.get(Number(row.value)) : String(row.value);
    if (!value) continue;
    facets[row.facet].push({ value, label: row.label ?? labelFor(row.facet, value, lang), count: row.n });
  }
  for (const list of Object.values(facets)) {
    const { compare } = collator(lang);
    list.sort((a, b) => b.count - a.count || compare(a.label, b.label));
    list.splice(MAX_FACET_VALUES);
  }
  return facets;
}
