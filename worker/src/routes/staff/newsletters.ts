/**
 * The newsletter "Heimatpost" in the console (`/v1/staff/newsletters`): drafts written and saved whole,
 * a preview of the mail in German and English with the audience it reaches, a test to one's own address,
 * sending now or at a time, and pictures uploaded to our own origin. The district team writes for anyone;
 * a town account for people of its towns only. Every change is audited in the same batch.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { Lang } from "../../../../shared/i18n.ts";
import { toArchiveHtml } from "../../../../shared/newsletter-markup.ts";
import { idParamSchema } from "../../../../shared/schemas/common.ts";
import {
  type NewsletterInput,
  newsletterInputSchema,
  newsletterSendSchema,
} from "../../../../shared/schemas/newsletter.ts";
import {
  audienceSize,
  createNewsletterStatement,
  deleteNewsletterStatement,
  getNewsletter,
  insertImageStatement,
  listNewsletters,
  type NewsletterRow,
  scheduleStatement,
  startSendingStatement,
  unscheduleStatement,
  updateNewsletterStatement,
} from "../../db/newsletters.ts";
import { outboxInsert } from "../../db/outbox.ts";
import { auditIfChangedStatement, auditStatement } from "../../db/staff.ts";
import { sampleMail } from "../../keep-in-touch/newsletter.ts";
import { IMAGE_PATH, IMAGE_TYPES, isImageOf, MAX_IMAGE_BYTES } from "../../keep-in-touch/newsletter-images.ts";
import { runNewsletterStep } from "../../keep-in-touch/queue.ts";
import { ApiError } from "../../lib/errors.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { type StaffEnv, scopeOf } from "../../lib/staff-session.ts";
import { jsonBody } from "../../lib/validate.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import { inTownScope, toNewsletter } from "../../present/newsletters.ts";

export const staffNewsletters = new Hono<StaffEnv>();

const scope = (c: Context<StaffEnv>) => scopeOf(c.get("staff"));
const firstName = (c: Context<StaffEnv>) => c.get("staff").name.split(/\s+/)[0] ?? null;

/** A town account writes for people who named its towns: the audience must lie within them. */
function checkAudience(c: Context<StaffEnv>, n: NewsletterInput) {
  if (inTownScope(n.towns, scope(c))) return;
  throw new ApiError(400, "invalid_body", {
    towns:
      c.get("language") === "en"
        ? "Please choose one or more of your own towns."
        : "Bitte einen oder mehrere Ihrer eigenen Orte wählen.",
  });
}

async function issueInScope(c: Context<StaffEnv>, raw: string): Promise<NewsletterRow> {
  const parsed = idParamSchema.safeParse({ id: raw });
  const row = parsed.success ? await getNewsletter(c.env.DB, parsed.data.id) : null;
  if (!row || !inTownScope(JSON.parse(row.towns) as string[], scope(c))) throw new ApiError(404, "not_found");
  return row;
}

const answer = async (c: Context<StaffEnv>, id: number, status: 200 | 201 = 200) => {
  const row = await getNewsletter(c.env.DB, id);
  if (!row) throw new ApiError(404, "not_found");
  return c.json(toNewsletter(row, scope(c)), status);
};

/** One change with its audit entry, written only when the change was (else 409: it has gone out). */
async function change(c: Context<StaffEnv>, id: number, statement: D1PreparedStatement, action: string, now: string) {
  const [changed] = await c.env.DB.batch([
    statement,
    auditIfChangedStatement(c.env.DB, { staff_id: c.get("staff").id, action, detail: { newsletter: id } }, now),
  ]);
  if (!changed?.meta.changes) throw new ApiError(409, "not_open");
}

const origin = (c: Context<StaffEnv>) => {
  const o = mailOrigin(c);
  if (!o) throw new ApiError(409, "mail_not_configured");
  return o;
};

staffNewsletters.get("/", async (c) => {
  const rows = await listNewsletters(c.env.DB);
  const s = scope(c);
  return c.json({
    data: rows.filter((r) => inTownScope(JSON.parse(r.towns) as string[], s)).map((r) => toNewsletter(r, s)),
  });
});

staffNewsletters.post("/", async (c) => {
  const n = await jsonBody(c, newsletterInputSchema);
  checkAudience(c, n);
  const now = new Date().toISOString();
  const [created] = await c.env.DB.batch<{ id: number }>([
    createNewsletterStatement(c.env.DB, n, c.get("staff").id, now),
    auditStatement(c.env.DB, { staff_id: c.get("staff").id, action: "newsletter.create" }, now),
  ]);
  return answer(c, created?.results[0]?.id ?? 0, 201);
});

/** Where each reader's own first name will stand in the preview (the test mail greets its sender). */
const SAMPLE_NAME = { de: "[Vorname]", en: "[first name]" } as const;

