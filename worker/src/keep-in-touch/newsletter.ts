/**
 * The newsletter "Heimatpost": queued to its audience in steps on the mail queue, and written for each
 * reader when it is delivered. Queuing is one INSERT … SELECT per step (db/newsletters.ts), so a 50,000
 * audience is queued in seconds; each mail's text, salutation and signed links are made from the issue
 * and the reader as they are at delivery, so a reader who left the newsletter in between gets nothing,
 * and nothing personal waits in the outbox.
 */
import { isLang, type Lang } from "../../../shared/i18n.ts";
import { toMailText } from "../../../shared/newsletter-markup.ts";
import {
  countQueuedStatement,
  getNewsletter,
  NEWSLETTER_MAILING,
  type NewsletterRow,
  queuePage,
  type Reader,
  readers,
} from "../db/newsletters.ts";
import type { DueMail } from "../db/outbox.ts";
import { dataPageUrl } from "../lib/signed-links.ts";
import type { Mail } from "../mail/mailer.ts";
import { keepInTouchMail } from "../pages/keep-in-touch-mail.ts";
import type { StepResult } from "./digest.ts";
import { unsubscribeUrl } from "./links.ts";
import { DAY, weeklyCap } from "./sending.ts";

export const ARCHIVE_PATH = "/heimatpost";
export const NEWSLETTER_PER_STEP = 10_000;

/** One step: a page of the audience queued, the count kept on the issue, and where the next step starts. */
export async function newsletterStep(env: Env, id: number, now: Date, after = ""): Promise<StepResult> {
  const n = await getNewsletter(env.DB, id);
  if (n?.status !== "sending") return { looked: 0, mailed: 0, capped: 0 };
  const at = now.toISOString();
  const page = await queuePage(
    env.DB,
    n,
    after,
    NEWSLETTER_PER_STEP,
    at,
    new Date(now.getTime() - 7 * DAY).toISOString(),
    weeklyCap(env),
  );
  const done = page.looked < NEWSLETTER_PER_STEP;
  const counted = await countQueuedStatement(env.DB, id, done, at).run();
  return {
    looked: page.looked,
    mailed: page.queued,
    capped: page.waiting,
    rows_read: page.rows_read + counted.meta.rows_read,
    ...(done ? {} : { next: page.last }),
  };
}

const WORDS = {
  de: {
    archive: "Diese Ausgabe im Browser, mit Bildern:",
    image: "Bild",
    sample: { page: "[dein persönlicher Link zu deiner Seite]", leave: "[dein persönlicher Abmeldelink]" },
  },
  en: {
    archive: "This issue in your browser, with pictures:",
    image: "Picture",
    sample: { page: "[your personal link to your page]", leave: "[your personal unsubscribe link]" },
  },
} as const;

/** An issue's words: its German version and, optionally, an English one. */
export interface Versions {
  subject_de: string;
  body_de: string;
  subject_en?: string | null | undefined;
  body_en?: string | null | undefined;
}

/** The version a reader of `lang` gets: the English one when there is one. */
export function versionFor(n: Versions, lang: Lang) {
  return lang === "en" && n.subject_en && n.body_en
    ? { subject: n.subject_en, body: n.body_en }
    : { subject: n.subject_de, body: n.body_de };
}

export const archiveUrl = (origin: string, id: number, lang: Lang) => `${origin}${ARCHIVE_PATH}/${id}?lang=${lang}`;

interface Writing {
  to: string;
  lang: Lang;
  firstName: string | null;
  origin: string;
  /** The issue's id, for its archive link; undefined in a preview of a draft. */
  id?: number;
  dataLink: string;
  unsubscribe: string;
}

/** The mail of an issue to one reader, in their language, in the frame every keep-in-touch mail has. */
export function newsletterMail(n: Versions, w: Writing): Mail {
  const words = WORDS[w.lang];
  const version = versionFor(n, w.lang);
  return keepInTouchMail({
    to: w.to,
    lang: w.lang,
    firstName: w.firstName,
    want: "newsletter",
    subject: version.subject,
    lines: [
      ...(w.id === undefined ? [] : [`${words.archive}\n${archiveUrl(w.origin, w.id, w.lang)}`]),
      ...toMailText(version.body, w.origin, words.image),
    ],
    dataLink: w.dataLink,
    unsubscribe: w.unsubscribe,
  });
}

/** The same mail for the team's preview and test: the personal links shown as what they will be. */
export function sampleMail(
  n: Versions,
  to: string,
  firstName: string | null,
  lang: Lang,
  origin: string,
  id?: number,
): Mail {
  const sample = WORDS[lang].sample;
  const { headers: _none, ...mail } = newsletterMail(n, {
    to,
    lang,
    firstName,
    origin,
    ...(id === undefined ? {} : { id }),
    dataLink: sample.page,
    unsubscribe: sample.leave,
  });
  return mail;
}

export interface Written {
  /** Ready to send, with their text and headers. */
  ready: DueMail[];
  /** Not to be sent: the reader left the newsletter, or can no longer be mailed, since it was queued. */
  left: DueMail[];
}

/**
 * Writes the newsletter mails among `due` (queued without text) for their readers; other mails pass as
 * they are. Used at delivery, and by the dev outbox to show a mail that waits for sending hours.
 */
export async function writeNewsletterMails(env: Env, due: readonly DueMail[]): Promise<Written> {
  const pending = due.filter((m) => m.mailing?.startsWith(NEWSLETTER_MAILING) && m.text === "");
  if (pending.length === 0) return { ready: [...due], left: [] };
  const issues = new Map<string, NewsletterRow | null>();
  for (const mailing of new Set(pending.map((m) => m.mailing as string)))
    issues.set(mailing, await getNewsletter(env.DB, Number(mailing.slice(NEWSLETTER_MAILING.length))));
  const people = await readers(env.DB, [...new Set(pending.map((m) => m.signup_id as string))]);
  const secret = env.SIGNING_KEY ?? "";
  const written: Written = { ready: [], left: [] };
  for (const mail of due) {
    if (!pending.includes(mail)) {
      written.ready.push(mail);
      continue;
    }
    const n = issues.get(mail.mailing as string);
    const reader: Reader | undefined = people.get(mail.signup_id as string);
    if (!n?.origin || !reader?.wanted) {
      written.left.push(mail);
      continue;
    }
    const lang = isLang(reader.lang) ? reader.lang : "de";
    const text = newsletterMail(n, {
      to: mail.to,
      lang,
      firstName: reader.first_name,
      origin: n.origin,
      id: n.id,
      dataLink: await dataPageUrl(n.origin, secret, reader.id, reader.link_version),
      unsubscribe: await unsubscribeUrl(n.origin, secret, reader.id, "newsletter", lang),
    });
    written.ready.push({ ...mail, ...text });
  }
  return written;
}
