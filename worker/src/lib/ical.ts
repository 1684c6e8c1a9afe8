/**
 * An iCalendar (RFC 5545) writer: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
 * character, TEXT values escaped, times in Europe/Berlin with a VTIMEZONE so every calendar app agrees.
 */
import { berlinParts, TIME_ZONE } from "../../../shared/time.ts";

export interface IcsEvent {
  uid: string;
  /** When this version of the event was last changed (DTSTAMP and LAST-MODIFIED). */
  stamp: Date;
  /** SEQUENCE: the version, raised when the date, time or place changes or the event is cancelled. */
  sequence?: number | undefined;
  /** Cancelled: kept with the same UID and STATUS:CANCELLED, so subscribed calendars mark it, not lose it. */
  cancelled?: boolean | undefined;
  start: Date;
  end: Date;
  /** Whole days: written as dates (VALUE=DATE), the end exclusive as RFC 5545 has it. */
  allDay?: boolean | undefined;
  summary: string;
  description: string;
  location: string;
  url?: string | undefined;
  categories?: string[] | undefined;
  organizer?: string | undefined;
}

export interface IcsCalendar {
  name: string;
  description: string;
  events: IcsEvent[];
}

const CRLF = "\r\n";
const utf8 = new TextEncoder();

/** Escapes a TEXT value (RFC 5545 §3.3.11); other control characters are dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "")
      .replace(/[\\;,]/g, (ch) => `\\${ch}`)
      .replace(/\n/g, "\\n")
  );
}

/** Folds a content line into chunks of at most 75 octets (§3.1), continuation lines starting with a space. */
export function foldLine(line: string): string {
  if (utf8.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = utf8.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 plus their leading space.
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const pad = (n: number) => String(n).padStart(2, "0");

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function berlinStamp(date: Date): string {
  const p = berlinParts(date);
  return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

// Europe/Berlin since 1996 (EU rules): summer time from the last Sunday of March to the last of October.
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function eventLines(e: IcsEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `LAST-MODIFIED:${utcStamp(e.stamp)}`,
    `SEQUENCE:${e.sequence ?? 0}`,
    ...(e.allDay
      ? [`DTSTART;VALUE=DATE:${berlinStamp(e.start).slice(0, 8)}`, `DTEND;VALUE=DATE:${berlinStamp(e.end).slice(0, 8)}`]
      : [`DTSTART;TZID=${TIME_ZONE}:${berlinStamp(e.start)}`, `DTEND;TZID=${TIME_ZONE}:${berlinStamp(e.end)}`]),
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `LOCATION:${escapeText(e.location)}`,
  ];
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(",")}`);
  // URI values are not TEXT: no escaping, but they must not break the line.
  if (e.url && !/[\r\n]/.test(e.url)) lines.push(`URL:${e.url}`);
  if (e.organizer) lines.push(`X-HV-ORGANIZER:${escapeText(e.organizer)}`);
  // A cancelled date no longer blocks the time in the reader's calendar.
  lines.push(
    e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
    e.cancelled ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE",
    "END:VEVENT",
  );
  return lines;
}

export function renderCalendar(cal: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Heimvorteil//Events API//DE",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-CALDESC:${escapeText(cal.description)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    // Calendar apps poll subscribed feeds; every six hours is plenty for meet-ups.
    "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
    "X-PUBLISHED-TTL:PT6H",
    ...VTIMEZONE,
    ...cal.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
