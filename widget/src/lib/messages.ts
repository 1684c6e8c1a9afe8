/** Every text the widgets show, in German and English, with counts in the right singular or plural. */
import { DEFAULT_LANG, isLang, type Lang } from "../../../shared/i18n.ts";
import { formatNumber, isSingular } from "./format.ts";

type Plural = { one: string; other: string };

const MESSAGES = {
  de: {
    search: "Stellen durchsuchen",
    searchPlaceholder: "Beruf oder Stichwort",
    searchButton: "Suchen",
    filters: "Filter",
    town: "Ort",
    radius: "Umkreis",
    radiusNone: "nur dieser Ort",
    category: "Berufsfeld",
    employment: "Anstellungsart",
    employer: "Arbeitgeber",
    remote: "Arbeitsort",
    removeFilter: "Filter entfernen:",
    resetFilters: "Alle Filter zurücksetzen",
    loadingJobs: "Stellen werden geladen …",
    slow: "Das dauert länger als gewohnt – einen Moment noch.",
    jobs: { one: "{n} Stelle", other: "{n} Stellen" },
    shownOf: "{shown} von {total} angezeigt",
    moreJobs: "Weitere Stellen laden",
    noJobs: "Keine passenden Stellen gefunden.",
    hintRadius: "Umkreis auf {km} km erweitern",
    hintAll: "Alle Stellen der Region zeigen",
    regionJobs: "Alle Stellen der Region",
    ownJobs: "Zurück zu unseren Stellen",
    error: "Die Daten konnten gerade nicht geladen werden.",
    retry: "Erneut versuchen",
    apply: "Jetzt bewerben",
    homeOffice: "Homeoffice möglich",
    posted: "Veröffentlicht",
    events: "Termine",
    loadingEvents: "Termine werden geladen …",
    eventsCount: { one: "{n} Termin", other: "{n} Termine" },
    noEvents: "Keine Termine in diesem Zeitraum.",
    allTowns: "Alle Orte",
    kind: "Art",
    allKinds: "Alle Arten",
    view: "Ansicht",
    listView: "Liste",
    monthView: "Monat",
    previousMonth: "Voriger Monat",
    nextMonth: "Nächster Monat",
    addToCalendar: "In den Kalender",
    icsFile: "Kalenderdatei (.ics)",
    subscribe: "Kalender abonnieren",
    subscribeApp: "In der Kalender-App abonnieren",
    feedUrl: "Adresse des Kalenders, zum Einfügen in Google, Outlook & Co.",
    copyLink: "Adresse kopieren",
    copied: "Kopiert",
    eventsShown: "{n} angezeigt",
    today: "heute",
    moreInDay: { one: "+{n} weiterer", other: "+{n} weitere" },
    townsCount: "{n} Orte",
    wholeMonth: "Alle Termine im {month}",
    more: "Ganze Beschreibung",
    less: "Beschreibung kürzen",
    moreInfo: "Mehr erfahren",
    moreEvents: "Weitere Termine laden",
    openInNewTab: "(öffnet in neuem Tab)",
  },
  en: {
    search: "Search jobs",
    searchPlaceholder: "Job title or keyword",
    searchButton: "Search",
    filters: "Filters",
    town: "Town",
    radius: "Radius",
    radiusNone: "this town only",
    category: "Field",
    employment: "Employment type",
    employer: "Employer",
    remote: "Place of work",
    removeFilter: "Remove filter:",
    resetFilters: "Reset all filters",
    loadingJobs: "Loading jobs …",
    slow: "This is taking longer than usual – one moment.",
    jobs: { one: "{n} job", other: "{n} jobs" },
    shownOf: "{shown} of {total} shown",
    moreJobs: "Load more jobs",
    noJobs: "No matching jobs found.",
    hintRadius: "Widen the radius to {km} km",
    hintAll: "Show all jobs in the region",
    regionJobs: "All jobs in the region",
    ownJobs: "Back to our jobs",
    error: "The data could not be loaded just now.",
    retry: "Try again",
    apply: "Apply now",
    homeOffice: "Remote work possible",
    posted: "Posted",
    events: "Events",
    loadingEvents: "Loading events …",
    eventsCount: { one: "{n} event", other: "{n} events" },
    noEvents: "No events in this period.",
    allTowns: "All towns",
    kind: "Kind",
    allKinds: "All kinds",
    view: "View",
    listView: "List",
    monthView: "Month",
    previousMonth: "Previous month",
    nextMonth: "Next month",
    addToCalendar: "Add to calendar",
    icsFile: "Calendar file (.ics)",
    subscribe: "Subscribe to calendar",
    subscribeApp: "Subscribe in your calendar app",
    feedUrl: "Calendar address, to paste into Google, Outlook and others",
    copyLink: "Copy address",
    copied: "Copied",
    eventsShown: "{n} shown",
    today: "today",
    moreInDay: { one: "+{n} more", other: "+{n} more" },
    townsCount: "{n} towns",
    wholeMonth: "All events in {month}",
    more: "Full description",
    less: "Shorter description",
    moreInfo: "More information",
    moreEvents: "Load more events",
    openInNewTab: "(opens in a new tab)",
  },
} as const satisfies Record<Lang, Record<string, string | Plural>>;

type Messages = (typeof MESSAGES)[Lang];
type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
type PluralKey = { [K in keyof Messages]: Messages[K] extends Plural ? K : never }[keyof Messages];

/** The element's `lang` attribute when we speak it, else German. */
export function langOf(attribute: string | null | undefined): Lang {
  const short = attribute?.slice(0, 2).toLowerCase();
  return isLang(short) ? short : DEFAULT_LANG;
}

export function msg(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return fill(lang, MESSAGES[lang][key], vars);
}

export function plural(lang: Lang, key: PluralKey, n: number): string {
  const forms: Plural = MESSAGES[lang][key];
  return fill(lang, forms[isSingular(n) ? "one" : "other"], { n });
}

function fill(lang: Lang, text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    return typeof value === "number" ? formatNumber(value, lang) : (value ?? "");
  });
}
