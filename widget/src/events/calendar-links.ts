/**
 * "Add to calendar" for people without a calendar app that opens .ics files: plain links that open the
 * event in Google Calendar or Outlook.com with its fields filled in. No script, no tracking parameters;
 * the links carry only what the event shows anyway.
 */
import type { EventDto } from "../../../shared/schemas/events.ts";
import { berlinYmd } from "../lib/format.ts";
import { isoDate } from "./month.ts";

function place(e: EventDto): string {
  return [e.venue, e.address ?? e.town.name].filter(Boolean).join(", ");
}

function details(e: EventDto): string {
  return [e.description, e.url].filter(Boolean).join("\n\n");
}

/** 2026-12-17T17:00:00.000Z → 20261217T170000Z, the form Google's template takes. */
const compact = (iso: string) => `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

/** The Berlin date of an instant, 20270701: a whole-day event's bounds are Berlin midnights. */
const dateOnly = (iso: string) => isoDate(...berlinYmd(new Date(iso))).replaceAll("-", "");

export function googleCalendarHref(e: EventDto): string {
  const url = new URL("https://calendar.google.com/calendar/render");
  url.searchParams.set("action", "TEMPLATE");
  url.searchParams.set("text", e.title);
  // Whole days go as dates, the end exclusive, as Google's template takes them.
  url.searchParams.set(
    "dates",
    e.all_day ? `${dateOnly(e.starts_at)}/${dateOnly(e.ends_at)}` : `${compact(e.starts_at)}/${compact(e.ends_at)}`,
  );
  url.searchParams.set("details", details(e));
  url.searchParams.set("location", place(e));
  url.searchParams.set("ctz", "Europe/Berlin");
  return url.href;
}

export function outlookCalendarHref(e: EventDto): string {
  const url = new URL("https://outlook.live.com/calendar/0/action/compose");
  url.searchParams.set("rru", "addevent");
  url.searchParams.set("subject", e.title);
  url.searchParams.set("startdt", new Date(e.starts_at).toISOString());
  url.searchParams.set("enddt", new Date(e.ends_at).toISOString());
  if (e.all_day) url.searchParams.set("allday", "true");
  url.searchParams.set("body", details(e));
  url.searchParams.set("location", place(e));
  return url.href;
}

/** The address already names the town ("59846 Sundern"): then the town is not written again. */
export function whereText(e: EventDto): string {
  const address = e.address ?? "";
  const parts = [e.venue, address];
  if (!address.toLocaleLowerCase("de").includes(e.town.name.toLocaleLowerCase("de"))) parts.push(e.town.name);
  return parts.filter(Boolean).join(", ");
}
