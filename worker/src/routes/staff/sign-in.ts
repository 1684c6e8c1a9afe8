/**
 * Signing staff in by e-mail link (`/console/sign-in…`): the form asks for an address and always answers
 * the same, whether or not it has an account; a link is single-use, stored hashed and good for 15 minutes;
 * opening it shows a button, and only that button's POST signs in, so a mail scanner that fetches every
 * link signs in no one. Signing in rotates the session (a new id each time); signing out ends it, and
 * "everywhere" ends every session of the account. Behind Cloudflare Access (lib/access.ts), its verified JWT
 * can stand in for the link.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import type { Lang } from "../../../../shared/i18n.ts";
import { STAFF_LINKS } from "../../db/sign-in-links.ts";
import {
  endAllSessions,
  findStaffByEmail,
  revokeSession,
  startSessionByEmail,
  useSignInToken,
} from "../../db/staff.ts";
import type { AppEnv } from "../../env.ts";
import { accessEmail } from "../../lib/access.ts";
import { linkButton, mailLink, requestedEmail, signInFromLink } from "../../lib/link-sign-in.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { signInAllowed } from "../../lib/rate-limit.ts";
import {
  ABSOLUTE_MS,
  clearSessionCookie,
  currentStaff,
  newSessionId,
  setSessionCookie,
} from "../../lib/staff-session.ts";
import { isTokenShaped } from "../../lib/tokens.ts";
import { ownFormsOnly, page, privatePage } from "../../pages/layout.ts";
import { signInMail } from "../../pages/staff-mail.ts";

export const signIn = new Hono<AppEnv>();

const TEXT = {
  de: {
    title: "Anmelden – Heimvorteil-Konsole",
    heading: "Anmelden",
    intro: "Die Konsole ist für das Team des Kreises und die Wirtschaftsförderungen der Städte und Gemeinden.",
    email: "Ihre dienstliche E-Mail-Adresse",
    send: "Anmeldelink senden",
    sentTitle: "Bitte sehen Sie in Ihr Postfach",
    sent: "Wenn zu dieser Adresse ein Konto gehört, ist ein Anmeldelink unterwegs. Er gilt 15 Minuten und nur einmal.",
    again: "Keine E-Mail bekommen? Neuen Link anfordern",
    badEmail: "Bitte eine E-Mail-Adresse eingeben.",
    tooMany: "Zu viele Anmeldelinks in kurzer Zeit. Bitte in einer Stunde noch einmal versuchen.",
    confirmTitle: "Anmelden",
    confirm: "Mit diesem Link melden Sie sich in der Heimvorteil-Konsole an.",
    button: "Jetzt anmelden",
    invalid:
      "Dieser Anmeldelink ist ungültig, abgelaufen oder wurde schon benutzt. Links gelten 15 Minuten und nur einmal.",
    newLink: "Neuen Anmeldelink anfordern",
    unavailable: "Anmeldelinks können gerade nicht verschickt werden (keine öffentliche Adresse eingerichtet).",
    signedOut: "Sie sind abgemeldet.",
    access: "Cloudflare Access hat Sie als {email} erkannt.",
    accessButton: "Als {email} anmelden",
    accessOr: "Oder per Anmeldelink:",
    accessNoAccount: "Zu {email} gibt es kein aktives Konto. Ein Admin-Konto des Kreises kann es anlegen.",
  },
  en: {
    title: "Sign in – Heimvorteil console",
    heading: "Sign in",
    intro: "The console is for the district's team and the towns' economic development offices.",
    email: "Your work e-mail address",
    send: "Send sign-in link",
    sentTitle: "Please check your inbox",
    sent: "If this address has an account, a sign-in link is on its way. It works for 15 minutes, once.",
    again: "No e-mail? Ask for a new link",
    badEmail: "Please enter an e-mail address.",
    tooMany: "Too many sign-in links in a short time. Please try again in an hour.",
    confirmTitle: "Sign in",
    confirm: "This link signs you in to the Heimvorteil console.",
    button: "Sign in now",
    invalid: "This sign-in link is invalid, has expired or was already used. Links work for 15 minutes, once.",
    newLink: "Ask for a new sign-in link",
    unavailable: "Sign-in links cannot be sent just now (no public address is configured).",
    signedOut: "You are signed out.",
    access: "Cloudflare Access recognised you as {email}.",
    accessButton: "Sign in as {email}",
    accessOr: "Or by sign-in link:",
    accessNoAccount: "There is no active account for {email}. An admin of the district's team can add one.",
  },
} as const satisfies Record<Lang, Record<string, string>>;

signIn.use(privatePage);
signIn.use(ownFormsOnly);

function view(lang: Lang, body: ReturnType<typeof html>) {
  // The console speaks to colleagues ("Sie"): its pages do not carry the public pages' "du" tagline.
  const tagline = lang === "en" ? "Console of the returnee programme" : "Konsole des Rückkehr-Programms";
  return page({ lang, title: TEXT[lang].title, description: TEXT[lang].intro, robots: "noindex", body, tagline });
}

function form(lang: Lang, note?: string, email = "", accessAs?: string) {
  const t = TEXT[lang];
  return view(
    lang,
    html`<h1>${t.heading}</h1><p>${t.intro}</p>
${note ? html`<p class="notice" role="alert">${note}</p>` : ""}
${
  accessAs
    ? html`<p>${t.access.replace("{email}", accessAs)}</p>
<form method="post" action="/console/sign-in/access?lang=${lang}"><button class="button" type="submit">${t.accessButton.replace("{email}", accessAs)}</button></form>
<p>${t.accessOr}</p>`
    : ""
}
<form method="post" action="/console/sign-in?lang=${lang}" class="comeback">
<label>${t.email}<input type="email" name="email" autocomplete="email" required maxlength="320" value="${email}"></label>
<button class="button" type="submit">${t.send}</button>
</form>`,
  );
}

signIn.get("/", async (c) => {
  const lang = c.get("language");
  if (await currentStaff(c)) return c.redirect("/console", 303);
  const out = c.req.query("out") === "1" ? TEXT[lang].signedOut : undefined;
  return c.html(form(lang, out, "", await accessEmail(c.env, c.req.header("Cf-Access-Jwt-Assertion"))));
});

// Behind Cloudflare Access, its JWT stands in for the e-mail link; still a POST from our page (a GET never
// signs in), and still only an enabled account of that address. The session is like any other.
signIn.post("/access", async (c) => {
  const lang = c.get("language");
  const email = await accessEmail(c.env, c.req.header("Cf-Access-Jwt-Assertion"));
  if (!email) return c.html(invalid(lang), 401);
  const session = await newSessionId();
  const now = new Date();
  const staff = await startSessionByEmail(
    c.env.DB,
    email,
    { idHash: session.hash, expiresAt: new Date(now.getTime() + ABSOLUTE_MS).toISOString() },
    now.toISOString(),
  );
  if (!staff) return c.html(form(lang, TEXT[lang].accessNoAccount.replace("{email}", email)), 403);
  const previous = await currentStaff(c);
  if (previous) await revokeSession(c.env.DB, previous.sessionHash, now.toISOString());
  setSessionCookie(c, session.id);
  return c.redirect(`/console?lang=${lang}`, 303);
});

signIn.post("/", async (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const { email, valid } = await requestedEmail(c);
  if (!valid) return c.html(form(lang, t.badEmail, email), 400);
  const origin = mailOrigin(c);
  if (!origin) return c.html(form(lang, t.unavailable, email), 503);
  const secret = c.env.SIGNING_KEY ?? "";
  if (!(await signInAllowed(c.env.DB, secret, c.req.header("CF-Connecting-IP") ?? "unknown", email)))
    return c.html(form(lang, t.tooMany, email), 429);
  // The same page whether or not the address has an account; only an enabled account gets a mail.
  const staff = await findStaffByEmail(c.env.DB, email);
  if (staff && staff.disabled === 0)
    await mailLink(
      c,
      STAFF_LINKS,
      staff.id,
      (link) => signInMail(staff.email, lang, link),
      (token) => `${origin}/console/sign-in/link?token=${token}&lang=${lang}`,
    );
  return c.html(
    view(
      lang,
      html`<h1>${t.sentTitle}</h1><p>${t.sent}</p><p><a href="/console/sign-in?lang=${lang}">${t.again}</a></p>`,
    ),
  );
});

function invalid(lang: Lang) {
  const t = TEXT[lang];
  return view(
    lang,
    html`<h1>${t.confirmTitle}</h1><p>${t.invalid}</p><p><a class="button" href="/console/sign-in?lang=${lang}">${t.newLink}</a></p>`,
  );
}

signIn.get("/link", (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const token = c.req.query("token");
  if (!isTokenShaped(token)) return c.html(invalid(lang), 400);
  // Only a button: the POST signs in. The token is not checked here, so the page says nothing about it.
  return c.html(
    view(
      lang,
      html`<h1>${t.confirmTitle}</h1><p>${t.confirm}</p>
${linkButton(`/console/sign-in/link?lang=${lang}`, token, t.button)}`,
    ),
  );
});

signIn.post("/link", async (c) => {
  const lang = c.get("language");
  const signedIn = await signInFromLink(c, (hash, session, now) => useSignInToken(c.env.DB, hash, session, now));
  if (!signedIn) return c.html(invalid(lang), 400);
  // A session from before (another account, an old tab) ends: each sign-in gets a new id.
  const previous = await currentStaff(c);
  if (previous) await revokeSession(c.env.DB, previous.sessionHash, new Date().toISOString());
  setSessionCookie(c, signedIn.sessionId);
  return c.redirect(`/console?lang=${lang}`, 303);
});

signIn.post("/out", async (c) => {
  const lang = c.get("language");
  const staff = await currentStaff(c);
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const now = new Date().toISOString();
  if (staff) {
    if (body.everywhere === "1") await c.env.DB.batch(endAllSessions(c.env.DB, staff.id, now));
    else await revokeSession(c.env.DB, staff.sessionHash, now);
  }
  clearSessionCookie(c);
  return c.redirect(`/console/sign-in?lang=${lang}&out=1`, 303);
});
