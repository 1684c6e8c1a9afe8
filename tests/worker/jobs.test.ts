import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { ErrorEnvelope } from "../../shared/errors.ts";
import { TOWN_IDS } from "../../shared/ids.ts";
import { encodeCursor } from "../../shared/schemas/common.ts";
import { type JobIndex, jobIndexSchema } from "../../shared/schemas/job-index.ts";
import type { Job, JobFacets, JobList } from "../../shared/schemas/jobs.ts";
import { CATEGORY_IDS, EMPLOYMENT_IDS, employmentFromBits, REMOTE_IDS } from "../../shared/taxonomy.ts";
import { EMPLOYERS, get, getJson, HOSTILE_TITLE, JOBS, OPEN_JOBS, seedFixture } from "./fixtures.ts";

beforeAll(seedFixture);

const ids = (list: JobList) => list.data.map((j) => j.id).sort((a, b) => a - b);
const search = async (query: string) => {
  const { status, body } = await getJson<JobList>(`/v1/jobs?limit=100&${query}`);
  expect(status).toBe(200);
  expect(body.facets).not.toBeNull();
  return body as JobList & { facets: JobFacets };
};

describe("GET /v1/jobs", () => {
  it("lists every open job, newest first, and never a closed one", async () => {
    const body = await search("");
    expect(body.total).toBe(OPEN_JOBS.length);
    expect(body.data.map((j) => j.id)).not.toContain(7);
    const posted = body.data.map((j) => j.posted_at);
    expect(posted).toEqual([...posted].sort().reverse());
    expect(body.data[0]).toMatchObject({
      id: 1,
      title: "Elektroniker*in für Betriebstechnik (m/w/d)",
      employer: { id: "nebelhoehe-elektro", name: "Nebelhöhe Elektro GmbH" },
      town: { id: "meschede", name: "Meschede" },
      category: "electrical",
      category_label: "Elektrotechnik",
      employment: ["full_time"],
      url: "https://api.test/jobs/1",
    });
  });

  it.each([
    ["Elektroniker", [1, 2]],
    ["elektronikerin", [1, 2]],
    ["Elektroniker*in", [1, 2]],
    ["ELEKTRONIKER betriebstechnik", [1]],
    ["Bäcker", [3]],
    ["Baecker", [3]],
    ["Straßenbauer", [9]],
    ["Strassenbauer", [9]],
    ["Entwickler", [4]],
    ["Softwareentwicklerin", [4]],
    ["Nebelhöhe", [1, 2]],
    ["Büromanagement", [6]],
    ["Astronaut", []],
  ])("full text %s finds %j", async (q, expected) => {
    expect(ids(await search(`q=${encodeURIComponent(q)}`))).toEqual(expected);
  });

  it("answers a search with every filter at its longest", async () => {
    // 12 towns, 13 categories, 20 employers, every employment type and remote mode: each value is bound once,
    // however many facets apply it (D1 refuses a statement with more than 100 bound values).
    const employers = [...EMPLOYERS.map((e) => e.id), ...Array.from({ length: 20 }, (_, i) => `employer-${i}`)].slice(
      0,
      20,
    );
    const filters = `town=${TOWN_IDS.join(",")}&category=${CATEGORY_IDS.join(",")}&employer=${employers.join(",")}&employment=${EMPLOYMENT_IDS.join(",")}&remote=${REMOTE_IDS.join(",")}`;
    for (const q of ["", "q=Elektroniker&"]) {
      const body = await search(`${q}${filters}`);
      expect(body.total).toBe(q ? 2 : OPEN_JOBS.length);
      expect(body.facets.town.reduce((n, t) => n + t.count, 0)).toBe(body.total);
    }
  });

  it("treats FTS5 syntax in the query as plain words", async () => {
    for (const q of ['Elektroniker" OR *', "NEAR(a b)", "title:Bäcker", "-Elektroniker", "a AND"]) {
      const res = await get(`/v1/jobs?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(res.status);
    }
    expect(ids(await search(`q=${encodeURIComponent("title:Bäcker")}`))).toEqual([]);
  });

  it("ranks title matches first for relevance", async () => {
    const body = await search("q=Elektroniker");
    expect(body.data[0]?.title).toContain("Elektroniker");
  });

  it("filters by town, and by radius around it", async () => {
    expect(ids(await search("town=meschede"))).toEqual([1]);
    expect(ids(await search("town=meschede&radius_km=0"))).toEqual([1]);
    // Bestwig lies 8 km from Meschede; Eslohe 13 km, Olsberg 14 km; Arnsberg 16 km.
    expect(ids(await search("town=meschede&radius_km=10"))).toEqual([1, 2]);
    const within15 = await search("town=meschede&radius_km=15");
    expect(new Set(within15.data.map((j) => j.town.id))).toEqual(new Set(["meschede", "bestwig", "eslohe", "olsberg"]));
    expect(ids(await search("q=Elektroniker&town=meschede&radius_km=10"))).toEqual([1, 2]);
  });

  it("takes several values, comma-separated or repeated, and combines filters", async () => {
    expect(ids(await search("town=winterberg,arnsberg&category=it,crafts"))).toEqual([3, 4, 8]);
    expect(ids(await search("town=winterberg&town=arnsberg&category=it"))).toEqual([4]);
    expect(ids(await search("employer=tannenbaeck&category=crafts&town=eslohe"))).toEqual([9]);
    expect(ids(await search("remote=remote,hybrid"))).toEqual([4, 6]);
    expect(ids(await search("employment=mini_job,apprenticeship"))).toEqual([3, 6]);
    expect(ids(await search("employment=part_time&category=electrical"))).toEqual([2]);
  });

  it("counts facets under all other filters, so every offered option leads to exactly that many jobs", async () => {
    const filtered = await search("town=meschede,bestwig&employment=full_time");
    // The town facet ignores the town filter: other towns stay selectable.
    expect(filtered.facets.town.map((f) => f.value)).toContain("arnsberg");
    expect(filtered.facets.town.find((f) => f.value === "meschede")?.count).toBe(1);
    for (const [facet, options] of Object.entries(filtered.facets)) {
      for (const option of options) {
        const base = new URLSearchParams("town=meschede,bestwig&employment=full_time");
        base.set(facet, option.value);
        const narrowed = await search(base.toString());
        expect(narrowed.total, `${facet}=${option.value}`).toBe(option.count);
      }
    }
    expect(filtered.facets.category).toEqual([{ value: "electrical", label: "Elektrotechnik", count: 2 }]);
  });

  it("labels facets in the reader's language and counts employment types per type", async () => {
    const body = await search("employer=tannenbaeck");
    expect(body.facets.employment).toEqual(
      expect.arrayContaining([
        { value: "part_time", label: "Teilzeit", count: 1 },
        { value: "mini_job", label: "Minijob", count: 1 },
        { value: "full_time", label: "Vollzeit", count: 2 },
      ]),
    );
    const { body: en } = await getJson<JobList>("/v1/jobs?employer=tannenbaeck", {
      "Accept-Language": "en-GB,en;q=0.9",
    });
    expect(en.facets?.employment.find((f) => f.value === "part_time")?.label).toBe("Part-time");
    expect(en.data[0]?.category_label).toBe("Skilled trades");
  });

  it.each(["newest", "deadline", "relevance"])("walks every page of sort=%s exactly once", async (sort) => {
    const q = sort === "relevance" ? "q=Lagerist&" : "";
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: JobList } = await getJson<JobList>(
        `/v1/jobs?${q}sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(body.data.length).toBeLessThanOrEqual(7);
      seen.push(...body.data.map((j) => j.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    const expected = sort === "relevance" ? OPEN_JOBS.filter((j) => j.title.startsWith("Lagerist")) : OPEN_JOBS;
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected.map((j) => j.id)));
    if (sort === "deadline") {
      const byId = new Map(JOBS.map((j) => [j.id, j]));
      const deadlines = seen.map((id) => byId.get(id)?.valid_through ?? "");
      expect(deadlines).toEqual([...deadlines].sort());
    }
  });

  it("leaves out the facets with facets=0, for the pages after the first, and pages the same", async () => {
    const { body: first } = await getJson<JobList>("/v1/jobs?category=logistics&limit=3");
    const { body: next } = await getJson<JobList>(
      `/v1/jobs?category=logistics&limit=3&facets=0&cursor=${first.next_cursor}`,
    );
    const { body: same } = await getJson<JobList>(`/v1/jobs?category=logistics&limit=3&cursor=${first.next_cursor}`);
    expect(next.facets).toBeNull();
    expect(same.facets).not.toBeNull();
    expect(next.total).toBe(first.total);
    expect(next.data).toEqual(same.data);
    expect(next.next_cursor).toBe(same.next_cursor);
  });

  it("continues a cursor handed out before the narrow table kept instants as milliseconds", async () => {
    const { body: first } = await getJson<JobList>("/v1/jobs?sort=newest&limit=3");
    const last = first.data.at(-1);
    const posted = await env.DB.prepare("SELECT posted_at FROM jobs WHERE id = ?")
      .bind(last?.id)
      .first<string>("posted_at");
    const old = encodeCursor({ sort: "newest", key: posted, id: last?.id ?? 0 });
    const { body: fromOld } = await getJson<JobList>(`/v1/jobs?sort=newest&limit=3&cursor=${old}`);
    const { body: fromNew } = await getJson<JobList>(`/v1/jobs?sort=newest&limit=3&cursor=${first.next_cursor}`);
    expect(fromOld.data.map((j) => j.id)).toEqual(fromNew.data.map((j) => j.id));
    expect(fromNew.data).toHaveLength(3);
  });

  it("follows every change to a job: the search's narrow table is kept by the database itself", async () => {
    const fresh = { "Cache-Control": "no-store" };
    const find = async (query: string) => (await getJson<JobList>(`/v1/jobs?${query}`, fresh)).body;
    const before = await find("town=meschede");
    expect(before.data.map((j) => j.id)).toEqual([1]);
    const job = await env.DB.prepare("SELECT town_id, valid_through FROM jobs WHERE id = 1").first<{
      town_id: string;
      valid_through: string;
    }>();
    try {
      await env.DB.prepare("UPDATE jobs SET town_id = 'brilon' WHERE id = 1").run();
      expect((await find("town=meschede")).total).toBe(0);
      expect((await find("town=brilon")).data.map((j) => j.id)).toContain(1);
      expect((await find("q=Elektroniker&town=brilon")).data.map((j) => j.id)).toContain(1);
      await env.DB.prepare("UPDATE jobs SET valid_through = '2000-01-01T00:00:00.000Z' WHERE id = 1").run();
      expect((await find("town=brilon")).data.map((j) => j.id)).not.toContain(1);
      expect((await find("")).total).toBe(OPEN_JOBS.length - 1);
    } finally {
      await env.DB.prepare("UPDATE jobs SET town_id = ?, valid_through = ? WHERE id = 1")
        .bind(job?.town_id, job?.valid_through)
        .run();
    }
    expect((await find("town=meschede")).data.map((j) => j.id)).toEqual([1]);

    // A value the search has never seen gets its code from the same trigger.
    const employer = await env.DB.prepare("SELECT employer_id FROM jobs WHERE id = 1").first<string>("employer_id");
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO employers (id, name, town_id, industry, created_at) VALUES ('neu-im-tal', 'Neu im Tal GmbH', 'meschede', 'Handwerk', '2026-01-01T00:00:00.000Z')",
      ),
      env.DB.prepare("UPDATE jobs SET employer_id = 'neu-im-tal' WHERE id = 1"),
    ]);
    try {
      const moved = await search("employer=neu-im-tal");
      expect(ids(moved)).toEqual([1]);
      expect(moved.facets.employer).toContainEqual({ value: "neu-im-tal", label: "Neu im Tal GmbH", count: 1 });
    } finally {
      await env.DB.batch([
        env.DB.prepare("UPDATE jobs SET employer_id = ? WHERE id = 1").bind(employer),
        env.DB.prepare("DELETE FROM employers WHERE id = 'neu-im-tal'"),
      ]);
    }
    const facetRows = await env.DB.prepare("SELECT count(*) AS n FROM job_facets").first<number>("n");
    expect(facetRows).toBe(JOBS.length);
  });

  it("rejects bad input with a 400 naming each field, in German by default and English on request", async () => {
    const { status, body } = await getJson<ErrorEnvelope>("/v1/jobs?limit=0&town=berlin&radius_km=5x&twon=1&q=!");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.message).toBe("Die Suchparameter sind ungültig.");
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(["limit", "q", "radius_km", "town", "twon"].sort());
    expect(body.error.fields?.limit).toBe("Der Wert muss mindestens 1 sein.");
    expect(body.error.fields?.twon).toBe("Unbekannter Parameter.");

    const en = await getJson<ErrorEnvelope>("/v1/jobs?radius_km=10&sort=random", { "Accept-Language": "en" });
    expect(en.body.error.message).toBe("The query parameters are invalid.");
    expect(en.body.error.fields).toEqual({
      radius_km: "A radius needs a town to measure from.",
      sort: "Allowed values: relevance, newest, deadline.",
    });
  });

  it("refuses a forged cursor and one from another sort order", async () => {
    const { body: first } = await getJson<JobList>("/v1/jobs?limit=2&sort=newest");
    const forged = await getJson<ErrorEnvelope>("/v1/jobs?cursor=bm90LWEtY3Vyc29y");
    expect(forged.status).toBe(400);
    expect(Object.keys(forged.body.error.fields ?? {})).toEqual(["cursor"]);
    const other = await getJson<ErrorEnvelope>(`/v1/jobs?sort=deadline&cursor=${first.next_cursor}`);
    expect(other.status).toBe(400);
  });

  it("passes only http(s) and mailto apply links", async () => {
    const byId = new Map((await search("")).data.map((j) => [j.id, j]));
    expect(byId.get(8)?.apply_url).toBeNull();
    expect(byId.get(8)?.title).toBe(JOBS.find((j) => j.id === 8)?.title);
    expect(byId.get(5)?.apply_url).toBe("mailto:bewerbung@heidekamm.example");
    expect(byId.get(4)?.salary).toEqual({ min: 52000, max: 68000, currency: "EUR", unit: "YEAR" });
  });
});

