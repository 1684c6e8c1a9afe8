/**
 * Berlin wall-clock time by arithmetic, without Intl: creating the first Intl.DateTimeFormat on a page
 * costs a browser 50–80 ms (locale data), too much for a widget's first render on someone else's page.
 * The rule is the EU's summer time (Directive 2000/84/EC): UTC+2 from 01:00 UTC on the last Sunday of
 * March until 01:00 UTC on the last Sunday of October, UTC+1 otherwise. tests/shared checks it against Intl.
 */
const HOUR = 3_600_000;

function lastSunday(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR;
}

/** Milliseconds Berlin is ahead of UTC at instant `t`. */
export function berlinOffsetMs(t: number): number {
  const year = new Date(t).getUTCFullYear();
  return t >= lastSunday(year, 2) && t < lastSunday(year, 9) ? 2 * HOUR : HOUR;
}

export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Monday … 6 = Sunday
}

/** What a clock in Berlin shows at `date`. */
export function berlinClock(date: Date): WallClock {
  const wall = new Date(date.getTime() + berlinOffsetMs(date.getTime()));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: (wall.getUTCDay() + 6) % 7,
  };
}

/** The Berlin calendar day of `date`, YYYY-MM-DD. */
export function berlinDate(date: Date = new Date()): string {
  const w = berlinClock(date);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}
