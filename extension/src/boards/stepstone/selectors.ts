// StepStone (www.stepstone.de): URL patterns and selectors, proven by tests/extension/fixtures/stepstone.
export const MATCHES = ["https://www.stepstone.de/*"];
export const SEARCH_PATH = /^\/(?:jobs\/([^/?#]+)|work\/ergebnisliste\/?)/;
export const JOB_PATH = /^\/stellenangebote--.+--\d+-inline\.html$/;
export const SEARCH_PARAMS = ["q", "ke"];
export const RESULTS_ANCHOR = ["[data-resultlist-offers-total]", 'article[data-at="job-item"]'];
export const JOB_TITLE = ['h1[data-at="header-job-title"]'];
export const TITLE_SEPARATORS = / [-|] /;
