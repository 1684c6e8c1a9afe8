/**
 * The shape of `GET /v1/jobs/index` without zod, for the browser extension's bundle; the zod schema that
 * documents and tests it is in schemas/job-index.ts.
 */
export const JOB_INDEX_VERSION = 1;

export interface JobIndex {
  version: typeof JOB_INDEX_VERSION;
  generated_at: string;
  /** Employer names; jobs refer to them by position. */
  employers: string[];
  /** Newest first: [id, title, employer position, town id, posted (ISO date)]. */
  jobs: [number, string, number, string, string][];
}
