/**
 * `/steckbrief/:token`: the page an employer opens from a forward's mail. It shows only the fields the
 * person approved for this employer, only while the forward is shared and within its 30 days; revoked,
 * expired or unknown links all show the same "no longer available" page. Never indexed, never cached, no
 * Referer carries the token on; every opening is logged for the person's page and the outcomes.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { isForwardField } from "../../../../shared/schemas/steckbrief.ts";
import { recordOpening, sharedForward } from "../../db/forwards.ts";
import { getSignup } from "../../db/signups.ts";
import { getSteckbrief } from "../../db/steckbriefe.ts";
import type { AppEnv } from "../../env.ts";
import { hashToken, isTokenShaped } from "../../lib/tokens.ts";
import { formatDate } from "../../pages/format.ts";
import { page, privatePage } from "../../pages/layout.ts";
import { steckbriefValues } from "../../pages/steckbrief.ts";

export const employerSteckbrief = new Hono<AppEnv>();

employerSteckbrief.use(privatePage);

// The employer is addressed as a business ("Sie"), in German: the programme's employers are German firms.
const T = {
  // The public pages' tagline says "du"; employers are spoken to as "Sie".
  tagline: "Rückkehr-Programm der Wirtschaftsförderung Hochsauerlandkreis",
  title: "Steckbrief",
  intro: "Diese Person möchte ins Hochsauerland zurückkehren und hat zugestimmt, dass {name} diesen Steckbrief sieht.",
  until: "Der Link gilt bis zum {date}; bitte geben Sie ihn nicht weiter.",
  contact:
    "Kontakt: über die E-Mail-Adresse oben, sonst antworten Sie auf unsere E-Mail und wir stellen den Kontakt her.",
  contactTeam:
    "Die Person hat ihre Adresse nicht freigegeben: Antworten Sie auf unsere E-Mail, und wir stellen den Kontakt her.",
  cvLink: "Lebenslauf öffnen",
  gone: "Dieser Steckbrief ist nicht (mehr) verfügbar",
  goneText:
    "Der Link ist abgelaufen, wurde von der Person oder vom Heimvorteil-Team zurückgezogen, oder er ist unvollständig. Bei Fragen antworten Sie einfach auf unsere E-Mail.",
};

employerSteckbrief.get("/:token", async (c) => {
  const token = c.req.param("token");
  const now = new Date().toISOString();
  const forward = isTokenShaped(token) ? await sharedForward(c.env.DB, await hashToken(token), now) : null;
  const person = forward ? await getSignup(c.env.DB, forward.signup_id) : null;
  if (!forward || !person)
    return c.html(
      page({
        lang: "de",
        title: T.gone,
        description: T.gone,
        robots: "noindex",
        tagline: T.tagline,
        body: html`<h1>${T.gone}</h1><p>${T.goneText}</p>`,
      }),
      404,
    );
  await recordOpening(c.env.DB, forward.id, now);
  const approved = (JSON.parse(forward.fields) as unknown[]).filter(isForwardField);
  const values = steckbriefValues(person, await getSteckbrief(c.env.DB, person.id), "de").filter((v) =>
    approved.includes(v.field),
  );
  const headline = values.find((v) => v.field === "headline")?.value;
  const name = values.find((v) => v.field === "first_name")?.value;
  const rows = values.filter((v) => v.field !== "headline");
  const fill = (text: string, k: string, v: string) => text.replace(`{${k}}`, v);
  const body = html`<h1>${name ? `${T.title}: ${name}` : T.title}</h1>
${headline ? html`<p class="lead"><strong>${headline}</strong></p>` : ""}
<p>${fill(T.intro, "name", forward.employer_name)}</p>
<dl class="meta steckbrief">${rows.map(
    (v) =>
      html`<dt>${v.label}</dt><dd>${
        v.field === "cv_url"
          ? html`<a href="${v.value}" rel="noopener noreferrer nofollow" target="_blank">${T.cvLink}</a>`
          : v.field === "email"
            ? html`<a href="mailto:${v.value}">${v.value}</a>`
            : v.value
      }</dd>`,
  )}</dl>
<p class="notice">${approved.includes("email") ? T.contact : T.contactTeam}</p>
<p class="muted">${fill(T.until, "date", formatDate(forward.expires_at ?? now, "de"))}</p>`;
  return c.html(
    page({ lang: "de", title: T.title, description: T.title, robots: "noindex", tagline: T.tagline, body }),
  );
});
