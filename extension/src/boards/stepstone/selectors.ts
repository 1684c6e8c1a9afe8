// StepStone (www.stepstone.de): URL patterns and selectors, proven by the fixtures beside this file.
export const MATCHES = ["https://www.stepstone.de/*"];
export const SEARCH_PATH = /^\/(?:jobs\/([^/?#]+)|work\/ergebnisliste\/?)/;
export const JOB_PATH = /^\/stellenangebote--.+--\d+-inline\.html$/;
export const SEARCH_PARAMS = ["q", "ke"];
export const RESULTS_ANCHOR = ["[data-resultlist-offers-total]", 'article[data-at="job-item"]'];
export const JOB_TITLE = ['h1[data-at="header-job-title"]'];
// The document title names the job before these ("Elektroniker (m/w/d) - Firma AG - Köln | StepStone"): the last fallback when the
// markup is unknown and there is no JSON-LD (fixtures/title.html).
export const TITLE_SEPARATORS = / [-|] /;
