/**
 * The employers' pool pages (routes/employer/pool.ts), "Sie" as to any business, German or English: the
 * search with its anonymous cards, the request form, the requests with their answers, saved searches.
 * A card shows only what pool/cards.ts lets it show, in words; a person's name, address and Steckbrief
 * appear only on a request they accepted.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Lang } from "../../../shared/i18n.ts";
import { monthLabel } from "../../../shared/months.ts";
import type { PoolSearchInput } from "../../../shared/schemas/pool.ts";
import { QUALIFICATIONS } from "../../../shared/signup-options.ts";
import { CATEGORIES } from "../../../shared/taxonomy.ts";
import { TOWNS } from "../../../shared/towns.ts";
import type { PoolRequestRow } from "../db/pool-requests.ts";
import type { PoolSearchRow } from "../db/pool-searches.ts";
import { POOL_DETAILS, type PoolDetail } from "../pool/cards.ts";
import { detailLabel } from "../pool/own-card.ts";
import { formatDate, formatEuroRange } from "./format.ts";
import { page } from "./layout.ts";
import type { SteckbriefValue } from "./steckbrief.ts";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const EMPLOYER_TEXT = {
  de: {
    tagline: "Bewerberpool des Rückkehr-Programms",
    search: "Suche",
    requests: "Anfragen",
    signOut: "Abmelden",
    signedInAs: "Angemeldet als {name}, {employer}",
    poolTitle: "Bewerberpool",
    poolIntro:
      "Menschen, die in den Hochsauerlandkreis zurückkommen möchten, zeigen hier eine anonyme Karte. Jede Angabe auf einer Karte teilen mindestens {k} Personen im Pool; wer dahintersteht, erfahren Sie erst, wenn die Person Ihre Anfrage annimmt.",
    field: "Berufsfeld",
    anyField: "Alle Berufsfelder",
    occupation: "Beruf",
    occupationHint: "z. B. Elektroniker, Pflegefachkraft",
    qualification: "Abschluss",
    anyQualification: "Jeder Abschluss",
    towns: "Orte",
    backBy: "Zurück spätestens",
    anyTime: "Egal wann",
    languages: "Sprachen",
    languagesHint: "durch Komma getrennt, z. B. Englisch, Polnisch",
    words: "Stichworte",
    wordsHint: "in den Zeilen, die Menschen für den Pool geschrieben haben",
    find: "Suchen",
    reset: "Alles zurücksetzen",
    found: "{n} Karten",
    foundOne: "1 Karte",
    none: "Keine Karten gefunden.",
    noneHint:
      "Seltene Kombinationen zeigen wir nicht, damit niemand erkennbar wird. Versuchen Sie weniger Angaben oder ein anderes Stichwort.",
    maybe: "passt vielleicht",
    maybeHint:
      "Diese Karten zeigen eine gefragte Angabe nur gröber oder gar nicht (etwa ein Halbjahr statt eines Monats).",
    ask: "Kontakt anfragen",
    askOne: "Eine dieser Personen anfragen",
    group: "{n} Karten wie diese",
    groupOne: "1 Karte",
    groupHint:
      "Karten, die dasselbe zeigen, stehen zusammen: Für Sie sind diese Personen nicht zu unterscheiden, und „Eine dieser Personen anfragen“ erreicht eine von ihnen, zufällig gewählt.",
    more: "Weitere Karten",
    counted: "{n} Karten in {g} Gruppen",
    labels: {
      occupation: "Beruf",
      towns: "Wunschorte",
      back: "Frühestens zurück",
      qualification: "Abschluss",
      languages: "Sprachen",
    } satisfies Record<PoolDetail, string>,
    fieldOnly: "Berufsfeld",
    save: "Suche speichern",
    saveName: "Name der Suche",
    saveHint: "Einmal pro Woche schicken wir Ihnen eine E-Mail, wenn neue Karten zu dieser Suche passen.",
    saved: "Gespeicherte Suchen",
    savedNone: "Noch keine gespeicherten Suchen.",
    open: "Öffnen",
    remove: "Löschen",
    savedDone: "Die Suche ist gespeichert. Neue Karten melden wir Ihnen einmal pro Woche.",
    savedFull: "Sie haben schon 10 gespeicherte Suchen. Bitte löschen Sie zuerst eine.",
    removed: "Die Suche ist gelöscht.",
    requestTitle: "Kontakt anfragen",
    requestIntro:
      "Die Person bekommt eine E-Mail und sieht Ihren Namen, Ihr Unternehmen und Ihre Nachricht. Nimmt sie an, sehen Sie ihren Vornamen, ihre E-Mail-Adresse und ihren Steckbrief; lehnt sie ab oder antwortet sie nicht binnen 14 Tagen, erfahren Sie nur das.",
    role: "Stelle",
    roleHint: "die konkrete Stelle, z. B. „Elektroniker/in Betriebstechnik, Vollzeit“",
    message: "Nachricht",
    messageHint: "ein paar Sätze: was die Stelle ausmacht, warum diese Karte passt (20 bis 1000 Zeichen)",
    salary: "Gehaltsspanne (freiwillig, Euro brutto im Jahr)",
    salaryMin: "von",
    salaryMax: "bis",
    send: "Anfrage senden",
    cancel: "Zurück zur Suche",
    gone: "Diese Karte ist nicht mehr im Pool, oder der Link ist älter als einen Tag. Bitte suchen Sie noch einmal.",
    noneLeft:
      "Ihre Anfrage kann aus dieser Gruppe zurzeit niemanden mehr erreichen, etwa weil Sie alle schon angefragt haben.",
    limit:
      "Sie haben in den letzten sieben Tagen {n} Anfragen gesendet, so viele, wie zurzeit möglich sind. Bitte warten Sie, bis Antworten da sind.",
    slowed:
      "Viele Ihrer Anfragen blieben zuletzt unbeantwortet oder wurden abgelehnt; deshalb sind zurzeit nur {n} Anfragen pro Woche möglich. Konkrete Stellen und persönliche Nachrichten werden öfter angenommen.",
    allowance: "Diese Woche noch möglich: {n} Anfragen.",
    errors: "Bitte prüfen Sie die markierten Felder.",
    requestsTitle: "Ihre Anfragen",
    requestsNone: "Sie haben noch niemanden angefragt. Auf der Suche finden Sie Karten und fragen dort an.",
    sent: "Die Anfrage ist unterwegs. Die Person hat 14 Tage Zeit zu antworten.",
    states: {
      open: "wartet auf Antwort bis {date}",
      accepted: "angenommen",
      declined: "abgelehnt",
      expired: "abgelaufen, ohne Antwort",
    },
    sentOn: "gesendet am {date}",
    contact: "Kontakt",
    name: "Vorname",
    email: "E-Mail",
  },
  en: {
    tagline: "Applicant pool of the returnee programme",
    search: "Search",
    requests: "Requests",
    signOut: "Sign out",
    signedInAs: "Signed in as {name}, {employer}",
    poolTitle: "Applicant pool",
    poolIntro:
      "People who want to come back to the Hochsauerlandkreis show an anonymous card here. Every detail on a card is shared by at least {k} people in the pool; you learn who is behind it only when the person accepts your request.",
    field: "Field",
    anyField: "All fields",
    occupation: "Occupation",
    occupationHint: "e.g. electronics technician, nurse",
    qualification: "Qualification",
    anyQualification: "Any qualification",
    towns: "Towns",
    backBy: "Back by",
    anyTime: "Any time",
    languages: "Languages",
    languagesHint: "comma-separated, e.g. English, Polish",
    words: "Keywords",
    wordsHint: "in the lines people wrote for the pool",
    find: "Search",
    reset: "Clear all",
    found: "{n} cards",
    foundOne: "1 card",
    none: "No cards found.",
    noneHint:
      "We do not show rare combinations, so that nobody can be recognised. Try fewer details or another keyword.",
    maybe: "may fit",
    maybeHint:
      "These cards show a detail asked for only more coarsely, or not at all (say, a half-year instead of a month).",
    ask: "Ask for contact",
    askOne: "Ask one of these people",
    group: "{n} cards like this",
    groupOne: "1 card",
    groupHint:
      "Cards that show the same are shown together: you cannot tell these people apart, and “Ask one of these people” reaches one of them, chosen at random.",
    more: "More cards",
    counted: "{n} cards in {g} groups",
    labels: {
      occupation: "Occupation",
      towns: "Towns",
      back: "Earliest return",
      qualification: "Qualification",
      languages: "Languages",
    } satisfies Record<PoolDetail, string>,
    fieldOnly: "Field",
    save: "Save this search",
    saveName: "Name of the search",
    saveHint: "Once a week we e-mail you when new cards match this search.",
    saved: "Saved searches",
    savedNone: "No saved searches yet.",
    open: "Open",
    remove: "Delete",
    savedDone: "The search is saved. We tell you about new cards once a week.",
    savedFull: "You have 10 saved searches already. Please delete one first.",
    removed: "The search is deleted.",
    requestTitle: "Ask for contact",
    requestIntro:
      "The person gets an e-mail and sees your name, your company and your message. If they accept, you see their first name, e-mail address and profile; if they decline or do not answer within 14 days, you learn only that.",
    role: "Role",
    roleHint: "the concrete role, e.g. “Electronics technician, plant engineering, full time”",
    message: "Message",
    messageHint: "a few sentences: what the role is about, why this card fits (20 to 1000 characters)",
    salary: "Salary range (optional, euros gross a year)",
    salaryMin: "from",
    salaryMax: "to",
    send: "Send request",
    cancel: "Back to the search",
    gone: "This card is no longer in the pool, or the link is more than a day old. Please search again.",
    noneLeft:
      "Your request cannot reach anyone more in this group just now, say because you have asked them all already.",
    limit:
      "You have sent {n} requests in the last seven days, as many as are possible just now. Please wait for answers.",
    slowed:
      "Many of your recent requests went unanswered or were declined, so just now only {n} requests a week are possible. Concrete roles and personal messages are accepted more often.",
    allowance: "You can send {n} more requests this week.",
    errors: "Please check the marked fields.",
    requestsTitle: "Your requests",
    requestsNone: "You have not asked anyone yet. Find cards in the search and ask there.",
    sent: "The request is on its way. The person has 14 days to answer.",
    states: {
      open: "awaiting an answer until {date}",
      accepted: "accepted",
      declined: "declined",
      expired: "expired without an answer",
    },
    sentOn: "sent on {date}",
    contact: "Contact",
    name: "First name",
    email: "E-mail",
  },
} as const;

export interface SignedIn {
  name: string;
  employer_name: string;
}

/** The frame of every employer page; with an account, its navigation and sign-out. */
export function employerView(lang: Lang, title: string, body: Html, account?: SignedIn) {
  const t = EMPLOYER_TEXT[lang];
  const other = lang === "de" ? "en" : "de";
  const nav = account
    ? html`<nav class="pool-nav" aria-label="${t.poolTitle}"><a href="/arbeitgeber/pool?lang=${lang}">${t.search}</a><a href="/arbeitgeber/anfragen?lang=${lang}">${t.requests}</a>
<form method="post" action="/arbeitgeber/anmelden/out?lang=${lang}"><button class="secondary" type="submit">${t.signOut}</button></form></nav>
<p class="muted">${t.signedInAs.replace("{name}", account.name).replace("{employer}", account.employer_name)}</p>`
    : "";
  return page({
    lang,
    title: `${title} – Heimvorteil`,
    description: t.poolIntro.replace("{k}", "5"),
    robots: "noindex",
    tagline: t.tagline,
    body: html`<p class="lang-switch"><a href="?lang=${other}" hreflang="${other}" lang="${other}">${other === "en" ? "English" : "Deutsch"}</a></p>${nav}${body}`,
  });
}