describe("GET /v1/jobs/:id", () => {
  it("returns an open job with its whole description", async () => {
    const { status, body } = await getJson<Job>("/v1/jobs/4");
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 4, remote: "remote", employment: employmentFromBits(1) });
    expect(body.description).toContain("Ihre Aufgaben:");
  });

  it("answers 410 for a closed job, and 404 for an id that names nothing, whatever its form", async () => {
    expect((await getJson<ErrorEnvelope>("/v1/jobs/7")).body.error.code).toBe("job_expired");
    expect((await get("/v1/jobs/7")).status).toBe(410);
    for (const path of [
      "/v1/jobs/999999",
      "/v1/jobs/abc",
      "/v1/jobs/0",
      "/v1/jobs/-1",
      "/v1/events/x",
      "/v1/events/x.ics",
      "/v1/events/99999.ics",
      "/jobs/abc",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
    const bad = await getJson<ErrorEnvelope>("/v1/jobs/abc");
    expect(bad.body.error.code).toBe("not_found");
    // 400 stays for bad query parameters.
    expect((await get("/v1/jobs?limit=abc")).status).toBe(400);
  });
});

describe("GET /v1/jobs/index", () => {
  it("lists every open job, newest first, compactly, the same for everyone and cacheable", async () => {
    const { status, body, res } = await getJson<JobIndex>("/v1/jobs/index");
    const headers = res.headers;
    expect(status).toBe(200);
    const index = jobIndexSchema.parse(body);
    expect(index.jobs.map(([id]) => id).sort((a, b) => a - b)).toEqual(
      OPEN_JOBS.map((j) => j.id).sort((a, b) => a - b),
    );
    const posted = index.jobs.map(([, , , , day]) => day);
    expect(posted).toEqual([...posted].sort().reverse());
    const hostile = index.jobs.find(([id]) => id === 8);
    expect(hostile?.[1]).toBe(HOSTILE_TITLE);
    expect(index.employers[hostile?.[2] ?? -1]).toBe(EMPLOYERS.find((e) => e.id === "tannenbaeck")?.name);
    expect(headers.get("Cache-Control")).toMatch(/^public, max-age=3600/);
    expect(headers.get("ETag")).toBeTruthy();
    expect(headers.get("Vary")).not.toMatch(/Cookie/i);
  });
});

