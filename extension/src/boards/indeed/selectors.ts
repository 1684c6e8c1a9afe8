// Indeed (de.indeed.com): URL patterns and selectors, proven by tests/extension/fixtures/indeed.
export const MATCHES = ["https://de.indeed.com/*"];
export const SEARCH_PATH = /^\/jobs\/?$/;
export const JOB_PATH = /^\/viewjob\/?$/;
export const RESULTS_ANCHOR = ["#mosaic-provider-jobcards", ".job_seen_beacon"];
export const JOB_TITLE = ['h1[data-testid="jobsearch-JobInfoHeader-title"]', '[data-testid="vj-job-title"]'];
export const TITLE_SEPARATORS = / - |\|/;
