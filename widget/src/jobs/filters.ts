/** The filters of `<hv-jobs>`: read from attributes, written to and read from the URL hash, sent to the API. */
import type { Params } from "../lib/api.ts";

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
