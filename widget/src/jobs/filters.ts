/** The filters of `<hv-jobs>`: read from attributes, written to and read from the URL hash, sent to the API. */
import { ROUTES } from "../../../shared/routes.ts";
import { apiBase, type Params, withParams } from "../lib/api.ts";

export interface JobFilters {
  q: string;
  town: string[];
  radius: number | undefined;
  category: string[];
  employment: string[];
  employer: string[];
}

export const RADII = [10, 20, 30, 50] as const;

/** "a, b c" → ["a", "b", "c"]; "all" (for employers) means no filter. */
export function list(value: string | null | undefined): string[] {
  const items = (value ?? "")
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return items.includes("all") ? [] : [...new Set(items)];
}

export function radius(value: unknown): number | undefined {
  const n = Number(value);
  return value !== null && value !== undefined && value !== "" && Number.isInteger(n) && n >= 0 && n <= 100
    ? n
    : undefined;
}

/** The API's parameters for the reader's filters, within the page's fixed employer scope (if any). */
export function toParams(f: JobFilters, scope: string[] = []): Params {
  return {
    q: f.q.trim().length >= 2 ? f.q.trim() : undefined,
    town: f.town,
    radius_km: f.town.length > 0 ? f.radius : undefined,
    category: f.category,
    employment: f.employment,
    employer: scope.length > 0 ? scope : f.employer,
  };
}

export function activeCount(f: JobFilters): number {
  return f.town.length + f.category.length + f.employment.length + f.employer.length + (f.q.trim() ? 1 : 0);
}

export function toHash(f: JobFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toParams(f))) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (text) params.set(key, text);
  }
  return params.toString();
}

export function fromHash(text: string): Partial<JobFilters> {
  const params = new URLSearchParams(text);
  const out: Partial<JobFilters> = {};
  const q = params.get("q");
  if (q) out.q = q.slice(0, 100);
  for (const key of ["town", "category", "employment", "employer"] as const) {
    if (params.has(key)) out[key] = list(params.get(key));
  }
  const r = radius(params.get("radius_km"));
  if (r !== undefined) out.radius = r;
  return out;
}

/**
 * What configures the element, as its properties hold it or its attributes say it (the loader reads the
 * attributes before the element's code has arrived; both must come to the same first request).
 */
export interface JobsConfig {
  q: string | null;
  town: string | null;
  radiusKm: unknown;
  category: string | null;
  employment: string | null;
  employer: string | null;
  pageSize: unknown;
  api: string | null;
  deepLink: boolean;
  id: string;
}

export function pageSizeOf(value: unknown): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) ? Math.min(50, Math.max(1, n)) : 10;
}

export function hashKey(id: string): string {
  return id ? `hv-jobs-${id}` : "hv-jobs";
}

export function readHash(id: string): string {
  return new URLSearchParams(location.hash.slice(1)).get(hashKey(id)) ?? "";
}

/** The filters the page sets: the attributes, and with `deep-link` what the URL's hash adds. */
export function configuredFilters(c: JobsConfig): JobFilters {
  return {
    q: (c.q ?? "").slice(0, 100),
    town: list(c.town),
    radius: radius(c.radiusKm),
    category: list(c.category),
    employment: list(c.employment),
    employer: [],
    ...(c.deepLink ? fromHash(readHash(c.id)) : {}),
  };
}

/** The search's URL for one page of results. */
export function jobsUrl(api: string | null, f: JobFilters, scope: string[], size: number, more: Params = {}): URL {
  return withParams(apiBase(api), ROUTES.jobs, { ...toParams(f, scope), limit: size, ...more });
}

/** The first request of an element configured so, before the reader does anything. */
export function firstJobsUrl(c: JobsConfig): URL {
  return jobsUrl(c.api, configuredFilters(c), list(c.employer), pageSizeOf(c.pageSize));
}
