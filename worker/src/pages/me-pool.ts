/**
 * The pool on a person's page: what it is, joining with the details the card may show and the pool's own
 * consent, and once in, the card exactly as employers see it, with how many others show the same, to
 * change, pause or leave.
 */
import { html } from "hono/html";
import { POOL_CONSENT_TEXT } from "../../../shared/consent.ts";
import type { Lang } from "../../../shared/i18n.ts";
import type { PoolMemberRow } from "../db/pool.ts";
import type { PoolRequestRow } from "../db/pool-requests.ts";
import { POOL_DETAILS, type PoolDetail } from "../pool/cards.ts";
import { chosenDetails, detailLabel, type OwnCard } from "../pool/own-card.ts";
import { shownLabel } from "./employer-pool.ts";
import { formatDate, formatEuroRange } from "./format.ts";

const T = {
  de: {
    title: "Anonymer Bewerberpool",
    intro:
      "Im Pool finden dich Arbeitgeber der Region über das, was du kannst – ohne zu wissen, wer du bist. Sie sehen nur eine Karte mit groben Angaben. Wer du bist, erfahren sie erst, wenn du eine Anfrage annimmst.",
    pending: "Sobald du deine Anmeldung bestätigt hast, kannst du hier dem Pool beitreten.",
    choose: "Diese Angaben darf deine Karte zeigen",
    hint: "Sie werden so weit vergröbert, bis sie auf mindestens {k} Menschen im Pool zutreffen (etwa Beruf → Berufsfeld, Monat → Halbjahr).",
    join: "Dem Pool beitreten",
    member: "Du bist seit {date} im Pool.",
    paused: "Pausiert seit {date}: Arbeitgeber sehen deine Karte nicht.",
    card: "So sieht deine Karte für Arbeitgeber aus",
    same: (n: number) => (n === 1 ? "wie bei 1 anderen Karte" : `wie bei ${n} anderen Karten`),
    hidden:
      "Deine Angaben sind im Pool zurzeit so selten, dass deine Karte niemandem gezeigt wird. Sobald genug andere dasselbe zeigen, erscheint sie – oder wähle weniger Angaben.",
    nothing: "Deine Karte zeigt keine Angaben.",
    save: "Angaben speichern",
    pause: "Pausieren",
    resume: "Wieder zeigen",
    leave: "Pool verlassen",
    headline: "Deine Zeile für die Suche",
    headlineHint:
      "Arbeitgeber finden dich über diese Worte (etwa „SPS, Schaltschrankbau, 8 Jahre Erfahrung“), sehen sie aber erst, wenn du eine Anfrage annimmst. Bitte keinen Namen und keinen Arbeitgeber.",
    requests: "Anfragen",
    noRequests: "Noch keine Anfragen. Kommt eine, bekommst du eine E-Mail.",
    from: "{employer} fragt an: {role}",
    salary: "Gehalt: {range} brutto im Jahr",
    until: "Antworte bis zum {date}.",
    accept: "Annehmen",
    decline: "Ablehnen",
    acceptHint:
      "Nimmst du an, sieht {employer} deinen Vornamen, deine E-Mail-Adresse und deinen Steckbrief, und du siehst, wer dort dein Kontakt ist.",
    states: { accepted: "angenommen", declined: "abgelehnt", expired: "abgelaufen" },
    contact: "Dein Kontakt: {name}",
    accepted:
      "Du hast am {date} angenommen. {employer} sieht jetzt deinen Vornamen, deine E-Mail-Adresse und deinen Steckbrief.",
    chooseEmployer: "Arbeitgeber wählen …",
    pauseHint:
      "Pausieren versteckt deine Karte sofort; deine Angaben bleiben, und Anfragen kannst du weiter beantworten.",
    leaveHint:
      "Verlassen löscht deine Karte und deine Zeile; offene Anfragen enden unbeantwortet. Deine übrigen Daten bleiben.",
    blockTitle: "Arbeitgeber blockieren",
    blockHint: "Ein blockierter Arbeitgeber sieht deine Karte nie, etwa dein jetziger.",
    blockLabel: "Arbeitgeber",
    block: "Blockieren",
    declineBlock: "Ablehnen und blockieren",
    blocked: "Blockiert",
    unblock: "Aufheben",
    details: {
      occupation: "Berufsfeld und Beruf",
      towns: "Wunschorte",
      back: "Frühester Rückkehrtermin",
      qualification: "Abschluss",
      languages: "Sprachen",
    },
  },
  en: {
    title: "Anonymous applicant pool",
    intro:
      "In the pool, employers in the region find you by what you can do – without knowing who you are. They see only a card with coarse details. They learn who you are only when you accept a request.",
    pending: "Once you have confirmed your signup you can join the pool here.",
    choose: "Details your card may show",
    hint: "They are coarsened until they are true of at least {k} people in the pool (occupation → field, month → half-year and so on).",
    join: "Join the pool",
    member: "You have been in the pool since {date}.",
    paused: "Paused since {date}: employers do not see your card.",
    card: "Your card as employers see it",
    same: (n: number) => (n === 1 ? "as on 1 other card" : `as on ${n} other cards`),
    hidden:
      "Your details are so rare in the pool just now that your card is shown to no one. It appears once enough others show the same – or choose fewer details.",
    nothing: "Your card shows no details.",
    save: "Save details",
    pause: "Pause",
    resume: "Show again",
    leave: "Leave the pool",
    headline: "Your line for the search",
    headlineHint:
      "Employers find you by these words (say, “PLC, control cabinets, 8 years”), but see them only when you accept a request. Please no name and no employer.",
    requests: "Requests",
    noRequests: "No requests yet. When one comes, you get an e-mail.",
    from: "{employer} is asking you about: {role}",
    salary: "Salary: {range} gross a year",
    until: "Please answer by {date}.",
    accept: "Accept",
    decline: "Decline",
    acceptHint:
      "If you accept, {employer} sees your first name, your e-mail address and your profile, and you see whom to contact there.",
    states: { accepted: "accepted", declined: "declined", expired: "expired" },
    contact: "Your contact: {name}",
    accepted: "You accepted on {date}. {employer} now sees your first name, your e-mail address and your profile.",
    chooseEmployer: "Choose an employer …",
    pauseHint: "Pausing hides your card at once; your details stay, and you can still answer requests.",
    leaveHint: "Leaving deletes your card and your line; open requests end unanswered. Your other data stays.",
    blockTitle: "Block an employer",
    blockHint: "A blocked employer never sees your card – for example, your current employer.",
    blockLabel: "Employer",
    block: "Block",
    declineBlock: "Decline and block",
    blocked: "Blocked",
    unblock: "Lift",
    details: {
      occupation: "Field and occupation",
      towns: "Towns",
      back: "Earliest return",
      qualification: "Qualification",
      languages: "Languages",
    },
  },
} as const;