const selected = (on: boolean) => (on ? html` selected` : "");
const checked = (on: boolean) => (on ? html` checked` : "");

/** The months a "back by" can name: the next three years, and one asked for earlier if it is not among them. */
function months(lang: Lang, asked: string | undefined, now = new Date()) {
  const list: { value: string; label: string }[] = [];
  for (let i = 0; i < 36; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    const value = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    list.push({ value, label: monthLabel(value, lang) });
  }
  if (asked && !list.some((m) => m.value === asked)) list.unshift({ value: asked, label: monthLabel(asked, lang) });
  return list;
}

export function searchForm(lang: Lang, q: PoolSearchInput, raw: Record<string, string>) {
  const t = EMPLOYER_TEXT[lang];
  const field = q.field?.[0];
  const qualification = q.qualification?.[0];
  return html`<form method="get" action="/arbeitgeber/pool" class="comeback pool-search" role="search">
<input type="hidden" name="lang" value="${lang}">
<label>${t.field}<select name="field"><option value="">${t.anyField}</option>${Object.entries(CATEGORIES).map(
    ([id, c]) => html`<option value="${id}"${selected(field === id)}>${c[lang]}</option>`,
  )}</select></label>
<label>${t.occupation} <span class="hint">${t.occupationHint}</span><input name="occupation" maxlength="80" value="${raw.occupation ?? ""}"></label>
<label>${t.qualification}<select name="qualification"><option value="">${t.anyQualification}</option>${Object.entries(
    QUALIFICATIONS,
  ).map(
    ([id, label]) => html`<option value="${id}"${selected(qualification === id)}>${label[lang]}</option>`,
  )}</select></label>
<fieldset><legend>${t.towns}</legend>${TOWNS.map(
    (town) =>
      html`<label class="check"><input type="checkbox" name="town" value="${town.id}"${checked(q.town?.includes(town.id) ?? false)}>${town.name}</label>`,
  )}</fieldset>
<label>${t.backBy}<select name="back_by"><option value="">${t.anyTime}</option>${months(lang, q.back_by).map(
    (m) => html`<option value="${m.value}"${selected(m.value === q.back_by)}>${m.label}</option>`,
  )}</select></label>
<label>${t.languages} <span class="hint">${t.languagesHint}</span><input name="language" maxlength="120" value="${raw.language ?? ""}"></label>
<label>${t.words} <span class="hint">${t.wordsHint}</span><input type="search" name="q" maxlength="100" value="${raw.q ?? ""}"></label>
<div class="actions"><button class="button" type="submit">${t.find}</button><a href="/arbeitgeber/pool?lang=${lang}">${t.reset}</a></div>
</form>`;
}

