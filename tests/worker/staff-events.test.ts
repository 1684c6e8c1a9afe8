// Events the team runs, in workerd with the real D1: a series expanded into dated events in Berlin time,
// a cancelled date kept in the feeds as STATUS:CANCELLED with the same UID, changes that raise SEQUENCE,
// town accounts kept to their towns, imported events left to their source, every change audited.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addStaffStatement } from "../../worker/src/db/staff.ts";
import { ORIGIN, seedFixture } from "./fixtures.ts";
import { addPeopleAt } from "./people-helpers.ts";
import { api, signIn } from "./staff-helpers.ts";

let admin: string;
let town: string;

beforeAll(async () => {
  await seedFixture();
  const now = new Date().toISOString();
  await env.DB.batch([
    addStaffStatement(
      env.DB,
      { id: "s-admin", email: "team@kreis.example", name: "Kreis-Team", role: "admin", towns: [] },
      now,
    ),
    addStaffStatement(
      env.DB,
      { id: "s-town", email: "wifoe@meschede.example", name: "WiFö Meschede", role: "town", towns: ["meschede"] },
      now,
    ),
    // The fixture's events came from an import.
    env.DB.prepare(
      "INSERT INTO sources (id, kind, name, state, created_at) VALUES ('kalender', 'ics', 'Kalender', 'healthy', ?)",
    ).bind(now),
    env.DB.prepare("UPDATE events SET source_id = 'kalender', source_key = CAST(id AS TEXT)"),
  ]);
  admin = await signIn("team@kreis.example");
  town = await signIn("wifoe@meschede.example");
});

