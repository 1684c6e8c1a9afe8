import { describe, expect, it } from "vitest";
import { CalendarError, guessKind, readCalendar } from "../../worker/src/import/ics.ts";
import calendar from "./fixtures/town-calendar.ics?raw";

const YEAR_2027 = { from: new Date("2027-01-01T00:00:00Z"), until: new Date("2028-01-01T00:00:00Z") };
const read = () => readCalendar(calendar, { ...YEAR_2027, defaultKind: "leisure" });
const byUid = (uid: string) => read().filter((o) => o.key.startsWith(uid));

describe("a town's iCalendar feed", () => {
  it("expands a monthly RRULE in Berlin time across DST, honouring EXDATE and its own override only", () => {
    const stammtisch = byUid("stammtisch-2027@");
    expect(stammtisch.map((o) => [o.startsAt, o.endsAt])).toEqual([
      ["2027-01-21T18:00:00.000Z", "2027-01-21T20:30:00.000Z"], // CET
      // 18 February is excluded; the foreign override of 18 March (another UID) changes nothing.
      ["2027-03-18T18:00:00.000Z", "2027-03-18T20:30:00.000Z"],
      ["2027-04-16T16:00:00.000Z", "2027-04-16T18:00:00.000Z"], // moved to Friday 18:00 CEST
      ["2027-05-20T17:00:00.000Z", "2027-05-20T19:30:00.000Z"], // CEST
      ["2027-06-17T17:00:00.000Z", "2027-06-17T19:30:00.000Z"],
    ]);
    const moved = stammtisch[2];
    expect(moved).toMatchObject({ title: "Rückkehrer-Stammtisch (am Freitag)", location: "Café am Kurpark" });
    expect(stammtisch[0]).toMatchObject({
      kind: "stammtisch",
      location: "Alte Schmiede, Kirchweg 37",
      url: "https://musterberg.example/stammtisch",
      allDay: false,
    });
    // Each occurrence keeps its own key, the same on every import.
    expect(new Set(stammtisch.map((o) => o.key)).size).toBe(5);
    expect(byUid("stammtisch-2027@").map((o) => o.key)).toEqual(stammtisch.map((o) => o.key));
    expect(read().some((o) => o.title === "Falsch zugeordnet")).toBe(false);
  });

  it("reads floating times and Windows zone names as Berlin, UTC as UTC", () => {
    expect(byUid("messe@")[0]).toMatchObject({
      startsAt: "2027-06-10T08:00:00.000Z",
      endsAt: "2027-06-10T14:00:00.000Z",
      kind: "fair",
      description: "Aussteller aus der Region.\nEintritt frei.",
    });
    expect(byUid("infoabend@")[0]).toMatchObject({ startsAt: "2027-01-28T17:30:00.000Z", kind: "info_evening" });
    expect(byUid("training@")[0]).toMatchObject({ startsAt: "2027-03-01T17:00:00.000Z", kind: "workshop" });
  });

  it("runs all-day events from Berlin midnight to their exclusive end", () => {
    expect(byUid("offene-tuer@")[0]).toMatchObject({
      allDay: true,
      startsAt: "2027-09-03T22:00:00.000Z",
      endsAt: "2027-09-05T22:00:00.000Z",
      kind: "company_visit",
    });
  });

  it("leaves out cancelled events and those outside the window, and bounds an endless RRULE", () => {
    const uids = new Set(read().map((o) => o.key.split("#")[0]));
    expect(uids.has("abgesagt@musterberg.example")).toBe(false);
    expect(uids.has("vorbei@musterberg.example")).toBe(false);
    expect(uids.has("spaeter@musterberg.example")).toBe(false);
    // A daily series begun in 2020: every day of 2027, at 07:00 Berlin time, and not one more.
    const runs = byUid("lauftreff@");
    expect(runs).toHaveLength(365);
    expect(runs[0]?.startsAt).toBe("2027-01-01T06:00:00.000Z");
    expect(runs.at(-1)?.startsAt).toBe("2027-12-31T06:00:00.000Z");
    expect(runs[0]?.kind).toBe("leisure");
  });

  it("refuses what is not a calendar", () => {
    expect(() => readCalendar("<!doctype html><p>Wartung</p>", { ...YEAR_2027, defaultKind: "leisure" })).toThrow(
      CalendarError,
    );
    expect(() => readCalendar('{"events": []}', { ...YEAR_2027, defaultKind: "leisure" })).toThrow(CalendarError);
  });

  it("guesses the kind from the words, else takes the calendar's default", () => {
    expect(guessKind("Ausbildungsbörse in der Stadthalle", "leisure")).toBe("fair");
    expect(guessKind("Werksführung bei der Brauerei", "leisure")).toBe("company_visit");
    expect(guessKind("Sommerfest", "leisure")).toBe("leisure");
  });
});
