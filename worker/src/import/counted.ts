/** "1 Stelle", "2 jobs": a count with its noun, for the import's messages in both languages. */
import type { Lang } from "../../../shared/i18n.ts";

const NOUNS = {
  jobs: { de: ["Stelle", "Stellen"], en: ["job", "jobs"] },
  events: { de: ["Termin", "Termine"], en: ["event", "events"] },
  runs: { de: ["Lauf", "Läufe"], en: ["run", "runs"] },
  descriptions: { de: ["Beschreibung", "Beschreibungen"], en: ["description", "descriptions"] },
} as const;

export type Noun = keyof typeof NOUNS;

/** The noun alone, singular for one. */
export const noun = (n: number, which: Noun, lang: Lang): string => NOUNS[which][lang][n === 1 ? 0 : 1];

/** The count and its noun. */
export const counted = (n: number, which: Noun, lang: Lang): string => `${n} ${noun(n, which, lang)}`;
