/**
 * Dates and numbers for people, in Europe/Berlin, in German and English, without Intl: the first Intl
 * object a page creates costs 40–80 ms of locale data on a modest machine, which alone would be a long
 * task on the host's main thread. Two languages with simple rules are a few lines each; tests compare
 * the results with Intl.
 */
import { berlinClock } from "../../../shared/berlin-clock.ts";
import type { Lang } from "../../../shared/i18n.ts";

const DAY_MS = 86_400_000;

const AGES = {
  de: {
    today: "heute",
    yesterday: "gestern",
    day: ["Tag", "Tagen"],
    week: ["Woche", "Wochen"],
    month: ["Monat", "Monaten"],
  },
  en: {
    today: "today",
    yesterday: "yesterday",
    day: ["day", "days"],
    week: ["week", "weeks"],
    month: ["month", "months"],
  },
} as const;

/** 1.234 (de) or 1,234 (en). */
export function formatNumber(n: number, lang: Lang): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "de" ? "." : ",");
}

/** German and English both have one singular (exactly 1) and one plural. */
export function isSingular(n: number): boolean {
  return n === 1;
}

function ago(n: number, unit: "day" | "week" | "month", lang: Lang): string {
  const word = AGES[lang][unit][isSingular(n) ? 0 : 1];
  return lang === "de" ? `vor ${formatNumber(n, lang)} ${word}` : `${formatNumber(n, lang)} ${word} ago`;
}

/** Year, month (1–12) and day of `date` in Berlin. */
export function berlinYmd(date: Date): [number, number, number] {
  const c = berlinClock(date);
  return [c.year, c.month, c.day];
}

/** "heute", "gestern", "vor 5 Tagen", "vor 3 Wochen" … counted in Berlin calendar days. */
export function postingAge(iso: string, lang: Lang, now = new Date()): string {
  const day = (d: Date) => {
    const [y, m, dd] = berlinYmd(d);
    return Date.UTC(y, m - 1, dd);
  };
  const days = Math.max(0, Math.round((day(now) - day(new Date(iso))) / DAY_MS));
  if (days === 0) return AGES[lang].today;
  if (days === 1) return AGES[lang].yesterday;
  if (days === 2 && lang === "de") return "vorgestern";
  if (days < 14) return ago(days, "day", lang);
  if (days < 60) return ago(Math.round(days / 7), "week", lang);
  return ago(Math.round(days / 30), "month", lang);
}
