/**
 * <hv-person>: one person's details, the proof of their consent, their Steckbrief (and the team's
 * suggestions for it), forwards (<hv-forwards>), the team's notes and the mails sent to them. Each opening
 * is in the audit log.
 */

import { html, LitElement } from "lit";
import type { z } from "zod";
import type { Lang } from "../../shared/i18n.ts";
import { monthLabel } from "../../shared/months.ts";
import type { personDetailSchema } from "../../shared/schemas/staff.ts";
import { QUALIFICATIONS, WANTS } from "../../shared/signup-options.ts";
import { CATEGORIES } from "../../shared/taxonomy.ts";
import { townById } from "../../shared/towns.ts";
import { ApiFailure, api } from "./api.ts";
import { dateOnly, dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";
import "./forwards-panel.ts";

type Detail = z.infer<typeof personDetailSchema>;

const LANG_NAMES: Record<Lang, Record<string, string>> = {
  de: { de: "Deutsch", en: "Englisch" },
  en: { de: "German", en: "English" },
};

export class HvPerson extends LitElement {
  static override styles = base;
  static override properties = { lang: { type: String }, person: { type: String }, state: { state: true } };

  declare lang: Lang;
  declare person: string;
  declare state: { detail: Detail | null; error: string | null; note: string | null; fields: Record<string, string> };

  constructor() {
    super();
    this.lang = "de";
    this.person = "";
    this.state = { detail: null, error: null, note: null, fields: {} };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(note: string | null = null) {
    try {
      const detail = await api<Detail>(`/people/${encodeURIComponent(this.person)}`, this.lang);
      this.state = { detail, error: null, note, fields: {} };
    } catch (error) {
      const gone = error instanceof ApiFailure && error.status === 404;
      const message = error instanceof Error ? error.message : String(error);
      this.state = {
        ...this.state,
        detail: null,
        error: gone ? t(this.lang, "personGone") : `${t(this.lang, "error")} ${message}`,
      };
    }
  }

  async #send(event: SubmitEvent, path: string, body: (data: FormData) => Record<string, unknown>, done: string) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    try {
      await api(`/people/${encodeURIComponent(this.person)}/${path}`, this.lang, {
        method: "POST",
        body: body(new FormData(form)),
      });
      form.reset();
      await this.#load(done);
    } catch (error) {
      this.state = {
        ...this.state,
        note: `${t(this.lang, "error")} ${error instanceof Error ? error.message : String(error)}`,
        fields: error instanceof ApiFailure ? error.fields : {},
      };
    }
  }

  #suggestion(data: FormData) {
    const value = (name: string) => {
      const v = String(data.get(name) ?? "").trim();
      return v === "" ? undefined : v;
    };
    const languages = value("languages");
    return {
      headline: value("headline"),
      about: value("about"),
      looking_for: value("looking_for"),
      languages: languages
        ?.split(",")
        .map((l) => l.trim())
        .filter(Boolean),
    };
  }

  #steckbrief(p: Detail) {
    const lang = this.lang;
    const b = p.steckbrief;
    const field = (name: string) =>
      this.state.fields[name] ? html`<span class="error">${this.state.fields[name]}</span>` : "";
    const rows: [string, string | null][] = [
      [t(lang, "headline"), b.headline],
      [t(lang, "about"), b.about],
      [t(lang, "lookingFor"), b.looking_for],
      [t(lang, "languages"), b.languages.join(", ") || null],
      [t(lang, "cv"), b.cv_url],
    ];
    const answered = (g: Detail["suggestions"][number]) =>
      t(
        lang,
        g.answer === null ? "suggestionOpen" : g.answer === "accepted" ? "suggestionAccepted" : "suggestionDeclined",
        {
          date: dateTime(lang, g.created_at),
        },
      );
    return html`<section class="card" aria-labelledby="steckbrief">
      <h2 id="steckbrief">${t(lang, "steckbrief")}</h2>
      ${
        b.updated_at
          ? html`<dl class="prose">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value || "–"}</dd>`)}</dl>`
          : html`<p>${t(lang, "steckbriefEmpty")}</p>`
      }
      ${p.suggestions.length ? html`<ul>${p.suggestions.map((g) => html`<li>${answered(g)}</li>`)}</ul>` : ""}
      ${
        p.status === "confirmed"
          ? html`<details>
              <summary>${t(lang, "suggest")}</summary>
              <p class="muted">${t(lang, "suggestHint")}</p>
              <form class="form-grid" @submit=${(e: SubmitEvent) => this.#send(e, "suggestions", (d) => this.#suggestion(d), t(lang, "suggested"))}>
                <label class="wide">${t(lang, "headline")}<input name="headline" maxlength="120" />${field("headline")}</label>
                <label class="wide">${t(lang, "about")}<textarea name="about" maxlength="1000" rows="3"></textarea>${field("about")}</label>
                <label class="wide">${t(lang, "lookingFor")}<textarea name="looking_for" maxlength="1000" rows="3"></textarea>${field("looking_for")}</label>
                <label class="wide">${t(lang, "languages")}<input name="languages" maxlength="400" />${field("languages")}</label>
                <p><button class="primary" type="submit">${t(lang, "suggestSend")}</button></p>
              </form>
            </details>`
          : ""
      }
    </section>`;
  }

  #notes(p: Detail) {
    const lang = this.lang;
    return html`<section class="card" aria-labelledby="notes">
      <h2 id="notes">${t(lang, "notes")}</h2>
      <p class="muted">${t(lang, "notesHint")}</p>
      ${
        p.notes.length
          ? html`<ul class="notes">${p.notes.map((n) => html`<li><p>${n.text}</p><span class="muted">${n.staff}, ${dateTime(lang, n.created_at)}</span></li>`)}</ul>`
          : html`<p>${t(lang, "notesNone")}</p>`
      }
      <form @submit=${(e: SubmitEvent) => this.#send(e, "notes", (d) => ({ text: String(d.get("text") ?? "") }), t(lang, "saved"))}>
        <label>${t(lang, "notes")}<textarea name="text" required maxlength="2000" rows="3"></textarea>${this.state.fields.text ? html`<span class="error">${this.state.fields.text}</span>` : ""}</label>
        <p><button type="submit">${t(lang, "addNote")}</button></p>
      </form>
    </section>
    <section class="card" aria-labelledby="history">
      <h2 id="history">${t(lang, "history")}</h2>
      ${
        p.mails.length
          ? html`<ul>${p.mails.map((m) => html`<li>${dateTime(lang, m.at)}: ${m.subject}</li>`)}</ul>`
          : html`<p>${t(lang, "historyNone")}</p>`
      }
    </section>`;
  }

  override render() {
    const lang = this.lang;
    const back = html`<p><a href="#/people">← ${t(lang, "back")}</a></p>`;
    if (this.state.error) return html`${back}<p class="error" role="alert">${this.state.error}</p>`;
    const p = this.state.detail;
    if (!p) return html`${back}<p aria-live="polite">${t(lang, "loading")}</p>`;
    return html`${back}
      <h1>${p.first_name || p.email}</h1>
      ${this.state.note ? html`<p role="status">${this.state.note}</p>` : ""}
      <dl>
        <dt>${t(lang, "email")}</dt><dd><a href="mailto:${p.email}">${p.email}</a></dd>
        <dt>${t(lang, "status")}</dt><dd>${t(lang, p.status)}${p.confirmed_at ? ` (${t(lang, "confirmedAt")} ${dateTime(lang, p.confirmed_at)})` : ""}</dd>
        <dt>${t(lang, "towns")}</dt><dd>${p.towns.map((id) => townById(id)?.name ?? id).join(", ") || "–"}</dd>
        <dt>${t(lang, "field")}</dt><dd>${p.field ? CATEGORIES[p.field][lang] : "–"}</dd>
        <dt>${t(lang, "occupation")}</dt><dd>${p.occupation || "–"}</dd>
        <dt>${t(lang, "qualification")}</dt><dd>${p.qualification ? QUALIFICATIONS[p.qualification][lang] : "–"}</dd>
        <dt>${t(lang, "earliest")}</dt><dd>${p.earliest_return === "open" ? t(lang, "open") : monthLabel(p.earliest_return, lang)}</dd>
        <dt>${t(lang, "wants")}</dt><dd>${p.wants.length ? p.wants.map((w, i) => html`${i > 0 ? html`<br />` : ""}${WANTS[w][lang]}`) : "–"}${
          p.wants.includes("job_offers")
            ? html`<br /><span class="muted">${t(lang, p.digest_every === "daily" ? "digestDaily" : "digestWeekly")}</span>`
            : ""
        }${
          p.mail_stopped
            ? html`<br /><span class="badge bad">${t(lang, p.mail_stopped.reason === "bounce" ? "mailBounced" : "mailComplained", { date: dateOnly(lang, p.mail_stopped.at) })}</span>${
                p.mail_stopped.reason === "bounce"
                  ? html`<form class="inline" @submit=${(e: SubmitEvent) => this.#send(e, "mail-stop/lift", () => ({}), t(lang, "mailLifted"))}>
                      <button type="submit">${t(lang, "mailLift")}</button>
                    </form>`
                  : ""
              }`
            : ""
        }</dd>
        <dt>${t(lang, "lang")}</dt><dd>${LANG_NAMES[lang][p.lang] ?? p.lang}</dd>
        <dt>${t(lang, "source")}</dt><dd>${p.source || "–"}</dd>
        <dt>${t(lang, "since")}</dt><dd>${dateTime(lang, p.created_at)}</dd>
      </dl>
      <section class="card" aria-labelledby="consent">
        <h2 id="consent">${t(lang, "consent")}</h2>
        <dl>
          <dt>${t(lang, "consentGiven")}</dt><dd>${dateTime(lang, p.consent.given_at)}</dd>
          <dt>${t(lang, "consentText")}</dt><dd>${p.consent.text ? html`<q>${p.consent.text}</q>` : t(lang, "consentEarlier")}</dd>
          <dt>${t(lang, "consentVersion")}</dt><dd>${p.consent.current ? t(lang, "consentCurrent") : t(lang, "consentOlder")} <span class="muted small">(${t(lang, "fingerprint")} <code>${p.consent.version.slice(0, 12)}…</code>)</span></dd>
          <dt>${t(lang, "consentFrom")}</dt><dd>${p.consent.page_origin || "–"}</dd>
          ${p.retention.renewed_at ? html`<dt>${t(lang, "renewedAt")}</dt><dd>${dateTime(lang, p.retention.renewed_at)}</dd>` : ""}
          <dt>${t(lang, "retentionClock")}</dt><dd>${
            p.retention.erase_at && p.retention.renewal_asked_at
              ? html`<span class="badge bad">${t(lang, "retentionAsked", { asked: dateOnly(lang, p.retention.renewal_asked_at), erase: dateOnly(lang, p.retention.erase_at) })}</span>`
              : p.retention.renew_due_at
                ? t(lang, "retentionDue", { date: dateOnly(lang, p.retention.renew_due_at) })
                : t(lang, "retentionPending")
          }</dd>
        </dl>
      </section>
      ${this.#steckbrief(p)}
      <hv-forwards lang=${lang} person=${p.id} ?confirmed=${p.status === "confirmed"} .forwards=${p.forwards}
        @changed=${() => this.#load()}></hv-forwards>
      ${this.#notes(p)}`;
  }
}
customElements.define("hv-person", HvPerson);
