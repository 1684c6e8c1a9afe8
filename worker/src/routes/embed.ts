/** `GET /embed`: the embed builder. Pick an element, its filters, colours and language; see it; copy the snippet. */
import { Hono } from "hono";
import { html } from "hono/html";
import {
  CATEGORIES,
  CATEGORY_IDS,
  EMPLOYMENT_IDS,
  EMPLOYMENT_TYPES,
  EVENT_KIND_IDS,
  EVENT_KINDS,
} from "../../../shared/taxonomy.ts";
import { TOWNS } from "../../../shared/towns.ts";
import { listEmployers } from "../db/region.ts";
import type { AppEnv } from "../env.ts";
import { publicOrigin } from "../lib/origin.ts";
import { hostCspLines, pinnedBundle, WIDGET_LOADER, WIDGET_PAGE_CSP } from "../pages/host-pages.ts";

export const embed = new Hono<AppEnv>();

const option = (value: string, label: string) => html`<option value="${value}">${label}</option>`;
const townOptions = (all: string) => html`${option("", all)}${TOWNS.map((t) => option(t.id, t.name))}`;

embed.get("/", async (c) => {
  const origin = publicOrigin(c);
  const [employers, bundle] = await Promise.all([
    listEmployers(c.env.DB, new Date().toISOString()),
    pinnedBundle(c.env.ASSETS, new URL(c.req.url).origin),
  ]);
  c.header("Content-Security-Policy", WIDGET_PAGE_CSP);
  c.header("Cache-Control", "no-cache");
  return c.html(html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Widget-Baukasten – Heimvorteil</title>
<link rel="stylesheet" href="/assets/site.css">
<script type="module" src="${WIDGET_LOADER}"></script>
<script type="module" src="/embed/builder.js"></script>
</head>
<body>
<header><a href="/">Heimvorteil</a> · Widget-Baukasten / embed builder</header>
<main class="builder">
<h1>Widget einbinden</h1>
<form id="builder" data-pinned="${bundle?.pinned ?? ""}" data-integrity="${bundle?.integrity ?? ""}">
  <fieldset>
    <legend>Element</legend>
    <label><input type="radio" name="element" value="hv-jobs" checked> Stellen (&lt;hv-jobs&gt;)</label>
    <label><input type="radio" name="element" value="hv-events"> Termine (&lt;hv-events&gt;)</label>
  </fieldset>
  <fieldset data-for="hv-jobs">
    <legend>Stellen</legend>
    <label>Arbeitgeber <select name="employer">${option("", "Alle")}${employers.map((e) => option(e.id, `${e.name} (${e.open_jobs})`))}</select></label>
    <label>Ort <select name="town">${townOptions("Alle Orte")}</select></label>
    <label>Umkreis <select name="radius-km">${option("", "–")}${[10, 20, 30, 50].map((km) => option(String(km), `${km} km`))}</select></label>
    <label>Berufsfeld <select name="category">${option("", "Alle")}${CATEGORY_IDS.map((id) => option(id, CATEGORIES[id].de))}</select></label>
    <label>Anstellungsart <select name="employment">${option("", "Alle")}${EMPLOYMENT_IDS.map((id) => option(id, EMPLOYMENT_TYPES[id].de))}</select></label>
    <label>Suchbegriff <input name="q" maxlength="100"></label>
    <label>Darstellung <select name="layout" data-default="list">${option("list", "Liste")}${option("cards", "Karten")}${option("compact", "Kompakt")}</select></label>
    <label>Stellen pro Seite <input name="page-size" type="number" min="1" max="50" value="10" data-default="10"></label>
    <label><input type="checkbox" name="hide-search"> Suche ausblenden</label>
    <label><input type="checkbox" name="hide-filters"> Filter ausblenden</label>
    <label><input type="checkbox" name="deep-link"> Filter in der Adresse merken</label>
  </fieldset>
  <fieldset data-for="hv-events" hidden>
    <legend>Termine</legend>
    <label>Ort <select name="town">${townOptions("Alle Orte")}</select></label>
    <label>Art <select name="kind">${option("", "Alle")}${EVENT_KIND_IDS.map((id) => option(id, EVENT_KINDS[id].de))}</select></label>
    <label>Ansicht <select name="view" data-default="list">${option("list", "Liste")}${option("month", "Monat")}</select></label>
    <label><input type="checkbox" name="show-past"> Vergangene zeigen</label>
  </fieldset>
  <fieldset>
    <legend>Aussehen und Sprache</legend>
    <label>Sprache <select name="lang" data-default="de">${option("de", "Deutsch")}${option("en", "English")}</select></label>
    <label>Farbschema <select name="theme">${option("", "wie das System")}${option("light", "hell")}${option("dark", "dunkel")}</select></label>
    <label>Akzentfarbe <input type="color" name="--hv-color-accent" value="#0a6847" data-default="#0a6847"></label>
    <label>Ecken <select name="--hv-radius" data-default="0.5rem">${option("0.5rem", "rund")}${option("0", "eckig")}${option("1rem", "sehr rund")}</select></label>
    <label>Schrift <select name="--hv-font-family">${option("", "wie die Seite")}${option("system-ui, sans-serif", "Systemschrift")}${option("Georgia, serif", "Serif")}</select></label>
    ${bundle ? html`<label><input type="checkbox" name="pin"> Mit Subresource Integrity festnageln (keine automatischen Updates)</label>` : ""}
  </fieldset>
</form>
<h2>Vorschau</h2>
<div id="preview" class="preview"></div>
<h2>Code zum Einfügen</h2>
<textarea id="snippet" rows="6" readonly aria-label="Code zum Einfügen"></textarea>
<p><button type="button" id="copy" class="button">Kopieren</button> <span id="copied" role="status" data-text="Kopiert."></span></p>
<h2>Content Security Policy</h2>
<p>Hat Ihre Seite eine CSP, braucht sie diese Einträge (keine <code>unsafe-inline</code>, kein <code>unsafe-eval</code>):</p>
<pre>${hostCspLines(origin).join(";\n")}</pre>
</main>
<footer>Alle Arbeitgeber, Stellen und Termine hier sind erfundene Demo-Daten.</footer>
</body>
</html>`);
});
