/** <hv-people>: the people who signed up, filtered and paged; a click opens the person; the list as CSV. */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { PersonDto } from "../../shared/schemas/staff.ts";
import { QUALIFICATION_IDS, QUALIFICATIONS, WANT_IDS, WANTS } from "../../shared/signup-options.ts";
import { CATEGORIES, CATEGORY_IDS } from "../../shared/taxonomy.ts";
import { TOWNS, townById } from "../../shared/towns.ts";
import { api } from "./api.ts";
import { count, dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";

interface Page {
  data: PersonDto[];
  total: number;
  next_cursor: string | null;
}

/** The month `n` months from now, YYYY-MM: "can return within n months". */
function monthsAhead(n: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + n, 1));
  return d.toISOString().slice(0, 7);
}

export class HvPeople extends LitElement {
  static override styles = base;
  static override properties = {
    lang: { type: String },
    scope: { type: Array },
    state: { state: true },
  };

  declare lang: Lang;
  /** A town account's towns (the server enforces it; this only says so). */
  declare scope: string[];
  declare state: { people: PersonDto[]; total: number; next: string | null; loading: boolean; error: string | null };

  constructor() {
    super();
    this.lang = "de";
    this.scope = [];
    this.state = { people: [], total: 0, next: null, loading: true, error: null };
  }
  #filters = new URLSearchParams();

  override connectedCallback() {
    super.connectedCallback();
    void this.#load(false);
  }

  async #load(more: boolean) {
    this.state = { ...this.state, loading: true, error: null };
    const q = new URLSearchParams(this.#filters);
    if (more && this.state.next) q.set("cursor", this.state.next);
    try {
      const page = await api<Page>(`/people?${q}`, this.lang);
      this.state = {
        people: more ? [...this.state.people, ...page.data] : page.data,
        total: page.total,
        next: page.next_cursor,
        loading: false,
        error: null,
      };
    } catch (error) {
      this.state = { ...this.state, loading: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.#filters = new URLSearchParams();
    for (const [key, value] of data)
      if (typeof value === "string" && value.trim()) this.#filters.set(key, value.trim());
    void this.#load(false);
  }

  override render() {
    const lang = this.lang;
    const s = this.state;
    const filtered = [...this.#filters.keys()].length > 0;
    return html`<h1>${t(lang, "people")}</h1>
      ${
        this.scope.length
          ? html`<p class="muted">${t(lang, "scopeNote", { towns: this.scope.map((id) => townById(id)?.name ?? id).join(", ") })}</p>`
          : ""
      }
      <form class="filters" role="search" @submit=${(e: SubmitEvent) => this.#submit(e)}>
        <label class="grow">${t(lang, "search")}<input type="search" name="q" maxlength="100" /></label>
        <label>${t(lang, "status")}
          <select name="status">
            <option value="">${t(lang, "any")}</option>
            <option value="confirmed">${t(lang, "confirmed")}</option>
            <option value="pending">${t(lang, "pending")}</option>
          </select></label>
        <label>${t(lang, "town")}
          <select name="town">
            <option value="">${t(lang, "any")}</option>
            ${TOWNS.filter((town) => !this.scope.length || this.scope.includes(town.id)).map(
              (town) => html`<option value=${town.id}>${town.name}</option>`,
            )}
          </select></label>
        <label>${t(lang, "field")}
          <select name="field">
            <option value="">${t(lang, "any")}</option>
            ${CATEGORY_IDS.map((id) => html`<option value=${id}>${CATEGORIES[id][lang]}</option>`)}
          </select></label>
        <label>${t(lang, "qualification")}
          <select name="qualification">
            <option value="">${t(lang, "any")}</option>
            ${QUALIFICATION_IDS.map((id) => html`<option value=${id}>${QUALIFICATIONS[id][lang]}</option>`)}
          </select></label>
        <label>${t(lang, "wants")}
          <select name="wants">
            <option value="">${t(lang, "any")}</option>
            ${WANT_IDS.map((id) => html`<option value=${id}>${WANTS[id][lang]}</option>`)}
          </select></label>
        <label>${t(lang, "returnBy")}
          <select name="return_by">
            <option value="">${t(lang, "any")}</option>
            ${[3, 6, 12, 24].map((n) => html`<option value=${monthsAhead(n)}>${t(lang, "withinMonths", { n })}</option>`)}
          </select></label>
        <label>${t(lang, "source")}<input type="search" name="source" maxlength="100" /></label>
        <button type="submit">${t(lang, "apply")}</button>
      </form>
      ${s.error ? html`<p class="error" role="alert">${t(lang, "error")} ${s.error} <button @click=${() => this.#load(false)}>${t(lang, "retry")}</button></p>` : ""}
      <p class="count"><span aria-live="polite" class="muted">${s.loading && s.people.length === 0 ? t(lang, "loading") : count(lang, s.total, "foundOne", "found")}</span>
        ${s.total ? html`<a href=${`/v1/staff/people.csv?${new URLSearchParams([...this.#filters, ["lang", lang]])}`} download>${t(lang, "exportCsv")}</a>` : ""}</p>
      ${!s.loading && !s.error && s.people.length === 0 ? html`<p>${filtered ? t(lang, "none") : t(lang, "noneYet")}</p>` : ""}
      ${
        s.people.length
          ? html`<table>
            <thead><tr><th>${t(lang, "name")}</th><th>${t(lang, "towns")}</th><th>${t(lang, "field")}</th><th>${t(lang, "status")}</th><th>${t(lang, "since")}</th></tr></thead>
            <tbody>
              ${s.people.map(
                (p) => html`<tr>
                  <td><a href="#/people/${encodeURIComponent(p.id)}">${p.first_name || p.email}</a><br /><span class="muted">${p.email}</span></td>
                  <td>${p.towns.map((id) => townById(id)?.name ?? id).join(", ") || "–"}</td>
                  <td data-label=${t(lang, "field")}>${p.field ? CATEGORIES[p.field][lang] : "–"}</td>
                  <td><span class=${p.status === "confirmed" ? "badge good" : "badge wait"}>${t(lang, p.status)}</span></td>
                  <td data-label=${t(lang, "since")}>${dateTime(lang, p.created_at)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : ""
      }
      ${s.next ? html`<p><button @click=${() => this.#load(true)} ?disabled=${s.loading}>${t(lang, "more")}</button></p>` : ""}`;
  }
}
customElements.define("hv-people", HvPeople);