/** Alike cards, shown once: the employer cannot tell them apart, so a request goes to one of them. */
export interface ShownGroup {
  /** The reference of one of the group's cards, picked at random. */
  ref: string;
  exact: boolean;
  count: number;
  /** Whether a request from this employer can still reach one of them. */
  askable: boolean;
  shown: Record<PoolDetail, string | null>;
}

/** A detail's label on a card, as employers and the member's own preview show it. */
export function shownLabel(lang: Lang, name: PoolDetail, value: string): string {
  const t = EMPLOYER_TEXT[lang];
  // An occupation given way to its field is labelled as the field.
  return name === "occupation" && !value.includes(":") ? t.fieldOnly : t.labels[name];
}

/** A card's details as a list, in words. */
export function cardDetails(lang: Lang, shown: Record<PoolDetail, string | null>) {
  return html`<dl class="meta pool-card">${POOL_DETAILS.map((name) => {
    const value = shown[name];
    return value === null
      ? ""
      : html`<dt>${shownLabel(lang, name, value)}</dt><dd>${detailLabel(name, value, lang)}</dd>`;
  })}</dl>`;
}

export function cardsList(lang: Lang, groups: readonly ShownGroup[]) {
  const t = EMPLOYER_TEXT[lang];
  return html`<p class="muted">${t.groupHint}</p><ul class="pool-cards">${groups.map((g) => {
    const title = g.count === 1 ? t.groupOne : t.group.replace("{n}", String(g.count));
    return html`<li class="card"><h3>${title}${
      g.exact ? "" : html` <span class="state">${t.maybe}</span>`
    }</h3>${cardDetails(lang, g.shown)}
${g.exact ? "" : html`<p class="muted">${t.maybeHint}</p>`}
<p>${
      g.askable
        ? html`<a class="button" href="/arbeitgeber/pool/anfrage?karte=${g.ref}&lang=${lang}">${g.count > 1 ? t.askOne : t.ask}</a>`
        : html`<span class="muted">${t.noneLeft}</span>`
    }</p></li>`;
  })}</ul>`;
}

