/** <hv-audit>: who read or changed what, newest first (admins only); it holds no copies of the data. */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { AuditEntryDto } from "../../shared/schemas/staff.ts";
import { api } from "./api.ts";
import { actionLabel, dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";

export class HvAudit extends LitElement {
  static override styles = base;
  static override properties = { lang: { type: String }, state: { state: true } };

  declare lang: Lang;
  declare state: { entries: AuditEntryDto[]; before: number | null; error: string | null };

  constructor() {
    super();
    this.lang = "de";
    this.state = { entries: [], before: null, error: null };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load(false);
  }

  async #load(more: boolean) {
    try {
      const page = await api<{ data: AuditEntryDto[]; next_before: number | null }>(
        more && this.state.before ? `/audit?before=${this.state.before}` : "/audit",
        this.lang,
      );
      this.state = {
        entries: more ? [...this.state.entries, ...page.data] : page.data,
        before: page.next_before,
        error: null,
      };
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Whom an entry is about: their first name as it is now, and the start of their id, which tells two people of
   * one name apart and follows an erased person's entries. */
  #person(e: AuditEntryDto) {
    if (!e.person_id) return html`<td></td>`;
    const lang = this.lang;
    const name =
      e.person_name === null
        ? html`<span class="muted">${t(lang, "erased")}</span>`
        : html`<a href="#/people/${encodeURIComponent(e.person_id)}">${e.person_name || t(lang, "noFirstName")}</a>`;
    return html`<td data-label=${t(lang, "whom")}>${name} <span class="muted">· ${e.person_id.slice(0, 8)}</span></td>`;
  }

  override render() {
    const lang = this.lang;
    return html`<h1>${t(lang, "audit")}</h1>
      ${this.state.error ? html`<p class="error" role="alert">${t(lang, "error")} ${this.state.error}</p>` : ""}
      <table>
        <thead><tr><th>${t(lang, "when")}</th><th>${t(lang, "who")}</th><th>${t(lang, "what")}</th><th>${t(lang, "whom")}</th></tr></thead>
        <tbody>
          ${this.state.entries.map(
            (e) => html`<tr>
              <td>${dateTime(lang, e.at)}</td><td data-label=${t(lang, "who")}>${e.staff.name}</td><td data-label=${t(lang, "what")}>${actionLabel(lang, e.action)}</td>
              ${this.#person(e)}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.state.before ? html`<p><button @click=${() => this.#load(true)}>${t(lang, "older")}</button></p>` : ""}`;
  }
}
customElements.define("hv-audit", HvAudit);
