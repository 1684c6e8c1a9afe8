/**
 * `/antwort`: a guest's answer to an invitation, from the link in the mail. GET shows the meet-up and two
 * buttons and changes nothing (mail scanners open links); POST, from this page, records yes or no, which
 * the guest may change until the meet-up starts. The signature names the person and the event; only the
 * invited can answer, and no guest ever sees another.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { isLang, type Lang } from "../../../../shared/i18n.ts";
import { answerInvitation, getInvitation, type Invitation } from "../../db/keep-in-touch.ts";
import type { AppEnv } from "../../env.ts";
import { verifyAction } from "../../lib/signed-links.ts";
import { formatDateTime, placeLine } from "../../pages/format.ts";
import { ownFormsOnly, page, privatePage } from "../../pages/layout.ts";

export const rsvp = new Hono<AppEnv>();
rsvp.use(privatePage);
rsvp.use(ownFormsOnly);

const T = {
  de: {
    title: "Deine Antwort",
    ask: "Kommst du?",
    yes: "Ja, ich komme",
    no: "Nein, diesmal nicht",
    saidYes: "Du hast zugesagt – schön, dass du kommst!",
    saidNo: "Du hast abgesagt. Danke, dass du Bescheid gibst.",
    change: "Du kannst deine Antwort bis zum Beginn ändern.",
    private: "Deine Antwort sieht nur das Team, das das Treffen plant – keine anderen Gäste.",
    calendar: "In den Kalender",
    past: "Dieses Treffen hat schon begonnen oder ist vorbei; eine Antwort ist nicht mehr nötig.",
    cancelled: "Dieses Treffen ist abgesagt.",
    invalid: "Dieser Link ist ungültig. Prüfe, ob er vollständig kopiert wurde.",
  },
  en: {
    title: "Your answer",
    ask: "Are you coming?",
    yes: "Yes, I'm coming",
    no: "No, not this time",
    saidYes: "You said yes – lovely that you're coming!",
    saidNo: "You said no. Thank you for letting us know.",
    change: "You can change your answer until it starts.",
    private: "Only the team planning the meet-up sees your answer – no other guests.",
    calendar: "Add to calendar",
    past: "This meet-up has started or is over; no answer is needed any more.",
    cancelled: "This meet-up is cancelled.",
    invalid: "This link is not valid. Please check that it was copied completely.",
  },
} as const;

async function invitationOf(c: Context<AppEnv>) {
  const { id, e, sig } = c.req.query();
  if (!e || !/^\d{1,12}$/.test(e)) return undefined;
  if (!(await verifyAction(c.env.SIGNING_KEY ?? "", "rsvp", id, e, sig))) return undefined;
  const invitation = await getInvitation(c.env.DB, Number(e), id as string);
  return invitation ? { id: id as string, invitation } : undefined;
}

function langOf(c: Context<AppEnv>, invitation?: Invitation): Lang {
  const asked = c.req.query("lang");
  if (isLang(asked)) return asked;
  return invitation && isLang(invitation.lang) ? invitation.lang : c.get("language");
}

function render(c: Context<AppEnv>, lang: Lang, inv: Invitation, status: 200 | 409 = 200) {
  const t = T[lang];
  const place = placeLine(inv);
  const open = !inv.cancelled_at && inv.starts_at > new Date().toISOString();
  const said = inv.answer === "yes" ? t.saidYes : inv.answer === "no" ? t.saidNo : "";
  const body = html`<h1>${inv.title}</h1>
<p>${formatDateTime(inv.starts_at, lang)}<br>${place}</p>
${inv.cancelled_at ? html`<p class="notice" role="status">${t.cancelled}</p>` : open ? "" : html`<p class="notice" role="status">${t.past}</p>`}
${said ? html`<p class="notice" role="status">${said}</p>` : ""}
${
  open
    ? html`<form class="comeback erase" method="post"><p><strong>${t.ask}</strong></p>
<p class="choices"><button class="button" type="submit" name="answer" value="yes">${t.yes}</button> <button class="secondary" type="submit" name="answer" value="no">${t.no}</button></p>
<p>${said ? `${t.change} ` : ""}${t.private}</p></form>
<p><a href="/v1/events/${inv.id}.ics">${t.calendar}</a></p>`
    : ""
}`;
  return c.html(
    page({ lang, title: `${t.title}: ${inv.title}`, description: t.title, robots: "noindex", body }),
    status,
  );
}

function invalid(c: Context<AppEnv>) {
  const lang = langOf(c);
  const t = T[lang];
  return c.html(
    page({
      lang,
      title: t.title,
      description: t.title,
      robots: "noindex",
      body: html`<h1>${t.title}</h1><p>${t.invalid}</p>`,
    }),
    404,
  );
}

rsvp.get("/", async (c) => {
  const found = await invitationOf(c);
  if (!found) return invalid(c);
  return render(c, langOf(c, found.invitation), found.invitation);
});

rsvp.post("/", async (c) => {
  const found = await invitationOf(c);
  if (!found) return invalid(c);
  const { invitation } = found;
  const lang = langOf(c, invitation);
  const form = await c.req.parseBody();
  const answer = form.answer;
  const open = !invitation.cancelled_at && invitation.starts_at > new Date().toISOString();
  if ((answer !== "yes" && answer !== "no") || !open) return render(c, lang, invitation, 409);
  await answerInvitation(c.env.DB, invitation.id, found.id, answer, new Date().toISOString());
  return render(c, lang, { ...invitation, answer });
});