/** The mail as readers get it, in both languages, with how many it reaches now; nothing is saved. */
staffNewsletters.post("/preview", async (c) => {
  const n = await jsonBody(c, newsletterInputSchema);
  checkAudience(c, n);
  const o = mailOrigin(c) ?? new URL(c.req.url).origin;
  const version = (lang: Lang) => {
    const mail = sampleMail(n, c.get("staff").email, SAMPLE_NAME[lang], lang, o);
    const en = lang === "en" && n.subject_en && n.body_en;
    return { subject: mail.subject, text: mail.text, html: toArchiveHtml(en ? (n.body_en as string) : n.body_de) };
  };
  return c.json({ audience: await audienceSize(c.env.DB, n), de: version("de"), en: version("en") });
});

staffNewsletters.get("/:id", async (c) => c.json(toNewsletter(await issueInScope(c, c.req.param("id")), scope(c))));

staffNewsletters.put("/:id", async (c) => {
  const row = await issueInScope(c, c.req.param("id"));
  const n = await jsonBody(c, newsletterInputSchema);
  checkAudience(c, n);
  const now = new Date().toISOString();
  await change(c, row.id, updateNewsletterStatement(c.env.DB, row.id, n, now), "newsletter.update", now);
  return answer(c, row.id);
});

staffNewsletters.delete("/:id", async (c) => {
  const row = await issueInScope(c, c.req.param("id"));
  const now = new Date().toISOString();
  await change(c, row.id, deleteNewsletterStatement(c.env.DB, row.id), "newsletter.delete", now);
  return c.body(null, 204);
});

/**
 * A test to the signed-in account's own address, one mail per version written, at once (not paced, not
 * counted for anyone's cap); the personal links are shown as what they will be.
 */
staffNewsletters.post("/:id/test", async (c) => {
  const row = await issueInScope(c, c.req.param("id"));
  const o = origin(c);
  const staff = c.get("staff");
  const langs: Lang[] = row.subject_en && row.body_en ? ["de", "en"] : ["de"];
  const now = new Date().toISOString();
  await c.env.DB.batch([
    ...langs.map((lang) => {
      const mail = sampleMail(row, staff.email, firstName(c), lang, o, row.id);
      return outboxInsert(c.env.DB, null, { ...mail, subject: `[Test] ${mail.subject}` }, now);
    }),
    auditStatement(c.env.DB, { staff_id: staff.id, action: "newsletter.test", detail: { newsletter: row.id } }, now),
  ]);
  deliverSoon(c.executionCtx, c.env, new Date(now));
  return c.json({ to: staff.email, mails: langs.length });
});

/**
 * Sends it now (the first step of queuing runs in this request; more follow on the mail queue) or
 * schedules it for `at`. Its mails go out at the provider's rate within sending hours.
 */
staffNewsletters.post("/:id/send", async (c) => {
  const row = await issueInScope(c, c.req.param("id"));
  const { at } = await jsonBody(c, newsletterSendSchema);
  const o = origin(c);
  const now = new Date();
  const iso = now.toISOString();
  if (at && Date.parse(at) > now.getTime()) {
    const when = new Date(at).toISOString();
    await change(c, row.id, scheduleStatement(c.env.DB, row.id, when, o, iso), "newsletter.schedule", iso);
    return answer(c, row.id);
  }
  await change(c, row.id, startSendingStatement(c.env.DB, row.id, o, iso), "newsletter.send", iso);
  await runNewsletterStep(c.env, row.id, "");
  return answer(c, row.id);
});

staffNewsletters.post("/:id/unschedule", async (c) => {
  const row = await issueInScope(c, c.req.param("id"));
  const now = new Date().toISOString();
  await change(c, row.id, unscheduleStatement(c.env.DB, row.id, now), "newsletter.unschedule", now);
  return answer(c, row.id);
});

/** A picture for the text (PNG, JPEG, WebP or GIF, at most 1 MB), as the request's body. */
export const staffNewsletterImages = new Hono<StaffEnv>();

staffNewsletterImages.post("/", async (c) => {
  const lang = c.get("language");
  const type = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!(IMAGE_TYPES as readonly string[]).includes(type))
    throw new ApiError(400, "invalid_body", {
      file:
        lang === "en"
          ? "Please choose a PNG, JPEG, WebP or GIF picture."
          : "Bitte ein Bild als PNG, JPEG, WebP oder GIF wählen.",
    });
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_IMAGE_BYTES)
    throw new ApiError(400, "invalid_body", {
      file: lang === "en" ? "The picture may be at most 1 MB." : "Das Bild darf höchstens 1 MB groß sein.",
    });
  if (!isImageOf(type, bytes))
    throw new ApiError(400, "invalid_body", {
      file:
        lang === "en"
          ? "This file is not the picture it claims to be."
          : "Diese Datei ist nicht das Bild, als das sie gesendet wurde.",
    });
  const id = crypto.randomUUID().replaceAll("-", "");
  const now = new Date().toISOString();
  await c.env.DB.batch([
    insertImageStatement(c.env.DB, id, type, bytes, c.get("staff").id, now),
    auditStatement(c.env.DB, { staff_id: c.get("staff").id, action: "newsletter.image", detail: { image: id } }, now),
  ]);
  const url = `${IMAGE_PATH}/${id}`;
  return c.json(
    { id, url, markdown: `![${lang === "en" ? "Describe the picture" : "Beschreibung des Bildes"}](${url})` },
    201,
  );
});
