// Jobbörse der Bundesagentur für Arbeit (www.arbeitsagentur.de/jobsuche, Angular): URL patterns and
// selectors, proven by tests/extension/fixtures/arbeitsagentur.
export const MATCHES = ["https://www.arbeitsagentur.de/jobsuche/*"];
export const SEARCH_PATH = /^\/jobsuche\/suche\/?$/;
export const JOB_PATH = /^\/jobsuche\/jobdetail\/[A-Za-z0-9_-]+\/?$/;
export const RESULTS_ANCHOR = ["#ergebnisliste", '[id^="ergebnisliste-item-"]'];
export const JOB_TITLE = ["#detail-kopfbereich-titel"];
export const TITLE_SEPARATORS = / - | \| /;
