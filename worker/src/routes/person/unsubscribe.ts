/**
 * `/abmelden`: leaving one purpose (job digest, invitations, newsletter) from the link in its mails. GET
 * shows a button and changes nothing, so a mail scanner that opens every link unsubscribes no one; POST
 * leaves that purpose at once, without sign-in or cookies: the mail client's one-click unsubscribe
 * (RFC 8058, `List-Unsubscribe=One-Click`) posts here from its own servers. The signature names the
 * person and the purpose, so a link ends nothing else.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { isLang, type Lang } from "../../../../shared/i18n.ts";
import { WANT_IDS, WANTS } from "../../../../shared/signup-options.ts";
import { leavePurpose } from "../../db/keep-in-touch.ts";
import { getSignup } from "../../db/signups.ts";
import type { AppEnv } from "../../env.ts";
import type { Want } from "../../keep-in-touch/links.ts";
import { verifyAction } from "../../lib/signed-links.ts";
import { page, privatePage } from "../../pages/layout.ts";

export const unsubscribe = new Hono<AppEnv>();
unsubscribe.use(privatePage);

const T = {
  de: {
    title: "Abmelden",
    ask: (purpose: string) => `Möchtest du keine E-Mails „${purpose}“ mehr bekommen?`,
    keep: "Alles andere, was du gewählt hast, bleibt, wie es ist.",
    button: "Ja, abmelden",
    done: (purpose: string) => `Erledigt: Du bekommst keine E-Mails „${purpose}“ mehr.`,
    already: (purpose: string) => `Du bekommst schon keine E-Mails „${purpose}“ mehr.`,
    still: (list: string) => `Weiter bekommst du: ${list}.`,
    nothing: "Andere E-Mails hast du nicht gewählt; du hörst nur noch von uns, wenn du es selbst anstößt.",
    page: "Ändern kannst du das jederzeit über den Link zu deiner Seite in jeder unserer E-Mails.",
    invalid: "Dieser Abmeldelink ist ungültig. Prüfe, ob er vollständig kopiert wurde.",
  },
  en: {
    title: "Unsubscribe",
    ask: (purpose: string) => `Would you like to stop getting e-mails “${purpose}”?`,
    keep: "Everything else you chose stays as it is.",
    button: "Yes, unsubscribe",
    done: (purpose: string) => `Done: you will get no more e-mails “${purpose}”.`,
    already: (purpose: string) => `You already get no e-mails “${purpose}”.`,
    still: (list: string) => `You still get: ${list}.`,
    nothing: "You chose no other e-mails; you only hear from us when you ask for it yourself.",
    page: "You can change this at any time through the link to your page in every e-mail from us.",
    invalid: "This unsubscribe link is not valid. Please check that it was copied completely.",
  },
} as const;

const isWant = (p: unknown): p is Want => typeof p === "string" && (WANT_IDS as readonly string[]).includes(p);
const purposeName = (want: Want, lang: Lang) => WANTS[want][lang].replace(/[„“”]/g, "");

/** The link's person and purpose when its signature holds; the purpose is checked first, as a name. */
async function linkOf(c: Context<AppEnv>) {
  const { id, p, sig } = c.req.query();
  if (!isWant(p) || !(await verifyAction(c.env.SIGNING_KEY ?? "", "unsubscribe", id, p, sig))) return undefined;
  return { id: id as string, want: p };
}

function langOf(c: Context<AppEnv>): Lang {
  const asked = c.req.query("lang");
  return isLang(asked) ? asked : c.get("language");
}

function answer(c: Context<AppEnv>, lang: Lang, body: ReturnType<typeof html>, status: 200 | 404 = 200) {
  const t = T[lang];
  return c.html(page({ lang, title: t.title, description: t.title, robots: "noindex", body }), status);
}

unsubscribe.get("/", async (c) => {
  const lang = langOf(c);
  const t = T[lang];
  const link = await linkOf(c);
  if (!link) return answer(c, lang, html`<h1>${t.title}</h1><p>${t.invalid}</p>`, 404);
  const record = await getSignup(c.env.DB, link.id);
  const name = purposeName(link.want, lang);
  if (!record || !(JSON.parse(record.wants) as string[]).includes(link.want))
    return answer(
      c,
      lang,
      html`<h1>${t.title}</h1><p class="notice" role="status">${t.already(name)}</p><p>${t.page}</p>`,
    );
  // The form posts to this very URL: its query holds the signature, as the one-click POST's does.
  return answer(
    c,
    lang,
    html`<h1>${t.title}</h1><form class="comeback erase" method="post"><p>${t.ask(name)}</p><p>${t.keep}</p><p><button class="button" type="submit">${t.button}</button></p></form>`,
  );
});

unsubscribe.post("/", async (c) => {
  const lang = langOf(c);
  const t = T[lang];
  const link = await linkOf(c);
  if (!link) return answer(c, lang, html`<h1>${t.title}</h1><p>${t.invalid}</p>`, 404);
  const name = purposeName(link.want, lang);
  const changed = (await leavePurpose(c.env.DB, link.id, link.want)).meta.changes > 0;
  const record = await getSignup(c.env.DB, link.id);
  const still = ((record ? JSON.parse(record.wants) : []) as string[]).filter(isWant).map((w) => purposeName(w, lang));
  return answer(
    c,
    lang,
    html`<h1>${t.title}</h1><p class="notice" role="status">${changed ? t.done(name) : t.already(name)}</p><p>${still.length > 0 ? t.still(still.join(", ")) : t.nothing}</p><p>${t.page}</p>`,
  );
});
