/**
 * The newsletter "Heimatpost" as the console writes and sends it (`/v1/staff/newsletters`, a whole version each time it is saved): a German
 * text, an optional English one, and an audience by town, field and language (an empty list: all).
 * The texts are Markdown; links go to https, http, mailto or our own pages, images come from our own
 * site only (shared/newsletter-markup.ts).
 */
import { z } from "zod";
import { LANGS } from "../i18n.ts";
import { TOWN_IDS } from "../ids.ts";
import { markupProblems } from "../newsletter-markup.ts";
import { CATEGORY_IDS } from "../taxonomy.ts";
import { isoDateTimeSchema } from "./common.ts";
import { townInputSchema } from "./region.ts";
import { plain, prose } from "./signup.ts";

export const NEWSLETTER_BODY_MAX = 20_000;
export const NEWSLETTER_STATUSES = ["draft", "scheduled", "sending", "sent"] as const;

const subject = plain(150).pipe(z.string().min(3));
const body = prose(NEWSLETTER_BODY_MAX)
  .pipe(z.string().min(1))
  .superRefine((text, ctx) => {
    for (const key of markupProblems(text)) ctx.addIssue({ code: "custom", params: { key } });
  })
  .describe(
    "Markdown (CommonMark, no HTML): # headings, paragraphs, lists, [links](https://…), ![images](/heimatpost/bilder/ID) from our own site only.",
  );

const audience = {
  towns: z.array(townInputSchema).max(TOWN_IDS.length).describe("People who named one of these towns; [] for all."),
  fields: z.array(z.enum(CATEGORY_IDS)).max(CATEGORY_IDS.length).describe("People of these fields; [] for all."),
  langs: z.array(z.enum(LANGS)).max(LANGS.length).describe("People who read in these languages; [] for both."),
};

/** An English subject without a text, or a text without a subject, is half a version. */
function bothOrNeither(
  n: { subject_en?: string | null | undefined; body_en?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (n.subject_en && !n.body_en)
    ctx.addIssue({ code: "custom", path: ["body_en"], params: { key: "english_needs_both" } });
  if (n.body_en && !n.subject_en)
    ctx.addIssue({ code: "custom", path: ["subject_en"], params: { key: "english_needs_both" } });
}

export const newsletterInputSchema = z
  .strictObject({
    subject_de: subject,
    body_de: body,
    subject_en: z
      .union([subject, z.literal("")])
      .nullish()
      .describe("The English subject; empty or absent: none."),
    body_en: z
      .union([body, z.literal("")])
      .nullish()
      .describe("The English text; empty or absent: none."),
    towns: audience.towns.default([]),
    fields: audience.fields.default([]),
    langs: audience.langs.default([]),
  })
  .superRefine(bothOrNeither)
  .meta({ id: "NewsletterInput" });
export type NewsletterInput = z.infer<typeof newsletterInputSchema>;

export const newsletterSendSchema = z
  .strictObject({
    at: isoDateTimeSchema
      .optional()
      .describe("When to send it; absent or past: now. Mails go out within sending hours (07:00–20:00 Berlin)."),
  })
  .meta({ id: "NewsletterSend" });

export const newsletterSchema = z
  .object({
    id: z.int(),
    subject_de: z.string(),
    body_de: z.string(),
    subject_en: z.string().nullable(),
    body_en: z.string().nullable(),
    towns: z.array(z.enum(TOWN_IDS)),
    fields: z.array(z.enum(CATEGORY_IDS)),
    langs: z.array(z.enum(LANGS)),
    status: z.enum(NEWSLETTER_STATUSES),
    send_at: isoDateTimeSchema.nullable().describe("When it is to go (scheduled) or went."),
    sent_at: isoDateTimeSchema.nullable(),
    recipients: z.int().nullable().describe("Mails queued so far."),
    author: z.string().nullable(),
    updated_at: isoDateTimeSchema,
    editable: z.boolean().describe("Whether this account may change, send or delete it (drafts and scheduled only)."),
    archive_url: z.string().nullable().describe("Its public archive page, once sent."),
  })
  .meta({ id: "Newsletter" });
export type NewsletterDto = z.infer<typeof newsletterSchema>;

export const newsletterListSchema = z.object({ data: z.array(newsletterSchema) }).meta({ id: "NewsletterList" });

const previewVersion = z.object({
  subject: z.string(),
  text: z.string().describe("The mail's plain text as a reader gets it, with the sender's own name."),
  html: z.string().describe("The archive page's HTML of the text."),
});

export const newsletterPreviewSchema = z
  .object({
    audience: z.int().describe("People it would reach now: confirmed, mailable, who chose the newsletter."),
    de: previewVersion,
    en: previewVersion.describe("Without an English version, the German one with the English frame."),
  })
  .meta({ id: "NewsletterPreview" });
export type NewsletterPreview = z.infer<typeof newsletterPreviewSchema>;

export const newsletterTestSchema = z
  .object({ to: z.string(), mails: z.int().describe("One per version written (German, and English if any).") })
  .meta({ id: "NewsletterTest" });

export const newsletterImageSchema = z
  .object({ id: z.string(), url: z.string(), markdown: z.string().describe("To paste into the text.") })
  .meta({ id: "NewsletterImage" });
