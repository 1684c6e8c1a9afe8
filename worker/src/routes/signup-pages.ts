/**
 * `/signup/confirm`: the page the confirmation link opens. GET only shows a button; the POST it sends
 * confirms, so a mail scanner that fetches every link confirms nothing.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { confirmSignup, findToken } from "../db/signups.ts";
import type { AppEnv } from "../env.ts";
import { hashToken, isTokenShaped } from "../lib/tokens.ts";
import { page, privatePage } from "../pages/layout.ts";

export const signupPages = new Hono<AppEnv>();

const TEXT = {
  de: {
    title: "Anmeldung bestätigen",
    ask: "Bitte bestätigen Sie Ihre Anmeldung bei Heimvorteil.",
    button: "Ja, Anmeldung bestätigen",
    done: "Danke! Ihre Anmeldung ist bestätigt.",
    invalid: "Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt.",
  },
  en: {
    title: "Confirm your signup",
    ask: "Please confirm your Heimvorteil signup.",
    button: "Yes, confirm my signup",
    done: "Thank you! Your signup is confirmed.",
    invalid: "This link is invalid, has expired or was already used.",
  },
} as const;

signupPages.use(privatePage);

signupPages.get("/confirm", async (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const token = c.req.query("token");
  const row = isTokenShaped(token) ? await findToken(c.env.DB, await hashToken(token)) : null;
  const valid = row && !row.used_at && row.expires_at > new Date().toISOString();
  const body = valid
    ? html`<h1>${t.title}</h1><p>${t.ask}</p>
<form method="post" action="/signup/confirm"><input type="hidden" name="token" value="${token}"><button class="button" type="submit">${t.button}</button></form>`
    : html`<h1>${t.title}</h1><p>${t.invalid}</p>`;
  return c.html(page({ lang, title: t.title, description: t.ask, robots: "noindex", body }), valid ? 200 : 400);
});

signupPages.post("/confirm", async (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const token = form.token;
  const confirmed =
    isTokenShaped(token) && (await confirmSignup(c.env.DB, await hashToken(token), new Date().toISOString()));
  const body = html`<h1>${t.title}</h1><p>${confirmed ? t.done : t.invalid}</p>`;
  return c.html(page({ lang, title: t.title, description: t.ask, robots: "noindex", body }), confirmed ? 200 : 400);
});
