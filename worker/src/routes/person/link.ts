/**
 * The person a personal link names (worker/src/lib/signed-links.ts), the language of their pages, and the
 * page every broken link gets. Shared by /me and its Steckbrief forms.
 */
import type { Context } from "hono";
import { html } from "hono/html";
import { isLang, type Lang } from "../../../../shared/i18n.ts";
import { getSignup, type SignupRecord } from "../../db/signups.ts";
import type { AppEnv } from "../../env.ts";
import { type PersonalLink, verifyLink } from "../../lib/signed-links.ts";
import { page } from "../../pages/layout.ts";

const T = {
  de: {
    title: "Deine Daten",
    invalid:
      "Dieser Link funktioniert nicht (mehr): Er ist ungültig, älter als ein Jahr oder durch einen neueren ersetzt, oder die Daten sind gelöscht. Den aktuellen Link findest du in unserer letzten E-Mail; meldest du dich mit deiner Adresse neu an, schicken wir dir einen frischen.",
  },
  en: {
    title: "Your data",
    invalid:
      "This link does not work (any more): it is invalid, older than a year or replaced by a newer one, or the data has been deleted. You find the current link in our latest e-mail; if you sign up again with your address, we send you a fresh one.",
  },
} as const;

export interface Person {
  record: SignupRecord;
  /** The link the page was opened with, to carry on in its forms. */
  link: PersonalLink & { sig: string };
}

/**
 * The person a signed link names, when its signature holds, it is not older than a year and it is of the
 * person's current link version; otherwise undefined (then the caller answers with the invalid page).
 */
export async function person(c: Context<AppEnv>, q: Record<string, unknown>): Promise<Person | undefined> {
  const link = await verifyLink(c.env.SIGNING_KEY ?? "", q);
  if (!link) return undefined;
  const record = await getSignup(c.env.DB, link.id);
  return record && record.link_version === link.version ? { record, link: { ...link, sig: String(q.sig) } } : undefined;
}

/** The page's language: one asked for with ?lang (the switch on the page), else the one the person chose. */
export function pageLang(c: Context<AppEnv>, record: SignupRecord): Lang {
  const asked = c.req.query("lang");
  if (isLang(asked)) return asked;
  return isLang(record.lang) ? record.lang : c.get("language");
}

export function invalid(c: Context<AppEnv>) {
  const t = T[c.get("language")];
  return c.html(
    page({
      lang: c.get("language"),
      title: t.title,
      description: t.title,
      robots: "noindex",
      body: html`<h1>${t.title}</h1><p>${t.invalid}</p>`,
    }),
    404,
  );
}

/** The query that carries the page's link on: `id=…&v=…&t=…&sig=…`. */
export const queryOf = (link: Person["link"]) =>
  `id=${encodeURIComponent(link.id)}&v=${link.version}&t=${link.issued}&sig=${link.sig}`;
