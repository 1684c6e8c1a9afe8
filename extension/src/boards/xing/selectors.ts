// XING (www.xing.com/jobs, a single-page app): URL patterns and selectors, proven by
// tests/extension/fixtures/xing.
export const MATCHES = ["https://www.xing.com/jobs*"];
export const SEARCH_PATH = /^\/jobs\/search\/?$/;
export const JOB_PATH = /^\/jobs\/(?!search\b)[^/]+-\d+\/?$/;
export const RESULTS_ANCHOR = ['article[data-testid="job-search-result"]'];
export const JOB_TITLE = ['[data-testid="job-details-title"] h1'];
export const TITLE_SEPARATORS = / in [^|]+\| | \| /;
