/**
 * Employers signing in to the pool (`/arbeitgeber/anmelden…`), as staff do (routes/staff/sign-in.ts): the
 * form answers the same whether or not the address has an account; a link is single-use, hashed, good for
 * 15 minutes, and only the button's POST on its page signs in, so a mail scanner signs in no one. Each
 * sign-in gets a new session id; signing out ends it.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import type { Lang } from "../../../../shared/i18n.ts";
import {
  findEmployerAccountByEmail,
  revokeEmployerSession,
  useEmployerSignInToken,
} from "../../db/employer-accounts.ts";
import { EMPLOYER_LINKS } from "../../db/sign-in-links.ts";
import type { AppEnv } from "../../env.ts";
import { currentEmployer, EMPLOYER_COOKIE } from "../../lib/employer-session.ts";
import { linkButton, mailLink, requestedEmail, signInFromLink } from "../../lib/link-sign-in.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { signInAllowed } from "../../lib/rate-limit.ts";
import { clearSessionCookie, setSessionCookie } from "../../lib/staff-session.ts";
import { isTokenShaped } from "../../lib/tokens.ts";
import { employerSignInMail } from "../../pages/employer-mail.ts";
import { employerView } from "../../pages/employer-pool.ts";
import { ownFormsOnly, privatePage } from "../../pages/layout.ts";

export const employerSignIn = new Hono<AppEnv>();

const TEXT = {
  de: {
    title: "Anmelden – Bewerberpool",
    heading: "Bewerberpool: Anmelden",
    intro:
      "Im Bewerberpool finden Arbeitgeber aus dem Hochsauerlandkreis Menschen, die zurückkommen möchten: anonym, bis die Person Ja sagt. Ihr Zugang wird vom Heimvorteil-Team eingerichtet.",
    email: "Ihre E-Mail-Adresse",
    send: "Anmeldelink senden",
    sentTitle: "Bitte sehen Sie in Ihr Postfach",
    sent: "Wenn zu dieser Adresse ein Zugang gehört, ist ein Anmeldelink unterwegs. Er gilt 15 Minuten und nur einmal.",
    again: "Keine E-Mail bekommen? Neuen Link anfordern",
    badEmail: "Bitte eine E-Mail-Adresse eingeben.",
    tooMany: "Zu viele Anmeldelinks in kurzer Zeit. Bitte in einer Stunde noch einmal versuchen.",
    confirm: "Mit diesem Link melden Sie sich im Heimvorteil-Bewerberpool an.",
    button: "Jetzt anmelden",
    invalid:
      "Dieser Anmeldelink ist ungültig, abgelaufen oder wurde schon benutzt. Links gelten 15 Minuten und nur einmal.",
    newLink: "Neuen Anmeldelink anfordern",
    unavailable: "Anmeldelinks können gerade nicht verschickt werden (keine öffentliche Adresse eingerichtet).",
    signedOut: "Sie sind abgemeldet.",
  },
  en: {
    title: "Sign in – applicant pool",
    heading: "Applicant pool: sign in",
    intro:
      "In the applicant pool, employers in the Hochsauerlandkreis find people who want to come back: anonymously, until the person says yes. The Heimvorteil team sets up your access.",
    email: "Your e-mail address",
    send: "Send sign-in link",
    sentTitle: "Please check your inbox",
    sent: "If this address has access, a sign-in link is on its way. It works for 15 minutes, once.",
    again: "No e-mail? Ask for a new link",
    badEmail: "Please enter an e-mail address.",
    tooMany: "Too many sign-in links in a short time. Please try again in an hour.",
    confirm: "This link signs you in to the Heimvorteil applicant pool.",
    button: "Sign in now",
    invalid: "This sign-in link is invalid, has expired or was already used. Links work for 15 minutes, once.",
    newLink: "Ask for a new sign-in link",
    unavailable: "Sign-in links cannot be sent just now (no public address is configured).",
    signedOut: "You are signed out.",
  },
} as const satisfies Record<Lang, Record<string, string>>;

employerSignIn.use(privatePage);
employerSignIn.use(ownFormsOnly);

function form(lang: Lang, note?: string, email = "") {
  const t = TEXT[lang];
  return employerView(
    lang,
    t.title,
    html`<h1>${t.heading}</h1><p>${t.intro}</p>
${note ? html`<p class="notice" role="alert">${note}</p>` : ""}
<form method="post" action="/arbeitgeber/anmelden?lang=${lang}" class="comeback">
<label>${t.email}<input type="email" name="email" autocomplete="email" required maxlength="320" value="${email}"></label>
<button class="button" type="submit">${t.send}</button>
</form>`,
  );
}

const invalid = (lang: Lang) =>
  employerView(
    lang,
    TEXT[lang].title,
    html`<h1>${TEXT[lang].heading}</h1><p>${TEXT[lang].invalid}</p><p><a class="button" href="/arbeitgeber/anmelden?lang=${lang}">${TEXT[lang].newLink}</a></p>`,
  );

employerSignIn.get("/", async (c) => {
  const lang = c.get("language");
  if (await currentEmployer(c)) return c.redirect(`/arbeitgeber/pool?lang=${lang}`, 303);
  return c.html(form(lang, c.req.query("out") === "1" ? TEXT[lang].signedOut : undefined));
});

employerSignIn.post("/", async (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const { email, valid } = await requestedEmail(c);
  if (!valid) return c.html(form(lang, t.badEmail, email), 400);
  const origin = mailOrigin(c);
  if (!origin) return c.html(form(lang, t.unavailable, email), 503);
  if (!(await signInAllowed(c.env.DB, c.env.SIGNING_KEY ?? "", c.req.header("CF-Connecting-IP") ?? "unknown", email)))
    return c.html(form(lang, t.tooMany, email), 429);
  const account = await findEmployerAccountByEmail(c.env.DB, email);
  // The same page whether or not the address has access; only an enabled account gets a mail.
  if (account && account.disabled === 0)
    await mailLink(
      c,
      EMPLOYER_LINKS,
      account.id,
      (link) => employerSignInMail(account.email, lang, link),
      (token) => `${origin}/arbeitgeber/anmelden/link?token=${token}&lang=${lang}`,
    );
  return c.html(
    employerView(
      lang,
      t.title,
      html`<h1>${t.sentTitle}</h1><p>${t.sent}</p><p><a href="/arbeitgeber/anmelden?lang=${lang}">${t.again}</a></p>`,
    ),
  );
});

employerSignIn.get("/link", (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const token = c.req.query("token");
  if (!isTokenShaped(token)) return c.html(invalid(lang), 400);
  return c.html(
    employerView(
      lang,
      t.title,
      html`<h1>${t.heading}</h1><p>${t.confirm}</p>
${linkButton(`/arbeitgeber/anmelden/link?lang=${lang}`, token, t.button)}`,
    ),
  );
});

employerSignIn.post("/link", async (c) => {
  const lang = c.get("language");
  const signedIn = await signInFromLink(c, (hash, session, now) =>
    useEmployerSignInToken(c.env.DB, hash, lang, session, now),
  );
  if (!signedIn) return c.html(invalid(lang), 400);
  const previous = await currentEmployer(c);
  if (previous) await revokeEmployerSession(c.env.DB, previous.sessionHash, new Date().toISOString());
  setSessionCookie(c, signedIn.sessionId, EMPLOYER_COOKIE);
  return c.redirect(`/arbeitgeber/pool?lang=${lang}`, 303);
});

employerSignIn.post("/out", async (c) => {
  const lang = c.get("language");
  const account = await currentEmployer(c);
  if (account) await revokeEmployerSession(c.env.DB, account.sessionHash, new Date().toISOString());
  clearSessionCookie(c, EMPLOYER_COOKIE);
  return c.redirect(`/arbeitgeber/anmelden?lang=${lang}&out=1`, 303);
});
