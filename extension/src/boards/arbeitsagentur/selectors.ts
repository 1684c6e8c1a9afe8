// Jobbörse der Bundesagentur für Arbeit (www.arbeitsagentur.de/jobsuche, Angular): URL patterns and
// selectors, proven by the fixtures beside this file.
export const MATCHES = ["https://www.arbeitsagentur.de/jobsuche/*"];
export const SEARCH_PATH = /^\/jobsuche\/suche\/?$/;
export const JOB_PATH = /^\/jobsuche\/jobdetail\/[A-Za-z0-9_-]+\/?$/;
export const RESULTS_ANCHOR = ["#ergebnisliste", '[id^="ergebnisliste-item-"]'];
export const JOB_TITLE = ["#detail-kopfbereich-titel"];
// The document title names the job before these ("Pflegefachkraft (m/w/d) - Jobsuche - Bundesagentur für Arbeit"): the last fallback when the
// markup is unknown and there is no JSON-LD (fixtures/title.html).
export const TITLE_SEPARATORS = / - | \| /;
