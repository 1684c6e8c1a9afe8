/**
 * The signup form on the Heimvorteil site's own page /embed/comeback, which `<hv-comeback>` shows in an
 * iframe. Rendered without a shadow root (Turnstile renders into it, the page's stylesheet styles it).
 */
import { html, LitElement, nothing } from "lit";
import { type FrameMessage, originOf, SOURCE } from "../../../shared/comeback-protocol.ts";
import { CONSENT_TEXT, consentVersion } from "../../../shared/consent.ts";
import type { Lang } from "../../../shared/i18n.ts";
import { QUALIFICATION_IDS, QUALIFICATIONS, WANT_IDS, WANTS } from "../../../shared/signup-options.ts";
import { CATEGORIES, CATEGORY_IDS } from "../../../shared/taxonomy.ts";
import { TOWNS } from "../../../shared/towns.ts";
import { langOf } from "../lib/messages.ts";

const T = {
  de: {
    email: "E-Mail-Adresse",
    firstName: "Vorname (freiwillig)",
    field: "Berufsfeld",
    occupation: "Beruf, in eigenen Worten",
    qualification: "Höchster Abschluss",
    towns: "Wo im Hochsauerland?",
    earliest: "Frühestens zurück",
    month: "Monat",
    open: "noch offen",
    wants: "Was möchten Sie bekommen?",
    privacy: "Datenschutzerklärung",
    submit: "Anmelden",
    sending: "Wird gesendet …",
    done: "Fast geschafft! Bitte bestätigen Sie den Link in der E-Mail, die gerade zu Ihnen unterwegs ist.",
    problems: "Bitte prüfen Sie die markierten Angaben.",
    failed: "Das hat gerade nicht geklappt. Bitte versuchen Sie es gleich noch einmal.",
    choose: "– bitte wählen –",
    verify: "Sicherheitsprüfung",
  },
  en: {
    email: "E-mail address",
    firstName: "First name (optional)",
    field: "Field",
    occupation: "Occupation, in your own words",
    qualification: "Highest qualification",
    towns: "Where in the Hochsauerland?",
    earliest: "Earliest return",
    month: "Month",
    open: "still open",
    wants: "What would you like to receive?",
    privacy: "privacy notice",
    submit: "Sign up",
    sending: "Sending …",
    done: "Almost there! Please confirm the link in the e-mail that is on its way to you.",
    problems: "Please check the marked fields.",
    failed: "That did not work just now. Please try again in a moment.",
    choose: "– please choose –",
    verify: "Security check",
  },
} as const;

interface TurnstileApi {
  render(element: HTMLElement, options: Record<string, unknown>): string;
  reset(id?: string): void;
}

export class HvComebackForm extends LitElement {
  static override properties = {
    lang: { type: String },
    source: { type: String },
    siteKey: { type: String, attribute: "site-key" },
    host: { type: String },
    errors: { state: true },
    status: { state: true },
  };

  declare lang: string;
  declare source: string;
  declare siteKey: string;
  declare host: string;
  declare private errors: Record<string, string>;
  declare private status: "idle" | "sending" | "done" | "failed";

  #token = "";
  #widget: string | undefined;

  constructor() {
    super();
    this.lang = "de";
    this.source = "";
    this.siteKey = "";
    this.host = "";
    this.errors = {};
    this.status = "idle";
  }

  protected override createRenderRoot() {
    return this;
  }