const send = (cookie: string, method: string, path: string, body?: unknown) =>
  api(path, cookie, {
    method,
    headers: { "Content-Type": "application/json", Origin: ORIGIN, "Accept-Language": "de" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const STAMMTISCH = {
  kind: "stammtisch",
  title: "Heimkehr-Stammtisch Meschede",
  description: "Zum Kennenlernen, mit Leuten, die schon zurück sind.",
  town: "Meschede",
  venue: "Brauhaus am Markt",
  address: "Markt 3",
  organizer: "Wirtschaftsförderung Meschede",
};

interface PublicEvent {
  id: number;
  title: string;
  starts_at: string;
  ends_at: string;
  status: string;
  all_day: boolean;
}
const publicEvents = async (query: string) =>
  ((await (await SELF.fetch(`${ORIGIN}/v1/events?${query}`)).json()) as { data: PublicEvent[] }).data;

let seriesId: string;

describe("a series", () => {
  it("is expanded into dated events on every third Thursday at 19:00 Berlin time, summer time included", async () => {
    const res = await send(admin, "POST", "/event-series", {
      ...STAMMTISCH,
      rule: { every: "month", nth: 3, weekday: 3 },
      first_date: "2027-01-01",
      until_date: "2027-06-30",
      start_time: "19:00",
      end_time: "21:30",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; dates: string[] };
    seriesId = body.id;
    expect(body.dates).toEqual(["2027-01-21", "2027-02-18", "2027-03-18", "2027-04-15", "2027-05-20", "2027-06-17"]);
    const listed = (await publicEvents("town=meschede&from=2027-01-01&to=2027-06-30")).filter(
      (e) => e.title === STAMMTISCH.title,
    );
    expect(listed.map((e) => e.starts_at)).toEqual([
      "2027-01-21T18:00:00.000Z",
      "2027-02-18T18:00:00.000Z",
      "2027-03-18T18:00:00.000Z",
      // Summer time: 19:00 in Berlin is 17:00 UTC.
      "2027-04-15T17:00:00.000Z",
      "2027-05-20T17:00:00.000Z",
      "2027-06-17T17:00:00.000Z",
    ]);
    expect(listed[0]?.ends_at).toBe("2027-01-21T20:30:00.000Z");
    expect(listed.every((e) => e.status === "scheduled")).toBe(true);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'series.create'").first<{
      detail: string;
    }>();
    expect(JSON.parse(audit?.detail ?? "{}")).toEqual({ series: seriesId, dates: 6 });
  });

  it("says which field is wrong, in the reader's language, and writes nothing", async () => {
    const before = (await publicEvents("from=2027-01-01&limit=200")).length;
    const bad = await send(admin, "POST", "/event-series", {
      ...STAMMTISCH,
      rule: { every: "month", nth: 5, weekday: 3 },
      first_date: "2027-01-01",
      until_date: "2029-01-01",
      start_time: "25:00",
      end_time: "21:30",
    });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields.start_time).toBe("Bitte eine Uhrzeit wie 19:00 angeben.");
    expect(Object.keys(fields)).toContain("rule.nth");
    const tooLong = await send(admin, "POST", "/event-series", {
      ...STAMMTISCH,
      rule: { every: "week", weekday: 1 },
      first_date: "2027-01-01",
      until_date: "2029-01-01",
      start_time: "19:00",
      end_time: "21:00",
    });
    expect(((await tooLong.json()) as { error: { fields: Record<string, string> } }).error.fields.until_date).toMatch(
      /höchstens 18 Monate/,
    );
    expect((await publicEvents("from=2027-01-01&limit=200")).length).toBe(before);
  });
});

describe("cancelling a date", () => {
  it("keeps it in the API and the feeds, marked cancelled, with the same UID and a higher SEQUENCE", async () => {
    const [first] = (await publicEvents("town=meschede&from=2027-02-01&to=2027-02-28")).filter(
      (e) => e.title === STAMMTISCH.title,
    );
    const feed = async () =>
      (await SELF.fetch(`${ORIGIN}/v1/events.ics?town=meschede&from=2027-02-01&to=2027-02-28`)).text();
    const before = await feed();
    const uid = /UID:(event-\d+@[^\r\n]+)/.exec(before)?.[1];
    expect(before).toContain("STATUS:CONFIRMED");
    expect(before).toContain("SEQUENCE:0");
    // Who was invited: two said yes (one reads English), one no, one has not answered.
    await addPeopleAt(
      ["p-yes", "p-yes-en", "p-no", "p-silent"].map((id) => ({
        id,
        wants: ["events"],
        lang: id.endsWith("en") ? "en" : "de",
      })),
      Date.now() - 86_400_000,
    );
    await env.DB.batch(
      [
        ["p-yes", "yes"],
        ["p-yes-en", "yes"],
        ["p-no", "no"],
        ["p-silent", null],
      ].map(([id, answer]) =>
        env.DB.prepare("INSERT INTO event_invites (event_id, signup_id, invited_at, answer) VALUES (?, ?, ?, ?)").bind(
          first?.id,
          id,
          new Date().toISOString(),
          answer,
        ),
      ),
    );
    const res = await send(town, "POST", `/events/${first?.id}/cancel`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("cancelled");
    // Those who said yes are told, each in their language; no one else.
    const told = async () =>
      (
        await env.DB.prepare(
          "SELECT signup_id, subject, text FROM outbox WHERE subject LIKE 'Abgesagt:%' OR subject LIKE 'Cancelled:%' ORDER BY signup_id",
        ).all<{
          signup_id: string;
          subject: string;
          text: string;
        }>()
      ).results;
    const mails = await told();
    expect(mails.map((m) => [m.signup_id, m.subject])).toEqual([
      ["p-yes", `Abgesagt: ${STAMMTISCH.title}`],
      ["p-yes-en", `Cancelled: ${STAMMTISCH.title}`],
    ]);
    expect(mails[0]?.text).toContain("Du hattest zugesagt");
    const after = await feed();
    expect(/UID:(event-\d+@[^\r\n]+)/.exec(after)?.[1]).toBe(uid);
    expect(after).toContain("STATUS:CANCELLED");
    expect(after).toContain("SEQUENCE:1");
    const single = await (await SELF.fetch(`${ORIGIN}/v1/events/${first?.id}.ics`)).text();
    expect(single).toContain("STATUS:CANCELLED");
    const listed = await publicEvents("town=meschede&from=2027-02-01&to=2027-02-28");
    expect(listed.find((e) => e.id === first?.id)?.status).toBe("cancelled");
    // Cancelling twice changes nothing more, and mails no one again.
    expect((await send(town, "POST", `/events/${first?.id}/cancel`)).status).toBe(409);
    expect(await told()).toHaveLength(2);
  });

  it("leaves a cancelled date alone when the series' time changes, and moves the others", async () => {
    const res = await send(admin, "PATCH", `/event-series/${seriesId}`, { start_time: "19:30", venue: "Kolpinghaus" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changed: number }).changed).toBe(5);
    const listed = (await publicEvents("town=meschede&from=2027-01-01&to=2027-06-30")).filter(
      (e) => e.title === STAMMTISCH.title,
    );
    expect(listed.map((e) => [e.starts_at, e.status])).toEqual([
      ["2027-01-21T18:30:00.000Z", "scheduled"],
      ["2027-02-18T18:00:00.000Z", "cancelled"],
      ["2027-03-18T18:30:00.000Z", "scheduled"],
      ["2027-04-15T17:30:00.000Z", "scheduled"],
      ["2027-05-20T17:30:00.000Z", "scheduled"],
      ["2027-06-17T17:30:00.000Z", "scheduled"],
    ]);
    const feed = await (await SELF.fetch(`${ORIGIN}/v1/events.ics?town=meschede&from=2027-03-01&to=2027-03-31`)).text();
    expect(feed).toContain("LOCATION:Kolpinghaus\\, Markt 3");
    expect(feed).toContain("SEQUENCE:1");
  });

  it("refuses a new time that would make a date run 24 hours or overnight by accident", async () => {
    const same = await send(admin, "PATCH", `/event-series/${seriesId}`, { start_time: "21:30" });
    expect(same.status).toBe(400);
    const past = await send(admin, "PATCH", `/event-series/${seriesId}`, { start_time: "22:00" });
    expect(((await past.json()) as { error: { fields: Record<string, string> } }).error.fields.end_time).toMatch(
      /auch das Ende/,
    );
    const listed = (await publicEvents("town=meschede&from=2027-03-01&to=2027-03-31")).find(
      (e) => e.title === STAMMTISCH.title,
    );
    expect(listed?.starts_at).toBe("2027-03-18T18:30:00.000Z");
  });

  it("ends a series: its dates still to come are cancelled, and it cannot be changed any more", async () => {
    // Someone said yes to one of the dates still to come.
    const coming = (await publicEvents("town=meschede&from=2027-01-01&to=2027-06-30")).find(
      (e) => e.title === STAMMTISCH.title && e.status !== "cancelled",
    );
    await env.DB.prepare(
      "INSERT INTO event_invites (event_id, signup_id, invited_at, answer) VALUES (?, 'p-yes', ?, 'yes')",
    )
      .bind(coming?.id, new Date().toISOString())
      .run();
    const res = await send(admin, "POST", `/event-series/${seriesId}/end`);
    expect(((await res.json()) as { cancelled: number }).cancelled).toBe(5);
    const told = await env.DB.prepare(
      "SELECT count(*) AS n FROM outbox WHERE signup_id = 'p-yes' AND subject LIKE 'Abgesagt:%'",
    ).first<number>("n");
    expect(told).toBe(2);
    const listed = (await publicEvents("town=meschede&from=2027-01-01&to=2027-06-30")).filter(
      (e) => e.title === STAMMTISCH.title,
    );
    expect(listed.every((e) => e.status === "cancelled")).toBe(true);
    expect((await send(admin, "PATCH", `/event-series/${seriesId}`, { venue: "Anderswo" })).status).toBe(409);
  });
});

describe("single events", () => {
  it("are created with Berlin times or as whole days, changed, and audited with their id", async () => {
    const res = await send(town, "POST", "/events", {
      ...STAMMTISCH,
      kind: "fair",
      title: "Heimvorteil-Tag",
      date: "2027-09-04",
      end_date: "2027-09-05",
      all_day: true,
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number; starts_at: string; ends_at: string; editable: boolean };
    expect([created.starts_at, created.ends_at]).toEqual(["2027-09-03T22:00:00.000Z", "2027-09-05T22:00:00.000Z"]);
    expect(created.editable).toBe(true);
    const ics = await (await SELF.fetch(`${ORIGIN}/v1/events/${created.id}.ics`)).text();
    expect(ics).toContain("DTSTART;VALUE=DATE:20270904");
    expect(ics).toContain("DTEND;VALUE=DATE:20270906");
    const moved = await send(town, "PATCH", `/events/${created.id}`, {
      date: "2027-09-11",
      title: "Heimvorteil-Tag 2027",
    });
    expect(moved.status).toBe(200);
    const after = (await moved.json()) as { title: string; starts_at: string; ends_at: string };
    expect([after.title, after.starts_at, after.ends_at]).toEqual([
      "Heimvorteil-Tag 2027",
      "2027-09-10T22:00:00.000Z",
      "2027-09-12T22:00:00.000Z",
    ]);
    const movedIcs = await (await SELF.fetch(`${ORIGIN}/v1/events/${created.id}.ics`)).text();
    expect(movedIcs).toContain("SEQUENCE:1");
    const audit = await env.DB.prepare(
      "SELECT action, detail FROM audit_log WHERE staff_id = 's-town' AND action LIKE 'event.%' ORDER BY id",
    ).all<{ action: string; detail: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(["event.cancel", "event.create", "event.update"]);
    expect(JSON.parse(audit.results[1]?.detail ?? "{}")).toEqual({ event: created.id });
    const evening = await send(admin, "POST", "/events", {
      ...STAMMTISCH,
      kind: "info_evening",
      title: "Infoabend",
      date: "2027-03-27",
      start_time: "22:00",
      end_time: "01:00",
    });
    // Ends after midnight, across the switch to summer time: 22:00 CET to 01:00 on the next day, still CET.
    expect(((await evening.json()) as { ends_at: string }).ends_at).toBe("2027-03-28T00:00:00.000Z");
  });
});

describe("what each role may change", () => {
  it("keeps a town account to its towns, and leaves imported events to their source", async () => {
    const elsewhere = await send(town, "POST", "/events", {
      ...STAMMTISCH,
      town: "brilon",
      date: "2027-05-05",
      start_time: "19:00",
      end_time: "21:00",
    });
    expect(elsewhere.status).toBe(403);
    // Event 2 is Brilon's, from the import: the town account does not reach it at all.
    expect((await send(town, "POST", "/events/2/cancel")).status).toBe(404);
    expect((await send(town, "PATCH", "/events/2", { title: "Anders" })).status).toBe(404);
    const imported = await send(admin, "POST", "/events/2/cancel");
    expect(imported.status).toBe(409);
    expect(((await imported.json()) as { error: { fields: Record<string, string> } }).error.fields.id).toMatch(
      /importierten Quelle/,
    );
    const list = (await (await api("/events?from=2026-01-01", town)).json()) as {
      data: { town: string; editable: boolean; source: string | null }[];
    };
    expect(new Set(list.data.map((e) => e.town))).toEqual(new Set(["meschede"]));
    const all = (await (await api("/events?from=2026-01-01", admin)).json()) as {
      data: { town: string; editable: boolean; source: string | null }[];
    };
    expect(all.data.some((e) => e.town === "brilon" && e.source === "Kalender" && !e.editable)).toBe(true);
    const mine = (await (await api("/events?from=2026-01-01&made_here=true", admin)).json()) as {
      data: { source: string | null }[];
    };
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((e) => e.source === null)).toBe(true);
    expect((await send(town, "POST", "/events/abc/cancel")).status).toBe(404);
    expect((await send(town, "POST", `/event-series/${crypto.randomUUID()}/end`)).status).toBe(404);
    // A real series of another town: out of reach exactly like one that does not exist.
    const brilon = await send(admin, "POST", "/event-series", {
      ...STAMMTISCH,
      title: "Stammtisch Brilon",
      town: "brilon",
      rule: { every: "week", interval: 2, weekday: 1 },
      first_date: "2027-01-01",
      until_date: "2027-02-28",
      start_time: "19:00",
      end_time: "21:00",
    });
    const { id: other, dates } = (await brilon.json()) as { id: string; dates: string[] };
    expect(dates).toEqual(["2027-01-05", "2027-01-19", "2027-02-02", "2027-02-16"]);
    expect((await send(town, "PATCH", `/event-series/${other}`, { venue: "Anderswo" })).status).toBe(404);
    expect((await send(town, "POST", `/event-series/${other}/end`)).status).toBe(404);
    const still = (await publicEvents("town=brilon&from=2027-01-01&to=2027-02-28")).filter(
      (e) => e.title === "Stammtisch Brilon",
    );
    expect(still.map((e) => e.status)).toEqual(["scheduled", "scheduled", "scheduled", "scheduled"]);
  });
});