export interface PoolSection {
  lang: Lang;
  hidden: ReturnType<typeof html>;
  confirmed: boolean;
  member: PoolMemberRow | null;
  card: OwnCard | null;
  k: number;
  requests: readonly PoolRequestRow[];
  blocks: readonly { id: string; name: string }[];
  employers: readonly { id: string; name: string }[];
}

function requestsPart(s: PoolSection) {
  const t = T[s.lang];
  const action = `/me/pool?lang=${s.lang}`;
  const items = s.requests.map((r) => {
    const salary = formatEuroRange(r.salary_min, r.salary_max, s.lang);
    const head = html`<h4>${t.from.replace("{employer}", r.employer_name).replace("{role}", r.role)}${
      r.state === "open" ? "" : html` <span class="state">${t.states[r.state]}</span>`
    }</h4>`;
    const message = html`<blockquote class="description"><p>${r.message}</p></blockquote>
${salary ? html`<p>${t.salary.replace("{range}", salary)}</p>` : ""}`;
    if (r.state !== "open")
      return html`<li class="card">${head}${message}${
        r.state === "accepted"
          ? html`<p>${t.accepted.replace("{date}", formatDate(r.answered_at ?? r.created_at, s.lang)).replace("{employer}", r.employer_name)}</p>
<p>${t.contact.replace("{name}", r.contact_name)}, <a href="mailto:${r.contact_email}">${r.contact_email}</a></p>`
          : ""
      }</li>`;
    return html`<li class="card">${head}${message}
<p class="muted">${t.until.replace("{date}", formatDate(r.expires_at, s.lang))} ${t.acceptHint.replace("{employer}", r.employer_name)}</p>
<form method="post" action="${action}">${s.hidden}<input type="hidden" name="request" value="${r.id}"><input type="hidden" name="employer" value="${r.employer_id}">
<p class="actions"><button class="button" type="submit" name="action" value="accept">${t.accept}</button>
<button class="secondary" type="submit" name="action" value="decline">${t.decline}</button>
<button class="secondary" type="submit" name="action" value="block">${t.declineBlock}</button></p></form></li>`;
  });
  const blockedIds = new Set(s.blocks.map((b) => b.id));
  return html`<h3 id="pool-requests">${t.requests}</h3>
${items.length ? html`<ul class="pool-requests">${items}</ul>` : html`<p>${t.noRequests}</p>`}
<h3>${t.blockTitle}</h3><p class="muted">${t.blockHint}</p>
${
  s.blocks.length
    ? html`<ul class="list">${s.blocks.map(
        (b) => html`<li>${t.blocked}: ${b.name}
<form method="post" action="${action}" class="inline">${s.hidden}<input type="hidden" name="employer" value="${b.id}"><button class="secondary" type="submit" name="action" value="unblock">${t.unblock}</button></form></li>`,
      )}</ul>`
    : ""
}
<form method="post" action="${action}" class="comeback">${s.hidden}
<label>${t.blockLabel}<select name="employer" required><option value="">${t.chooseEmployer}</option>${s.employers
    .filter((e) => !blockedIds.has(e.id))
    .map((e) => html`<option value="${e.id}">${e.name}</option>`)}</select></label>
<p><button class="secondary" type="submit" name="action" value="block">${t.block}</button></p></form>`;
}

