/**
 * `/robots.txt` and `/sitemap.xml`: the job pages exist to be found (Google for Jobs), the personal and
 * internal ones not. The sitemap lists every open job page with its last change, read from D1 on each
 * (briefly cached) request, so a closed job leaves it as soon as it closes; past 50,000 URLs it becomes a
 * sitemap index of parts (`/sitemap-1.xml` …), as the protocol allows no more per file. The newsletter's
 * public archive has a sitemap of its own (`/sitemap-heimatpost.xml`), named in robots.txt beside it.
 */
import { type Context, Hono } from "hono";
import { ROUTES } from "../../../../shared/routes.ts";
import { countOpenJobs, listSitemapJobs } from "../../db/jobs.ts";
import { listArchive } from "../../db/newsletters.ts";
import type { AppEnv } from "../../env.ts";
import { ARCHIVE_PATH } from "../../keep-in-touch/newsletter.ts";
import { publicCache } from "../../lib/cache.ts";
import { ApiError } from "../../lib/errors.ts";
import { publicOrigin } from "../../lib/origin.ts";

export const crawlers = new Hono<AppEnv>();

/** URLs per sitemap file (the protocol's limit). */
export const SITEMAP_PART = 50_000;
const ARCHIVE_SITEMAP = "/sitemap-heimatpost.xml";

// Pages reached by a personal link, the signup's confirmation, development and team paths: never indexed.
const DISALLOWED = [
  "/me",
  "/me.json",
  "/signup/",
  "/steckbrief/",
  "/abmelden",
  "/antwort",
  "/dev/",
  "/v1/admin/",
  "/v1/staff/",
  "/console",
  "/arbeitgeber",
  "/embed/comeback",
];

crawlers.get("/robots.txt", publicCache(3600), (c) => {
  const lines = [
    "User-agent: *",
    "Allow: /",
    ...DISALLOWED.map((path) => `Disallow: ${path}`),
    "",
    `Sitemap: ${publicOrigin(c)}/sitemap.xml`,
    `Sitemap: ${publicOrigin(c)}${ARCHIVE_SITEMAP}`,
  ];
  c.header("Content-Type", "text/plain; charset=utf-8");
  return c.body(`${lines.join("\n")}\n`);
});

const xml = (c: Context<AppEnv>, body: string) => {
  c.header("Content-Type", "application/xml; charset=utf-8");
  return c.body(`<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`);
};

async function urlset(db: D1Database, origin: string, part: number): Promise<string> {
  const rows = await listSitemapJobs(db, new Date().toISOString(), part * SITEMAP_PART, SITEMAP_PART);
  const urls = rows.map(
    (r) => `<url><loc>${origin}${ROUTES.jobPage(r.id)}</loc><lastmod>${r.updated_at.slice(0, 10)}</lastmod></url>`,
  );
  return `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>`;
}

crawlers.get("/sitemap.xml", publicCache(300), async (c) => {
  const origin = publicOrigin(c);
  const open = await countOpenJobs(c.env.DB, new Date().toISOString());
  if (open <= SITEMAP_PART) return xml(c, await urlset(c.env.DB, origin, 0));
  const parts = Array.from(
    { length: Math.ceil(open / SITEMAP_PART) },
    (_, i) => `<sitemap><loc>${origin}/sitemap-${i + 1}.xml</loc></sitemap>`,
  );
  return xml(
    c,
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join("\n")}\n</sitemapindex>`,
  );
});

/** The newsletter's archive: its list and every issue sent, each with the day it went out. */
crawlers.get(ARCHIVE_SITEMAP, publicCache(300), async (c) => {
  const origin = publicOrigin(c);
  const issues = await listArchive(c.env.DB, SITEMAP_PART - 1);
  const urls = [
    `<url><loc>${origin}${ARCHIVE_PATH}</loc>${issues[0] ? `<lastmod>${issues[0].sent_at.slice(0, 10)}</lastmod>` : ""}</url>`,
    ...issues.map(
      (i) => `<url><loc>${origin}${ARCHIVE_PATH}/${i.id}</loc><lastmod>${i.sent_at.slice(0, 10)}</lastmod></url>`,
    ),
  ];
  return xml(c, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>`);
});

crawlers.get("/:file{sitemap-[0-9]+\\.xml}", publicCache(300), async (c) => {
  const part = Number(/\d+/.exec(c.req.param("file"))?.[0]) - 1;
  const open = await countOpenJobs(c.env.DB, new Date().toISOString());
  if (part < 0 || part * SITEMAP_PART >= open) throw new ApiError(404, "not_found");
  return xml(c, await urlset(c.env.DB, publicOrigin(c), part));
});