  get #lang(): Lang {
    return langOf(this.lang);
  }

  #post(message: FrameMessage): void {
    const target = originOf(this.host);
    if (target && window.parent !== window) window.parent.postMessage(message, target);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The host's accent colour, checked by the page that wrote it; set through the CSSOM (CSP-safe).
    const accent = document.documentElement.dataset.accent;
    if (accent) document.documentElement.style.setProperty("--accent", accent);
    new ResizeObserver(() =>
      this.#post({ source: SOURCE, type: "resize", height: document.documentElement.scrollHeight }),
    ).observe(document.documentElement);
    const script = document.createElement("script");
    script.src = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";
    script.async = true;
    script.addEventListener("load", () => this.#renderTurnstile());
    document.head.append(script);
  }

  #renderTurnstile(): void {
    const turnstile = (window as { turnstile?: TurnstileApi }).turnstile;
    const box = this.querySelector<HTMLElement>(".turnstile");
    if (!turnstile || !box) return;
    this.#widget = turnstile.render(box, {
      sitekey: this.siteKey,
      language: this.#lang,
      callback: (token: string) => {
        this.#token = token;
      },
      "expired-callback": () => {
        this.#token = "";
      },
    });
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = String(data.get(name) ?? "").trim();
      return value === "" ? undefined : value;
    };
    const month = text("return_month");
    const body = {
      email: text("email") ?? "",
      first_name: text("first_name"),
      field: text("field"),
      occupation: text("occupation"),
      qualification: text("qualification"),
      towns: data.getAll("towns").map(String),
      earliest_return: data.get("return_open") || !month ? "open" : month,
      wants: data.getAll("wants").map(String),
      consent: data.get("consent") === "yes",
      consent_version: await consentVersion(this.#lang),
      lang: this.#lang,
      source: this.source || undefined,
      website: text("website"),
      turnstile_token: this.#token,
    };
    this.status = "sending";
    try {
      const response = await fetch("/v1/signups", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": this.#lang },
        body: JSON.stringify(body),
      });
      if (response.status === 202) {
        this.errors = {};
        this.status = "done";
        this.#post({ source: SOURCE, type: "submitted" });
        return;
      }
      const envelope = (await response.json().catch(() => ({}))) as { error?: { fields?: Record<string, string> } };
      this.errors = envelope.error?.fields ?? {};
      this.status = Object.keys(this.errors).length > 0 ? "idle" : "failed";
      if (this.#widget !== undefined) (window as { turnstile?: TurnstileApi }).turnstile?.reset(this.#widget);
      this.#token = "";
      await this.updateComplete;
      this.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
    } catch {
      this.status = "failed";
    }
  }

  #error(field: string) {
    const message = this.errors[field];
    return message ? html`<span class="field-error" id="${field}-error">${message}</span>` : nothing;
  }

  #invalid(field: string) {
    return this.errors[field] ? "true" : "false";
  }

  protected override render() {
    const lang = this.#lang;
    const t = T[lang];
    if (this.status === "done") return html`<p class="done" role="status">${t.done}</p>`;
    const described = (field: string) => (this.errors[field] ? `${field}-error` : nothing);
    return html`<form class="comeback" novalidate @submit=${this.#submit}>
      <p role="alert" class="summary">${Object.keys(this.errors).length ? t.problems : this.status === "failed" ? t.failed : ""}</p>
      <label>${t.email}
        <input name="email" type="email" autocomplete="email" required maxlength="254"
          aria-invalid=${this.#invalid("email")} aria-describedby=${described("email")}></label>
      ${this.#error("email")}
      <label>${t.firstName}
        <input name="first_name" autocomplete="given-name" maxlength="60" aria-invalid=${this.#invalid("first_name")} aria-describedby=${described("first_name")}></label>
      ${this.#error("first_name")}
      <label>${t.field}
        <select name="field"><option value="">${t.choose}</option>${CATEGORY_IDS.map((id) => html`<option value=${id}>${CATEGORIES[id][lang]}</option>`)}</select></label>
      <label>${t.occupation}
        <input name="occupation" maxlength="100" aria-invalid=${this.#invalid("occupation")} aria-describedby=${described("occupation")}></label>
      ${this.#error("occupation")}
      <label>${t.qualification}
        <select name="qualification"><option value="">${t.choose}</option>${QUALIFICATION_IDS.map((id) => html`<option value=${id}>${QUALIFICATIONS[id][lang]}</option>`)}</select></label>
      <fieldset aria-describedby=${described("towns")}><legend>${t.towns}</legend>
        ${TOWNS.map((town) => html`<label class="check"><input type="checkbox" name="towns" value=${town.id}> ${town.name}</label>`)}
      </fieldset>
      ${this.#error("towns")}
      <fieldset aria-describedby=${described("earliest_return")}><legend>${t.earliest}</legend>
        <label>${t.month} <input name="return_month" type="month" aria-invalid=${this.#invalid("earliest_return")}></label>
        <label class="check"><input type="checkbox" name="return_open" value="yes" checked> ${t.open}</label>
      </fieldset>
      ${this.#error("earliest_return")}
      <fieldset aria-describedby=${described("wants")}><legend>${t.wants}</legend>
        ${WANT_IDS.map((id) => html`<label class="check"><input type="checkbox" name="wants" value=${id} aria-invalid=${this.#invalid("wants")}> ${WANTS[id][lang]}</label>`)}
      </fieldset>
      ${this.#error("wants")}
      <label class="check consent"><input type="checkbox" name="consent" value="yes" aria-invalid=${this.#invalid("consent")} aria-describedby=${described("consent")}>
        <span>${CONSENT_TEXT[lang]} <a href="/privacy" target="_blank" rel="noopener">${t.privacy}</a></span></label>
      ${this.#error("consent")}
      <div class="hp" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off"></label></div>
      <div class="turnstile" aria-label=${t.verify}></div>
      <p><button class="button" type="submit" ?disabled=${this.status === "sending"}>${this.status === "sending" ? t.sending : t.submit}</button></p>
    </form>`;
  }
}

customElements.define("hv-comeback-form", HvComebackForm);
