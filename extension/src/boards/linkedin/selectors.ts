// LinkedIn (www.linkedin.com/jobs, a single-page app): URL patterns and selectors, proven by the fixtures beside this file.
export const MATCHES = ["https://www.linkedin.com/jobs/*"];
export const SEARCH_PATH = /^\/jobs\/search\/?$/;
export const JOB_PATH = /^\/jobs\/view\/\d+\/?$/;
export const RESULTS_ANCHOR = [
  ".scaffold-layout__list",
  ".jobs-search__results-list",
  "li[data-occludable-job-id]",
  ".base-card",
];
export const JOB_TITLE = [
  ".job-details-jobs-unified-top-card__job-title",
  ".jobs-unified-top-card__job-title",
  ".top-card-layout__title",
];
// The document title names the job before these ("(3) Elektroniker (m/w/d) | Firma GmbH | LinkedIn"): the last fallback when the
// markup is unknown and there is no JSON-LD (fixtures/title.html).
export const TITLE_SEPARATORS = / \| /;
