import { env, SELF } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ErrorEnvelope } from "../../shared/errors.ts";
import type { Source } from "../../shared/schemas/sources.ts";
import { sourceUrlAllowed } from "../../worker/src/import/source-url.ts";
import calendar from "./fixtures/town-calendar.ics?raw";
import { ORIGIN } from "./fixtures.ts";
import { adminSession, machineToken } from "./staff-helpers.ts";

// An admin's console session: the sources are managed there (a machine token only reads exports).
let AUTH: Record<string, string> = {};
beforeAll(async () => {
  AUTH = { ...(await adminSession()), "Content-Type": "application/json" };
});

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) {
  const res = await SELF.fetch(`${ORIGIN}/v1/admin/sources${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

afterEach(() => vi.restoreAllMocks());

const CALENDAR = {
  id: "meschede-kalender",
  kind: "ics",
  name: "Stadt Meschede",
  url: "https://meschede.example/kalender.ics",
  town: "Meschede",
  default_kind: "stammtisch",
};

describe("what a source may point at", () => {
  it("in production: https with a host name only, never an IP address or a local name", () => {
    for (const url of [
      "http://kalender.example/k.ics",
      "https://127.0.0.1/k.ics",
      "https://[::1]/k.ics",
      "https://intranet.local/k.ics",
      "https://localhost/k.ics",
      "https://router/k.ics",
      "https://user:pw@kalender.example/k.ics",
    ])
      expect(sourceUrlAllowed(url, false), url).toBe(false);
    expect(sourceUrlAllowed("https://www.brilon.de/veranstaltungen.ics", false)).toBe(true);
    expect(sourceUrlAllowed("http://127.0.0.1:8787/dev/fixtures/kalender.ics", true)).toBe(true);
  });
});

describe("/v1/admin/sources", () => {
  it("is closed without an admin's session, and to a machine token", async () => {
    expect((await call("GET", "", undefined, {})).status).toBe(401);
    expect((await call("POST", "", CALENDAR, { "Content-Type": "application/json" })).status).toBe(401);
    const token = { Authorization: `Bearer ${await machineToken(AUTH)}`, "Content-Type": "application/json" };
    expect((await call("GET", "", undefined, token)).status).toBe(403);
    expect((await call("POST", "", CALENDAR, token)).status).toBe(403);
  });

  it("adds a calendar, lists it with its health, runs it through the queue and switches it off", async () => {
    const created = await call<Source>("POST", "", CALENDAR);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: "meschede-kalender",
      town: "meschede",
      every_minutes: 360,
      enabled: true,
      default_kind: "stammtisch",
      health: { state: "new", seen: 0, last_error: null },
    });
    expect((await call<{ data: Source[] }>("GET", "")).body.data.map((s) => s.id)).toContain("meschede-kalender");

    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) =>
      String(input instanceof Request ? input.url : input) === CALENDAR.url
        ? new Response(calendar, { headers: { "Content-Type": "text/calendar" } })
        : realFetch(input, init),
    );
    expect((await call("POST", "/meschede-kalender/run")).status).toBe(202);
    for (let i = 0; i < 200; i++) {
      const { body } = await call<{ data: Source[] }>("GET", "");
      if (body.data.find((s) => s.id === "meschede-kalender")?.health.state !== "new") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const after = (await call<{ data: Source[] }>("GET", "")).body.data.find((s) => s.id === "meschede-kalender");
    expect(after?.health).toMatchObject({ state: "healthy", last_error: null });
    expect(after?.health.seen).toBeGreaterThan(300);

    const health = await SELF.fetch(`${ORIGIN}/healthz?details=1`);
    const details = (await health.json()) as { sources: Record<string, number> };
    expect(details.sources.healthy).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(details)).not.toContain("meschede.example");

    const off = await call<Source>("PATCH", "/meschede-kalender", { enabled: false, every_minutes: 60 });
    expect(off.body).toMatchObject({ enabled: false, every_minutes: 60, health: { state: "healthy" } });
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE source_id = ?")
      .bind("meschede-kalender")
      .first<number>("n");
    expect(rows).toBe(after?.health.seen);
  });

  it("refuses what it cannot fetch safely or does not know, naming each field, in German or English", async () => {
    // The tests run as development, which may fetch http and local hosts (the demo sources); the rules of
    // production are checked on their own below.
    for (const url of ["ftp://kalender.example/k.ics", "kein Link", "https://user:pw@kalender.example/k.ics"]) {
      const { status, body } = await call<ErrorEnvelope>("POST", "", { ...CALENDAR, id: "x-kalender", url });
      expect(status, url).toBe(400);
      expect(Object.keys(body.error.fields ?? {}), url).toEqual(["url"]);
    }
    const bad = await call<ErrorEnvelope>("POST", "", { id: "Nicht OK", kind: "rss", name: "x", every_minutes: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(["every_minutes", "id", "kind", "name", "url"]);
    const noTown = await call<ErrorEnvelope>(
      "POST",
      "",
      { ...CALENDAR, id: "ohne-ort", town: undefined },
      { ...AUTH, "Accept-Language": "en" },
    );
    expect(noTown.body.error.fields).toEqual({ town: "A calendar belongs to a town." });
    await call("POST", "", { ...CALENDAR, id: "doppelt" });
    expect((await call<ErrorEnvelope>("POST", "", { ...CALENDAR, id: "doppelt" })).body.error.fields).toHaveProperty(
      "id",
    );
    expect(
      (
        await call<ErrorEnvelope>("POST", "", {
          ...CALENDAR,
          id: "fremd",
          kind: "personio_xml",
          employer: "gibts-nicht",
        })
      ).body.error.fields,
    ).toHaveProperty("employer");
    expect((await call("PATCH", "/gibts-nicht", { enabled: false })).status).toBe(404);
    expect((await call("POST", "/gibts-nicht/run")).status).toBe(404);
  });

  it("tells a source's error and notes in the reader's language, and still shows those kept before in English only", async () => {
    await call("POST", "", { ...CALENDAR, id: "sprachen-kalender" });
    const health = async (lang: string) =>
      (await call<{ data: Source[] }>("GET", "", undefined, { ...AUTH, "Accept-Language": lang })).body.data.find(
        (s) => s.id === "sprachen-kalender",
      )?.health;
    await env.DB.prepare("UPDATE sources SET last_error = ?, notes = ? WHERE id = 'sprachen-kalender'")
      .bind(
        JSON.stringify({ de: "antwortet mit Status 404", en: "answered 404" }),
        JSON.stringify({ run: [{ de: "Ein Hinweis", en: "A note" }], details: { de: "Noch mehr", en: "More" } }),
      )
      .run();
    expect(await health("de")).toMatchObject({
      last_error: "antwortet mit Status 404",
      notes: ["Ein Hinweis", "Noch mehr"],
    });
    expect(await health("en")).toMatchObject({
      last_error: "answered 404",
      notes: ["A note", "More"],
      details_pending: true,
    });
    // Rows a run wrote before both languages were kept: plain English, shown as it is.
    await env.DB.prepare("UPDATE sources SET last_error = ?, notes = ? WHERE id = 'sprachen-kalender'")
      .bind("answered 404", JSON.stringify({ run: ["x"], details: "descriptions still being fetched" }))
      .run();
    expect(await health("de")).toMatchObject({
      last_error: "answered 404",
      notes: ["x", "descriptions still being fetched"],
      details_pending: true,
    });
    // The last description step clears it: programs wait on the flag, not on a note's words.
    await env.DB.prepare("UPDATE sources SET notes = ? WHERE id = 'sprachen-kalender'")
      .bind(JSON.stringify({ run: ["x"], details: null }))
      .run();
    expect(await health("en")).toMatchObject({ notes: ["x"], details_pending: false });
  });
});