export function savedSearches(lang: Lang, searches: readonly PoolSearchRow[], current: string) {
  const t = EMPLOYER_TEXT[lang];
  return html`<h2>${t.saved}</h2>
${
  searches.length
    ? html`<ul class="list">${searches.map((s) => {
        const params = new URLSearchParams(JSON.parse(s.query) as Record<string, string>);
        params.set("lang", lang);
        return html`<li><a href="/arbeitgeber/pool?${params.toString()}">${s.name}</a>
<form method="post" action="/arbeitgeber/suchen/${s.id}/loeschen?lang=${lang}" class="inline"><button class="secondary" type="submit">${t.remove}</button></form></li>`;
      })}</ul>`
    : html`<p class="muted">${t.savedNone}</p>`
}
<form method="post" action="/arbeitgeber/suchen?lang=${lang}" class="comeback">
<input type="hidden" name="query" value="${current}">
<label>${t.saveName} <span class="hint">${t.saveHint}</span><input name="name" required maxlength="80"></label>
<div class="actions"><button class="secondary" type="submit">${t.save}</button></div>
</form>`;
}

export interface RequestFormValues {
  role?: string;
  message?: string;
  salary_min?: string;
  salary_max?: string;
}

function fieldError(fields: Record<string, string>, name: string) {
  return fields[name] ? html`<p class="field-error" id="${name}-error">${fields[name]}</p>` : "";
}

