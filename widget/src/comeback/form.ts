/**
 * The signup form on the Heimvorteil site's own page /embed/comeback, which `<hv-comeback>` shows in an
 * iframe, and on /komm-zurueck. Rendered without a shadow root (Turnstile renders into it, the page's
 * stylesheet styles it). The campaign speaks to people as "du" ("Komm zurück"), everywhere.
 */
import { html, LitElement, nothing } from "lit";
import { type FrameMessage, originOf, SOURCE } from "../../../shared/comeback-protocol.ts";
import type { Lang } from "../../../shared/i18n.ts";
import { returnMonths } from "../../../shared/months.ts";
import { ROUTES } from "../../../shared/routes.ts";
import type { ConsentText } from "../../../shared/schemas/consent.ts";
import { QUALIFICATION_IDS, QUALIFICATIONS, WANT_IDS, WANTS } from "../../../shared/signup-options.ts";
import { CATEGORIES, CATEGORY_IDS } from "../../../shared/taxonomy.ts";
import { TOWNS } from "../../../shared/towns.ts";
import { langOf } from "../lib/messages.ts";

const T = {
  de: {
    email: "E-Mail-Adresse",
    firstName: "Vorname",
    field: "Berufsfeld",
    occupation: "Beruf, in eigenen Worten",
    qualification: "Höchster Abschluss",
    towns: "Wo im Hochsauerland?",
    earliest: "Frühestens zurück",
    open: "Noch offen",
    wants: "Was möchtest du bekommen?",
    wantsHint: "Wähl mindestens eins aus.",
    optional: "freiwillig",
    submit: "Anmelden",
    sending: "Wird gesendet …",
    problems: "Bitte prüfe diese Angaben:",
    failed: "Das hat gerade nicht geklappt. Bitte versuch es gleich noch einmal.",
    choose: "– bitte wählen –",
    verify: "Sicherheitsprüfung",
    consentLoading: "Der Einwilligungstext wird geladen …",
    consentFailed: "Der Einwilligungstext konnte gerade nicht geladen werden. Bitte lade die Seite neu.",
    botUnavailable:
      "Die Sicherheitsprüfung lässt sich gerade nicht laden – vielleicht blockiert ein Werbe- oder Inhaltsblocker sie, oder die Verbindung ist gestört. Deine Angaben bleiben hier stehen, solange du die Seite nicht neu lädst. Schalte den Blocker für diese Seite aus und versuch es noch einmal.",
    botOwnPage: "Oder öffne das Formular auf unserer eigenen Seite",
    botReload: "Blocker ausgeschaltet? Dann die Seite neu laden",
    doneTitle: "Fast geschafft!",
    doneSent: "Wir haben eine E-Mail an",
    doneSent2: "geschickt.",
    doneNext:
      "Öffne den Link darin, um deine Anmeldung zu bestätigen. Der Link gilt 7 Tage; ohne Bestätigung löschen wir deine Angaben danach.",
    doneAfter:
      "Danach bekommst du nur, was du gewählt hast. Über den Link in jeder E-Mail kannst du deine Angaben jederzeit ansehen, ändern oder löschen.",
    wrongAddress: "Falsche Adresse? Korrigieren",
    noMail: "Keine E-Mail bekommen? Schau auch im Spam-Ordner nach.",
    resendAt: "Eine neue E-Mail kannst du ab {time} Uhr anfordern.",
    resend: "Neue E-Mail anfordern",
  },
  en: {
    email: "E-mail address",
    firstName: "First name",
    field: "Field",
    occupation: "Occupation, in your own words",
    qualification: "Highest qualification",
    towns: "Where in the Hochsauerland?",
    earliest: "Earliest return",
    open: "Not sure yet",
    wants: "What would you like to receive?",
    wantsHint: "Choose at least one.",
    optional: "optional",
    submit: "Sign up",
    sending: "Sending …",
    problems: "Please check these details:",
    failed: "That did not work just now. Please try again in a moment.",
    choose: "– please choose –",
    verify: "Security check",
    consentLoading: "Loading the consent text …",
    consentFailed: "The consent text could not be loaded just now. Please reload the page.",
    botUnavailable:
      "The security check can't load right now – an ad or content blocker may be stopping it, or your connection dropped. Your entries are kept as long as you don't reload the page. Switch the blocker off for this page and try again.",
    botOwnPage: "Or open the form on our own site",
    botReload: "Blocker switched off? Then reload the page",
    doneTitle: "Almost there!",
    doneSent: "We have sent an e-mail to",
    doneSent2: ".",
    doneNext:
      "Open the link in it to confirm your signup. The link works for 7 days; without confirmation we delete your details after that.",
    doneAfter:
      "After that you only get what you chose. Through the link in every e-mail you can see, change or delete your details at any time.",
    wrongAddress: "Wrong address? Correct it",
    noMail: "No e-mail? Please also look in your spam folder.",
    resendAt: "You can ask for a new e-mail from {time}.",
    resend: "Send a new e-mail",
  },
} as const;

