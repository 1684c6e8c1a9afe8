/**
 * The `ics` source kind: a town's event calendar (RFC 5545), read with ical.js and expanded into the single
 * occurrences of the coming months. The pitfalls (../shared/docs/job-sources.md §6) decided each rule here:
 * floating times, Europe/Berlin without a VTIMEZONE and Windows zone names are Berlin wall-clock time;
 * all-day events end on their exclusive DTEND; overrides (RECURRENCE-ID) replace their occurrence and only
 * those of the same UID; cancelled events and occurrences are left out; every expansion loop is bounded.
 */
import ICAL from "ical.js";
import type { EventKind } from "../../../shared/ids.ts";
import { berlinToUtc } from "../../../shared/time.ts";
import { SourceFailure } from "./fetch-source.ts";

export interface CalendarOccurrence {
  /** Stable across imports: the UID and, for a recurring event, the occurrence's own start. */
  key: string;
  title: string;
  description: string;
  location: string | null;
  url: string | null;
  kind: EventKind;
  allDay: boolean;
  /** ISO 8601 UTC instants; an all-day event runs from Berlin midnight to Berlin midnight. */
  startsAt: string;
  endsAt: string;
}

/** A body that is no iCalendar: a source failure like any other, told apart for the tests. */
export class CalendarError extends SourceFailure {}

// Exchange and Outlook write Windows zone names; CLDR's windowsZones maps these to Europe/Berlin's offsets.
const BERLIN_ALIASES = new Set([
  "europe/berlin",
  "w. europe standard time",
  "w. europe standard time (utc+01:00)",
  "central europe standard time",
  "romance standard time",
  "(utc+01:00) amsterdam, berlin, bern, rome, stockholm, vienna",
]);

// At most this many occurrences of one recurring event are looked at (a daily series begun years ago
// included), and at most MAX_KEPT of them kept, whatever its RRULE says.
const MAX_STEPS = 20_000;
const MAX_KEPT = 1000;

// Words in a title or description, first match wins; a calendar's own default kind otherwise.
const KIND_WORDS: [RegExp, EventKind][] = [
  [/stammtisch|rückkehrer|heimkehrer/i, "stammtisch"],
  [/messe|karrieretag|jobbörse|ausbildungsbörse|berufsinfo-?börse/i, "fair"],
  [/infoabend|informationsabend|infoveranstaltung|informationsveranstaltung/i, "info_evening"],
  [/betriebsbesichtigung|werksführung|firmenbesuch|tag der offenen tür|unternehmensbesuch/i, "company_visit"],
  [/workshop|seminar|bewerbungstraining|kurs\b/i, "workshop"],
];

export function guessKind(text: string, fallback: EventKind): EventKind {
  return KIND_WORDS.find(([words]) => words.test(text))?.[1] ?? fallback;
}

/**
 * The instant an ICAL.Time names. UTC is UTC; a zone the file describes in a VTIMEZONE is converted by
 * ical.js; everything else is Berlin wall-clock time: floating times, and any TZID without a VTIMEZONE
 * (Europe/Berlin itself, Exchange's "W. Europe Standard Time"), which ical.js would silently read as UTC.
 */
function instant(time: ICAL.Time): Date {
  if (time.zone === ICAL.Timezone.utcTimezone) return new Date(time.toUnixTime() * 1000);
  const described = time.zone && time.zone !== ICAL.Timezone.localTimezone;
  if (described && !BERLIN_ALIASES.has(time.zone.tzid.toLowerCase())) return new Date(time.toUnixTime() * 1000);
  return berlinToUtc(time.year, time.month, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute);
}

const text = (component: ICAL.Component, name: string): string => {
  const value = component.getFirstPropertyValue(name);
  return typeof value === "string" ? value.trim() : "";
};

const cancelled = (component: ICAL.Component) => text(component, "status").toUpperCase() === "CANCELLED";

function occurrence(
  item: ICAL.Event,
  start: ICAL.Time,
  end: ICAL.Time | null,
  key: string,
  defaultKind: EventKind,
): CalendarOccurrence {
  const allDay = start.isDate;
  const startsAt = instant(start);
  let endsAt: Date;
  if (end && end.compare(start) > 0) endsAt = instant(end);
  else if (allDay) {
    // A DATE start with no end lasts the day.
    const next = start.clone();
    next.day += 1;
    endsAt = instant(next);
  } else endsAt = startsAt;
  const title = item.summary?.trim() ?? "";
  const description = item.description?.trim() ?? "";
  const url = text(item.component, "url");
  return {
    key,
    title,
    description,
    location: item.location?.trim() || null,
    url: /^https?:\/\//i.test(url) ? url : null,
    kind: guessKind(`${title} ${description}`, defaultKind),
    allDay,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
  };
}

/**
 * Every occurrence in the calendar `body` that is not over by `from` and starts before `until`, sorted by
 * start. Throws CalendarError when the body is not an iCalendar.
 */
export function readCalendar(
  body: string,
  { from, until, defaultKind }: { from: Date; until: Date; defaultKind: EventKind },
): CalendarOccurrence[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(body));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CalendarError({ de: `keine iCalendar-Datei: ${detail}`, en: `not an iCalendar file: ${detail}` });
  }
  if (root.name !== "vcalendar")
    throw new CalendarError({
      de: `keine iCalendar-Datei: sie beginnt mit ${root.name}`,
      en: `not an iCalendar file: it starts with ${root.name}`,
    });

  const vevents = root.getAllSubcomponents("vevent");
  const exceptionsOf = new Map<string, ICAL.Component[]>();
  for (const v of vevents) {
    if (!v.hasProperty("recurrence-id")) continue;
    const uid = text(v, "uid");
    exceptionsOf.set(uid, [...(exceptionsOf.get(uid) ?? []), v]);
  }

  const out: CalendarOccurrence[] = [];
  const inRange = (o: CalendarOccurrence) => o.endsAt > from.toISOString() && o.startsAt < until.toISOString();
  for (const vevent of vevents) {
    if (vevent.hasProperty("recurrence-id") || cancelled(vevent)) continue;
    const uid = text(vevent, "uid");
    if (!uid || !vevent.hasProperty("dtstart")) continue;
    // Only overrides of this UID belong to it (ical.js would otherwise relate every override in the file).
    const event = new ICAL.Event(vevent, { strictExceptions: true, exceptions: exceptionsOf.get(uid) ?? [] });
    if (!event.isRecurring()) {
      const one = occurrence(event, event.startDate, event.endDate, uid, defaultKind);
      if (inRange(one)) out.push(one);
      continue;
    }
    const iterator = event.iterator();
    let kept = 0;
    for (let i = 0, next = iterator.next(); next && i < MAX_STEPS && kept < MAX_KEPT; i++, next = iterator.next()) {
      if (instant(next) >= until) break;
      const details = event.getOccurrenceDetails(next);
      if (cancelled(details.item.component)) continue;
      const key = `${uid}#${details.recurrenceId.toString()}`;
      const one = occurrence(details.item, details.startDate, details.endDate, key, defaultKind);
      if (inRange(one)) {
        out.push(one);
        kept++;
      }
    }
  }
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.key.localeCompare(b.key));
}
