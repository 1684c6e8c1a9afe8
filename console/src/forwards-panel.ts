/**
 * <hv-forwards>: a person's forwards and how to propose new ones. Each forward says where it stands in
 * words (asked, shared until, opened, revoked by whom) and takes the outcome the employer reported; the
 * proposal picks employers with a contact address. A change fires `changed`, and the person's view reloads.
 */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import { FORWARD_OUTCOMES as OUTCOMES } from "../../shared/outcome-metrics.ts";
import type { ForwardDto, StaffEmployerDto } from "../../shared/schemas/steckbrief.ts";
import { townById } from "../../shared/towns.ts";
import { ApiFailure, allPages, api } from "./api.ts";
import { dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";

type Employer = Pick<StaffEmployerDto, "id" | "name" | "town" | "contact_email">;

const OUTCOME_CHOICES = ["", ...OUTCOMES] as const;

const BADGE: Record<ForwardDto["state"], string> = {
  asked: "wait",
  shared: "good",
  declined: "",
  expired: "",
  revoked: "bad",
};

export class HvForwards extends LitElement {
  static override styles = base;
  static override properties = {
    lang: { type: String },
    person: { type: String },
    confirmed: { type: Boolean },
    forwards: { attribute: false },
    state: { state: true },
  };

  declare lang: Lang;
  declare person: string;
  declare confirmed: boolean;
  declare forwards: ForwardDto[];
  declare state: { employers: Employer[]; filter: string; note: string | null; error: string | null };

  constructor() {
    super();
    this.lang = "de";
    this.person = "";
    this.confirmed = false;
    this.forwards = [];
    this.state = { employers: [], filter: "", note: null, error: null };
  }

  override async connectedCallback() {
    super.connectedCallback();
    try {
      const employers = await allPages<Employer>("/employers?with_contact=true", this.lang);
      this.state = { ...this.state, employers };
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
  }

  #changed() {
    this.dispatchEvent(new CustomEvent("changed", { bubbles: true, composed: true }));
  }

  async #run(work: () => Promise<string | null>) {
    try {
      const note = await work();
      this.state = { ...this.state, note, error: null };
      this.#changed();
    } catch (error) {
      const fields = error instanceof ApiFailure ? Object.values(error.fields) : [];
      const message = error instanceof Error ? error.message : String(error);
      this.state = { ...this.state, note: null, error: [message, ...fields].join(" ") };
    }
  }

  #propose(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const employers = new FormData(form).getAll("employers").map(String);
    if (!employers.length) return;
    void this.#run(async () => {
      const { asked } = await api<{ asked: number }>(`/people/${encodeURIComponent(this.person)}/forwards`, this.lang, {
        method: "POST",
        body: { employers },
      });
      form.reset();
      return asked ? t(this.lang, "proposed", { n: asked }) : t(this.lang, "proposedNone");
    });
  }

  #revoke(f: ForwardDto) {
    // A shared link stops working at once for the employer: asked first, as every irreversible step.
    if (f.state === "shared" && !confirm(t(this.lang, "revokeConfirm", { employer: f.employer.name }))) return;
    void this.#run(async () => {
      await api(`/forwards/${f.id}/revoke`, this.lang, { method: "POST", body: {} });
      return null;
    });
  }

  #outcome(f: ForwardDto, value: string) {
    void this.#run(async () => {
      await api(`/forwards/${f.id}`, this.lang, { method: "PATCH", body: { outcome: value || null } });
      return null;
    });
  }

  #forward(f: ForwardDto) {
    const lang = this.lang;
    const lines = [t(lang, "proposedBy", { date: dateTime(lang, f.proposed_at), name: f.proposed_by })];
    if (f.state === "shared" || f.state === "expired" || (f.state === "revoked" && f.answered_at)) {
      if (f.state === "shared") lines.push(t(lang, "sharedUntil", { date: dateTime(lang, f.expires_at) }));
      lines.push(
        f.opens ? t(lang, "openedTimes", { n: f.opens, date: dateTime(lang, f.last_opened_at) }) : t(lang, "notOpened"),
      );
    }
    if (f.state === "revoked")
      lines.push(
        t(lang, "revokedBy", {
          date: dateTime(lang, f.revoked_at),
          by: t(lang, f.revoked_by === "person" ? "byPerson" : "byStaff"),
        }),
      );
    const gotIt = f.answered_at !== null && (f.state === "shared" || f.state === "expired" || f.state === "revoked");
    return html`<tr>
      <td>${f.employer.name}<br /><span class="muted">${townById(f.employer.town)?.name ?? f.employer.town}</span></td>
      <td><span class="badge ${BADGE[f.state]}">${t(lang, `forward:${f.state}`)}</span><br /><span class="muted">${lines.join(" · ")}</span></td>
      <td>${
        gotIt
          ? html`<select aria-label="${t(lang, "outcome")}: ${f.employer.name}" @change=${(e: Event) => this.#outcome(f, (e.target as HTMLSelectElement).value)}>
              ${OUTCOME_CHOICES.map((o) => html`<option value=${o} ?selected=${(f.outcome ?? "") === o}>${t(lang, `outcome:${o}`)}</option>`)}
            </select>`
          : ""
      }</td>
      <td>${f.state === "asked" || f.state === "shared" ? html`<button @click=${() => this.#revoke(f)}>${t(lang, "revoke")}</button>` : ""}</td>
    </tr>`;
  }

  override render() {
    const lang = this.lang;
    const s = this.state;
    const needle = s.filter.trim().toLowerCase();
    const open = new Set(
      this.forwards.filter((f) => f.state === "asked" || f.state === "shared").map((f) => f.employer.id),
    );
    const shown = s.employers.filter((e) => !needle || e.name.toLowerCase().includes(needle)).slice(0, 40);
    return html`<section class="card" aria-labelledby="forwards">
      <h2 id="forwards">${t(lang, "forwards")}</h2>
      ${s.note ? html`<p role="status">${s.note}</p>` : ""}
      ${s.error ? html`<p class="error" role="alert">${t(lang, "error")} ${s.error}</p>` : ""}
      ${
        this.forwards.length
          ? html`<table><thead><tr><th>${t(lang, "employers")}</th><th>${t(lang, "status")}</th><th>${t(lang, "outcome")}</th><th>${t(lang, "actions")}</th></tr></thead>
              <tbody>${this.forwards.map((f) => this.#forward(f))}</tbody></table>`
          : html`<p>${t(lang, "forwardsNone")}</p>`
      }
      <h3>${t(lang, "propose")}</h3>
      ${
        this.confirmed
          ? html`<p class="muted">${t(lang, "proposeHint")}</p>
            <form @submit=${(e: SubmitEvent) => this.#propose(e)}>
              <label>${t(lang, "filterEmployers")}<input type="search" .value=${s.filter}
                @input=${(e: Event) => {
                  this.state = { ...s, filter: (e.target as HTMLInputElement).value };
                }} /></label>
              <fieldset>
                <legend>${t(lang, "chooseEmployers")}</legend>
                ${
                  shown.length
                    ? html`<div class="checks long">${shown.map((e) => html`<label><input type="checkbox" name="employers" value=${e.id} ?disabled=${open.has(e.id)} /><span>${e.name} <span class="muted">(${townById(e.town)?.name ?? e.town}${open.has(e.id) ? html`, ${t(lang, "alreadyOpen")}` : ""})</span></span></label>`)}</div>`
                    : html`<p>${t(lang, "noEmployers")}</p>`
                }
              </fieldset>
              <p><button class="primary" type="submit">${t(lang, "proposeSend")}</button></p>
            </form>`
          : html`<p>${t(lang, "proposeNeedsConfirmed")}</p>`
      }
    </section>`;
  }
}
customElements.define("hv-forwards", HvForwards);
