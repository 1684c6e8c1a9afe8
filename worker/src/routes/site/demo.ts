/**
 * `/demo/*`: host pages that embed the widgets the way others will: an employer's career page, a town's
 * page, and a page with rude global CSS that loads the script twice. All run under a strict CSP.
 */
import { Hono } from "hono";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { type EmbedAttributes, type EmbedTag, elementMarkup, reservationCss } from "../../../../shared/embed.ts";
import { listEmployers } from "../../db/region.ts";
import type { AppEnv } from "../../env.ts";
import { EMPLOYER_CSS, RUDE_CSS, TOWN_CSS } from "../../pages/demo-css.ts";
import { WIDGET_LOADER, WIDGET_PAGE_CSP } from "../../pages/host-pages.ts";

export const demo = new Hono<AppEnv>();

// The widgets each page embeds, as attributes: written into the tag and, through the same function the
// embed builder uses, into the page's stylesheet as the room to keep while the script loads.
const EMPLOYER_JOBS = { "region-link": "", layout: "cards", "page-size": "6", "deep-link": "" };
const TOWN_EVENTS = { town: "brilon", "page-size": "4" };
const TOWN_JOBS = { town: "brilon", "radius-km": "20", layout: "compact", "page-size": "8", "hide-filters": "" };
const STRICT_JOBS = { "page-size": "4", lang: "en" };
const STRICT_EVENTS = { "page-size": "3", lang: "en", "hide-filters": "" };

const STYLES: Record<string, string> = {
  employer: `${EMPLOYER_CSS}${reservationCss("hv-jobs", { ...EMPLOYER_JOBS, employer: "x" })}\n`,
  town: `${TOWN_CSS}${reservationCss("hv-events", TOWN_EVENTS)}\n${reservationCss("hv-jobs", TOWN_JOBS)}\n`,
  rude: `${RUDE_CSS}${reservationCss("hv-jobs", STRICT_JOBS)}\n${reservationCss("hv-events", STRICT_EVENTS)}\n`,
};

const element = (tag: EmbedTag, attributes: EmbedAttributes) => raw(elementMarkup(tag, attributes));

demo.get("/assets/:name{[a-z]+\\.css}", (c) => {
  const css = STYLES[c.req.param("name").replace(/\.css$/, "")];
  if (!css) return c.notFound();
  c.header("Content-Type", "text/css; charset=utf-8");
  c.header("Cache-Control", "public, max-age=3600");
  return c.body(css);
});

function hostPage(
  title: string,
  css: string,
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
  extraHead = html``,
) {
  return html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<meta name="robots" content="noindex">
<link rel="stylesheet" href="/demo/assets/${css}.css">
<script type="module" src="${WIDGET_LOADER}"></script>
${extraHead}
</head>
<body>
${body}
</body>
</html>`;
}

demo.use(async (c, next) => {
  await next();
  c.header("Content-Security-Policy", WIDGET_PAGE_CSP);
  c.header("Cache-Control", "no-cache");
});

demo.get("/employer", async (c) => {
  // The demo employer is the one with the most openings, so the page shows paging and filters.
  const employers = await listEmployers(c.env.DB, new Date().toISOString());
  const top = employers.reduce<(typeof employers)[number] | undefined>(
    (best, e) => (!best || e.open_jobs > best.open_jobs ? e : best),
    undefined,
  );
  const name = top?.name ?? "Musterfirma";
  return c.html(
    hostPage(
      `Karriere bei ${name}`,
      "employer",
      html`<header class="top"><h1>Karriere bei ${name}</h1></header>
<main>
<p>Wir sind ein Familienunternehmen aus ${top?.town_name ?? "dem Sauerland"}. Hier siehst du zuerst unsere offenen Stellen –
und mit einem Klick alle Stellen der Region.</p>
${element("hv-jobs", { employer: top?.id ?? "all", ...EMPLOYER_JOBS })}
</main>
<footer>Fiktives Unternehmen · Demo-Daten</footer>`,
    ),
  );
});

demo.get("/town", (c) =>
  c.html(
    hostPage(
      "Stadt Brilon – Zurück ins Sauerland",
      "town",
      html`<header class="top"><strong>Stadt Brilon</strong><span>Zurück ins Sauerland</span></header>
<main>
<section>
<h1>Treffen für Rückkehrerinnen und Rückkehrer</h1>
<p>Einmal im Monat treffen sich Menschen, die zurückgekommen sind oder es vorhaben. Komm vorbei!</p>
${element("hv-events", TOWN_EVENTS)}
</section>
<section>
<h2>Offene Stellen rund um Brilon</h2>
${element("hv-jobs", TOWN_JOBS)}
</section>
</main>
<footer>Eine Demo-Seite mit erfundenen Inhalten.</footer>`,
    ),
  ),
);

demo.get("/strict", (c) =>
  c.html(
    hostPage(
      "Strenge CSP, grobes CSS",
      "rude",
      html`<h1>Strict CSP and rude global CSS</h1>
<p>This page allows scripts and API calls from its own origin only, no inline script or style, sets
<code>* { margin … !important }</code>, hides list bullets, unsets all buttons, and loads the widget script twice.</p>
${element("hv-jobs", STRICT_JOBS)}
${element("hv-events", STRICT_EVENTS)}`,
      html`<script type="module" src="${WIDGET_LOADER}?again"></script>`,
    ),
  ),
);
