/**
 * <hv-accounts>: the staff accounts (admins only): who may sign in, with which role and towns; and the
 * read-only machine tokens tools use for the exports.
 */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { MachineTokenDto, StaffDto } from "../../shared/schemas/staff.ts";
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
  declare state: {
    accounts: StaffDto[];
    tokens: MachineTokenDto[];
    /** A token just made: shown this once. */
    fresh: { name: string; token: string } | null;
    error: string | null;
    fields: Record<string, string>;
    saved: boolean;
  };

  constructor() {
    super();
    this.lang = "de";
    this.me = "";
    this.state = { accounts: [], tokens: [], fresh: null, error: null, fields: {}, saved: false };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const [{ data }, tokens] = await Promise.all([
        api<{ data: StaffDto[] }>("/accounts", this.lang),
        api<{ data: MachineTokenDto[] }>("/machine-tokens", this.lang),
      ]);
      this.state = { ...this.state, accounts: data, tokens: tokens.data, error: null };
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

  async #makeToken(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get("token_name") ?? "");
    try {
      const made = await api<MachineTokenDto & { token: string }>("/machine-tokens", this.lang, {
        method: "POST",
        body: { name },
      });
      form.reset();
      this.state = { ...this.state, fresh: { name: made.name, token: made.token }, fields: {} };
      await this.#load();
    } catch (error) {
      this.state = {
        ...this.state,
        fields: error instanceof ApiFailure ? { token_name: error.fields.name ?? error.message } : {},
      };
    }
  }

  async #revokeToken(token: MachineTokenDto) {
    if (!confirm(t(this.lang, "tokenRevokeConfirm", { name: token.name }))) return;
    await api(`/machine-tokens/${encodeURIComponent(token.id)}/revoke`, this.lang, { method: "POST" });
    this.state = { ...this.state, fresh: null };
    await this.#load();
  }

  #tokens() {
    const lang = this.lang;
    const s = this.state;
    return html`<section class="card" aria-labelledby="tokens">
      <h2 id="tokens">${t(lang, "tokens")}</h2>
      <p class="muted">${t(lang, "tokensHint")}</p>
      ${
        s.fresh
          ? html`<div role="status" class="fresh-token"><p><strong>${t(lang, "tokenFresh", { name: s.fresh.name })}</strong></p>
              <p><code>${s.fresh.token}</code></p>
              <p><button @click=${(e: Event) => {
                const button = e.target as HTMLButtonElement;
                void navigator.clipboard.writeText(s.fresh?.token ?? "").then(() => {
                  button.textContent = t(lang, "copied");
                });
              }}>${t(lang, "copy")}</button></p></div>`
          : ""
      }
      ${
        s.tokens.length
          ? html`<table>
              <thead><tr><th>${t(lang, "name")}</th><th>${t(lang, "tokenOwner")}</th><th>${t(lang, "tokenUsed")}</th><th>${t(lang, "status")}</th></tr></thead>
              <tbody>${s.tokens.map(
                (k) => html`<tr>
                  <td>${k.name}<br /><span class="muted">${t(lang, "tokenCreated", { date: dateTime(lang, k.created_at) })}</span></td>
                  <td>${k.owner.name}</td>
                  <td data-label=${t(lang, "tokenUsed")}>${k.last_used_at ? dateTime(lang, k.last_used_at) : t(lang, "never")}</td>
                  <td>${
                    k.revoked_at
                      ? html`<span class="badge bad">${t(lang, "tokenRevoked")}</span>`
                      : html`<button @click=${() => this.#revokeToken(k)} aria-label="${t(lang, "tokenRevoke")}: ${k.name}">${t(lang, "tokenRevoke")}</button>`
                  }</td>
                </tr>`,
              )}</tbody>
            </table>`
          : html`<p>${t(lang, "tokensNone")}</p>`
      }
      <form class="filters" @submit=${(e: SubmitEvent) => this.#makeToken(e)}>
        <label class="grow">${t(lang, "tokenName")}<input name="token_name" required minlength="2" maxlength="120" />${s.fields.token_name ? html`<span class="error">${s.fields.token_name}</span>` : ""}</label>
        <button class="primary" type="submit">${t(lang, "tokenMake")}</button>
      </form>
    </section>`;
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
        <thead><tr><th>${t(lang, "name")}</th><th>${t(lang, "role")}</th><th>${t(lang, "lastSignIn")}</th><th>${t(lang, "status")}</th></tr></thead>
        <tbody>
          ${s.accounts.map(
            (a) => html`<tr>
              <td>${a.name}<br /><span class="muted">${a.email}</span></td>
              <td>${a.role === "admin" ? t(lang, "admin") : `${t(lang, "townRole")}: ${a.towns.map((id) => townById(id)?.name ?? id).join(", ")}`}</td>
              <td data-label=${t(lang, "lastSignIn")}>${a.last_sign_in_at ? dateTime(lang, a.last_sign_in_at) : t(lang, "never")}</td>
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
      </section>
      ${this.#tokens()}`;
  }
}
customElements.define("hv-accounts", HvAccounts);
