/**
 * The region's jobs, downloaded whole from the API (the same file for every user, so the download says
 * nothing about anyone) and kept in extension storage; matched here, never on a server.
 */
import browser from "webextension-polyfill";
import { JOB_INDEX_VERSION, type JobIndex } from "../../../shared/job-index.ts";
import { type IndexedJob, rankJobs, titleTerms } from "../../../shared/job-match.ts";
import { TOWNS } from "../../../shared/towns.ts";
import { API_ORIGIN } from "../lib/config.ts";
import type { MatchedJob, MatchResult } from "../lib/protocol.ts";

interface Stored {
  index: JobIndex;
  etag: string | null;
  fetchedAt: number;
}

interface Prepared extends IndexedJob {
  employer: string;
  town: string;
}

let prepared: { generatedAt: string; jobs: Prepared[] } | undefined;
const townNames = new Map<string, string>(TOWNS.map((t) => [t.id, t.name]));

function isJobIndex(value: unknown): value is JobIndex {
  if (!value || typeof value !== "object") return false;
  const v = value as Partial<JobIndex>;
  return (
    v.version === JOB_INDEX_VERSION &&
    Array.isArray(v.employers) &&
    Array.isArray(v.jobs) &&
    v.jobs.every((j) => Array.isArray(j) && typeof j[0] === "number" && typeof j[1] === "string")
  );
}

/** Fetches the index when it changed (ETag); keeps the stored one when the API is unreachable. */
export async function refreshIndex(): Promise<void> {
  const { jobIndex } = (await browser.storage.local.get("jobIndex")) as { jobIndex?: Stored };
  const response = await fetch(`${API_ORIGIN}/v1/jobs/index`, {
    headers: jobIndex?.etag ? { "If-None-Match": jobIndex.etag } : {},
    credentials: "omit",
    referrerPolicy: "no-referrer",
    cache: "no-cache",
  });
  if (response.status === 304 && jobIndex) {
    await browser.storage.local.set({ jobIndex: { ...jobIndex, fetchedAt: Date.now() } });
    return;
  }
  if (!response.ok) throw new Error(`index download: ${response.status}`);
  const index: unknown = await response.json();
  if (!isJobIndex(index)) throw new Error("index download: unexpected shape");
  const stored: Stored = { index, etag: response.headers.get("ETag"), fetchedAt: Date.now() };
  await browser.storage.local.set({ jobIndex: stored });
  prepared = undefined;
}

async function jobs(): Promise<Prepared[]> {
  const { jobIndex } = (await browser.storage.local.get("jobIndex")) as { jobIndex?: Stored };
  if (!jobIndex) return [];
  if (prepared?.generatedAt !== jobIndex.index.generated_at) {
    const { employers } = jobIndex.index;
    prepared = {
      generatedAt: jobIndex.index.generated_at,
      jobs: jobIndex.index.jobs.map(([id, title, employer, town]) => ({
        id,
        title,
        terms: titleTerms(title),
        employer: employers[employer] ?? "",
        town: townNames.get(town) ?? town,
      })),
    };
  }
  return prepared.jobs;
}

/** The region's matches for `query`; jobs in the reader's preferred towns first. */
export async function match(query: string, preferredTowns: readonly string[]): Promise<MatchResult> {
  const ranked = rankJobs(query, await jobs(), 500);
  const preferred = new Set(preferredTowns.map((id) => townNames.get(id)));
  const ordered =
    preferred.size > 0
      ? [...ranked.filter((j) => preferred.has(j.town)), ...ranked.filter((j) => !preferred.has(j.town))]
      : ranked;
  const top: MatchedJob[] = ordered.slice(0, 5).map(({ id, title, employer, town }) => ({ id, title, employer, town }));
  // The query goes into the URL's #fragment, which browsers never send to a server.
  const allUrl = `${API_ORIGIN}/#hv-jobs=${encodeURIComponent(new URLSearchParams({ q: query.slice(0, 100) }).toString())}`;
  return { count: ranked.length, jobs: top, allUrl };
}
