/**
 * `/signup/confirm`: the page the confirmation link opens. GET only shows a button; the POST it sends
 * confirms, so a mail scanner that fetches every link confirms nothing. After confirming (and when an
 * already used link is opened again) the page says what happens now, links to the person's data page (only
 * right after confirming)
 * and shows the next meet-ups in the towns they chose.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import type { Lang } from "../../../../shared/i18n.ts";
import { ROUTES } from "../../../../shared/routes.ts";
import { listEvents } from "../../db/events.ts";
import { confirmSignup, findToken, getSignup } from "../../db/signups.ts";
import type { AppEnv } from "../../env.ts";
import { linkQuery } from "../../lib/signed-links.ts";
import { hashToken, isTokenShaped } from "../../lib/tokens.ts";
import { formatDateTime } from "../../pages/format.ts";
import { ownFormsOnly, page, privatePage } from "../../pages/layout.ts";
import { signupHref } from "../../pages/signup-link.ts";

export const signupPages = new Hono<AppEnv>();

const TEXT = {
  de: {
    title: "Anmeldung bestätigen",
    ask: "Nur noch ein Klick: Bestätige, dass diese E-Mail-Adresse dir gehört.",
    button: "Ja, Anmeldung bestätigen",
    doneTitle: "Bestätigt – willkommen!",
    already: "Deine Anmeldung ist schon bestätigt. Du musst nichts weiter tun.",
    next: "Wie es weitergeht",
    nextText:
      "Du bekommst nur, was du gewählt hast. Die Wirtschaftsförderung des Hochsauerlandkreises meldet sich, wenn etwas zu dir passt, und lädt dich zu Treffen in deinen Orten ein.",
    data: "Deine Angaben ansehen, ändern oder löschen",
    dataHint: "Den Link zu deinen Angaben findest du in jeder E-Mail von uns.",
    meetups: "Die nächsten Termine in deinen Orten",
    meetupsAll: "Die nächsten Termine im Hochsauerland",
    calendar: "In den Kalender",
    noEvents: "Gerade sind keine Termine geplant – wir laden dich ein, sobald es welche gibt.",
    invalid: "Dieser Link ist ungültig. Prüfe, ob er vollständig kopiert wurde.",
    expired: "Dieser Link ist abgelaufen: Bestätigungslinks gelten 7 Tage.",
    again: "Melde dich einfach noch einmal an",
  },
  en: {
    title: "Confirm your signup",
    ask: "Just one click: confirm that this e-mail address is yours.",
    button: "Yes, confirm my signup",
    doneTitle: "Confirmed – welcome!",
    already: "Your signup is already confirmed. There is nothing more to do.",
    next: "What happens now",
    nextText:
      "You only get what you chose. The Hochsauerlandkreis economic development office gets in touch when something fits, and invites you to meet-ups in your towns.",
    data: "See, change or delete your details",
    dataHint: "You find the link to your details in every e-mail from us.",
    meetups: "The next events in your towns",
    meetupsAll: "The next events in the Hochsauerland",
    calendar: "Add to calendar",
    noEvents: "No events are planned just now – we will invite you as soon as there are.",
    invalid: "This link is not valid. Please check that it was copied completely.",
    expired: "This link has expired: confirmation links work for 7 days.",
    again: "Simply sign up again",
  },
} as const;

signupPages.use(privatePage);
signupPages.use(ownFormsOnly);

function render(lang: Lang, body: Parameters<typeof page>[0]["body"], status: 200 | 400) {
  const t = TEXT[lang];
  return { html: page({ lang, title: t.title, description: t.ask, robots: "noindex", body }), status };
}

/** What a confirmed person sees: what happens now, their data page, the next events in their towns. */
async function confirmedBody(c: Context<AppEnv>, signupId: string, fresh: boolean) {
  const lang = c.get("language");
  const t = TEXT[lang];
  const signup = await getSignup(c.env.DB, signupId);
  const towns = signup ? (JSON.parse(signup.towns) as string[]) : [];
  const events = await listEvents(c.env.DB, {
    from: new Date().toISOString(),
    towns: towns.length ? towns : undefined,
    limit: 3,
  });
  // The data page's link only right after confirming: an old confirmation link (forwarded, scanned, seen by
  // someone else) must not hand out a fresh personal link, or "invalidate all my links" would not hold.
  // Relative: a page answer needs no origin, and none from the request's Host ends up in a link.
  const dataLink = fresh
    ? `/me?${await linkQuery(c.env.SIGNING_KEY ?? "", signupId, signup?.link_version ?? 1)}`
    : undefined;
  return html`<h1>${fresh ? t.doneTitle : t.title}</h1>
${fresh ? "" : html`<p>${t.already}</p>`}
<h2>${t.next}</h2>
<p>${t.nextText}</p>
${dataLink ? html`<p><a class="button" href="${dataLink}">${t.data}</a></p>` : ""}
<p class="muted">${t.dataHint}</p>
<h2>${towns.length ? t.meetups : t.meetupsAll}</h2>
${
  events.length
    ? html`<ul class="list">${events.map(
        (e) =>
          html`<li>${e.title}<small>${formatDateTime(e.starts_at, lang)} · ${e.venue}, ${e.town_name} · <a href="${ROUTES.eventFeed(e.id)}">${t.calendar}</a></small></li>`,
      )}</ul>`
    : html`<p>${t.noEvents}</p>`
}`;
}

signupPages.get("/confirm", async (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const token = c.req.query("token");
  const row = isTokenShaped(token) ? await findToken(c.env.DB, await hashToken(token)) : null;
  let out: ReturnType<typeof render>;
  if (row && row.status === "confirmed") {
    out = render(lang, await confirmedBody(c, row.signup_id, false), 200);
  } else if (row && !row.used_at && row.expires_at > new Date().toISOString()) {
    out = render(
      lang,
      html`<h1>${t.title}</h1><p>${t.ask}</p>
<form method="post" action="/signup/confirm?lang=${lang}"><input type="hidden" name="token" value="${token}"><button class="button" type="submit">${t.button}</button></form>`,
      200,
    );
  } else {
    out = render(
      lang,
      html`<h1>${t.title}</h1><p>${row ? t.expired : t.invalid}</p><p><a href="${signupHref(lang)}">${t.again}</a></p>`,
      400,
    );
  }
  return c.html(out.html, out.status);
});

signupPages.post("/confirm", async (c) => {
  const lang = c.get("language");
  const t = TEXT[lang];
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const token = form.token;
  if (!isTokenShaped(token)) return c.html(render(lang, html`<h1>${t.title}</h1><p>${t.invalid}</p>`, 400).html, 400);
  const hash = await hashToken(token);
  const confirmed = await confirmSignup(c.env.DB, hash, new Date().toISOString());
  const row = await findToken(c.env.DB, hash);
  // A second press of the button (or a second tab) finds the signup confirmed: that is no error.
  if (row && (confirmed || row.status === "confirmed")) {
    return c.html(render(lang, await confirmedBody(c, row.signup_id, confirmed), 200).html);
  }
  const body = html`<h1>${t.title}</h1><p>${row ? t.expired : t.invalid}</p><p><a href="${signupHref(lang)}">${t.again}</a></p>`;
  return c.html(render(lang, body, 400).html, 400);
});
