/** Turns event rows into the API's event objects and into iCalendar events. */
import type { Lang } from "../../../shared/i18n.ts";
import { safeHref } from "../../../shared/links.ts";
import { ROUTES } from "../../../shared/routes.ts";
import type { EventDto } from "../../../shared/schemas/events.ts";
import { EVENT_KINDS, type EventKind } from "../../../shared/taxonomy.ts";
import type { EventRow } from "../db/events.ts";
import type { IcsEvent } from "../lib/ical.ts";

export function toEvent(row: EventRow, lang: Lang, origin: string): EventDto {
  const kind = row.kind as EventKind;
  return {
    id: row.id,
    kind,
    kind_label: EVENT_KINDS[kind]?.[lang] ?? kind,
    title: row.title,
    description: row.description,
    town: { id: row.town_id as EventDto["town"]["id"], name: row.town_name },
    venue: row.venue,
    address: row.address,
    starts_at: row.starts_at,
    ends_at: row.ends_at,
    all_day: row.all_day === 1,
    status: row.cancelled_at ? "cancelled" : "scheduled",
    organizer: row.organizer,
    url: safeHref(row.url) ?? null,
    ics_url: new URL(ROUTES.eventFeed(row.id), origin).href,
  };
}

export function toIcsEvent(row: EventRow, lang: Lang, origin: string): IcsEvent {
  const kind = row.kind as EventKind;
  return {
    // Stable across feeds and downloads, so a calendar app updates the event instead of duplicating it.
    uid: `event-${row.id}@${new URL(origin).hostname}`,
    stamp: new Date(row.updated_at),
    sequence: row.sequence,
    cancelled: row.cancelled_at !== null,
    start: new Date(row.starts_at),
    end: new Date(row.ends_at),
    allDay: row.all_day === 1,
    summary: row.title,
    description: row.description,
    location: [row.venue, row.address ?? row.town_name].join(", "),
    url: safeHref(row.url),
    categories: [EVENT_KINDS[kind]?.[lang] ?? kind],
    organizer: row.organizer,
  };
}
