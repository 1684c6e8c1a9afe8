// Jobs from the Jobbörse and employers' feeds, in workerd with the real D1 and the real queue. The sources
// are the worker's own demo fixtures (/dev/fixtures/…, the same the demo imports), reached through the
// importer's real fetch path: only the host is redirected to the worker under test.
import { env, SELF } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { employmentFromBits } from "../../shared/taxonomy.ts";
import { importRegion } from "../../worker/src/db/import.ts";
import { addSource, getSource, type SourceRow } from "../../worker/src/db/sources.ts";
import { FEED_EMPLOYERS, PERSONIO_XML } from "../../worker/src/dev/feeds.ts";
import { importSource } from "../../worker/src/import/run.ts";
import { get, getJson } from "./fixtures.ts";
import { adminSession } from "./staff-helpers.ts";

const FIXTURES = "https://fixtures.example/dev/fixtures";
const NO_CACHE = { "Cache-Control": "no-store" };

/** Answers for URLs the test wants to break; everything else on the fixture host is the worker's fixture. */
const overrides = new Map<string, () => Response | Promise<Response>>();
const fetched: string[] = [];

beforeAll(async () => {
  await importRegion(env.DB, {
    employers: FEED_EMPLOYERS.map((e) => ({ ...e, website: null, created_at: "2026-11-01T00:00:00.000Z" })),
  });
});

beforeEach(() => {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith("https://fixtures.example/")) return realFetch(input, init);
    fetched.push(request.url);
    const override = overrides.get(request.url) ?? overrides.get(new URL(request.url).pathname);
    if (override) return override();
    return SELF.fetch(request.url, { headers: request.headers });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  overrides.clear();
  fetched.length = 0;
});

async function source(id: string, kind: string, url: string | null, employer?: string): Promise<string> {
  await addSource(env.DB, { id, kind, name: id, url, employer_id: employer ?? null }, new Date().toISOString());
  return id;
}
const health = async (id: string) => (await getSource(env.DB, id)) as SourceRow;
/** The last error as stored: in both languages, the German its own text; the English, to compare. */
const lastError = (row: SourceRow) => {
  const text = JSON.parse(row.last_error ?? "null") as { de: string; en: string };
  expect(text.de).toBeTruthy();
  expect(text.de).not.toBe(text.en);
  return text.en;
};
/** A run's notes as stored (in both languages), the English of each. */
const runNotes = (row: SourceRow) =>
  ((JSON.parse(row.notes ?? "{}") as { run?: { en: string }[] }).run ?? []).map((n) => n.en).join(" ");

interface Stored {
  id: number;
  source_key: string;
  employer_id: string;
  town_id: string;
  title: string;
  description: string;
  description_html: string | null;
  category: string;
  employment: number;
  remote: string;
  valid_through: string;
  duplicate_of: number | null;
  salary_min: number | null;
}
async function jobsOf(id: string): Promise<Stored[]> {
  return (await env.DB.prepare("SELECT * FROM jobs WHERE source_id = ? ORDER BY source_key").bind(id).all<Stored>())
    .results;
}
const open = (rows: Stored[]) => rows.filter((r) => r.valid_through > new Date().toISOString());

