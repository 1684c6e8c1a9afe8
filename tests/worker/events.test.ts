import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { ErrorEnvelope } from "../../shared/errors.ts";
import type { EventDto } from "../../shared/schemas/events.ts";
import { berlinParts } from "../../shared/time.ts";
import { EVENTS, get, getJson, NOW, STAMMTISCH_START, seedFixture, TRICKY_DESCRIPTION } from "./fixtures.ts";

beforeAll(seedFixture);

interface EventList {
  data: EventDto[];
  next_cursor: string | null;
}

const upcoming = EVENTS.filter((e) => e.ends_at >= new Date(NOW).toISOString());

function parseCalendar(text: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = vcalendar.getFirstSubcomponent("vtimezone");
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  return { vcalendar, events: vcalendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c)) };
}

describe("GET /v1/events", () => {
  it("lists events not yet over, in order of start, and hides past ones", async () => {
    const { status, body } = await getJson<EventList>("/v1/events");
    expect(status).toBe(200);
    expect(body.data.map((e) => e.id)).toEqual(
      upcoming
        .map((e) => e.id)
        .sort((a, b) => {
          const byId = new Map(EVENTS.map((e) => [e.id, e.starts_at]));
          return (byId.get(a) ?? "").localeCompare(byId.get(b) ?? "");
        }),
    );
    expect(body.data.map((e) => e.id)).not.toContain(1);
    const brilon = body.data.find((e) => e.id === 2);
    expect(brilon).toMatchObject({
      kind: "stammtisch",
      kind_label: "Rückkehrer-Stammtisch",
      town: { id: "brilon", name: "Brilon" },
      starts_at: STAMMTISCH_START.toISOString(),
      ics_url: "https://api.test/v1/events/2.ics",
    });
    // The Stammtisch is on a Thursday at 19:00 Berlin time, whatever the season.
    const p = berlinParts(new Date(brilon?.starts_at ?? ""));
    expect([p.weekday, p.hour, p.minute]).toEqual([4, 19, 0]);
  });

  it("filters by town, kind and date range", async () => {
    const byTown = await getJson<EventList>("/v1/events?town=meschede");
    expect(byTown.body.data.map((e) => e.id)).toEqual([5, 6]);
    const byKind = await getJson<EventList>("/v1/events?kind=stammtisch,fair");
    expect(byKind.body.data.map((e) => e.id).sort()).toEqual([2, 3, 6]);
    const past = await getJson<EventList>(
      `/v1/events?from=${new Date(NOW - 40 * 86_400_000).toISOString().slice(0, 10)}&kind=stammtisch`,
    );
    expect(past.body.data.map((e) => e.id)).toContain(1);
    const startDay = new Date(EVENTS[2]?.starts_at ?? "");
    const day = `${berlinParts(startDay).year}-${String(berlinParts(startDay).month).padStart(2, "0")}-${String(berlinParts(startDay).day).padStart(2, "0")}`;
    const oneDay = await getJson<EventList>(`/v1/events?from=${day}&to=${day}`);
    expect(oneDay.body.data.map((e) => e.id)).toEqual([3]);
    const untilInstant = await getJson<EventList>(`/v1/events?to=${encodeURIComponent(EVENTS[2]?.starts_at ?? "")}`);
    expect(untilInstant.body.data.map((e) => e.id)).toEqual([7, 3]);
  });

  it("pages with a cursor", async () => {
    const first = await getJson<EventList>("/v1/events?limit=2");
    expect(first.body.data).toHaveLength(2);
    const second = await getJson<EventList>(`/v1/events?limit=10&cursor=${first.body.next_cursor}`);
    expect([...first.body.data, ...second.body.data].map((e) => e.id)).toHaveLength(upcoming.length);
    expect(second.body.next_cursor).toBeNull();
  });

  it("drops links that are not http(s)", async () => {
    expect((await getJson<EventDto>("/v1/events/3")).body.url).toBeNull();
    expect((await getJson<EventDto>("/v1/events/2")).body.url).toBe("https://netzwerk.example/brilon");
  });

  it("rejects bad filters by name", async () => {
    const { status, body } = await getJson<ErrorEnvelope>(
      "/v1/events?town=paris&kind=party&from=2026-13-01&to=gestern",
    );
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(["from", "kind", "to", "town"]);
    const reversed = await getJson<ErrorEnvelope>("/v1/events?from=2027-02-01&to=2027-01-01", {
      "Accept-Language": "en",
    });
    expect(reversed.body.error.fields).toEqual({ to: "The end lies before the start." });
  });

  it("answers 404 for an unknown event", async () => {
    expect((await get("/v1/events/999")).status).toBe(404);
    expect((await get("/v1/events/999.ics")).status).toBe(404);
  });
});

describe("iCalendar feeds", () => {
  it("serves a feed calendar apps can parse, with the same events as the JSON", async () => {
    const res = await get("/v1/events.ics?kind=stammtisch");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    // RFC 5545: CRLF only, no line longer than 75 octets.
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const { vcalendar, events } = parseCalendar(text);
    expect(vcalendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(vcalendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    expect(events.map((e) => e.summary).sort()).toEqual([
      "Rückkehrer-Stammtisch Brilon",
      "Rückkehrer-Stammtisch Meschede",
    ]);
    const brilon = events.find((e) => e.summary.includes("Brilon"));
    expect(brilon?.uid).toBe("event-2@api.test");
    expect(brilon?.startDate.zone?.tzid).toBe("Europe/Berlin");
    expect(brilon?.startDate.toJSDate().toISOString()).toBe(STAMMTISCH_START.toISOString());
    expect(brilon?.component.getFirstPropertyValue("dtstamp")).toBeTruthy();
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("escapes and folds text so it parses back unchanged", async () => {
    const res = await get("/v1/events/4.ics");
    expect(res.status).toBe(200);
    const { events } = parseCalendar(await res.text());
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toBe("Wanderung, Picknick; und mehr");
    expect(events[0]?.description).toBe(TRICKY_DESCRIPTION);
    expect(events[0]?.location).toBe("Gasthof zur Linde, Hauptstraße 1, 59872 Meschede");
    // iCalendar times have whole seconds.
    const end = new Date(EVENTS.find((e) => e.id === 4)?.ends_at ?? "");
    end.setMilliseconds(0);
    expect(events[0]?.endDate.toJSDate().toISOString()).toBe(end.toISOString());
  });

  it("uses the same filters as the JSON list and validates them", async () => {
    const { events } = parseCalendar(await (await get("/v1/events.ics?town=meschede")).text());
    expect(events.map((e) => e.summary).sort()).toEqual(["Infoabend Wohnen & Kita", "Rückkehrer-Stammtisch Meschede"]);
    const bad = await getJson<ErrorEnvelope>("/v1/events.ics?town=atlantis");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("town");
  });
});
