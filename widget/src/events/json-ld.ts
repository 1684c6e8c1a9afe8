/** schema.org Event markup for the events a widget shows (search engines read it from the light DOM). */
import type { EventDto } from "../../../shared/schemas/events.ts";
import { townById } from "../../../shared/towns.ts";

export function eventsJsonLd(events: readonly EventDto[]): object {
  return {
    "@context": "https://schema.org",
    "@graph": events.map((e) => ({
      "@type": "Event",
      name: e.title,
      description: e.description,
      startDate: e.starts_at,
      endDate: e.ends_at,
      eventStatus: "https://schema.org/EventScheduled",
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