async function until(check: () => Promise<boolean>, ms = 20_000) {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

describe("an employer's Personio feed", () => {
  const ID = "ruhrquell-personio";
  const URL_XML = `${FIXTURES}/feeds/personio.xml`;

  it("brings the district's positions, sanitised, and drops the ones elsewhere", async () => {
    await source(ID, "personio_xml", URL_XML, "ruhrquell-kunststofftechnik");
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", seen: 2, added: 2, closed: 0 });
    const rows = await jobsOf(ID);
    expect(rows.map((r) => [r.source_key, r.town_id])).toEqual([
      ["1184301", "meschede"],
      // Its main office is Berlin; the additional office in Arnsberg is in the district.
      ["1184302", "arnsberg"],
    ]);
    const [mechanic, sales] = rows as [Stored, Stored];
    expect(mechanic).toMatchObject({
      employer_id: "ruhrquell-kunststofftechnik",
      category: "production",
      remote: "onsite",
    });
    expect(employmentFromBits(mechanic.employment)).toEqual(["full_time"]);
    expect(mechanic.description_html).toBe(
      "<h3>Deine Aufgaben</h3><ul><li>Instandhaltung unserer Spritzgießanlagen</li><li>Rüsten &amp; Einstellen der Werkzeuge</li></ul><h3>Dein Profil</h3><p>Abgeschlossene Ausbildung als <strong>Industriemechaniker</strong>, Bereitschaft zur Schichtarbeit.</p>",
    );
    expect(employmentFromBits(sales.employment)).toEqual(["full_time", "part_time"]);
    // The hostile position: its markup is gone, its escaped "script" is only text.
    expect(sales.description_html).toBe(
      '<h3>Über die Stelle</h3><p>Angebote erstellen, Kunden betreuen.</p><p>Mehr · <a href="https://ruhrquell.example/karriere" rel="nofollow noopener">Karriereseite</a></p>',
    );
    // The script its title carried is gone; the title stays text.
    expect(sales.title).toBe("Vertriebsinnendienst (m/w/d)");

    // The job page shows the sanitised HTML, and the title only as text.
    const page = await (await get(`/jobs/${sales.id}`)).text();
    expect(page).toContain('<a href="https://ruhrquell.example/karriere" rel="nofollow noopener">Karriereseite</a>');
    expect(page).not.toContain("alert(1)");
    expect(page).not.toMatch(/onclick|javascript:|tracker\.example|<iframe/);
    const { body } = await getJson<{ description_html: string; valid_through: string | null }>(
      `/v1/jobs/${mechanic.id}`,
      NO_CACHE,
    );
    expect(body).toMatchObject({ description_html: mechanic.description_html, valid_through: null });
  });

  it("writes no job row when the feed did not change", async () => {
    const before = await jobsOf(ID);
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", added: 0, updated: 0, closed: 0, writes: 0 });
    expect(await jobsOf(ID)).toEqual(before);
  });

  it("closes a position that left the feed: its page answers 410, search no longer finds it", async () => {
    const [mechanic] = (await jobsOf(ID)) as [Stored];
    overrides.set(
      URL_XML,
      () => new Response(PERSONIO_XML.replace(/<position>\s*<id>1184301[\s\S]*?<\/position>/, "")),
    );
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", seen: 1, closed: 1 });
    expect((await get(`/jobs/${mechanic.id}`)).status).toBe(410);
    const { body } = await getJson<{ data: { id: number }[] }>("/v1/jobs?q=Industriemechaniker", NO_CACHE);
    expect(body.data.map((j) => j.id)).not.toContain(mechanic.id);
    // Back in the feed, it opens again under the same id.
    overrides.clear();
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", updated: 1 });
    expect((await get(`/jobs/${mechanic.id}`)).status).toBe(200);
  });

  it.each([
    ["403", () => new Response("Forbidden", { status: 403 }), "answered 403"],
    ["500", () => new Response("Oops", { status: 500 }), "answered 500"],
    ["a timeout", () => Promise.reject(new DOMException("timed out", "TimeoutError")), "no answer within 20 s"],
    [
      "HTML instead of XML",
      () => new Response("<!doctype html><html><body>Login</body></html>"),
      "answered HTML instead of XML",
    ],
    ["a changed shape", () => new Response("<jobs><job><title>x</title></job></jobs>"), "no longer has the shape"],
    [
      "an entity bomb",
      () =>
        new Response(
          `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><workzag-jobs><position><id>1</id><name>&lol2;</name></position></workzag-jobs>`,
        ),
      "declares a document type or entities",
    ],
    [
      "a 50 MB body",
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              const chunk = new Uint8Array(1024 * 1024).fill(60);
              for (let i = 0; i < 50; i++) controller.enqueue(chunk);
              controller.close();
            },
          }),
        ),
      "larger than 5 MB",
    ],
  ])("closes nothing and says why when the feed answers %s", async (_, answer, reason) => {
    const before = open(await jobsOf(ID));
    overrides.set(URL_XML, answer);
    expect(await importSource(env, ID)).toMatchObject({ state: "failing" });
    const h = await health(ID);
    expect(h.state).toBe("failing");
    expect(lastError(h)).toContain(reason);
    expect(open(await jobsOf(ID))).toEqual(before);
  });
});

