/** The widgets' client for the Heimvorteil API: plain fetch, no credentials, language by Accept-Language. */
import type { Lang } from "../../../shared/i18n.ts";
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

async function getJson<T>(url: URL, lang: Lang, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    headers: { Accept: "application/json", "Accept-Language": lang },
    credentials: "omit",
    referrerPolicy: "no-referrer",
    signal,
  });
  if (!response.ok) throw new Error(`API answered ${response.status}`);
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

/**
 * First answers the loader asked for while the element's code was still loading, so the request runs
 * alongside the download instead of after it. The loader is a bundle of its own, so the answer waits on
 * the element under a registered symbol; it is taken once, and only by a request for the very same URL
 * and language.
 */
const EARLY = Symbol.for("heimvorteil.first-answer");
interface Early {
  key: string;
  answer: Promise<unknown>;
  /** The answer itself once it is here, so an element can draw it in its very first render. */
  value?: unknown;
}
type Holder = Element & { [EARLY]?: Early };
const keyOf = (url: URL, lang: Lang) => `${lang} ${url.href}`;

export function prefetch(element: Element, url: URL, lang: Lang): void {
  const holder = element as Holder;
  if (holder[EARLY]) return;
  const answer = getJson(url, lang, AbortSignal.timeout(TIMEOUT_MS));
  const early: Early = { key: keyOf(url, lang), answer };
  // Whoever takes the answer sees a failure; one nobody takes must not be reported as unhandled.
  answer.then(
    (value) => {
      early.value = value;
    },
    () => undefined,
  );
  holder[EARLY] = early;
}

/**
 * How long an element's definition waits for the answer the loader asked for (lib/define.ts): an answer
 * within it is drawn as results straight away, instead of a skeleton laid out and painted only to be
 * replaced a frame or two later (8–12 ms of the page's main thread on a slow machine); a slower one gets
 * the skeleton then. Well under the 0.2 s in which people read a change as a response.
 */
const FIRST_FRAME_WAIT_MS = 120;

/** Resolves once the loader's answer for this element is here (or failed), or the wait is over; at once without one. */
export function firstFrameReady(element: Element): Promise<void> {
  const waiting = (element as Holder)[EARLY];
  if (!waiting) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_FRAME_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    waiting.answer.then(done, done);
  });
}

/** Whether the loader already asked for this element's first answer. */
export function hasEarlyAnswer(element: Element): boolean {
  return (element as Holder)[EARLY] !== undefined;
}

/** The loader's early answer if it was asked for this very request (URL and language), else undefined. */
function matching(element: Element, url: URL, lang: Lang): Early | undefined {
  const waiting = (element as Holder)[EARLY];
  return waiting?.key === keyOf(url, lang) ? waiting : undefined;
}

/**
 * The loader's answer for this very request if it is here already, taken; else undefined. The element's
 * definition waits for it (firstFrameReady), so usually it is: then the first render draws the results
 * instead of a skeleton that the answer replaces in the same task, a render and its DOM for nothing.
 */
export function takeArrived<T>(element: Element, url: URL, lang: Lang): T | undefined {
  const waiting = matching(element, url, lang);
  if (waiting?.value === undefined) return undefined;
  delete (element as Holder)[EARLY];
  return waiting.value as T;
}

/**
 * The early answer for this request, if there is one, else a fresh request; either ends with `signal`.
 * An early answer for another request (the reader changed a filter first) is dropped.
 */
function answerFor<T>(element: Element, url: URL, lang: Lang, signal: AbortSignal): Promise<T> {
  const waiting = matching(element, url, lang);
  delete (element as Holder)[EARLY];
  if (!waiting) return getJson<T>(url, lang, signal);
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
    (waiting.answer as Promise<T>).then(resolve, reject);
  });
}

export function fetchJobs(element: Element, url: URL, lang: Lang, signal: AbortSignal): Promise<JobList> {
  return answerFor<JobList>(element, url, lang, signal);
}

/** A page of events as the API sends it. */
export type EventPage = { data: EventDto[]; total: number; next_cursor: string | null };

export function fetchEvents(element: Element, url: URL, lang: Lang, signal: AbortSignal): Promise<EventPage> {
  return answerFor(element, url, lang, signal);
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
