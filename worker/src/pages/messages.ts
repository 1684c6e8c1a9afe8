/** Texts of the server-rendered pages, German and English. */
import type { Lang, Text } from "../../../shared/i18n.ts";

const MESSAGES = {
  site: {
    de: "Heimvorteil – Jobs und Termine im Hochsauerland",
    en: "Heimvorteil – jobs and events in the Hochsauerland",
  },
  tagline: {
    de: "Arbeiten, wo du zu Hause bist: offene Stellen und Rückkehrer-Treffen im Hochsauerlandkreis.",
    en: "Work where home is: open jobs and returnee meet-ups in the Hochsauerlandkreis.",
  },
  employer: { de: "Arbeitgeber", en: "Employer" },
  location: { de: "Arbeitsort", en: "Location" },
  posted: { de: "Veröffentlicht", en: "Posted" },
  validThrough: { de: "Bewerbung bis", en: "Apply by" },
  salary: { de: "Gehalt pro Jahr", en: "Salary per year" },
  apply: { de: "Jetzt bewerben", en: "Apply now" },
  applyViaEmployer: {
    de: "Bewerbungen bitte über die Website des Arbeitgebers.",
    en: "Please apply through the employer's website.",
  },
  moreJobs: { de: "Weitere Stellen im Hochsauerland", en: "More jobs in the Hochsauerland" },
  expiredTitle: { de: "Diese Stelle ist nicht mehr ausgeschrieben", en: "This job is no longer advertised" },
  expiredText: {
    de: "Sie ist besetzt, zurückgezogen oder ihre Frist ist abgelaufen. Im Hochsauerland gibt es viele weitere offene Stellen.",
    en: "It has been filled or withdrawn, or its deadline has passed. There are many more open jobs in the Hochsauerland.",
  },
  source: { de: "Quelle", en: "Source" },
  notFoundTitle: { de: "Seite nicht gefunden", en: "Page not found" },
  notFoundText: { de: "Unter dieser Adresse gibt es keine Stelle.", en: "There is no job at this address." },
  demoTitle: { de: "Demo: was es schon gibt", en: "Demo: what exists so far" },
  openJobs: { de: "offene Stellen", en: "open jobs" },
  employers: { de: "Arbeitgeber", en: "employers" },
  upcomingEvents: { de: "kommende Termine", en: "upcoming events" },
  comebackLead: { de: "Zurück ins Hochsauerland?", en: "Moving back to the Hochsauerland?" },
  comebackLink: { de: "Hinterlass deinen Steckbrief", en: "Leave your profile" },
  comebackWhy: {
    de: "– für passende Stellen, Treffen und, wenn du zustimmst, den Kontakt zu Arbeitgebern.",
    en: "– for matching jobs, meet-ups and, if you agree, contact with employers.",
  },
  newestJobs: { de: "Neueste Stellen", en: "Newest jobs" },
  nextEvents: { de: "Nächste Termine", en: "Next events" },
  towns: { de: "Orte", en: "Towns" },
  addToCalendar: { de: "In den Kalender", en: "Add to calendar" },
  subscribe: { de: "Alle Termine abonnieren", en: "Subscribe to all events" },
  api: { de: "Die API", en: "The API" },
  widgets: { de: "Die Widgets", en: "The widgets" },
  widgetsIntro: {
    de: "Ein Script-Tag und ein Element: so binden Arbeitgeber und Kommunen die Stellen und Termine der Region ein. Beispiele:",
    en: "One script tag and one element: that is how employers and towns embed the region's jobs and events. Examples:",
  },
  demoEmployer: { de: "Karriereseite eines Arbeitgebers", en: "An employer's career page" },
  demoTown: { de: "Seite einer Stadt mit Terminkalender", en: "A town's page with the events calendar" },
  demoStrict: {
    de: "Seite mit strenger CSP und grobem globalem CSS",
    en: "A page with a strict CSP and rude global CSS",
  },
  embedBuilder: {
    de: "Widget-Baukasten: einstellen, ansehen, Code kopieren",
    en: "Embed builder: configure, preview, copy the snippet",
  },
  demoData: {
    de: "Alle Arbeitgeber, Stellen und Termine hier sind erfundene Demo-Daten.",
    en: "All employers, jobs and events here are fictional demo data.",
  },
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey): string {
  return MESSAGES[key][lang];
}
