/**
 * The Steckbrief part of a person's data page: their own profile to edit, the team's suggestions to take
 * or leave, every forward to an employer with its state (a yes or no per employer, one click each, and a
 * revoke button while a link works), and the team's notes about them, which the GDPR says they may read.
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Lang } from "../../../shared/i18n.ts";
import type { ForwardDto } from "../../../shared/schemas/steckbrief.ts";
import { TOWNS } from "../../../shared/towns.ts";
import type { SignupRecord } from "../db/signups.ts";
import type { NoteRow, SteckbriefRow, SuggestionRow } from "../db/steckbriefe.ts";
import { formatDate, formatDateTime } from "./format.ts";
import { FIELD_LABELS, steckbriefValues } from "./steckbrief.ts";

const T = {
  de: {
    title: "Dein Steckbrief",
    intro:
      "Dein Steckbrief ist das, was ein Arbeitgeber von dir sieht – aber nur einer, dem du selbst zustimmst, und nur, was du dafür auswählst. Beruf, Abschluss, Wunschorte und Rückkehr kommen aus deinen Angaben unten.",
    headline: "Kurz gesagt",
    headlineHint: "z. B. „Mechatronikerin mit acht Jahren Erfahrung in der Instandhaltung“",
    about: "Was ich mache",
    lookingFor: "Was ich suche",
    languages: "Sprachen",
    languagesHint: "durch Kommas getrennt, z. B. „Deutsch, Englisch (fließend)“",
    cv: "Link zu deinem Lebenslauf",
    cvHint: "eine https-Adresse, z. B. deine Seite oder eine Cloud-Freigabe",
    save: "Steckbrief speichern",
    suggestion: "Vorschlag von {staff} am {date}",
    take: "Übernehmen",
    leave: "Ablehnen",
    forwards: "Weitergaben an Arbeitgeber",
    forwardsNone:
      "Noch keine. Möchte das Team deinen Steckbrief einem Arbeitgeber zeigen, fragen wir dich hier vorher – zu jedem einzeln.",
    asked: "Das Team fragt seit {date}, ob es deinen Steckbrief an {name} geben darf. Was darf {name} sehen?",
    yes: "Ja, an {name} weitergeben",
    no: "Nein, nicht weitergeben",
    onlyTicked:
      "Nur was angehakt ist, sieht {name}. Nach deinem Ja bekommt {name} per E-Mail einen Link, der 30 Tage gilt; hier siehst du, wann er geöffnet wurde, und kannst ihn jederzeit zurückziehen.",
    shared: "Geteilt am {date}; der Link gilt bis {until}.",
    opened: "Geöffnet: {n}-mal, zuletzt am {date}.",
    notOpened: "Noch nicht geöffnet.",
    sees: "{name} sieht",
    mayStay: "Der Link zeigt dann sofort nichts mehr. Was {name} schon gesehen hat, bitten wir zu löschen.",
    revoke: "Zurückziehen",
    declined: "Du hast am {date} nein gesagt.",
    revokedPerson: "Du hast den Link am {date} zurückgezogen; er zeigt nichts mehr.",
    revokedStaff: "Das Team hat die Weitergabe am {date} zurückgezogen; der Link zeigt nichts mehr.",
    expired: "Der Link ist seit {date} abgelaufen; er zeigt nichts mehr.",
    states: {
      asked: "Frage offen",
      declined: "Nein",
      shared: "Geteilt",
      expired: "Abgelaufen",
      revoked: "Zurückgezogen",
    },
    notes: "Notizen des Teams über dich",
    notesNone: "Das Team hat keine Notizen zu dir.",
    none: "–",
  },
  en: {
    title: "Your profile (Steckbrief)",
    intro:
      "Your profile is what an employer sees of you – but only one you agree to yourself, and only what you choose for it. Occupation, qualification, towns and return come from your details below.",
    headline: "In a line",
    headlineHint: "e.g. “Mechatronics technician with eight years in maintenance”",
    about: "What I do",
    lookingFor: "What I am looking for",
    languages: "Languages",
    languagesHint: "separated by commas, e.g. “German, English (fluent)”",
    cv: "Link to your CV",
    cvHint: "an https address, e.g. your own page or a cloud share",
    save: "Save profile",
    suggestion: "Suggestion by {staff} on {date}",
    take: "Accept",
    leave: "Decline",
    forwards: "Shared with employers",
    forwardsNone:
      "Nothing yet. If the team would like to show your profile to an employer, we ask you here first – for each one.",
    asked: "Since {date} the team asks whether it may give your profile to {name}. What may {name} see?",
    yes: "Yes, share with {name}",
    no: "No, don't share",
    onlyTicked:
      "{name} sees only what is ticked. After your yes, {name} gets a link by e-mail that works for 30 days; here you see when it was opened, and you can revoke it at any time.",
    shared: "Shared on {date}; the link works until {until}.",
    opened: "Opened {n} times, last on {date}.",
    notOpened: "Not opened yet.",
    sees: "{name} sees",
    mayStay: "The link then shows nothing at once. We ask {name} to delete what they have already seen.",
    revoke: "Revoke",
    declined: "You said no on {date}.",
    revokedPerson: "You revoked the link on {date}; it shows nothing any more.",
    revokedStaff: "The team withdrew it on {date}; the link shows nothing any more.",
    expired: "The link expired on {date}; it shows nothing any more.",
    states: { asked: "Question open", declined: "No", shared: "Shared", expired: "Expired", revoked: "Revoked" },
    notes: "The team's notes about you",
    notesNone: "The team has no notes about you.",
    none: "–",
  },
} as const;

export interface SteckbriefSection {
  lang: Lang;
  /** The hidden fields that carry the signed link in every form. */
  hidden: HtmlEscapedString | Promise<HtmlEscapedString>;
  record: SignupRecord;
  steckbrief: SteckbriefRow | null;
  suggestions: SuggestionRow[];
  forwards: ForwardDto[];
  notes: NoteRow[];
  errors: Record<string, string>;
  /** What the form just sent did, shown where the page opens after it (#done). */
  done?: string | undefined;
}

