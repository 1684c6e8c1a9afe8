/**
 * <hv-pool>: the applicant pool for the team. Its figures (members, cards shown, requests and what became of
 * them), each employer's response rate over 90 days with those slowed down marked, and the employers'
 * accounts: add one for an employer's contact person, disable or enable it. No cards and no people here:
 * staff see people where they may already (the people views).
 */
import { css, html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { EmployerAccount, PoolStatistics } from "../../shared/schemas/pool.ts";
import type { StaffEmployerDto } from "../../shared/schemas/steckbrief.ts";
import { ApiFailure, allPages, api } from "./api.ts";
import { t } from "./messages.ts";
import { base } from "./styles.ts";

type EmployerOption = Pick<StaffEmployerDto, "id" | "name">;

export class HvPool extends LitElement {
  static override styles = [
    base,
    css`
      table { margin-bottom: 2rem; }
      .narrow { display: none; }
      @media (max-width: 40rem) {
        /* A row of figures as a card: each figure with its label, side by side. */
        .narrow { display: inline; color: var(--muted); }
        td.figure { display: inline-block; margin-inline-end: 1rem; }
      }
    `,
  ];
  static override properties = { lang: { type: String }, state: { state: true } };

  declare lang: Lang;
  declare state: {
    stats: PoolStatistics | null;
    accounts: EmployerAccount[] | null;
    employers: EmployerOption[];
    fields: Record<string, string>;
    added: string | null;
    error: string | null;
  };

  constructor() {
    super();
    this.lang = "de";
    this.state = { stats: null, accounts: null, employers: [], fields: {}, added: null, error: null };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const [stats, accounts, employers] = await Promise.all([
        api<PoolStatistics>("/pool", this.lang),
        api<{ data: EmployerAccount[] }>("/employer-accounts", this.lang),
        allPages<EmployerOption>("/employers", this.lang),
      ]);
      this.state = { ...this.state, stats, accounts: accounts.data, employers, error: null };
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async #add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const employer = String(data.get("employer") ?? "");
    if (!employer) {
      this.state = { ...this.state, fields: { employer: t(this.lang, "poolPickEmployer") } };
      return;
    }
    try {
      const made = await api<EmployerAccount>(`/employers/${encodeURIComponent(employer)}/accounts`, this.lang, {
        method: "POST",
        body: { email: String(data.get("email") ?? ""), name: String(data.get("name") ?? "") },
      });
      form.reset();
      this.state = { ...this.state, fields: {}, added: made.email };
      await this.#load();
    } catch (error) {
      this.state = {
        ...this.state,
        added: null,
        fields: error instanceof ApiFailure ? error.fields : { email: String(error) },
      };
    }
  }

  async #toggle(a: EmployerAccount) {
    if (!a.disabled && !confirm(t(this.lang, "poolDisableConfirm", { name: a.name, employer: a.employer_name })))
      return;
    await api(`/employer-accounts/${encodeURIComponent(a.id)}`, this.lang, {
      method: "PATCH",
      body: { disabled: !a.disabled },
    });
    await this.#load();
  }

  #figures(s: PoolStatistics) {
    const lang = this.lang;
    const tile = (n: number, label: string) => html`<div><dt>${label}</dt><dd><strong>${n}</strong></dd></div>`;
    return html`<h2>${t(lang, "poolFigures")}</h2>
      <dl class="tiles">
        ${tile(s.members, t(lang, "poolMembers"))} ${tile(s.shown, t(lang, "poolShown"))}
        ${tile(s.paused, t(lang, "poolPaused"))}
      </dl>
      <p class="muted">${t(lang, "poolShownHint", { shown: s.shown, members: s.members, k: s.k })}</p>
      <h2>${t(lang, "poolRequestFigures")}</h2>
      <dl class="tiles">
        ${tile(s.requests.sent, t(lang, "poolRequests"))} ${tile(s.requests.accepted, t(lang, "poolAccepted"))}
        ${tile(s.requests.declined, t(lang, "poolDeclined"))} ${tile(s.requests.expired, t(lang, "poolExpired"))}
        ${tile(s.requests.open, t(lang, "poolOpen"))}
      </dl>`;
  }

  /** A table cell of a figure; on a phone, where the header row is hidden, with its label. */
  #figure(label: string, value: number | string) {
    return html`<td class="figure"><span class="narrow">${label}: </span>${value}</td>`;
  }

  #rates(s: PoolStatistics) {
    const lang = this.lang;
    if (!s.employers.length) return html`<p>${t(lang, "poolNoRequests")}</p>`;
    const percent = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)} %`);
    return html`<table>
      <thead><tr><th>${t(lang, "employer")}</th><th>${t(lang, "poolRequests")}</th><th>${t(lang, "poolAccepted")}</th>
        <th>${t(lang, "poolDeclined")}</th><th>${t(lang, "poolExpired")}</th><th>${t(lang, "poolOpen")}</th><th>${t(lang, "poolRate")}</th></tr></thead>
      <tbody>${s.employers.map(
        (
          e,
        ) => html`<tr><td>${e.employer_name}${e.slowed ? html`<br /><span class="badge">${t(lang, "poolSlowed")}</span>` : ""}</td>
          ${this.#figure(t(lang, "poolRequests"), e.sent)} ${this.#figure(t(lang, "poolAccepted"), e.accepted)}
          ${this.#figure(t(lang, "poolDeclined"), e.declined)} ${this.#figure(t(lang, "poolExpired"), e.expired)}
          ${this.#figure(t(lang, "poolOpen"), e.open)} ${this.#figure(t(lang, "poolRate"), percent(e.response_rate))}</tr>`,
      )}</tbody>
    </table>`;
  }

  #accounts(accounts: EmployerAccount[]) {
    const lang = this.lang;
    const s = this.state;
    const field = (name: string) => (s.fields[name] ? html`<span class="error">${s.fields[name]}</span>` : "");
    return html`${
      accounts.length
        ? html`<table>
          <thead><tr><th>${t(lang, "employer")}</th><th>${t(lang, "name")}</th><th>${t(lang, "poolLastSignIn")}</th><th></th></tr></thead>
          <tbody>${accounts.map(
            (a) => html`<tr>
              <td>${a.employer_name}</td>
              <td>${a.name}<br /><a href="mailto:${a.email}">${a.email}</a>${a.disabled ? html`<br /><span class="badge">${t(lang, "disabled")}</span>` : ""}</td>
              <td><span class="narrow">${t(lang, "poolLastSignIn")}: </span>${a.last_sign_in_at ? new Date(a.last_sign_in_at).toLocaleString(lang === "en" ? "en-GB" : "de-DE", { timeZone: "Europe/Berlin", dateStyle: "medium", timeStyle: "short" }) : html`<span class="muted">${t(lang, "never")}</span>`}</td>
              <td><button @click=${() => this.#toggle(a)} aria-label="${a.disabled ? t(lang, "enable") : t(lang, "disable")}: ${a.name}">${a.disabled ? t(lang, "enable") : t(lang, "disable")}</button></td>
            </tr>`,
          )}</tbody></table>`
        : html`<p>${t(lang, "poolNoAccounts")}</p>`
    }
      <h3>${t(lang, "poolAddAccount")}</h3>
      <p class="muted">${t(lang, "poolAddHint")}</p>
      ${s.added ? html`<p class="notice" role="status">${t(lang, "poolAdded", { email: s.added })}</p>` : ""}
      <form class="form-grid" @submit=${(e: SubmitEvent) => this.#add(e)}>
        <label>${t(lang, "employer")}<select name="employer" required>
          <option value="">${t(lang, "poolPickPrompt")}</option>
          ${s.employers.map((e) => html`<option value=${e.id}>${e.name}</option>`)}
        </select>${field("employer")}</label>
        <label>${t(lang, "name")}<input name="name" required maxlength="120" autocomplete="off" />${field("name")}</label>
        <label>${t(lang, "email")}<input name="email" type="email" required maxlength="320" autocomplete="off" />${field("email")}</label>
        <p><button class="primary" type="submit">${t(lang, "poolAddAccount")}</button></p>
      </form>`;
  }

  override render() {
    const lang = this.lang;
    const s = this.state;
    if (s.error)
      return html`<h1>${t(lang, "pool")}</h1><p class="error" role="alert">${t(lang, "error")} ${s.error}</p>`;
    if (!s.stats || !s.accounts)
      return html`<h1>${t(lang, "pool")}</h1><p aria-live="polite">${t(lang, "loading")}</p>`;
    return html`<h1>${t(lang, "pool")}</h1>
      <p class="muted">${t(lang, "poolIntro", { k: s.stats.k })}</p>
      ${this.#figures(s.stats)}
      <h2>${t(lang, "poolRates")}</h2>
      <p class="muted">${t(lang, "poolRatesHint")}</p>
      ${this.#rates(s.stats)}
      <h2>${t(lang, "poolAccounts")}</h2>
      ${this.#accounts(s.accounts)}`;
  }
}
customElements.define("hv-pool", HvPool);