export function poolSection(s: PoolSection) {
  const t = T[s.lang];
  const action = `/me/pool?lang=${s.lang}`;
  const chosen = new Set<PoolDetail>(s.member ? chosenDetails(s.member.details) : POOL_DETAILS);
  const boxes = html`<fieldset class="wide"><legend>${t.choose}</legend><span class="hint">${t.hint.replace("{k}", String(s.k))}</span>${POOL_DETAILS.map(
    (name) =>
      html`<label class="check"><input type="checkbox" name="details" value="${name}"${chosen.has(name) ? html` checked` : ""}><span>${t.details[name]}</span></label>`,
  )}</fieldset>
<label>${t.headline} <span class="hint">${t.headlineHint}</span><input name="headline" maxlength="120" value="${s.member?.headline ?? ""}"></label>`;
  const head = html`<h2 id="pool">${t.title}</h2><p>${t.intro}</p>`;
  if (!s.confirmed) return html`${head}<p>${t.pending}</p>`;
  const m = s.member;
  if (!m)
    return html`${head}<form class="comeback profile" method="post" action="${action}">${s.hidden}<input type="hidden" name="action" value="join">
${boxes}
<label class="check wide"><input type="checkbox" name="consent" value="yes" required><span>${POOL_CONSENT_TEXT[s.lang]}</span></label>
<p><button class="button" type="submit">${t.join}</button></p>
</form>`;
  const card = s.card;
  const shown = card?.shown ? POOL_DETAILS.filter((name) => card.shown?.[name] !== null) : [];
  return html`${head}
<p class="notice">${m.paused_at ? t.paused.replace("{date}", formatDate(m.paused_at, s.lang)) : t.member.replace("{date}", formatDate(m.joined_at, s.lang))}</p>
<h3>${t.card}</h3>
${
  !card?.shown
    ? html`<p>${t.hidden}</p>`
    : shown.length
      ? html`<dl class="meta pool-card">${shown.map(
          (name) =>
            html`<dt>${shownLabel(s.lang, name, card.shown?.[name] as string)}</dt><dd>${detailLabel(name, card.shown?.[name] as string, s.lang)} <span class="muted">(${t.same(card.others[name] ?? 0)})</span></dd>`,
        )}</dl>`
      : html`<p>${t.nothing}</p>`
}
<form class="comeback profile" method="post" action="${action}">${s.hidden}<input type="hidden" name="action" value="save">
${boxes}
<p><button class="button" type="submit">${t.save}</button></p>
</form>
<form class="comeback" method="post" action="${action}">${s.hidden}
<p class="actions"><button class="button" type="submit" name="action" value="${m.paused_at ? "resume" : "pause"}">${m.paused_at ? t.resume : t.pause}</button>
<button class="button danger" type="submit" name="action" value="leave">${t.leave}</button></p>
<p class="muted">${t.pauseHint} ${t.leaveHint}</p>
</form>
${requestsPart(s)}`;
}
