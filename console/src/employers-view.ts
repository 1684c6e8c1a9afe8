/**
 * <hv-employers>: the employers and the contact address forwarded Steckbriefe go to. Those with a contact
 * come first; a town account sees its towns' employers. Editing is inline, one employer at a time.
 */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { StaffEmployerDto, StaffEmployerList } from "../../shared/schemas/steckbrief.ts";
import { townById } from "../../shared/towns.ts";
import { ApiFailure, api } from "./api.ts";
import { runsOf } from "./groups.ts";
import { count, type Key, t } from "./messages.ts";
import { base } from "./styles.ts";

type Employer = StaffEmployerDto;

export class HvEmployers extends LitElement {
  static override styles = base;
  static override properties = { lang: { type: String }, state: { state: true } };

  declare lang: Lang;
  declare state: {
    employers: Employer[] | null;
    total: number;
    next: string | null;
    loading: boolean;
    q: string;
    onlyContact: boolean;
    editing: string | null;
    fields: Record<string, string>;
    error: string | null;
  };

  constructor() {
    super();
    this.lang = "de";
    this.state = {
      employers: null,
      total: 0,
      next: null,
      loading: false,
      q: "",
      onlyContact: false,
      editing: null,
      fields: {},
      error: null,
    };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  /** The first page for the filters, or (more) the next one after what is shown. */
  async #load(more = false) {
    const params = new URLSearchParams();
    if (this.state.q.trim()) params.set("q", this.state.q.trim());
    if (this.state.onlyContact) params.set("with_contact", "true");
    if (more && this.state.next) params.set("cursor", this.state.next);
    this.state = { ...this.state, loading: true };
    try {
      const page = await api<StaffEmployerList>(`/employers?${params}`, this.lang);
      this.state = {
        ...this.state,
        employers: more ? [...(this.state.employers ?? []), ...page.data] : page.data,
        total: page.total,
        next: page.next_cursor,
        loading: false,
        error: null,
      };
    } catch (error) {
      this.state = { ...this.state, loading: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  #filter(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.state = { ...this.state, q: String(data.get("q") ?? ""), onlyContact: data.get("contact") === "1" };
    void this.#load();
  }

  async #save(event: SubmitEvent, e: Employer) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const email = String(data.get("contact_email") ?? "").trim();
    const name = String(data.get("contact_name") ?? "").trim();
    try {
      await api(`/employers/${encodeURIComponent(e.id)}`, this.lang, {
        method: "PATCH",
        body: { contact_email: email || null, contact_name: name || null },
      });
      // The saved row may move between the two groups: the list is read again from its start.
      this.state = { ...this.state, editing: null, fields: {} };
      await this.#load();
    } catch (error) {
      this.state = { ...this.state, fields: error instanceof ApiFailure ? error.fields : {} };
    }
  }

  #row(e: Employer) {
    const lang = this.lang;
    const s = this.state;
    const field = (name: string) => (s.fields[name] ? html`<span class="error">${s.fields[name]}</span>` : "");
    const contact =
      s.editing === e.id
        ? html`<form class="form-grid" @submit=${(ev: SubmitEvent) => this.#save(ev, e)}>
            <label>${t(lang, "email")}<input name="contact_email" type="email" maxlength="254" .value=${e.contact_email ?? ""} />${field("contact_email")}</label>
            <label>${t(lang, "contactName")}<input name="contact_name" maxlength="120" .value=${e.contact_name ?? ""} />${field("contact_name")}</label>
            <p><button class="primary" type="submit">${t(lang, "save")}</button>
              <button type="button" @click=${() => {
                this.state = { ...s, editing: null, fields: {} };
              }}>${t(lang, "cancel")}</button></p>
          </form>`
        : html`${e.contact_email ? html`${e.contact_name ? html`${e.contact_name}<br />` : ""}<a href="mailto:${e.contact_email}">${e.contact_email}</a>` : html`<span class="muted">${t(lang, "noContact")}</span>`}
            <br /><button @click=${() => {
              this.state = { ...s, editing: e.id, fields: {} };
            }} aria-label="${t(lang, "edit")}: ${e.name}">${t(lang, "edit")}</button>`;
    return html`<tr>
      <td>${e.name}<br /><span class="muted">${townById(e.town)?.name ?? e.town} · ${e.industry}</span></td>
      <td>${contact}</td>
      <td data-label=${t(lang, "forwards")}>${
        e.forwards === 0
          ? html`<span class="muted">${t(lang, "forwardsCountNone")}</span>`
          : e.forwards === 1
            ? t(lang, "forwardsCountOne")
            : t(lang, "forwardsCount", { n: e.forwards })
      }</td>
    </tr>`;
  }

  override render() {
    const lang = this.lang;
    const s = this.state;
    return html`<h1>${t(lang, "employers")}</h1>
      <form class="filters" role="search" @submit=${(e: SubmitEvent) => this.#filter(e)}>
        <label class="grow">${t(lang, "filterEmployers")}<input type="search" name="q" .value=${s.q} maxlength="100" /></label>
        <label class="check"><span><input type="checkbox" name="contact" value="1" ?checked=${s.onlyContact} /> ${t(lang, "withContact")}</span></label>
        <button type="submit">${t(lang, "apply")}</button>
      </form>
      ${s.error ? html`<p class="error" role="alert">${t(lang, "error")} ${s.error}</p>` : ""}
      ${
        s.employers === null
          ? html`<p aria-live="polite">${t(lang, "loading")}</p>`
          : s.employers.length
            ? html`<p class="muted" aria-live="polite">${count(lang, s.total, "employersCountOne", "employersCount")}${
                s.employers.length < s.total ? ` · ${t(lang, "shownOf", { n: s.employers.length })}` : ""
              }</p>
              <table>
                <thead><tr><th>${t(lang, "name")}</th><th>${t(lang, "contact")}</th><th>${t(lang, "forwards")}</th></tr></thead>
                ${runsOf(
                  s.employers,
                  (e): Key => (e.contact_email ? "withContactHeading" : "withoutContactHeading"),
                ).map(
                  // Those with a contact address come first (the API's order), each group under its heading.
                  (group) =>
                    html`<tbody><tr class="group"><th colspan="3" scope="rowgroup">${t(lang, group.key)}</th></tr>${group.items.map((e) => this.#row(e))}</tbody>`,
                )}
              </table>
              ${s.next ? html`<p><button @click=${() => this.#load(true)} ?disabled=${s.loading}>${t(lang, "more")}</button></p>` : ""}`
            : html`<p>${t(lang, "employersNone")}</p>`
      }`;
  }
}
customElements.define("hv-employers", HvEmployers);
