import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addSource, dueSources, getSource, type SourceRow } from "../../worker/src/db/sources.ts";
import { importSource } from "../../worker/src/import/run.ts";
import calendar from "./fixtures/town-calendar.ics?raw";
import { get, getJson } from "./fixtures.ts";

const URL_ICS = "https://musterberg.example/veranstaltungen.ics";
const ID = "brilon-kalender";

/** What the calendar's server answers next: the fixture, or a broken answer. */
let answer: () => Response | Promise<Response> = () =>
  new Response(calendar, { headers: { "Content-Type": "text/calendar" } });
const fetched: string[] = [];

beforeAll(async () => {
  await addSource(
    env.DB,
    { id: ID, kind: "ics", name: "Stadt Brilon", url: URL_ICS, town_id: "brilon", params: { default_kind: "leisure" } },
    new Date().toISOString(),
  );
});

afterEach(() => vi.restoreAllMocks());

function serveCalendar() {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== URL_ICS) return realFetch(input, init);
    fetched.push(url);
    return answer();
  });
}

const source = async () => (await getSource(env.DB, ID)) as SourceRow;
const events = async () =>
  (
    await env.DB.prepare(
      "SELECT source_key, title, venue, address, kind, starts_at, all_day, updated_at FROM events WHERE source_id = ? ORDER BY starts_at, source_key",
    )
      .bind(ID)
      .all<{
        source_key: string;
        title: string;
        venue: string;
        address: string | null;
        kind: string;
        starts_at: string;
        all_day: number;
        updated_at: string;
      }>()
  ).results;

