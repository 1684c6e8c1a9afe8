/** Calendar dates and times of events, in Europe/Berlin, German and English, without Intl (see lib/format.ts). */
import { berlinClock } from "../../../shared/berlin-clock.ts";
import type { Lang } from "../../../shared/i18n.ts";
import { MONTH_NAMES } from "../../../shared/months.ts";
import { berlinYmd } from "../lib/format.ts";

const NAMES = {
  de: {
    weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    months: MONTH_NAMES.de,
  },
  en: {
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    months: MONTH_NAMES.en,
  },
} as const satisfies Record<Lang, { weekdays: readonly string[]; months: readonly string[] }>;

/** "Mittwoch, 25. November 2026" / "Wednesday, 25 November 2026". */
export function formatDay(iso: string, lang: Lang): string {
  const c = berlinClock(new Date(iso));
  const names = NAMES[lang];
  const weekday = names.weekdays[c.weekday];
  const month = names.months[c.month - 1];
  return lang === "de" ? `${weekday}, ${c.day}. ${month} ${c.year}` : `${weekday}, ${c.day} ${month} ${c.year}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "19:00" in both languages (24-hour clock, as in Germany). */
export function formatTime(iso: string): string {
  const c = berlinClock(new Date(iso));
  return `${pad(c.hour)}:${pad(c.minute)}`;
}

/** "19:00–21:30"; an end on another day names that day. */
export function formatTimeRange(startIso: string, endIso: string, lang: Lang): string {
  const sameDay = berlinYmd(new Date(startIso)).join() === berlinYmd(new Date(endIso)).join();
  return `${formatTime(startIso)}–${sameDay ? "" : `${formatDay(endIso, lang)}, `}${formatTime(endIso)}`;
}

/** A whole-day event: "Donnerstag, 1. Juli 2027" or, over several days, "… – Freitag, 2. Juli 2027". */
export function formatDays(startIso: string, endIso: string, lang: Lang): string {
  // The end is exclusive: the last day is the one before it.
  const last = new Date(new Date(endIso).getTime() - 60_000).toISOString();
  const oneDay = berlinYmd(new Date(startIso)).join() === berlinYmd(new Date(last)).join();
  return oneDay ? formatDay(startIso, lang) : `${formatDay(startIso, lang)} – ${formatDay(last, lang)}`;
}

export function formatMonth(year: number, month: number, lang: Lang): string {
  return `${NAMES[lang].months[month - 1]} ${year}`;
}

/** Weekday names, Monday first: long, or their first two (de) or three (en) letters. */
export function weekdayNames(lang: Lang, width: "short" | "long"): string[] {
  return NAMES[lang].weekdays.map((name) => (width === "long" ? name : name.slice(0, lang === "de" ? 2 : 3)));
}