describe("the Jobbörse", () => {
  const ID = "jobboerse";
  const BASE = `${FIXTURES}/ba/demo`;

  it("reaches the district's jobs around each town, keeps only those in the twelve towns, and fetches their descriptions", async () => {
    await source(ID, "ba_jobsuche", BASE);
    const outcome = await importSource(env, ID);
    expect(outcome).toMatchObject({ state: "healthy" });
    const rows = await jobsOf(ID);
    // 120 jobs in the district and one the clinics' own feed carries too (the Ruhrquell job the Personio
    // feed above has is shown from there, so not stored here); the three outside (Bromskirchen has
    // Hallenberg's postcode but lies in Hesse) are dropped, and overlapping searches give each job once.
    expect(rows).toHaveLength(121);
    expect(rows.some((r) => r.source_key === "10001-999999991-S")).toBe(false);
    // Every search was a page of at most 100, with the key.
    const searches = fetched.filter((u) => u.includes("/pc/v6/jobs"));
    expect(searches.length).toBeGreaterThanOrEqual(36);
    for (const u of searches) expect(new URL(u).searchParams.get("size")).toBe("100");

    const byKey = new Map(rows.map((r) => [r.source_key, r]));
    const first = byKey.get("10001-1000000000-S") as Stored;
    expect(first).toMatchObject({
      town_id: "arnsberg",
      category: "production",
      employer_id: "lennetal-metallbau",
      salary_min: 36000,
    });
    expect(first.description).toContain("Ihre Aufgaben");
    // Training offers are apprenticeships; the agency's jobs temp agency work.
    const training = rows.find((r) => r.title.startsWith("Ausbildung zum Elektroniker")) as Stored;
    expect(employmentFromBits(training.employment)).toContain("apprenticeship");
    const agency = rows.find((r) => r.employer_id === "personalservice-ruhrbogen") as Stored;
    expect(employmentFromBits(agency.employment)).toContain("temp_agency");
    // "Muster GmbH & Co. KG" and "… GmbH & Co KG" would be one employer: ids come from normalised names.
    expect(new Set(rows.map((r) => r.employer_id)).size).toBe(12);
    // An occupation we have no category for is kept as "other" and named in the source's health.
    expect(rows.some((r) => r.category === "other")).toBe(true);
    const { body } = await getJson<{ data: { id: string; health: { notes: string[] } }[] }>(
      "/v1/admin/sources",
      await adminSession(),
    );
    const notes = body.data.find((s) => s.id === ID)?.health.notes ?? [];
    expect(notes.join(" ")).toContain("Tierpfleger/in - Zoo");
    expect(rows.every((r) => r.description !== "")).toBe(true);
  });

  it("fetches no description again and writes nothing when nothing changed", async () => {
    const outcome = await importSource(env, ID);
    expect(outcome).toMatchObject({ state: "healthy", added: 0, updated: 0, closed: 0, writes: 0 });
    expect(fetched.some((u) => u.includes("/jobdetails/"))).toBe(false);
  });

  it("counts an answer without ergebnisliste as zero jobs only when maxErgebnisse is 0", async () => {
    const EMPTY = await source("jobboerse-leer", "ba_jobsuche", `${FIXTURES}/ba/n0`);
    expect(await importSource(env, EMPTY)).toMatchObject({ state: "healthy", seen: 0 });

    overrides.set(
      "/dev/fixtures/ba/demo/pc/v6/jobs",
      () =>
        new Response(JSON.stringify({ maxErgebnisse: 40, page: 1, size: 100 }), {
          headers: { "Content-Type": "application/json" },
        }),
    );
    const before = open(await jobsOf(ID));
    expect(await importSource(env, ID)).toMatchObject({ state: "failing" });
    expect(lastError(await health(ID))).toContain("no ergebnisliste although maxErgebnisse is above 0");
    expect(open(await jobsOf(ID))).toEqual(before);
  });

  it("fails loudly on v4 field names, and closes nothing", async () => {
    overrides.set("/dev/fixtures/ba/demo/pc/v6/jobs", () =>
      Response.json({ stellenangebote: [{ refnr: "10001-1-S", titel: "Alt" }], maxErgebnisse: "1" }),
    );
    const before = open(await jobsOf(ID));
    expect(await importSource(env, ID)).toMatchObject({ state: "failing" });
    expect(open(await jobsOf(ID))).toEqual(before);
  });

  it("slices a search over the result cap by working time, and closes nothing if even that is not enough", async () => {
    const at = new Date().toISOString();
    for (const [id, cap] of [
      ["jobboerse-cap-45", 45],
      ["jobboerse-cap-5", 5],
    ] as const)
      await addSource(
        env.DB,
        { id, kind: "ba_jobsuche", name: id, url: `${FIXTURES}/ba/n300`, params: { result_cap: cap } },
        at,
      );
    await importSource(env, "jobboerse-cap-45");
    expect(await jobsOf("jobboerse-cap-45")).toHaveLength(300);
    expect(fetched.some((u) => new URL(u).searchParams.get("arbeitszeit") === "tz")).toBe(true);
    expect(runNotes(await health("jobboerse-cap-45"))).not.toContain("cap");
    await importSource(env, "jobboerse-cap-5");
    expect(runNotes(await health("jobboerse-cap-5"))).toContain("even when sliced");
  });

  it("tries a description that answered 403 again on the next run, and keeps the job", async () => {
    const changed = await source("jobboerse-geaendert", "ba_jobsuche", `${FIXTURES}/ba/n24-c1000`);
    overrides.set(
      "/dev/fixtures/ba/n24-c1000/pc/v4/jobdetails/MTAwMDEtMTAwMDAwMDAwMC1T",
      () => new Response("", { status: 403 }),
    );
    await importSource(env, changed);
    // The console shows the note in the reader's language: German unless the browser asks for English.
    const notes = async (lang: string) =>
      (
        await getJson<{ data: { id: string; health: { notes: string[] } }[] }>("/v1/admin/sources", {
          ...(await adminSession()),
          "Accept-Language": lang,
        })
      ).body.data
        .find((s) => s.id === changed)
        ?.health.notes.join(" ");
    expect(await notes("de")).toContain("1 Beschreibung ließ sich nicht abrufen");
    expect(await notes("en")).toContain("1 description could not be fetched");
    overrides.clear();
    fetched.length = 0;
    await importSource(env, changed);
    expect(fetched.filter((u) => u.includes("/jobdetails/"))).toEqual([
      `${FIXTURES}/ba/n24-c1000/pc/v4/jobdetails/MTAwMDEtMTAwMDAwMDAwMC1T`,
    ]);
  });
});