// A way to reach the person and their CV go to an employer only when the person ticks them.
const OPT_IN: readonly string[] = ["email", "cv_url"];

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

export function steckbriefSection(s: SteckbriefSection) {
  const { lang, hidden, errors } = s;
  const t = T[lang];
  const b = s.steckbrief;
  const languages = b ? (JSON.parse(b.languages) as string[]).join(", ") : "";
  const err = (field: string) =>
    errors[field] ? html`<span class="field-error" role="alert">${errors[field]}</span>` : "";
  const invalid = (field: string) => (errors[field] ? html` aria-invalid="true"` : "");
  const open = s.suggestions.filter((g) => g.answer === null);
  const values = steckbriefValues(s.record, b, lang);
  const townName = (id: string) => TOWNS.find((town) => town.id === id)?.name ?? id;
  const labelOf = (key: string) => (key in FIELD_LABELS ? FIELD_LABELS[key as keyof typeof FIELD_LABELS][lang] : key);
  const shown = (v: unknown) => (Array.isArray(v) ? v.join(", ") : String(v ?? "")) || t.none;

  const forward = (f: ForwardDto) => {
    const name = f.employer.name;
    const date = (iso: string | null) => (iso ? formatDate(iso, lang) : "");
    let body: unknown;
    if (f.state === "asked")
      body = html`<p>${fill(t.asked, { date: date(f.proposed_at), name })}</p>
<form method="post" action="/me/forward?lang=${lang}" class="comeback">${hidden}<input type="hidden" name="forward" value="${f.id}">
<fieldset class="wide"><legend>${fill(t.sees, { name })}</legend><span class="hint">${fill(t.onlyTicked, { name })}</span>${values.map((v) => html`<label class="check"><input type="checkbox" name="fields" value="${v.field}"${OPT_IN.includes(v.field) ? "" : html` checked`}><span><strong>${v.label}:</strong> ${v.value}</span></label>`)}</fieldset>
<p class="actions"><button class="button" type="submit" name="answer" value="yes">${fill(t.yes, { name })}</button> <button class="secondary" type="submit" name="answer" value="no">${t.no}</button></p>
</form>`;
    else if (f.state === "shared")
      body = html`<p>${fill(t.shared, { date: date(f.answered_at), until: date(f.expires_at) })} ${
        f.opens && f.last_opened_at
          ? fill(t.opened, { n: f.opens, date: formatDateTime(f.last_opened_at, lang) })
          : t.notOpened
      }</p>
<p>${fill(t.sees, { name })}: ${f.fields.map((field) => FIELD_LABELS[field][lang]).join(", ")}</p>
<form method="post" action="/me/forward?lang=${lang}">${hidden}<input type="hidden" name="forward" value="${f.id}"><p class="actions"><button class="button danger" type="submit" name="answer" value="revoke">${t.revoke}</button> <span class="muted">${fill(t.mayStay, { name })}</span></p></form>`;
    else if (f.state === "declined") body = html`<p>${fill(t.declined, { date: date(f.answered_at) })}</p>`;
    else if (f.state === "expired") body = html`<p>${fill(t.expired, { date: date(f.expires_at) })}</p>`;
    else
      body = html`<p>${fill(f.revoked_by === "person" ? t.revokedPerson : t.revokedStaff, { date: date(f.revoked_at) })}</p>`;
    return html`<section class="card" aria-labelledby="fw-${f.id}"><h3 id="fw-${f.id}">${name}, ${townName(f.employer.town)} <span class="state">${t.states[f.state]}</span></h3>${body}</section>`;
  };

  return html`${s.done ? html`<p class="notice" role="status" id="done" tabindex="-1">${s.done}</p>` : ""}
<h2 id="steckbrief">${t.title}</h2>
<p>${t.intro}</p>
${open.map(
  (
    g,
  ) => html`<section class="card"><h3>${fill(t.suggestion, { staff: g.staff_name, date: formatDate(g.created_at, lang) })}</h3>
<dl class="meta">${Object.entries(JSON.parse(g.changes) as Record<string, unknown>).map(([k, v]) => html`<dt>${labelOf(k)}</dt><dd>${shown(v)}</dd>`)}</dl>
<form method="post" action="/me/suggestion?lang=${lang}">${hidden}<input type="hidden" name="suggestion" value="${g.id}"><p class="actions"><button class="button" type="submit" name="answer" value="accepted">${t.take}</button> <button class="secondary" type="submit" name="answer" value="declined">${t.leave}</button></p></form></section>`,
)}
<form class="comeback profile" method="post" action="/me/steckbrief?lang=${lang}">${hidden}
<label><span>${t.headline}</span><input name="headline" maxlength="120" value="${b?.headline ?? ""}"${invalid("headline")}><span class="hint">${t.headlineHint}</span></label> ${err("headline")}
<label><span>${t.about}</span><textarea name="about" maxlength="1000" rows="4"${invalid("about")}>${b?.about ?? ""}</textarea></label> ${err("about")}
<label><span>${t.lookingFor}</span><textarea name="looking_for" maxlength="1000" rows="4"${invalid("looking_for")}>${b?.looking_for ?? ""}</textarea></label> ${err("looking_for")}
<label><span>${t.languages}</span><input name="languages" maxlength="400" value="${languages}"${invalid("languages")}><span class="hint">${t.languagesHint}</span></label> ${err("languages")}
<label><span>${t.cv}</span><input name="cv_url" type="url" inputmode="url" maxlength="500" value="${b?.cv_url ?? ""}"${invalid("cv_url")}><span class="hint">${t.cvHint}</span></label> ${err("cv_url")}
<p><button class="button" type="submit">${t.save}</button></p>
</form>
<h2 id="forwards">${t.forwards}</h2>
${s.forwards.length ? s.forwards.map(forward) : html`<p>${t.forwardsNone}</p>`}
<h2 id="notes">${t.notes}</h2>
${
  s.notes.length
    ? html`<ul class="list">${s.notes.map((n) => html`<li><div class="description"><p>${n.text}</p></div><small>${n.staff_name}, ${formatDateTime(n.created_at, lang)}</small></li>`)}</ul>`
    : html`<p>${t.notesNone}</p>`
}`;
}