async function until(check: () => Promise<boolean>, ms = 10_000) {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

describe("a town's calendar through the import queue", () => {
  it("is due, runs from a queue message, and lands as the town's events", async () => {
    serveCalendar();
    expect(await dueSources(env.DB, new Date().toISOString())).toContain(ID);
    await env.IMPORTS.send({ source: ID });
    await until(async () => (await source()).state !== "new");
    const s = await source();
    expect(s).toMatchObject({ state: "healthy", last_error: null });
    expect(s.seen).toBeGreaterThan(300);
    expect(s.added).toBe(s.seen);
    expect(await dueSources(env.DB, new Date().toISOString())).not.toContain(ID);

    const rows = await events();
    expect(rows).toHaveLength(s.seen);
    const messe = rows.find((r) => r.title === "Jobmesse Musterberg");
    expect(messe).toMatchObject({
      kind: "fair",
      starts_at: "2027-06-10T08:00:00.000Z",
      venue: "Brilon",
      address: null,
    });
    expect(rows.find((r) => r.title === "Rückkehrer-Stammtisch")).toMatchObject({
      venue: "Alte Schmiede",
      address: "Kirchweg 37",
      kind: "stammtisch",
    });
    expect(rows.find((r) => r.title.startsWith("Tag der offenen Tür"))?.all_day).toBe(1);
    // A whole-day event stays one in the API and in the iCalendar feed: dates, the end exclusive.
    const day = await getJson<{ data: { title: string; all_day: boolean; starts_at: string }[] }>(
      "/v1/events?town=brilon&from=2027-09-04&to=2027-09-05",
      { "Cache-Control": "no-store" },
    );
    const open = day.body.data.find((e) => e.title.startsWith("Tag der offenen Tür"));
    expect(open).toMatchObject({ all_day: true, starts_at: "2027-09-03T22:00:00.000Z" });
    const ics = await (
      await get("/v1/events.ics?town=brilon&from=2027-09-04&to=2027-09-05", { "Cache-Control": "no-store" })
    ).text();
    expect(ics).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\nDTEND;VALUE=DATE:\d{8}\r\nSUMMARY:Tag der offenen Tür/);
    // And the public API serves them like any other event.
    const { body } = await getJson<{ data: { title: string; town: { id: string } }[] }>(
      "/v1/events?town=brilon&kind=fair&limit=5",
      { "Cache-Control": "no-store" },
    );
    expect(body.data.map((e) => e.title)).toContain("Jobmesse Musterberg");
  });

  it("writes nothing when the calendar did not change, and cancels what left it (set again when it returns)", async () => {
    serveCalendar();
    const before = await events();
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", added: 0, updated: 0, closed: 0 });
    expect(await events()).toEqual(before);

    const withoutFair = calendar.replace(/BEGIN:VEVENT\r\nUID:messe@[\s\S]*?END:VEVENT\r\n/, "");
    answer = () => new Response(withoutFair, { headers: { "Content-Type": "text/calendar" } });
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", added: 0, updated: 0, closed: 1 });
    // Still there, marked cancelled: a subscribed calendar strikes it instead of keeping a ghost.
    const fair = await env.DB.prepare(
      "SELECT id, cancelled_at, sequence FROM events WHERE title = 'Jobmesse Musterberg'",
    ).first<{ id: number; cancelled_at: string | null; sequence: number }>();
    expect(fair?.cancelled_at).not.toBeNull();
    expect(fair?.sequence).toBe(1);
    const feed = await (await get(`/v1/events/${fair?.id}.ics`, { "Cache-Control": "no-store" })).text();
    expect(feed).toContain("STATUS:CANCELLED");
    // A second run without it changes nothing more.
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", added: 0, updated: 0, closed: 0 });
    // Back in the calendar: set again, as a newer version.
    answer = () => new Response(calendar, { headers: { "Content-Type": "text/calendar" } });
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", added: 0, updated: 1, closed: 0 });
    const back = await env.DB.prepare("SELECT cancelled_at, sequence FROM events WHERE id = ?")
      .bind(fair?.id)
      .first<{ cancelled_at: string | null; sequence: number }>();
    expect(back).toEqual({ cancelled_at: null, sequence: 2 });
    answer = () => new Response(withoutFair, { headers: { "Content-Type": "text/calendar" } });
    expect(await importSource(env, ID)).toMatchObject({ closed: 1 });

    const renamed = withoutFair.replace("SUMMARY:Infoabend Ausbildung", "SUMMARY:Infoabend Ausbildung und Studium");
    answer = () => new Response(renamed, { headers: { "Content-Type": "text/calendar" } });
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", added: 0, updated: 1, closed: 0 });
  });

  it.each([
    ["an error status", () => new Response("busy", { status: 503 }), "failing", "answered 503"],
    [
      "a web page instead of a calendar",
      () => new Response("<!doctype html><h1>Wartung</h1>"),
      "failing",
      "not an iCalendar file",
    ],
    [
      "a timeout",
      () => Promise.reject(new DOMException("timed out", "TimeoutError")),
      "failing",
      "no answer within 20 s",
    ],
    [
      "a body over the limit",
      () => new Response(new Uint8Array(6 * 1024 * 1024).fill(65)),
      "failing",
      "larger than 5 MB",
    ],
    [
      "far fewer events than last time",
      () =>
        new Response(
          "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20270301T100000Z\r\nSUMMARY:Nur eins\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        ),
      "degraded",
      "1 event instead of",
    ],
  ])("changes nothing on %s and says why", async (_case, broken, state, reason) => {
    serveCalendar();
    const before = await events();
    answer = broken;
    const outcome = await importSource(env, ID);
    expect(outcome.state).toBe(state);
    const s = await source();
    expect(s.state).toBe(state);
    // Kept in both languages: the console shows the reader's.
    const said = JSON.parse(s.last_error ?? "null") as { de: string; en: string };
    expect(said.en).toContain(reason);
    expect(said.de).toBeTruthy();
    expect(said.de).not.toBe(said.en);
    expect(await events()).toEqual(before);
    // The next good run makes it healthy again.
    answer = () => new Response(calendar, { headers: { "Content-Type": "text/calendar" } });
    expect((await importSource(env, ID)).state).toBe("healthy");
    expect((await source()).last_error).toBeNull();
  });
});
