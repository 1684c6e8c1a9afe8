/**
 * <hv-console>: the programme console's frame. Who is signed in (GET /v1/staff/me), the navigation for
 * that role, and the view the address names (#/people, #/people/ID, #/employers, #/pool, #/events, #/newsletters(/ID|/new), #/outcomes, #/accounts, #/sources, #/audit). Signing out is a
 * plain form POST, so it works even when a script fails.
 */
import { html, LitElement, type PropertyValues } from "lit";
import { isLang, type Lang } from "../../shared/i18n.ts";
import { api } from "./api.ts";
import { frame } from "./frame-styles.ts";
import { t } from "./messages.ts";
import { base } from "./styles.ts";
import "./accounts-view.ts";
import "./audit-view.ts";
import "./employers-view.ts";
import "./events-view.ts";
import "./newsletters-view.ts";
import "./outcomes-view.ts";
import "./people-view.ts";
import "./pool-view.ts";
import "./person-view.ts";
import "./sources-view.ts";

interface Me {
  id: string;
  name: string;
  email: string;
  role: "admin" | "town";
  towns: string[];
}

export class HvConsole extends LitElement {
  static override styles = [base, frame];
  static override properties = { me: { state: true }, route: { state: true }, error: { state: true } };

  // Reactive properties are declared, not class fields: a field would hide Lit's accessor.
  declare me: Me | null;
  declare route: string;
  declare error: string | null;

  constructor() {
    super();
    this.me = null;
    this.route = location.hash;
    this.error = null;
  }

  get #lang(): Lang {
    const lang = this.getAttribute("lang");
    return isLang(lang) ? lang : "de";
  }

  override connectedCallback() {
    super.connectedCallback();
    addEventListener("hashchange", this.#onHash);
    api<Me>("/me", this.#lang).then(
      (me) => {
        this.me = me;
      },
      (error: unknown) => {
        this.error = error instanceof Error ? error.message : String(error);
      },
    );
  }

  override disconnectedCallback() {
    removeEventListener("hashchange", this.#onHash);
    super.disconnectedCallback();
  }

  #onHash = () => {
    this.route = location.hash;
    // A new view: the reader's focus goes to its heading's region, as after a page load.
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>("main")?.focus();
      this.#showCurrent();
    });
  };

  /** On a phone the views' row scrolls sideways: the current one is brought into it (the page stays put). */
  #showCurrent() {
    const nav = this.renderRoot.querySelector<HTMLElement>("nav");
    const link = nav?.querySelector<HTMLElement>('a[aria-current="page"]');
    if (!nav || !link || nav.scrollWidth <= nav.clientWidth) return;
    nav.scrollLeft = link.offsetLeft - nav.offsetLeft - (nav.clientWidth - link.offsetWidth) / 2;
  }

  override updated(changed: PropertyValues<this>) {
    // The header is drawn once the account is known.
    if (changed.has("me")) this.#showCurrent();
  }

  #view(me: Me) {
    const lang = this.#lang;
    const person = /^#\/people\/(.+)$/.exec(this.route)?.[1];
    if (person) return html`<hv-person lang=${lang} person=${decodeURIComponent(person)}></hv-person>`;
    if (this.route === "#/employers") return html`<hv-employers lang=${lang}></hv-employers>`;
    if (this.route === "#/pool") return html`<hv-pool lang=${lang}></hv-pool>`;
    if (this.route === "#/events")
      return html`<hv-events-admin lang=${lang} .scope=${me.role === "town" ? me.towns : []}></hv-events-admin>`;
    const issue = /^#\/newsletters(?:\/(.+))?$/.exec(this.route);
    if (issue)
      return html`<hv-newsletters
        lang=${lang}
        .scope=${me.role === "town" ? me.towns : []}
        issue=${issue[1] ? decodeURIComponent(issue[1]) : ""}
      ></hv-newsletters>`;
    if (this.route === "#/outcomes")
      return html`<hv-outcomes lang=${lang} .scope=${me.role === "town" ? me.towns : []}></hv-outcomes>`;
    if (this.route === "#/accounts" && me.role === "admin")
      return html`<hv-accounts lang=${lang} .me=${me.id}></hv-accounts>`;
    if (this.route === "#/audit" && me.role === "admin") return html`<hv-audit lang=${lang}></hv-audit>`;
    if (this.route === "#/sources" && me.role === "admin") return html`<hv-sources lang=${lang}></hv-sources>`;
    return html`<hv-people lang=${lang} .scope=${me.role === "town" ? me.towns : []}></hv-people>`;
  }

  override render() {
    const lang = this.#lang;
    if (this.error) return html`<main><p class="error" role="alert">${t(lang, "error")} ${this.error}</p></main>`;
    const me = this.me;
    if (!me) return html`<main><p aria-live="polite">${t(lang, "loading")}</p></main>`;
    const current = (hash: string) =>
      (
        hash === "#/people"
          ? !/^#\/(accounts|audit|sources|employers|pool|events|newsletters|outcomes)/.test(this.route)
          : this.route === hash || this.route.startsWith(`${hash}/`)
      )
        ? "page"
        : undefined;
    const other = lang === "de" ? "en" : "de";
    return html`<header>
        <strong>${t(lang, "title")}</strong>
        <nav aria-label=${t(lang, "title")}>
          <a href="#/people" aria-current=${current("#/people") ?? "false"}>${t(lang, "people")}</a>
          <a href="#/employers" aria-current=${current("#/employers") ?? "false"}>${t(lang, "employers")}</a>
          <a href="#/pool" aria-current=${current("#/pool") ?? "false"}>${t(lang, "pool")}</a>
          <a href="#/events" aria-current=${current("#/events") ?? "false"}>${t(lang, "events")}</a>
          <a href="#/newsletters" aria-current=${current("#/newsletters") ?? "false"}>${t(lang, "newsletters")}</a>
          <a href="#/outcomes" aria-current=${current("#/outcomes") ?? "false"}>${t(lang, "outcomes")}</a>
          ${
            me.role === "admin"
              ? html`<a href="#/accounts" aria-current=${current("#/accounts") ?? "false"}>${t(lang, "accounts")}</a>
                <a href="#/sources" aria-current=${current("#/sources") ?? "false"}>${t(lang, "sources")}</a>
                <a href="#/audit" aria-current=${current("#/audit") ?? "false"}>${t(lang, "audit")}</a>`
              : ""
          }
        </nav>
        <div class="account">
          <span class="who">${t(lang, "signedInAs")} ${me.name}</span>
          <a href="/console?lang=${other}${location.hash}" lang=${other}>${other === "en" ? "English" : "Deutsch"}</a>
          <form method="post" action="/console/sign-in/out?lang=${lang}"><button type="submit">${t(lang, "signOut")}</button></form>
          <form method="post" action="/console/sign-in/out?lang=${lang}"><input type="hidden" name="everywhere" value="1" /><button type="submit">${t(lang, "signOutEverywhere")}</button></form>
        </div>
      </header>
      <main tabindex="-1">${this.#view(me)}</main>`;
  }
}
customElements.define("hv-console", HvConsole);
