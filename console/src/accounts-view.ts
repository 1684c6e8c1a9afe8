/** <hv-accounts>: the staff accounts (admins only): who may sign in, with which role and towns. */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { StaffDto } from "../../shared/schemas/staff.ts";
import { TOWNS, townById } from "../../shared/towns.ts";
import { ApiFailure, api } from "./api.ts";
import { dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";

export class HvAccounts extends LitElement {
  static override styles = base;
  static override properties = { lang: { type: String }, me: { type: String }, state: { state: true } };

  declare lang: Lang;
  /** The signed-in account: it is not offered to disable itself. */
  declare me: string;
  declare state: { accounts: StaffDto[]; error: string | null; fields: Record<string, string>; saved: boolean };

  constructor() {
    super();
    this.lang = "de";
    this.me = "";
    this.state = { accounts: [], error: null, fields: {}, saved: false };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const { data } = await api<{ data: StaffDto[] }>("/accounts", this.lang);
      this.state = { ...this.state, accounts: data, error: null };
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async #add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const role = String(data.get("role"));
    try {
      await api("/accounts", this.lang, {
        method: "POST",
        body: {
          email: String(data.get("email") ?? ""),
          name: String(data.get("name") ?? ""),
          role,
          towns: role === "town" ? data.getAll("towns").map(String) : [],
        },
      });
      form.reset();
      this.state = { ...this.state, fields: {}, saved: true };
      await this.#load();
    } catch (error) {
      this.state = {
        ...this.state,
        saved: false,
        fields: error instanceof ApiFailure ? error.fields : {},
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async #toggle(account: StaffDto) {
    await api(`/accounts/${encodeURIComponent(account.id)}`, this.lang, {
      method: "PATCH",
      body: { disabled: !account.disabled },
    });
    await this.#load();
  }

  override render() {
    const lang = this.lang;
    const s = this.state;
    const field = (name: string) => (s.fields[name] ? html`<span class="error">${s.fields[name]}</span>` : "");
    return html`<h1>${t(lang, "accounts")}</h1>
      ${s.error ? html`<p class="error" role="alert">${t(lang, "error")} ${s.error}</p>` : ""}
      <table>
        <thead><tr><th>${t(lang, "name")}</th><th>${t(lang, "role")}</th><th class="hide-narrow">${t(lang, "lastSignIn")}</th><th>${t(lang, "status")}</th></tr></thead>
        <tbody>
          ${s.accounts.map(
            (a) => html`<tr>
              <td>${a.name}<br /><span class="muted">${a.email}</span></td>
              <td>${a.role === "admin" ? t(lang, "admin") : `${t(lang, "townRole")}: ${a.towns.map((id) => townById(id)?.name ?? id).join(", ")}`}</td>
              <td class="hide-narrow">${a.last_sign_in_at ? dateTime(lang, a.last_sign_in_at) : t(lang, "never")}</td>
              <td><span class="badge">${a.disabled ? t(lang, "disabled") : t(lang, "enabled")}</span>
                ${a.id === this.me ? "" : html`<button @click=${() => this.#toggle(a)}>${a.disabled ? t(lang, "enable") : t(lang, "disable")}</button>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <section class="card" aria-labelledby="add">
        <h2 id="add">${t(lang, "addTitle")}</h2>
        <form class="form-grid" @submit=${(e: SubmitEvent) => this.#add(e)}>
          <label>${t(lang, "name")}<input name="name" required minlength="2" maxlength="120" />${field("name")}</label>
          <label>${t(lang, "email")}<input name="email" type="email" required maxlength="254" />${field("email")}</label>
          <label>${t(lang, "role")}
            <select name="role"><option value="town">${t(lang, "townRole")}</option><option value="admin">${t(lang, "admin")}</option></select></label>
          <fieldset class="wide">
            <legend>${t(lang, "towns")}</legend>
            <div class="checks">${TOWNS.map((town) => html`<label><input type="checkbox" name="towns" value=${town.id} />${town.name}</label>`)}</div>
            ${field("towns")}
          </fieldset>
          <button class="primary" type="submit">${t(lang, "add")}</button>
        </form>
        ${s.saved ? html`<p role="status">${t(lang, "saved")}</p>` : ""}
      </section>`;
  }
}
customElements.define("hv-accounts", HvAccounts);
