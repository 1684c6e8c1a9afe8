/**
 * `GET /embed`: the embed builder, in German or English (`?lang=en`). Pick an element (jobs, events or the
 * signup), its filters, colours and language; see it live at full width or 375 px, on a light or dark page;
 * copy the snippet and the CSP lines it needs. The script is widget/src/builder/embed-builder.ts.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import type { Lang } from "../../../../shared/i18n.ts";
import {
  CATEGORIES,
  CATEGORY_IDS,
  EMPLOYMENT_IDS,
  EMPLOYMENT_TYPES,
  EVENT_KIND_IDS,
  EVENT_KINDS,
} from "../../../../shared/taxonomy.ts";
import { TOWNS } from "../../../../shared/towns.ts";
import { listEmployers } from "../../db/region.ts";
import type { AppEnv } from "../../env.ts";
import { publicOrigin } from "../../lib/origin.ts";
import { pinnedBundle, WIDGET_LOADER, WIDGET_PAGE_CSP } from "../../pages/host-pages.ts";
import { t as site } from "../../pages/messages.ts";

export const embed = new Hono<AppEnv>();

const TEXT = {
  de: {
    title: "Widget-Baukasten – Heimvorteil",
    heading: "Widget einbinden",
    intro:
      "Stell das Widget für deine Seite zusammen, sieh es dir an und kopiere den Code. Ein Script-Tag, ein Element – es passt sich deiner Seite an und bleibt klein.",
    element: "Was möchtest du einbinden?",
    jobs: "Stellen",
    events: "Termine",
    comeback: "„Komm zurück“-Anmeldung",
    jobsLegend: "Welche Stellen?",
    employers: "Arbeitgeber (keiner gewählt: alle)",
    regionLink: "Zusätzlich „Alle Stellen der Region“ anbieten",
    town: "Ort",
    allTowns: "Alle Orte",
    radius: "Umkreis",
    category: "Berufsfeld",
    employment: "Anstellungsart",
    all: "Alle",
    q: "Suchbegriff",
    layout: "Darstellung",
    list: "Liste",
    cards: "Karten",
    compact: "Kompakt",
    pageSize: "Stellen pro Seite",
    hideSearch: "Suche ausblenden",
    hideFilters: "Filter ausblenden",
    deepLink: "Filter in der Adresse merken",
    eventsLegend: "Welche Termine?",
    kind: "Art",
    view: "Ansicht",
    month: "Monat",
    eventsPageSize: "Termine pro Seite",
    showPast: "Vergangene zeigen",
    comebackLegend: "Anmeldung",
    source: "Name deiner Seite (wird mit der Einwilligung gespeichert)",
    looks: "Aussehen und Sprache",
    lang: "Sprache",
    theme: "Farbschema",
    light: "hell",
    dark: "dunkel",
    auto: "wie das System der Besucher",
    accent: "Akzentfarbe",
    radiusCorners: "Ecken",
    round: "rund",
    square: "eckig",
    veryRound: "sehr rund",
    font: "Schrift",
    pageFont: "wie die Seite",
    systemFont: "Systemschrift",
    serif: "Serif",
    headingLevel: "Überschriften-Ebene der Titel",
    pin: "Mit Subresource Integrity festnageln (keine automatischen Updates)",
    preview: "Vorschau",
    previewWidth: "Breite",
    full: "volle Breite",
    phone: "375 px (Handy)",
    previewPage: "Seite",
    lightPage: "helle Seite",
    darkPage: "dunkle Seite",
    code: "Code zum Einfügen",
    copy: "Code kopieren",
    copied: "Kopiert.",
    csp: "Content Security Policy",
    cspIntro:
      "Hat deine Seite eine CSP, braucht sie diese Einträge (keine unsafe-inline, kein unsafe-eval, kein style-src):",
    contrastLow:
      "Diese Akzentfarbe hat auf dem Hintergrund nur {ratio}:1 Kontrast – für Schrift zu wenig. Die Widgets zeigen Links und Schrift darum in einer {direction} Variante und schreiben auf Buttons {on}; wenn das anders aussieht als gewünscht, wähl eine kräftigere Farbe.",
    darker: "dunkleren",
    lighter: "helleren",
    black: "schwarz",
    white: "weiß",
    styleComment: "In dein Stylesheet (oder in dieses <style>-Element, wenn deine CSP Inline-Styles erlaubt):",
  },
  en: {
    title: "Embed builder – Heimvorteil",
    heading: "Embed a widget",
    intro:
      "Put together the widget for your site, look at it and copy the code. One script tag, one element – it fits your site and stays small.",
    element: "What would you like to embed?",
    jobs: "Jobs",
    events: "Events",
    comeback: "“Komm zurück” signup",
    jobsLegend: "Which jobs?",
    employers: "Employers (none chosen: all)",
    regionLink: "Also offer “All jobs in the region”",
    town: "Town",
    allTowns: "All towns",
    radius: "Radius",
    category: "Field",
    employment: "Employment type",
    all: "All",
    q: "Search term",
    layout: "Layout",
    list: "List",
    cards: "Cards",
    compact: "Compact",
    pageSize: "Jobs per page",
    hideSearch: "Hide the search",
    hideFilters: "Hide the filters",
    deepLink: "Keep the filters in the page address",
    eventsLegend: "Which events?",
    kind: "Kind",
    view: "View",
    month: "Month",
    eventsPageSize: "Events per page",
    showPast: "Show past events",
    comebackLegend: "Signup",
    source: "Your site's name (stored with the consent)",
    looks: "Looks and language",
    lang: "Language",
    theme: "Colour scheme",
    light: "light",
    dark: "dark",
    auto: "as the visitor's system",
    accent: "Accent colour",
    radiusCorners: "Corners",
    round: "round",
    square: "square",
    veryRound: "very round",
    font: "Font",
    pageFont: "as the page",
    systemFont: "system font",
    serif: "serif",
    headingLevel: "Heading level of the titles",
    pin: "Pin with Subresource Integrity (no automatic updates)",
    preview: "Preview",
    previewWidth: "Width",
    full: "full width",
    phone: "375 px (phone)",
    previewPage: "Page",
    lightPage: "light page",
    darkPage: "dark page",
    code: "Code to paste",
    copy: "Copy the code",
    copied: "Copied.",
    csp: "Content Security Policy",
    cspIntro: "If your site has a CSP, it needs these entries (no unsafe-inline, no unsafe-eval, no style-src):",
    contrastLow:
      "This accent colour has only {ratio}:1 contrast on the background – too little for text. The widgets therefore show links and text in a {direction} shade and write {on} on buttons; if that looks other than you want, pick a stronger colour.",
    darker: "darker",
    lighter: "lighter",
    black: "black",
    white: "white",
    styleComment: "In your stylesheet (or in this <style> element, if your CSP allows inline styles):",
  },
} as const satisfies Record<Lang, Record<string, string>>;

const option = (value: string, label: string, selected = false) =>
  html`<option value="${value}"${selected ? html` selected` : ""}>${label}</option>`;

embed.get("/", async (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const origin = publicOrigin(c);
  const [employers, bundle] = await Promise.all([
    listEmployers(c.env.DB, new Date().toISOString()),
    pinnedBundle(c.env.ASSETS, new URL(c.req.url).origin),
  ]);
  const townOptions = html`${option("", t.allTowns)}${TOWNS.map((town) => option(town.id, town.name))}`;
  // Texts the script shows, in the page's language.
  const scriptTexts = JSON.stringify({
    copied: t.copied,
    contrastLow: t.contrastLow,
    darker: t.darker,
    lighter: t.lighter,
    black: t.black,
    white: t.white,
    styleComment: t.styleComment,
  });
  // The preview shows <hv-comeback> too: its frame comes from this origin.
  c.header("Content-Security-Policy", `${WIDGET_PAGE_CSP}; frame-src 'self'`);
  c.header("Cache-Control", "no-cache");
  c.header("Vary", "Accept-Language");
  return c.html(html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${t.title}</title>
<meta name="description" content="${t.intro}">
<link rel="stylesheet" href="/assets/site.css">
<script type="module" src="${WIDGET_LOADER}"></script>
<script type="module" src="/embed/builder.js"></script>
</head>
<body>
<header><a href="/">Heimvorteil</a> · ${site(lang, "tagline")}</header>
<main class="builder">
<h1>${t.heading}</h1>
<p>${t.intro}</p>
<form id="builder" data-origin="${origin}" data-pinned="${bundle?.pinned ?? ""}" data-integrity="${bundle?.integrity ?? ""}" data-texts="${scriptTexts}">
  <fieldset class="choice">
    <legend>${t.element}</legend>
    <label><input type="radio" name="element" value="hv-jobs" checked> <span>${t.jobs} <code>&lt;hv-jobs&gt;</code></span></label>
    <label><input type="radio" name="element" value="hv-events"> <span>${t.events} <code>&lt;hv-events&gt;</code></span></label>
    <label><input type="radio" name="element" value="hv-comeback"> <span>${t.comeback} <code>&lt;hv-comeback&gt;</code></span></label>
  </fieldset>
  <fieldset data-for="hv-jobs">
    <legend>${t.jobsLegend}</legend>
    <div class="employers" role="group" aria-labelledby="employers-label">
      <span id="employers-label">${t.employers}</span>
      <div class="employer-list">${employers.map(
        (e) =>
          html`<label><input type="checkbox" name="employer" value="${e.id}"> <span>${e.name} (${e.open_jobs})</span></label>`,
      )}</div>
    </div>
    <label>${t.town} <select name="town">${townOptions}</select></label>
    <label>${t.radius} <select name="radius-km">${option("", "–")}${[10, 20, 30, 50].map((km) => option(String(km), `${km} km`))}</select></label>
    <label>${t.category} <select name="category">${option("", t.all)}${CATEGORY_IDS.map((id) => option(id, CATEGORIES[id][lang]))}</select></label>
    <label>${t.employment} <select name="employment">${option("", t.all)}${EMPLOYMENT_IDS.map((id) => option(id, EMPLOYMENT_TYPES[id][lang]))}</select></label>
    <label>${t.q} <input name="q" maxlength="100"></label>
    <label>${t.layout} <select name="layout" data-default="list">${option("list", t.list)}${option("cards", t.cards)}${option("compact", t.compact)}</select></label>
    <label>${t.pageSize} <input name="page-size" type="number" min="1" max="50" value="10" data-default="10"></label>
    <div class="options">
      <label><input type="checkbox" name="region-link" checked> ${t.regionLink}</label>
      <label><input type="checkbox" name="hide-search"> ${t.hideSearch}</label>
      <label><input type="checkbox" name="hide-filters"> ${t.hideFilters}</label>
      <label><input type="checkbox" name="deep-link"> ${t.deepLink}</label>
    </div>
  </fieldset>
  <fieldset data-for="hv-events" hidden>
    <legend>${t.eventsLegend}</legend>
    <label>${t.town} <select name="town">${townOptions}</select></label>
    <label>${t.kind} <select name="kind">${option("", t.all)}${EVENT_KIND_IDS.map((id) => option(id, EVENT_KINDS[id][lang]))}</select></label>
    <label>${t.view} <select name="view" data-default="list">${option("list", t.list)}${option("month", t.month)}</select></label>
    <label>${t.eventsPageSize} <input name="page-size" type="number" min="1" max="100" value="10" data-default="10"></label>
    <div class="options"><label><input type="checkbox" name="show-past"> ${t.showPast}</label></div>
  </fieldset>
  <fieldset data-for="hv-comeback" hidden>
    <legend>${t.comebackLegend}</legend>
    <label>${t.source} <input name="source" maxlength="100" placeholder="karriere.example"></label>
  </fieldset>
  <fieldset>
    <legend>${t.looks}</legend>
    <label>${t.lang} <select name="lang" data-default="de">${option("de", "Deutsch", lang === "de")}${option("en", "English", lang === "en")}</select></label>
    <label>${t.theme} <select name="theme">${option("", t.light)}${option("dark", t.dark)}${option("auto", t.auto)}</select></label>
    <label>${t.accent} <input type="color" name="--hv-color-accent" value="#0a6847" data-default="#0a6847"></label>
    <label data-not-for="hv-comeback">${t.radiusCorners} <select name="--hv-radius" data-default="0.5rem">${option("0.5rem", t.round)}${option("0", t.square)}${option("1rem", t.veryRound)}</select></label>
    <label data-not-for="hv-comeback">${t.font} <select name="--hv-font-family">${option("", t.pageFont)}${option("system-ui, sans-serif", t.systemFont)}${option("Georgia, serif", t.serif)}</select></label>
    <label data-not-for="hv-comeback">${t.headingLevel} <select name="heading-level" data-default="2">${[2, 3, 4, 5, 6].map((n) => option(String(n), `h${n}`))}</select></label>
    ${bundle ? html`<div class="options"><label><input type="checkbox" name="pin"> ${t.pin}</label></div>` : ""}
  </fieldset>
  <p class="warning" id="contrast" role="status" hidden></p>
</form>
<h2>${t.preview}</h2>
<div class="preview-controls">
  <fieldset><legend>${t.previewWidth}</legend>
    <label><input type="radio" name="preview-width" value="full" form="preview-form" checked> ${t.full}</label>
    <label><input type="radio" name="preview-width" value="phone" form="preview-form"> ${t.phone}</label>
  </fieldset>
  <fieldset><legend>${t.previewPage}</legend>
    <label><input type="radio" name="preview-page" value="light" form="preview-form" checked> ${t.lightPage}</label>
    <label><input type="radio" name="preview-page" value="dark" form="preview-form"> ${t.darkPage}</label>
  </fieldset>
  <form id="preview-form"></form>
</div>
<div id="preview" class="preview"></div>
<h2>${t.code}</h2>
<pre class="snippet"><code id="snippet"></code></pre>
<p><button type="button" id="copy" class="button">${t.copy}</button> <span id="copied" role="status"></span></p>
<h2>${t.csp}</h2>
<p>${t.cspIntro}</p>
<pre class="snippet"><code id="csp"></code></pre>
</main>
<footer>${site(lang, "demoData")}</footer>
</body>
</html>`);
});
