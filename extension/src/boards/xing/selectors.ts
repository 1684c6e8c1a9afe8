// XING (www.xing.com/jobs, a single-page app): URL patterns and selectors, proven by the fixtures beside this file.
export const MATCHES = ["https://www.xing.com/jobs*"];
export const SEARCH_PATH = /^\/jobs\/search\/?$/;
export const JOB_PATH = /^\/jobs\/(?!search\b)[^/]+-\d+\/?$/;
export const RESULTS_ANCHOR = ['article[data-testid="job-search-result"]'];
export const JOB_TITLE = ['[data-testid="job-details-title"] h1'];
// The document title names the job before these ("Lagerist (m/w/d) in Garching | XING Jobs"): the last fallback when the
// markup is unknown and there is no JSON-LD (fixtures/title.html).
export const TITLE_SEPARATORS = / in [^|]+\| | \| /;