// The fields the server may name, in the order the form shows them.
const FIELDS = [
  "email",
  "first_name",
  "field",
  "occupation",
  "qualification",
  "towns",
  "earliest_return",
  "wants",
  "consent",
] as const;
const LABELS: Record<Lang, Record<(typeof FIELDS)[number], string>> = {
  de: {
    email: T.de.email,
    first_name: T.de.firstName,
    field: T.de.field,
    occupation: T.de.occupation,
    qualification: T.de.qualification,
    towns: T.de.towns,
    earliest_return: T.de.earliest,
    wants: T.de.wants,
    consent: "Einwilligung",
  },
  en: {
    email: T.en.email,
    first_name: T.en.firstName,
    field: T.en.field,
    occupation: T.en.occupation,
    qualification: T.en.qualification,
    towns: T.en.towns,
    earliest_return: T.en.earliest,
    wants: T.en.wants,
    consent: "Consent",
  },
};

// The server sends no second mail within this time (worker/src/routes/api/signups.ts).
const RESEND_COOLDOWN_MS = 10 * 60_000;
// Turnstile's script that has not arrived by then counts as blocked.
const BOT_CHECK_WAIT_MS = 8000;
// Cloudflare's always-pass test site key, whose widget always yields the documented dummy token. Where the
// script cannot load (this project's offline development machines), the form sends that token itself; the
// server accepts it only with the matching test secret, which it refuses outside development.
const TEST_SITE_KEY = "1x00000000000000000000AA";
const TEST_TOKEN = "XXXX.DUMMY.TOKEN.XXXX";

interface TurnstileApi {
  render(element: HTMLElement, options: Record<string, unknown>): string;
  reset(id?: string): void;
}

type BotCheck = "loading" | "ready" | "unavailable";

export class HvComebackForm extends LitElement {
  static override properties = {
    lang: { type: String },
    source: { type: String },
    siteKey: { type: String, attribute: "site-key" },
    host: { type: String },
    errors: { state: true },
    problem: { state: true },
    status: { state: true },
    botCheck: { state: true },
    consent: { state: true },
    sentTo: { state: true },
    canResend: { state: true },
  };

  declare lang: string;
  declare source: string;
  declare siteKey: string;
  declare host: string;
  declare private errors: Record<string, string>;
  /** A problem the server named that is not about one field (rate limit, bot check …), in words. */
  declare private problem: string;
  declare private status: "idle" | "sending" | "done";
  declare private botCheck: BotCheck;
  declare private sentTo: string;
  declare private canResend: boolean;
  /** The consent text in force, from GET /v1/consent: what is shown and what its version says. */
  declare private consent: ConsentText | "loading" | "failed";

