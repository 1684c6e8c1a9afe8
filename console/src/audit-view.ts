/** <hv-audit>: who read or changed what, newest first (admins only); it holds no copies of the data. */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import { api } from "./api.ts";
import { actionLabel, dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";

interface Entry {
  id: number;
  at: string;
  staff: { id: string; name: string };
  action: string;
  person_id: string | null;
  person_name: string | null;
}

export class HvAudit extends LitElement {
  static override styles = base;
  static override properties = { lang: { type: String }, state: { state: true } };

  declare lang: Lang;
  declare state: { entries: Entry[]; before: number | null; error: string | null };

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
      const page = await api<{ data: Entry[]; next_before: number | null }>(
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
              ${
                e.person_id
                  ? html`<td data-label=${t(lang, "whom")}>${
                      e.person_name === null
                        ? html`<span class="muted">${t(lang, "erased")}</span>`
                        : html`<a href="#/people/${encodeURIComponent(e.person_id)}">${e.person_name || t(lang, "noFirstName")}</a>`
                    }</td>`
                  : html`<td></td>`
              }
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.state.before ? html`<p><button @click=${() => this.#load(true)}>${t(lang, "older")}</button></p>` : ""}`;
  }
}
customElements.define("hv-audit", HvAudit);
