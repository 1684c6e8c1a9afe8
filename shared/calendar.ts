/** Names of the event calendar as calendar apps show them. */
import type { Lang } from "./i18n.ts";

export const CALENDAR_TEXTS: Record<Lang, { name: string; description: string }> = {
  de: {
    name: "Heimvorteil – Termine im Hochsauerland",
    description: "Rückkehrer-Stammtische, Jobmessen und Infoabende im Hochsauerlandkreis.",
  },
  en: {
    name: "Heimvorteil – events in the Hochsauerland",
    description: "Returnee meet-ups, job fairs and information evenings in the Hochsauerlandkreis.",
  },
};
