/** Month names, and the months a person can choose as their earliest return (the form and the data page). */

import { berlinClock } from "./berlin-clock.ts";
import type { Lang } from "./i18n.ts";

export const MONTH_NAMES: Record<Lang, readonly string[]> = {
  de: [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** How far ahead a return can be planned in the pickers. */
const MONTHS_AHEAD = 48;

/** "2027-03" → "März 2027" / "March 2027"; anything else is returned as it is. */
export function monthLabel(value: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const name = match ? MONTH_NAMES[lang][Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : value;
}

/** The months from this one (in Berlin) on, as `YYYY-MM` with their labels; `keep` is added if not among them. */
export function returnMonths(lang: Lang, now = new Date(), keep?: string): { value: string; label: string }[] {
  const c = berlinClock(now);
  const months: string[] = [];
  for (let i = 0; i < MONTHS_AHEAD; i++) {
    const index = c.year * 12 + (c.month - 1) + i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  if (keep && /^\d{4}-\d{2}$/.test(keep) && !months.includes(keep)) months.unshift(keep);
  return months.map((value) => ({ value, label: monthLabel(value, lang) }));
}
