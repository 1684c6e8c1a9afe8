/**
 * The public archive of the newsletter "Heimatpost" (`/heimatpost`): every issue that has gone out, each
 * on a page of its own in German or, where written, English, and the issues' pictures. Nothing personal:
 * the same page for every reader, cached like the other public pages, loading nothing from elsewhere.
 */
import { type Context, Hono } from "hono";
import { html, raw } from "hono/html";
import { isLang, type Lang } from "../../../../shared/i18n.ts";
import { toArchiveHtml } from "../../../../shared/newsletter-markup.ts";
import { idParamSchema } from "../../../../shared/schemas/common.ts";
import { type ArchivedIssue, getArchived, getImage, listArchive } from "../../db/newsletters.ts";
import type { AppEnv } from "../../env.ts";
import { ARCHIVE_PATH, versionFor } from "../../keep-in-touch/newsletter.ts";
import { PAGE_CSP, page } from "../../pages/layout.ts";
import { signupHref } from "../../pages/signup-link.ts";

export const newsletterArchive = new Hono<AppEnv>();

const T = {
  de: {
    title: "Heimatpost",
    intro:
      "Die Heimatpost ist der Newsletter von Heimvorteil: Neues aus dem Hochsauerland für alle, die von hier kommen. Hier stehen alle Ausgaben.",
    none: "Noch ist keine Ausgabe erschienen.",
    subscribe: "Die Heimatpost per E-Mail bekommen",
    all: "Alle Ausgaben",
    germanOnly: "Diese Ausgabe gibt es nur auf Deutsch.",
    other: "English",
    missing: "Diese Ausgabe gibt es nicht.",
    of: (date: string) => `Ausgabe vom ${date}`,
  },
  en: {
    title: "Heimatpost",
    intro:
      "Heimatpost is Heimvorteil's newsletter: news from the Hochsauerland for everyone who comes from here. Here are all its issues.",
    none: "No issue has appeared yet.",
    subscribe: "Get the Heimatpost by e-mail",
    all: "All issues",
    germanOnly: "This issue is in German only.",
    other: "Deutsch",
    missing: "There is no such issue.",
    of: (date: string) => `Issue of ${date}`,
  },
} as const;

const LOCALE = { de: "de-DE", en: "en-GB" } as const;
const dateOf = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(LOCALE[lang], { timeZone: "Europe/Berlin", dateStyle: "long" }).format(new Date(iso));

function langOf(c: Context<AppEnv>): Lang {
  const asked = c.req.query("lang");
  return isLang(asked) ? asked : c.get("language");
}

function send(
  c: Context<AppEnv>,
  lang: Lang,
  title: string,
  body: ReturnType<typeof html>,
  status: 200 | 404 = 200,
  description: string = T[lang].intro,
) {
  c.header("Content-Security-Policy", PAGE_CSP);
  c.header("Cache-Control", status === 200 ? "public, max-age=300" : "no-store");
  c.header("Vary", "Accept-Language");
  return c.html(page({ lang, title, description, body }), status);
}

const subscribe = (lang: Lang) =>
  html`<p><a class="button" href="${signupHref(lang, "heimatpost")}">${T[lang].subscribe}</a></p>`;

newsletterArchive.get("/", async (c) => {
  const lang = langOf(c);
  const t = T[lang];
  const issues = await listArchive(c.env.DB);
  const item = (i: ArchivedIssue) =>
    html`<li><a href="${ARCHIVE_PATH}/${i.id}?lang=${lang}">${versionFor(i, lang).subject}</a><small>${dateOf(lang, i.sent_at)}</small></li>`;
  return send(
    c,
    lang,
    `${t.title} – Heimvorteil`,
    html`<p class="lang-switch"><a href="${ARCHIVE_PATH}?lang=${lang === "de" ? "en" : "de"}" hreflang="${lang === "de" ? "en" : "de"}" lang="${lang === "de" ? "en" : "de"}">${t.other}</a></p>
<h1>${t.title}</h1>
<p>${t.intro}</p>
${issues.length ? html`<ul class="list">${issues.map(item)}</ul>` : html`<p class="notice" role="status">${t.none}</p>`}
${subscribe(lang)}`,
  );
});

newsletterArchive.get("/bilder/:id", async (c) => {
  const id = c.req.param("id");
  const image = /^[0-9a-f]{32}$/.test(id) ? await getImage(c.env.DB, id) : null;
  if (!image) return c.body(null, 404);
  c.header("Content-Type", image.type);
  // Its id is new with every upload, so the bytes behind it never change.
  c.header("Cache-Control", "public, max-age=31536000, immutable");
  c.header("Content-Security-Policy", "default-src 'none'; sandbox");
  c.header("Cross-Origin-Resource-Policy", "same-site");
  return c.body(image.bytes);
});

newsletterArchive.get("/:id", async (c) => {
  const lang = langOf(c);
  const t = T[lang];
  const parsed = idParamSchema.safeParse({ id: c.req.param("id") });
  const issue = parsed.success ? await getArchived(c.env.DB, parsed.data.id) : null;
  if (!issue)
    return send(
      c,
      lang,
      t.missing,
      html`<h1>${t.missing}</h1><p><a href="${ARCHIVE_PATH}?lang=${lang}">${t.all}</a></p>${subscribe(lang)}`,
      404,
    );
  const version = versionFor(issue, lang);
  const german = lang === "en" && version.subject === issue.subject_de;
  const other = lang === "de" ? "en" : "de";
  return send(
    c,
    lang,
    `${version.subject} – ${t.title}`,
    html`${issue.subject_en ? html`<p class="lang-switch"><a href="${ARCHIVE_PATH}/${issue.id}?lang=${other}" hreflang="${other}" lang="${other}">${T[lang].other}</a></p>` : ""}
<p class="muted">${t.title} · ${t.of(dateOf(lang, issue.sent_at))}</p>
${german ? html`<p class="notice" lang="en">${t.germanOnly}</p>` : ""}
<article class="issue"${german ? raw(' lang="de"') : ""}>
<h1>${version.subject}</h1>
${raw(toArchiveHtml(version.body))}
</article>
${subscribe(lang)}
<p><a href="${ARCHIVE_PATH}?lang=${lang}">${t.all}</a></p>`,
    200,
    `${t.title} · ${t.of(dateOf(lang, issue.sent_at))}: ${version.subject}`,
  );
});
