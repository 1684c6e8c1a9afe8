// Indeed (de.indeed.com): URL patterns and selectors, proven by the fixtures beside this file.
export const MATCHES = ["https://de.indeed.com/*"];
export const SEARCH_PATH = /^\/jobs\/?$/;
export const JOB_PATH = /^\/viewjob\/?$/;
export const RESULTS_ANCHOR = ["#mosaic-provider-jobcards", ".job_seen_beacon"];
export const JOB_TITLE = ['h1[data-testid="jobsearch-JobInfoHeader-title"]', '[data-testid="vj-job-title"]'];
// The document title names the job before these ("Elektroniker (m/w/d) - Dortmund - Indeed.com"): the last fallback when the
// markup is unknown and there is no JSON-LD (fixtures/title.html).
export const TITLE_SEPARATORS = / - |\|/;