  #token = "";
  #widget: string | undefined;
  #resendAt = 0;
  #resendTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.lang = "de";
    this.source = "";
    this.siteKey = "";
    this.host = "";
    this.errors = {};
    this.problem = "";
    this.status = "idle";
    this.botCheck = "loading";
    this.sentTo = "";
    this.canResend = false;
    this.consent = "loading";
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
    // The frame is as tall as what it shows: the form, or the much shorter thank-you. (The document's own
    // height never goes below the frame's, so the element is measured, not the document.)
    new ResizeObserver(() => {
      const style = getComputedStyle(document.body);
      const margins = Number.parseFloat(style.marginTop) + Number.parseFloat(style.marginBottom);
      this.#post({ source: SOURCE, type: "resize", height: Math.ceil(this.getBoundingClientRect().height + margins) });
    }).observe(this);
    const script = document.createElement("script");
    script.src = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";
    script.async = true;
    script.addEventListener("load", () => this.#renderTurnstile());
    script.addEventListener("error", () => this.#botCheckUnavailable());
    setTimeout(() => {
      if (this.botCheck === "loading") this.#botCheckUnavailable();
    }, BOT_CHECK_WAIT_MS);
    document.head.append(script);
    this.#loadConsent();
  }

  async #loadConsent(): Promise<void> {
    try {
      const response = await fetch(`${ROUTES.consent}?lang=${this.#lang}`, { headers: { Accept: "application/json" } });
      const body = (await response.json()) as { data?: ConsentText[] };
      const text = body.data?.[0];
      this.consent = response.ok && text ? text : "failed";
    } catch {
      this.consent = "failed";
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#resendTimer);
  }

  #botCheckUnavailable(): void {
    this.botCheck = "unavailable";
    if (this.siteKey === TEST_SITE_KEY) this.#token = TEST_TOKEN;
  }

  #renderTurnstile(): void {
    const turnstile = (window as { turnstile?: TurnstileApi }).turnstile;
    const box = this.querySelector<HTMLElement>(".turnstile");
    if (!turnstile || !box) {
      this.#botCheckUnavailable();
      return;
    }
    this.botCheck = "ready";
    this.#widget = turnstile.render(box, {
      sitekey: this.siteKey,
      // The server accepts a token only for this action (worker/src/lib/turnstile.ts).
      action: "signup",
      language: this.#lang,
      callback: (token: string) => {
        this.#token = token;
      },
      "expired-callback": () => {
        this.#token = "";
      },
      "error-callback": () => this.#botCheckUnavailable(),
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
    const email = text("email") ?? "";
    const body = {
      email,
      first_name: text("first_name"),
      field: text("field"),
      occupation: text("occupation"),
      qualification: text("qualification"),
      towns: data.getAll("towns").map(String),
      earliest_return: text("earliest_return") ?? "open",
      wants: data.getAll("wants").map(String),
      consent: data.get("consent") === "yes",
      consent_version: typeof this.consent === "object" ? this.consent.version : "",
      lang: this.#lang,
      source: this.source || undefined,
      // The page this form sits on, as its loader told us (the frame's `host`): stored as that page's claim.
      page_origin: originOf(this.host),
      website: text("website"),
      turnstile_token: this.#token,
    };
    const t = T[this.#lang];
    this.status = "sending";
    this.problem = "";
    try {
      const response = await fetch("/v1/signups", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": this.#lang },
        body: JSON.stringify(body),
      });
      if (response.status === 202) {
        this.errors = {};
        this.sentTo = email;
        // The token is spent: "wrong address?" and "send a new mail" need a fresh one.
        this.#resetBotCheck();
        this.status = "done";
        this.#startCooldown();
        this.#post({ source: SOURCE, type: "submitted" });
        await this.updateComplete;
        this.querySelector<HTMLElement>(".done h2")?.focus();
        return;
      }
      const envelope = (await response.json().catch(() => ({}))) as {
        error?: { message?: string; fields?: Record<string, string> };
      };
      this.errors = envelope.error?.fields ?? {};
      // Whatever the server said that is not about a field we show is said at the top, in its words.
      const unplaced = Object.entries(this.errors).filter(([field]) => !(FIELDS as readonly string[]).includes(field));
      this.problem =
        unplaced.map(([, message]) => message).join(" ") ||
        (Object.keys(this.errors).length ? "" : (envelope.error?.message ?? t.failed));
      if (this.botCheck === "unavailable" && !this.#token) this.problem = t.botUnavailable;
    } catch {
      this.errors = {};
      this.problem = t.failed;
    }
    this.status = "idle";
    this.#resetBotCheck();
    await this.updateComplete;
    this.querySelector<HTMLElement>(".summary")?.focus();
  }

