// /robots.txt and the sitemaps: what crawlers may read, every open job page and the newsletter archive for them to find.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { get, OPEN_JOBS, ORIGIN, seedFixture } from "./fixtures.ts";

beforeAll(seedFixture);

describe("/robots.txt", () => {
  it("allows the public pages, keeps personal, confirmation, dev and team paths out, and names the sitemap", async () => {
    const res = await get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const text = await res.text();
    expect(text).toMatch(/^User-agent: \*\nAllow: \/\n/);
    for (const path of ["/me", "/signup/", "/abmelden", "/antwort", "/dev/", "/v1/admin/", "/console", "/arbeitgeber"])
      expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).not.toMatch(/Disallow: \/jobs/);
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap-heimatpost.xml`);
  });
});

describe("/sitemap.xml", () => {
  it("lists exactly the open job pages with their last change, each answering 200 with JobPosting markup", async () => {
    const res = await get("/sitemap.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/xml");
    const xml = await res.text();
    // Well-formed as the protocol has it: the declaration, one urlset, <url> elements of <loc> and <lastmod>.
    const shape =
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">\n((?:<url><loc>[^<&]+<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod><\/url>\n)*)<\/urlset>\n$/;
    expect(xml).toMatch(shape);
    const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)].map((m) => ({
      loc: m[1] ?? "",
      lastmod: m[2] ?? "",
    }));
    expect(entries.map((e) => e.loc).sort()).toEqual(OPEN_JOBS.map((j) => `${ORIGIN}/jobs/${j.id}`).sort());
    for (const entry of entries) {
      const job = OPEN_JOBS.find((j) => entry.loc.endsWith(`/jobs/${j.id}`));
      expect(entry.lastmod).toBe(job?.updated_at.slice(0, 10));
      const page = await get(new URL(entry.loc).pathname);
      expect(page.status, entry.loc).toBe(200);
      expect(await page.text()).toContain('"@type":"JobPosting"');
    }
    // A closed job is not in it; a part that does not exist is not found.
    expect(xml).not.toContain("/jobs/7<");
    expect((await get("/sitemap-2.xml")).status).toBe(404);
  });
});

describe("/sitemap-heimatpost.xml", () => {
  it("lists the newsletter's archive and every issue sent, not drafts, each page answering 200", async () => {
    const at = "2026-11-20T08:00:00.000Z";
    await env.DB.batch(
      [
        [901, "sent", at],
        [902, "draft", null],
      ].map(([id, status, sent]) =>
        env.DB.prepare(
          `INSERT INTO newsletters (id, subject_de, body_de, status, sent_at, created_at, updated_at)
           VALUES (?, 'Heimatpost November', 'Neues aus dem Sauerland.', ?, ?, ?, ?)`,
        ).bind(id, status, sent, at, at),
      ),
    );
    const res = await get("/sitemap-heimatpost.xml");
    expect(res.headers.get("content-type")).toContain("application/xml");
    const xml = await res.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? "");
    expect(locs).toEqual([`${ORIGIN}/heimatpost`, `${ORIGIN}/heimatpost/901`]);
    expect(xml).toContain("<lastmod>2026-11-20</lastmod>");
    for (const loc of locs) expect((await get(new URL(loc).pathname)).status, loc).toBe(200);
  });
});