const invalidAttrs = (fields: Record<string, string>, name: string) =>
  fields[name] ? html` aria-invalid="true" aria-describedby="${name}-error"` : "";

export function requestForm(
  lang: Lang,
  o: {
    ref: string;
    shown: Record<PoolDetail, string | null>;
    values: RequestFormValues;
    fields: Record<string, string>;
    note?: string;
  },
) {
  const t = EMPLOYER_TEXT[lang];
  const f = o.fields;
  return html`<h1>${t.requestTitle}</h1><p>${t.requestIntro}</p>
${cardDetails(lang, o.shown)}
${o.note ? html`<p class="notice" role="status">${o.note}</p>` : ""}
${Object.keys(f).length ? html`<p class="summary" role="alert">${t.errors}</p>` : ""}
<form method="post" action="/arbeitgeber/pool/anfrage?lang=${lang}" class="comeback" novalidate>
<input type="hidden" name="card" value="${o.ref}">
<label>${t.role} <span class="hint">${t.roleHint}</span><input name="role" required minlength="3" maxlength="120" value="${o.values.role ?? ""}"${invalidAttrs(f, "role")}></label>${fieldError(f, "role")}
<label>${t.message} <span class="hint">${t.messageHint}</span><textarea name="message" required minlength="20" maxlength="1000"${invalidAttrs(f, "message")}>${o.values.message ?? ""}</textarea></label>${fieldError(f, "message")}
<fieldset class="wide"><legend>${t.salary}</legend>
<label>${t.salaryMin}<input name="salary_min" inputmode="numeric" maxlength="7" value="${o.values.salary_min ?? ""}"${invalidAttrs(f, "salary_min")}></label>
<label>${t.salaryMax}<input name="salary_max" inputmode="numeric" maxlength="7" value="${o.values.salary_max ?? ""}"${invalidAttrs(f, "salary_max")}></label>
</fieldset>${fieldError(f, "salary_min")}${fieldError(f, "salary_max")}
<div class="actions"><button class="button" type="submit">${t.send}</button><a href="/arbeitgeber/pool?lang=${lang}">${t.cancel}</a></div>
</form>`;
}

const EMPTY_CARD: Record<PoolDetail, string | null> = {
  occupation: null,
  towns: null,
  back: null,
  qualification: null,
  languages: null,
};

export interface RequestWithContact {
  request: PoolRequestRow;
  /** Only for an accepted request: who it is, and their Steckbrief. */
  contact?: { name: string; email: string; steckbrief: SteckbriefValue[] };
}

export function requestsList(lang: Lang, items: readonly RequestWithContact[]) {
  const t = EMPLOYER_TEXT[lang];
  if (!items.length) return html`<p>${t.requestsNone}</p>`;
  return html`<ul class="pool-requests">${items.map(({ request: r, contact }) => {
    const state = t.states[r.state].replace("{date}", formatDate(r.expires_at, lang));
    const salary = formatEuroRange(r.salary_min, r.salary_max, lang);
    return html`<li class="card"><h2>${r.role}</h2>
<p><span class="state">${state}</span> <span class="muted">${t.sentOn.replace("{date}", formatDate(r.created_at, lang))}${salary ? ` · ${salary}` : ""}</span></p>
${contact ? "" : cardDetails(lang, { ...EMPTY_CARD, ...(JSON.parse(r.card) as Partial<Record<PoolDetail, string | null>>) })}
${
  contact
    ? html`<h3>${t.contact}</h3><dl class="meta steckbrief"><dt>${t.name}</dt><dd>${contact.name}</dd><dt>${t.email}</dt><dd><a href="mailto:${contact.email}">${contact.email}</a></dd>
${contact.steckbrief.filter((v) => v.field !== "email" && v.field !== "first_name").map((v) => html`<dt>${v.label}</dt><dd>${v.value}</dd>`)}</dl>`
    : ""
}</li>`;
  })}</ul>`;
}
