/** `GET /jobs/:id`: a crawlable page per job with JobPosting JSON-LD; a closed job answers 410 without it. */
import { type Context, Hono } from "hono";
import { html, raw } from "hono/html";
import type { Lang } from "../../../../shared/i18n.ts";
import { safeHref } from "../../../../shared/links.ts";
import { ROUTES } from "../../../../shared/routes.ts";
import { idParamSchema } from "../../../../shared/schemas/common.ts";
import { EMPLOYMENT_TYPES, REMOTE_MODES } from "../../../../shared/taxonomy.ts";
import { getJob } from "../../db/jobs.ts";
import type { AppEnv } from "../../env.ts";
import { publicCache } from "../../lib/cache.ts";
import { publicOrigin } from "../../lib/origin.ts";
import { formatDate, formatEuro } from "../../pages/format.ts";
import { jobPosting } from "../../pages/job-posting.ts";
import { PAGE_CSP, page } from "../../pages/layout.ts";
import { t } from "../../pages/messages.ts";
import { toJob } from "../../present/jobs.ts";

export const jobPages = new Hono<AppEnv>();

function sendPage(c: Context<AppEnv>, body: Parameters<typeof c.html>[0], status: 200 | 404 | 410) {
  c.header("Content-Security-Policy", PAGE_CSP);
  return c.html(body, status);
}

function gonePage(c: Context<AppEnv>, lang: Lang, status: 404 | 410) {
  const [title, text] =
    status === 410 ? (["expiredTitle", "expiredText"] as const) : (["notFoundTitle", "notFoundText"] as const);
  return sendPage(
    c,
    page({
      lang,
      title: t(lang, title),
      description: t(lang, text),
      robots: "noindex",
      body: html`<h1>${t(lang, title)}</h1><p>${t(lang, text)}</p><p><a class="button" href="/">${t(lang, "moreJobs")}</a></p>`,
    }),
    status,
  );
}

jobPages.get("/:id", publicCache(300), async (c) => {
  const lang = c.get("language");
  const id = idParamSchema.safeParse(c.req.param());
  const row = id.success ? await getJob(c.env.DB, id.data.id) : null;
  if (!row) return gonePage(c, lang, 404);
  if (row.valid_through <= new Date().toISOString()) {
    // The Jobbörse's copy of a job the employer's own feed carries: the page people should find is that one.
    const shown = row.duplicate_of === null ? null : await getJob(c.env.DB, row.duplicate_of);
    if (shown && shown.valid_through > new Date().toISOString())
      // 302, not 301: should the employer's copy close, this page may open again.
      return c.redirect(new URL(ROUTES.jobPage(shown.id), publicOrigin(c)).href, 302);
    return gonePage(c, lang, 410);
  }

  const job = toJob(row, lang, publicOrigin(c));
  const badges = [
    ...job.employment.map((e) => EMPLOYMENT_TYPES[e][lang]),
    ...(job.remote === "onsite" ? [] : [REMOTE_MODES[job.remote][lang]]),
  ];
  const body = html`
<article>
  <h1>${job.title}</h1>
  <ul class="badges">${badges.map((b) => html`<li>${b}</li>`)}</ul>
  <dl class="meta">
    <dt>${t(lang, "employer")}</dt><dd>${job.employer.name}</dd>
    <dt>${t(lang, "location")}</dt><dd>${job.town.name}, Hochsauerlandkreis</dd>
    <dt>${t(lang, "posted")}</dt><dd><time datetime="${job.posted_at}">${formatDate(job.posted_at, lang)}</time></dd>
    ${job.valid_through ? html`<dt>${t(lang, "validThrough")}</dt><dd><time datetime="${job.valid_through}">${formatDate(job.valid_through, lang)}</time></dd>` : ""}
    ${row.source_name ? html`<dt>${t(lang, "source")}</dt><dd>${row.source_url && safeHref(row.source_url) ? html`<a href="${safeHref(row.source_url)}" rel="nofollow noopener">${row.source_name}</a>` : row.source_name}</dd>` : ""}
    ${job.salary ? html`<dt>${t(lang, "salary")}</dt><dd>${formatEuro(job.salary.min, lang)} – ${formatEuro(job.salary.max, lang)}</dd>` : ""}
  </dl>
  <div class="description">${
    // Imported HTML was reduced to a small allow-list when it arrived (worker/src/import/sanitise.ts).
    job.description_html
      ? raw(job.description_html)
      : job.description.split(/\n\s*\n/).map((p) => html`<p>${p.trim()}</p>`)
  }</div>
  <p>${job.apply_url ? html`<a class="button" href="${job.apply_url}" rel="nofollow noopener">${t(lang, "apply")}</a>` : t(lang, "applyViaEmployer")}</p>
  <p><a href="/">${t(lang, "moreJobs")}</a></p>
</article>`;
  return sendPage(
    c,
    page({
      lang,
      title: `${job.title} – ${job.employer.name}, ${job.town.name}`,
      description: job.summary,
      canonical: new URL(ROUTES.jobPage(job.id), publicOrigin(c)).href,
      jsonLd: jobPosting(job, row.employer_website),
      body,
    }),
    200,
  );
});
