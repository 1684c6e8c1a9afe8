/** `GET /`: the demo page, showing from live data what the API serves so far; and its stylesheet. */
import { Hono } from "hono";
import { html, raw } from "hono/html";
import { elementMarkup } from "../../../../shared/embed.ts";
import { ROUTES } from "../../../../shared/routes.ts";
import { listEvents } from "../../db/events.ts";
import { searchJobs } from "../../db/jobs.ts";
import { listEmployers, listTowns } from "../../db/region.ts";
import type { AppEnv } from "../../env.ts";
import { publicOrigin } from "../../lib/origin.ts";
import { formatDate, formatDateTime } from "../../pages/format.ts";
import { WIDGET_LOADER, WIDGET_PAGE_CSP } from "../../pages/host-pages.ts";
import { page } from "../../pages/layout.ts";
import { t } from "../../pages/messages.ts";
import { signupHref } from "../../pages/signup-link.ts";
import { HOME_JOBS, SITE_CSS } from "../../pages/site-css.ts";

export const home = new Hono<AppEnv>();

home.get("/assets/site.css", (c) => {
  c.header("Content-Type", "text/css; charset=utf-8");
  c.header("Cache-Control", "public, max-age=3600");
  return c.body(SITE_CSS);
});

const API_LINKS = [
  ROUTES.jobs,
  `${ROUTES.jobs}?q=Elektroniker&town=meschede&radius_km=20`,
  ROUTES.employers,
  ROUTES.towns,
  ROUTES.events,
  `${ROUTES.events}?kind=stammtisch&town=brilon`,
  ROUTES.eventsFeed,
  ROUTES.openapi,
  ROUTES.health,
];

home.get("/", async (c) => {
  const lang = c.get("language");
  const now = new Date().toISOString();
  const [jobs, towns, employers, events] = await Promise.all([
    searchJobs(c.env.DB, { now, sort: "newest", limit: 8, facets: false }),
    listTowns(c.env.DB, now),
    listEmployers(c.env.DB, now),
    listEvents(c.env.DB, { from: now, limit: 200 }),
  ]);
  const webcal = new URL(ROUTES.eventsFeed, publicOrigin(c)).href.replace(/^https?:/, "webcal:");
  const body = html`
<h1>${t(lang, "demoTitle")}</h1>
<ul class="stats">
  <li><strong>${jobs.total}</strong> ${t(lang, "openJobs")}</li>
  <li><strong>${employers.length}</strong> ${t(lang, "employers")}</li>
  <li><strong>${events.length}</strong> ${t(lang, "upcomingEvents")}</li>
</ul>
<p><strong>${t(lang, "comebackLead")}</strong> <a href="${signupHref(lang, "home-page")}">${t(lang, "comebackLink")}</a> ${t(lang, "comebackWhy")}</p>
<h2>${t(lang, "newestJobs")}</h2>
<ul class="list">${jobs.rows.map(
    (j) =>
      html`<li><a href="${ROUTES.jobPage(j.id)}">${j.title}</a><small>${j.employer_name} · <time datetime="${j.posted_at}">${formatDate(j.posted_at, lang)}</time></small></li>`,
  )}</ul>
<h2>${t(lang, "nextEvents")}</h2>
<ul class="list">${events
    .slice(0, 8)
    .map(
      (e) =>
        html`<li>${e.title}<small><time datetime="${e.starts_at}">${formatDateTime(e.starts_at, lang)}</time> · ${e.venue}, ${e.town_name} · <a href="${ROUTES.eventFeed(e.id)}">${t(lang, "addToCalendar")}</a></small></li>`,
    )}</ul>
<p><a href="${webcal}">${t(lang, "subscribe")}</a></p>
<h2>${t(lang, "widgets")}</h2>
<p>${t(lang, "widgetsIntro")}</p>
<ul class="demos">
  <li><a href="/demo/employer">${t(lang, "demoEmployer")}</a></li>
  <li><a href="/demo/town">${t(lang, "demoTown")}</a></li>
  <li><a href="/demo/strict">${t(lang, "demoStrict")}</a></li>
  <li><a href="/embed">${t(lang, "embedBuilder")}</a></li>
</ul>
${raw(elementMarkup("hv-jobs", { ...HOME_JOBS, lang }))}
<h2>${t(lang, "towns")}</h2>
<ul class="badges">${towns.map((town) => html`<li><a href="${ROUTES.jobs}?town=${town.id}">${town.name}</a> (${town.open_jobs})</li>`)}</ul>
<h2>${t(lang, "api")}</h2>
<ul>${API_LINKS.map((href) => html`<li><a href="${href}"><code>GET ${href}</code></a></li>`)}</ul>
`;
  c.header("Content-Security-Policy", WIDGET_PAGE_CSP);
  c.header("Cache-Control", "no-cache");
  c.header("Vary", "Accept-Language");
  return c.html(page({ lang, title: t(lang, "site"), description: t(lang, "tagline"), body, script: WIDGET_LOADER }));
});
