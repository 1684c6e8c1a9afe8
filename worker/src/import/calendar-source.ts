/** The `ics` kind as a source: a town's calendar read into that town's events (see ics.ts for the reading). */
import { EVENT_KIND_IDS, type EventKind } from "../../../shared/ids.ts";
import { townById } from "../../../shared/towns.ts";
import type { EventAdapter } from "./adapter.ts";
import { sourceUrl } from "./adapter.ts";
import { fetchSource, SourceFailure } from "./fetch-source.ts";
import { readCalendar } from "./ics.ts";

// The coming months a calendar is expanded for.
const HORIZON_DAYS = 365;
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export const calendarSource: EventAdapter = {
  target: "events",
  async read({ source, now, ...ctx }) {
    const body = await fetchSource(sourceUrl({ source, now, ...ctx }), { accept: "text/calendar, */*;q=0.5" });
    const town = source.town_id ? townById(source.town_id) : undefined;
    if (!town)
      throw new SourceFailure({
        de: "der Kalender nennt keinen Ort des Kreises",
        en: "the calendar names no town of the district",
      });
    const params = JSON.parse(source.params) as { default_kind?: string };
    const defaultKind = (EVENT_KIND_IDS as readonly string[]).includes(params.default_kind ?? "")
      ? (params.default_kind as EventKind)
      : "leisure";
    const until = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
    return readCalendar(body, { from: now, until, defaultKind })
      .filter((o) => o.title !== "")
      .map((o) => {
        // "Alte Schmiede, Kirchweg 37": the venue, then its address.
        const [venue, ...rest] = (o.location ?? "").split(",").map((s) => s.trim());
        return {
          source_key: o.key,
          kind: o.kind,
          title: cut(o.title, MAX_TITLE),
          description: cut(o.description, MAX_DESCRIPTION),
          town_id: town.id,
          venue: cut(venue || town.name, MAX_TITLE),
          address: rest.length > 0 ? cut(rest.join(", "), MAX_TITLE) : null,
          organizer: cut(source.name, MAX_TITLE),
          url: o.url,
          starts_at: o.startsAt,
          ends_at: o.endsAt,
          all_day: o.allDay ? 1 : 0,
        };
      });
  },
};
