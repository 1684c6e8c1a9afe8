/**
 * A series' dates: "every second Tuesday" or "every third Thursday of the month", from its first date to
 * its last, as Berlin calendar days; and a day's wall-clock times as instants (summer time included).
 */
import type { SeriesRule } from "../../../shared/schemas/staff-events.ts";
import { SERIES_MAX_DATES } from "../../../shared/schemas/staff-events.ts";
import { berlinToUtc } from "../../../shared/time.ts";

const DAY_MS = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** 0 Monday … 6 Sunday. */
const weekdayOf = (t: number) => (new Date(t).getUTCDay() + 6) % 7;

export function seriesDates(rule: SeriesRule, first: string, until: string): string[] {
  const start = Date.parse(first);
  const end = Date.parse(until);
  const dates: string[] = [];
  if (rule.every === "week") {
    let t = start + ((rule.weekday - weekdayOf(start) + 7) % 7) * DAY_MS;
    for (; t <= end && dates.length < SERIES_MAX_DATES; t += rule.interval * 7 * DAY_MS) dates.push(iso(t));
    return dates;
  }
  const from = new Date(start);
  for (let m = 0; dates.length < SERIES_MAX_DATES; m++) {
    const year = from.getUTCFullYear();
    const month = from.getUTCMonth() + m;
    const firstOfMonth = Date.UTC(year, month, 1);
    if (firstOfMonth > end) break;
    let t: number;
    if (rule.nth === -1) {
      const last = Date.UTC(year, month + 1, 0);
      t = last - ((weekdayOf(last) - rule.weekday + 7) % 7) * DAY_MS;
    } else {
      t = firstOfMonth + ((rule.weekday - weekdayOf(firstOfMonth) + 7) % 7) * DAY_MS + (rule.nth - 1) * 7 * DAY_MS;
    }
    if (t >= start && t <= end) dates.push(iso(t));
  }
  return dates;
}

/** A day and its Berlin start and end times as UTC instants; an end not after the start is the next day. */
export function instantsOf(date: string, startTime: string, endTime: string): { starts_at: string; ends_at: string } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [sh, sm] = startTime.split(":").map(Number) as [number, number];
  const [eh, em] = endTime.split(":").map(Number) as [number, number];
  const nextDay = eh * 60 + em <= sh * 60 + sm ? 1 : 0;
  return {
    starts_at: berlinToUtc(y, m, d, sh, sm).toISOString(),
    ends_at: berlinToUtc(y, m, d + nextDay, eh, em).toISOString(),
  };
}

/** A whole-day event from its first to its last day: Berlin midnight to the midnight after (exclusive). */
export function wholeDays(date: string, lastDate = date): { starts_at: string; ends_at: string } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [ly, lm, ld] = lastDate.split("-").map(Number) as [number, number, number];
  return { starts_at: berlinToUtc(y, m, d).toISOString(), ends_at: berlinToUtc(ly, lm, ld + 1).toISOString() };
}