describe("the same job from the Jobbörse and the employer's own feed", () => {
  it("is shown once, from the employer's feed; the Jobbörse's copy points there", async () => {
    const key = "10001-8888888810-S";
    const copy = (await jobsOf("jobboerse")).find((r) => r.source_key === key) as Stored;
    // The Personio feed ran first in this file, so the Jobbörse's copy never opened.
    expect(copy).toBeUndefined();

    // The other way round: the Jobbörse has it first, then the employer's feed arrives.
    const softgarden = await source(
      "kliniken-softgarden",
      "softgarden_feed",
      `${FIXTURES}/feeds/softgarden.json`,
      "kreiskliniken-ostsauerland",
    );
    const ba = (await jobsOf("jobboerse")).find((r) => r.source_key === "10001-8888888811-S") as Stored;
    expect(ba.valid_through > new Date().toISOString()).toBe(true);
    const outcome = await importSource(env, softgarden);
    expect(outcome.state).toBe("healthy");
    // Every open Jobbörse copy of its two jobs gives way (the other Jobbörse sources above carry some too).
    expect(outcome.state === "healthy" && outcome.merged).toBeGreaterThanOrEqual(2);
    const own = (await jobsOf(softgarden)).find((r) => r.title.startsWith("Gesundheits- und Krankenpfleger")) as Stored;
    const closed = (await jobsOf("jobboerse")).find((r) => r.source_key === "10001-8888888811-S") as Stored;
    expect(closed.duplicate_of).toBe(own.id);
    const res = await SELF.fetch(`https://api.test/jobs/${closed.id}`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`https://api.test/jobs/${own.id}`);
    const { body } = await getJson<{ data: { id: number }[] }>("/v1/jobs?q=Intensivstation", NO_CACHE);
    expect(body.data.map((j) => j.id)).toEqual([own.id]);

    // The next Jobbörse run leaves it closed, and writes nothing for it.
    expect(await importSource(env, "jobboerse")).toMatchObject({ state: "healthy", updated: 0, writes: 0 });
  });
});

