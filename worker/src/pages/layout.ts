/** The frame of every server-rendered page; all interpolation goes through hono/html, which escapes. */
import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Lang } from "../../../shared/i18n.ts";
import { t } from "./messages.ts";

export interface PageOptions {
  lang: Lang;
  title: string;
  description: string;
  canonical?: string | undefined;
  robots?: string | undefined;
  /** Structured data; serialised so that no text in it can close the script element. */
  jsonLd?: object | undefined;
  body: HtmlEscapedString | Promise<HtmlEscapedString>;
  /** A module script of our own origin (the widget loader on pages that show widgets). */
  script?: string | undefined;
  /** The line beside the name in the header; the public pages' tagline unless said (the console's own). */
  tagline?: string | undefined;
}

/** JSON for a <script> block: `<`, `>`, `&` and the JS line separators are written as \\u escapes. */
export function scriptJson(value: object): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// Inline scripts and styles are forbidden; JSON-LD is a data block, which browsers never execute.
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Headers for pages reached by a personal link (confirmation, `/me`): our CSP, never stored by a cache,
 * the link not passed on to wherever the reader goes next, not indexed.
 */
export const privatePage: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("Content-Security-Policy", PAGE_CSP);
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Robots-Tag", "noindex");
};

/**
 * State changes from our own pages only: the browser's Origin (our origin or the public one) or
 * Sec-Fetch-Site says so. For the POST forms of pages reached by a personal link (confirm, change,
 * invalidate, erase) SameSite does not help (no cookies): this is what stops another site's form posting
 * for them. The staff API and the admin API use it on top of their SameSite session cookie.
 */
export const ownFormsOnly: MiddlewareHandler<{ Bindings: Env }> = csrf({
  origin: (origin, c) =>
    origin === new URL(c.req.url).origin || (!!c.env.PUBLIC_ORIGIN && origin === c.env.PUBLIC_ORIGIN),
});

export function page(o: PageOptions) {
  return html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${o.title}</title>
<meta name="description" content="${o.description}">
${o.robots ? html`<meta name="robots" content="${o.robots}">` : ""}
${o.canonical ? html`<link rel="canonical" href="${o.canonical}">` : ""}
<link rel="stylesheet" href="/assets/site.css">
${o.script ? html`<script type="module" src="${o.script}"></script>` : ""}
${o.jsonLd ? html`<script type="application/ld+json">${raw(scriptJson(o.jsonLd))}</script>` : ""}
</head>
<body>
<header><a href="/">Heimvorteil</a> · ${o.tagline ?? t(o.lang, "tagline")}</header>
<main>${o.body}</main>
<footer>${t(o.lang, "demoData")}</footer>
</body>
</html>`;
}
