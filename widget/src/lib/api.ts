/** The widgets' client for the Heimvorteil API: plain fetch, no credentials, language by Accept-Language. */
import type { Lang } from "../../../shared/i18n.ts";
import { ROUTES } from "../../../shared/routes.ts";
import type { EventDto } from "../../../shared/schemas/events.ts";
import type { JobList } from "../../../shared/schemas/jobs.ts";

// The chunks are served by the API's own worker, so the API lives where this file came from.
const BUNDLE_ORIGIN = new URL(import.meta.url).origin;

// After this long a request counts as slow (the widget says so); after TIMEOUT_MS it fails with retry.
const SLOW_MS = 2500;
const TIMEOUT_MS = 15000;

/**
 * Where the API lives: the element's `api` attribute when it is an http(s) URL (an origin, or an origin
 * with a path prefix), else the origin the bundle came from.
 */
export function apiBase(attribute: string | null | undefined): string {
  if (attribute) {
    try {
      const url = new URL(attribute, BUNDLE_ORIGIN);
      if (url.protocol === "https:" || url.protocol === "http:")
        return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
    } catch {
      // fall through to the bundle's origin
    }
  }
  return BUNDLE_ORIGIN;
}

export class ApiFailure extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`API answered ${status}`);
    this.status = status;
  }
}

async function getJson<T>(url: URL, lang: Lang, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    headers: { Accept: "application/json", "Accept-Language": lang },
    credentials: "omit",
    referrerPolicy: "no-referrer",
    signal,
  });
  if (!response.ok) throw new ApiFailure(response.status);
  return (await response.json()) as T;
}

export type Params = Record<string, string | number | readonly string[] | undefined>;

export function withParams(base: string, path: string, params: Params): URL {
  const url = new URL(`${base}${path}`);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) url.searchParams.set(key, value.join(","));
    } else url.searchParams.set(key, String(value));
  }
  return url;
}

export function fetchJobs(base: string, params: Params, lang: Lang, signal: AbortSignal): Promise<JobList> {
  return getJson<JobList>(withParams(base, ROUTES.jobs, params), lang, signal);
}

export function fetchEvents(
  base: string,
  params: Params,
  lang: Lang,
  signal: AbortSignal,
): Promise<{ data: EventDto[]; total: number; next_cursor: string | null }> {
  return getJson(withParams(base, ROUTES.events, params), lang, signal);
}

/** Runs `work` with a signal that aborts on timeout or when `outer` aborts; reports slowness once. */
export async function withDeadline<T>(
  outer: AbortSignal,
  onSlow: () => void,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const slow = setTimeout(onSlow, SLOW_MS);
  try {
    return await work(AbortSignal.any([outer, AbortSignal.timeout(TIMEOUT_MS)]));
  } finally {
    clearTimeout(slow);
  }
}