describe("each kind of employer feed", () => {
  it.each([
    [
      "softgarden_feed",
      "softgarden.json",
      "kreiskliniken-ostsauerland",
      [
        ["48211", "marsberg", ["full_time", "part_time"]],
        ["48212", "brilon", ["apprenticeship"]],
      ],
    ],
    [
      "dvinci_json",
      "dvinci.json",
      "rothaarsteig-logistik",
      [
        ["7731", "winterberg", ["full_time"]],
        ["7732", "medebach", ["full_time", "part_time"]],
      ],
    ],
    [
      "recruitee_json",
      "recruitee.json",
      "hennesee-hotel-tagungshaus",
      [
        ["991201", "meschede", ["part_time"]],
        ["991202", "meschede", ["full_time"]],
      ],
    ],
    [
      "greenhouse_json",
      "greenhouse.json",
      "fichtenhang-software",
      [
        ["4401001", "brilon", ["full_time"]],
        ["4401002", "brilon", ["working_student"]],
      ],
    ],
    [
      "lever_json",
      "lever.json",
      "lennetal-metallbau",
      [["b8f2c1a0-0001-4c1e-9a00-000000000001", "schmallenberg", ["full_time"]]],
    ],
    [
      "jsonld_page",
      "karriere",
      "sauerlaender-elektroanlagen",
      [
        ["EL-17", "arnsberg", ["full_time"]],
        ["https://sauerlaender-elektro.example/karriere/azubi", "arnsberg", ["apprenticeship"]],
      ],
    ],
  ] as const)("%s maps its fixture", async (kind, file, employer, expected) => {
    const id = `feed-${kind.replaceAll("_", "-")}`;
    await source(id, kind, `${FIXTURES}/feeds/${file}`, employer);
    expect(await importSource(env, id)).toMatchObject({ state: "healthy", seen: expected.length });
    const rows = await jobsOf(id);
    expect(rows.map((r) => [r.source_key, r.town_id, employmentFromBits(r.employment)]).sort()).toEqual(
      expected.map(([k, t, e]) => [k, t, [...e]]).sort(),
    );
    for (const r of rows) {
      expect(r.employer_id).toBe(employer);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.description_html ?? "").not.toMatch(/<script|javascript:|on\w+=/i);
    }
    // A second run writes nothing.
    expect(await importSource(env, id)).toMatchObject({ added: 0, updated: 0, writes: 0 });
  });

  it.each([
    [
      "HTML instead of JSON",
      () => new Response("<!doctype html><title>Wartung</title>"),
      "answered HTML instead of JSON",
    ],
    ["a changed shape", () => Response.json({ postings: [] }), "no longer has the shape"],
    ["403", () => new Response("", { status: 403 }), "answered 403"],
  ])("a JSON feed answering %s closes nothing and fails with the reason", async (_, answer, reason) => {
    const id = "feed-recruitee-json";
    const before = open(await jobsOf(id));
    expect(before.length).toBeGreaterThan(0);
    overrides.set(`${FIXTURES}/feeds/recruitee.json`, answer);
    expect(await importSource(env, id)).toMatchObject({ state: "failing" });
    expect(lastError(await health(id))).toContain(reason);
    expect(open(await jobsOf(id))).toEqual(before);
  });

  it("follows a career page's links on its own host only", async () => {
    expect(fetched).toEqual([]);
    await importSource(env, "feed-jsonld-page");
    expect(fetched.every((u) => u.startsWith("https://fixtures.example/"))).toBe(true);
    expect(fetched).toHaveLength(3);
  });

  it("cuts a 1 MB title and keeps the description's text", async () => {
    const id = await source("riesig", "lever_json", `${FIXTURES}/feeds/riesig.json`, "lennetal-metallbau");
    overrides.set(`${FIXTURES}/feeds/riesig.json`, () =>
      Response.json([
        {
          id: "x1",
          text: `Metallbauer ${"sehr ".repeat(200_000)}`,
          categories: { location: "Schmallenberg" },
          description: "<p>ok</p>",
        },
      ]),
    );
    expect(await importSource(env, id)).toMatchObject({ state: "healthy", seen: 1 });
    const [row] = (await jobsOf(id)) as [Stored];
    expect(row.title.length).toBeLessThanOrEqual(200);
  });
});

describe("through the queue", () => {
  it("runs the Jobbörse in steps: the search, then the descriptions in further messages", async () => {
    const id = await source("jobboerse-gross", "ba_jobsuche", `${FIXTURES}/ba/n700`);
    await env.IMPORTS.send({ source: id });
    await until(async () => (await health(id)).state !== "new");
    expect(await health(id)).toMatchObject({ state: "healthy", seen: 700 });
    await until(async () => (await jobsOf(id)).every((r) => r.description !== ""), 60_000);
    const notes = JSON.parse((await health(id)).notes ?? "{}") as { details?: string | null };
    expect(notes.details ?? null).toBeNull();
  });
});

describe("a count that drops and stays", () => {
  it("changes nothing twice, then is believed on the third run in a row", async () => {
    const ID = "ruhrquell-personio";
    overrides.set(`${FIXTURES}/feeds/personio.xml`, () => new Response("<workzag-jobs></workzag-jobs>"));
    for (const left of [2, 1]) {
      const outcome = await importSource(env, ID);
      expect(outcome).toMatchObject({ state: "degraded" });
      expect(lastError(await health(ID))).toContain(
        `accepted if it stays so for ${left} more run${left === 1 ? "" : "s"}`,
      );
      expect(open(await jobsOf(ID))).toHaveLength(2);
    }
    expect(await importSource(env, ID)).toMatchObject({ state: "healthy", seen: 0, closed: 2 });
    expect(runNotes(await health(ID))).toBe("0 jobs instead of 2: accepted after 3 runs in a row");
    expect(open(await jobsOf(ID))).toHaveLength(0);
  });
});