  #resetBotCheck(): void {
    if (this.#widget === undefined) return;
    this.#token = "";
    (window as { turnstile?: TurnstileApi }).turnstile?.reset(this.#widget);
  }

  #startCooldown(): void {
    this.canResend = false;
    this.#resendAt = Date.now() + RESEND_COOLDOWN_MS;
    clearTimeout(this.#resendTimer);
    this.#resendTimer = setTimeout(() => {
      this.canResend = true;
    }, RESEND_COOLDOWN_MS);
  }

  /** Back to the form, everything still filled in; `focus` is where the person goes next. */
  async #back(focus: string): Promise<void> {
    this.status = "idle";
    await this.updateComplete;
    this.querySelector<HTMLElement>(focus)?.focus();
  }

  #focusField(event: Event, field: string): void {
    event.preventDefault();
    this.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }

  #error(field: string) {
    const message = this.errors[field];
    return message ? html`<span class="field-error" id="${field}-error">${message}</span>` : nothing;
  }

  #invalid(field: string) {
    return this.errors[field] ? "true" : "false";
  }

  /** The consent text as the API gave it, its last mention of the privacy notice a link to it. */
  #renderConsentText(consent: ConsentText | "loading" | "failed") {
    const t = T[this.#lang];
    if (consent === "loading") return html`<span class="muted">${t.consentLoading}</span>`;
    if (consent === "failed") return html`<span class="field-error">${t.consentFailed}</span>`;
    const at = consent.text.lastIndexOf(consent.link_words);
    if (at < 0) return consent.text;
    return html`${consent.text.slice(0, at)}<a href=${consent.privacy_url} target="_blank" rel="noopener"
        >${consent.link_words}</a
      >${consent.text.slice(at + consent.link_words.length)}`;
  }

  #renderSummary() {
    const lang = this.#lang;
    const t = T[lang];
    const listed = FIELDS.filter((field) => this.errors[field]);
    const empty = listed.length === 0 && !this.problem;
    return html`<div class="summary" role="alert" tabindex="-1" ?hidden=${empty}>
      ${this.problem ? html`<p>${this.problem}</p>` : nothing}
      ${
        listed.length
          ? html`<p>${t.problems}</p>
            <ul>
              ${listed.map(
                (field) =>
                  html`<li>
                    <a href="#${field}" @click=${(e: Event) => this.#focusField(e, field)}
                      >${LABELS[lang][field]}: ${this.errors[field]}</a
                    >
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderBotCheck() {
    const t = T[this.#lang];
    const own = new URL("/komm-zurueck", location.origin);
    own.searchParams.set("lang", this.#lang);
    if (this.source) own.searchParams.set("source", this.source);
    const embedded = window.parent !== window;
    return html`<div class="bot-check">
      <div class="turnstile" role="group" aria-label=${t.verify}></div>
      ${
        this.botCheck === "unavailable"
          ? html`<p class="notice" role="status">
              ${t.botUnavailable}
              ${
                embedded
                  ? html`<a href=${own.href} target="_blank" rel="noopener">${t.botOwnPage}</a>`
                  : html`<a href=${location.href}>${t.botReload}</a>`
              }
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderDone() {
    if (this.status !== "done") return nothing;
    const t = T[this.#lang];
    const at = new Date(this.#resendAt);
    const time = `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
    return html`<section class="done">
      <h2 tabindex="-1">${t.doneTitle}</h2>
      <p role="status">${t.doneSent} <strong class="sent-to">${this.sentTo}</strong>${this.#lang === "de" ? " " : ""}${t.doneSent2}</p>
      <p>${t.doneNext}</p>
      <p>${t.doneAfter}</p>
      <p class="done-actions">
        <button type="button" class="secondary" @click=${() => this.#back("input[name=email]")}>${t.wrongAddress}</button>
      </p>
      <p class="muted">
        ${t.noMail} ${this.canResend ? nothing : t.resendAt.replace("{time}", time)}
      </p>
      ${
        this.canResend
          ? html`<p><button type="button" class="secondary resend" @click=${() => this.#back("button[type=submit]")}>${t.resend}</button></p>`
          : nothing
      }
    </section>`;
  }

  protected override render() {
    const lang = this.#lang;
    const t = T[lang];
    const described = (field: string) => (this.errors[field] ? `${field}-error` : nothing);
    const optional = html` <span class="optional">(${t.optional})</span>`;
    const consent = this.consent;
    // The form stays in the page while the thank-you shows, so "wrong address?" finds everything filled in.
    return html`${this.#renderDone()}
      <form class="comeback" novalidate @submit=${this.#submit} ?hidden=${this.status === "done"}>
      ${this.#renderSummary()}
      <label>${t.email}
        <input id="email" name="email" type="email" autocomplete="email" required maxlength="254"
          aria-invalid=${this.#invalid("email")} aria-describedby=${described("email")}></label>
      ${this.#error("email")}
      <label><span>${t.firstName}${optional}</span>
        <input id="first_name" name="first_name" autocomplete="given-name" maxlength="60" aria-invalid=${this.#invalid("first_name")} aria-describedby=${described("first_name")}></label>
      ${this.#error("first_name")}
      <label><span>${t.field}${optional}</span>
        <select id="field" name="field"><option value="">${t.choose}</option>${CATEGORY_IDS.map((id) => html`<option value=${id}>${CATEGORIES[id][lang]}</option>`)}</select></label>
      <label><span>${t.occupation}${optional}</span>
        <input id="occupation" name="occupation" maxlength="100" aria-invalid=${this.#invalid("occupation")} aria-describedby=${described("occupation")}></label>
      ${this.#error("occupation")}
      <label><span>${t.qualification}${optional}</span>
        <select id="qualification" name="qualification"><option value="">${t.choose}</option>${QUALIFICATION_IDS.map((id) => html`<option value=${id}>${QUALIFICATIONS[id][lang]}</option>`)}</select></label>
      <fieldset id="towns" aria-describedby=${described("towns")}><legend>${t.towns}${optional}</legend>
        ${TOWNS.map((town) => html`<label class="check"><input type="checkbox" name="towns" value=${town.id}><span>${town.name}</span></label>`)}
      </fieldset>
      ${this.#error("towns")}
      <label>${t.earliest}
        <select id="earliest_return" name="earliest_return" aria-invalid=${this.#invalid("earliest_return")} aria-describedby=${described("earliest_return")}>
          <option value="open" selected>${t.open}</option>
          ${returnMonths(lang).map((m) => html`<option value=${m.value}>${m.label}</option>`)}
        </select></label>
      ${this.#error("earliest_return")}
      <fieldset id="wants" class="wide" aria-describedby=${this.errors.wants ? "wants-error" : "wants-hint"}><legend>${t.wants}</legend>
        <span class="hint" id="wants-hint">${t.wantsHint}</span>
        ${WANT_IDS.map((id) => html`<label class="check"><input type="checkbox" name="wants" value=${id} aria-invalid=${this.#invalid("wants")}><span>${WANTS[id][lang]}</span></label>`)}
      </fieldset>
      ${this.#error("wants")}
      <label class="check consent"><input id="consent" type="checkbox" name="consent" value="yes" aria-invalid=${this.#invalid("consent")} aria-describedby=${described("consent")}>
        <span>${this.#renderConsentText(consent)}</span></label>
      ${this.#error("consent")}
      <div class="hp" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off"></label></div>
      ${this.#renderBotCheck()}
      <p><button class="button" type="submit" ?disabled=${this.status === "sending" || typeof consent !== "object"}>${this.status === "sending" ? t.sending : t.submit}</button></p>
    </form>`;
  }
}

customElements.define("hv-comeback-form", HvComebackForm);
