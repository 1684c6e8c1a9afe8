/** Dates for people: Europe/Berlin wall-clock time and relative ages, via Intl. */
import type { Lang } from "../../../shared/i18n.ts";

export const TIME_ZONE = "Europe/Berlin";
const DAY_MS = 86_400_000;

/** "heute", "gestern", "vor 5 Tagen", "vor 3 Wochen" … counted in Berlin calendar days. */
export function postingAge(iso: string, lang: Lang, now = new Date()): string {
  const days = Math.max(0, Math.round((berlinDay(now) - berlinDay(new Date(iso))) / DAY_MS));
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  if (days < 14) return rtf.format(-days, "day");
  if (days < 60) return rtf.format(-Math.round(days / 7), "week");
  return rtf.format(-Math.round(days / 30), "month");
}

/** Midnight UTC of the Berlin calendar day that `date` falls on (for whole-day arithmetic). */
export function berlinDay(date: Date): number {
  const [y, m, d] = berlinYmd(date);
  return Date.UTC(y, m - 1, d);
}

/** Year, month (1–12) and day of `date` in Berlin. */
export function berlinYmd(date: Date): [number, number, number] {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
  const [y, m, d] = parts.split("-").map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

export function formatDay(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(iso));
}

export function formatTimeRange(startIso: string, endIso: string, lang: Lang): string {
  const format = new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
  return format.formatRange(new Date(startIso), new Date(endIso));
}

export function formatMonth(year: number, month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { timeZone: "UTC", month: "long", year: "numeric" }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