describe("towns as people write them", () => {
  it("are taken by id or name in any case wherever a town is taken, and answered with the id", async () => {
    const byId = await getJson<JobList>("/v1/jobs?town=meschede");
    for (const written of ["Meschede", "MESCHEDE", "meschede"]) {
      const jobs = await getJson<JobList>(`/v1/jobs?town=${written}`);
      expect(jobs.status, written).toBe(200);
      expect(jobs.body.data.map((j) => j.id)).toEqual(byId.body.data.map((j) => j.id));
      expect(jobs.body.data.every((j) => j.town.id === "meschede")).toBe(true);
    }
    const employers = await getJson<{ data: { town: { id: string } }[] }>("/v1/employers?town=Meschede");
    expect(employers.status).toBe(200);
    expect(employers.body.data.every((e) => e.town.id === "meschede")).toBe(true);
    const events = await getJson<{ data: { town: { id: string } }[] }>("/v1/events?town=Brilon,MESCHEDE");
    expect(events.status).toBe(200);
    expect(events.body.data.every((e) => ["brilon", "meschede"].includes(e.town.id))).toBe(true);
    expect((await get("/v1/events.ics?town=Brilon")).status).toBe(200);
    // A town that is not one of the twelve is still refused, by name.
    const unknown = await getJson<ErrorEnvelope>("/v1/jobs?town=Berlin");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty("town");
  });
});
