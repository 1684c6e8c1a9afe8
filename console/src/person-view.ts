/** <hv-person>: one person's details and the proof of their consent. Each opening is in the audit log. */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { PersonDto } from "../../shared/schemas/staff.ts";
import { QUALIFICATIONS, WANTS } from "../../shared/signup-options.ts";
import { CATEGORIES } from "../../shared/taxonomy.ts";
import { townById } from "../../shared/towns.ts";
import { ApiFailure, api } from "./api.ts";
import { dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";

type Detail = PersonDto & {
  consent: { version: string; given_at: string; page_origin: string | null; text: string | null };
};

const LANG_NAMES: Record<Lang, Record<string, string>> = {
  de: { de: "Deutsch", en: "Englisch" },
  en: { de: "German", en: "English" },
};

export class HvPerson extends LitElement {
  static override styles = base;
  static override properties = { lang: { type: String }, person: { type: String }, state: { state: true } };

  declare lang: Lang;
  declare person: string;
  declare state: { detail: Detail | null; error: string | null };

  constructor() {
    super();
    this.lang = "de";
    this.person = "";
    this.state = { detail: null, error: null };
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.state = { detail: await api<Detail>(`/people/${encodeURIComponent(this.person)}`, this.lang), error: null };
    } catch (error) {
      const gone = error instanceof ApiFailure && error.status === 404;
      const message = error instanceof Error ? error.message : String(error);
      this.state = { detail: null, error: gone ? t(this.lang, "personGone") : `${t(this.lang, "error")} ${message}` };
    }
  }

  override render() {
    const lang = this.lang;
    const back = html`<p><a href="#/people">← ${t(lang, "back")}</a></p>`;
    if (this.state.error) return html`${back}<p class="error" role="alert">${this.state.error}</p>`;
    const p = this.state.detail;
    if (!p) return html`${back}<p aria-live="polite">${t(lang, "loading")}</p>`;
    return html`${back}
      <h1>${p.first_name || p.email}</h1>
      <dl>
        <dt>${t(lang, "email")}</dt><dd><a href="mailto:${p.email}">${p.email}</a></dd>
        <dt>${t(lang, "status")}</dt><dd>${t(lang, p.status)}${p.confirmed_at ? ` (${t(lang, "confirmedAt")} ${dateTime(lang, p.confirmed_at)})` : ""}</dd>
        <dt>${t(lang, "towns")}</dt><dd>${p.towns.map((id) => townById(id)?.name ?? id).join(", ") || "–"}</dd>
        <dt>${t(lang, "field")}</dt><dd>${p.field ? CATEGORIES[p.field][lang] : "–"}</dd>
        <dt>${t(lang, "occupation")}</dt><dd>${p.occupation || "–"}</dd>
        <dt>${t(lang, "qualification")}</dt><dd>${p.qualification ? QUALIFICATIONS[p.qualification][lang] : "–"}</dd>
        <dt>${t(lang, "earliest")}</dt><dd>${p.earliest_return === "open" ? t(lang, "open") : p.earliest_return}</dd>
        <dt>${t(lang, "wants")}</dt><dd>${p.wants.map((w) => WANTS[w][lang]).join(", ")}</dd>
        <dt>${t(lang, "lang")}</dt><dd>${LANG_NAMES[lang][p.lang] ?? p.lang}</dd>
        <dt>${t(lang, "source")}</dt><dd>${p.source || "–"}</dd>
        <dt>${t(lang, "since")}</dt><dd>${dateTime(lang, p.created_at)}</dd>
      </dl>
      <section class="card" aria-labelledby="consent">
        <h2 id="consent">${t(lang, "consent")}</h2>
        <dl>
          <dt>${t(lang, "consentGiven")}</dt><dd>${dateTime(lang, p.consent.given_at)}</dd>
          <dt>${t(lang, "consentText")}</dt><dd>${p.consent.text ? html`<q>${p.consent.text}</q>` : t(lang, "consentEarlier")}</dd>
          <dt>${t(lang, "consentVersion")}</dt><dd><code>${p.consent.version.slice(0, 12)}…</code></dd>
          <dt>${t(lang, "consentFrom")}</dt><dd>${p.consent.page_origin || "–"}</dd>
        </dl>
      </section>`;
  }
}
customElements.define("hv-person", HvPerson);
