/** Europe/Berlin wall-clock time, the time zone every date shown to a person is in. */
export const TIME_ZONE = "Europe/Berlin";

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  weekday: "short",
});

export interface BerlinParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday … 6 = Saturday
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The Berlin wall-clock reading of an instant. */
export function berlinParts(date: Date): BerlinParts {
  const p: Record<string, string> = {};
  for (const { type, value } of partsFormat.formatToParts(date)) p[type] = value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAYS.indexOf(p.weekday ?? ""),
  };
}

/** Minutes Berlin is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(date: Date): number {
  const p = berlinParts(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which Berlin clocks show the given wall-clock time. */
export function berlinToUtc(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset also right after a DST switch.
  let utc = naive - berlinOffsetMinutes(new Date(naive)) * 60_000;
  utc = naive - berlinOffsetMinutes(new Date(utc)) * 60_000;
  return new Date(utc);
}

/** "2026-12-17" → the instant Berlin's day begins; `plusDays` moves to a later day (month ends roll over). */
export function berlinDayStart(isoDate: string, plusDays = 0): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return berlinToUtc(y, m, d + plusDays);
}
