/** schema.org Event markup for the events a widget shows (search engines read it from the light DOM). */
import type { EventDto } from "../../../shared/schemas/events.ts";
import { townById } from "../../../shared/towns.ts";
import { berlinYmd } from "../lib/format.ts";
import { isoDate } from "./month.ts";

const isoDay = (iso: string) => isoDate(...berlinYmd(new Date(iso)));

export function eventsJsonLd(events: readonly EventDto[]): object {
  return {
    "@context": "https://schema.org",
    "@graph": events.map((e) => ({
      "@type": "Event",
      name: e.title,
      description: e.description,
      // A whole-day event as dates (schema.org's endDate is the last day, inclusive).
      startDate: e.all_day ? isoDay(e.starts_at) : e.starts_at,
      endDate: e.all_day ? isoDay(new Date(new Date(e.ends_at).getTime() - 60_000).toISOString()) : e.ends_at,
      eventStatus: e.status === "cancelled" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: {
        "@type": "Place",
        name: e.venue,
        address: {
          "@type": "PostalAddress",
          ...(e.address ? { streetAddress: e.address } : {}),
          addressLocality: e.town.name,
          postalCode: townById(e.town.id)?.postalCode,
          addressRegion: "Nordrhein-Westfalen",
          addressCountry: "DE",
        },
      },
      organizer: { "@type": "Organization", name: e.organizer },
      ...(e.url ? { url: e.url } : {}),
    })),
  };
}
