import { css, html, LitElement } from "lit";
import { isFrameMessage } from "../../../shared/comeback-protocol.ts";
import { apiBase } from "../lib/api.ts";
import { langOf } from "../lib/messages.ts";
import { theme } from "../lib/theme.ts";

// The frame never grows without bound, whatever it reports.
const MIN_HEIGHT = 320;
const MAX_HEIGHT = 4000;

/**
 * The "Komm zurück" signup. The form lives in an iframe of the Heimvorteil site, so what a person types
 * never passes through the host page; the frame reports only its height and that it was submitted.
 *
 * @tag hv-comeback
 * @summary The "Komm zurück" signup for any web page.
 *
 * @fires hv-comeback-submitted - Someone signed up (the confirmation mail is on its way). Carries no personal data.
 *
 * @csspart frame - The iframe holding the form.
 *
 * @cssprop --hv-color-accent - Buttons and focus ring inside the form (passed to the frame).
 * @cssprop --hv-radius - Corner radius of the frame.
 */
export class HvComeback extends LitElement {
  static override styles = [
    theme,
    css`
      iframe {
        display: block;
        width: 100%;
        border: 0;
        border-radius: var(--_radius);
        height: var(--_frame-height, 640px);
      }
    `,
  ];

  static override properties = {
    lang: { type: String },
    source: { type: String },
    api: { type: String },
    theme: { type: String, reflect: true },
  };

  /** `de` (default) or `en`. */
  declare lang: string;
  /** A label for the site the form sits on (stored with the consent, e.g. `karriere.example`). */
  declare source: string;
  /** The API: an origin, optionally with a path prefix. Default: where the script was loaded from. */
  declare api: string;
  /** `light` (default), `dark`, or `auto` to follow the reader's system setting. */
  declare theme: string;

  #onMessage = (event: MessageEvent) => {
    const frame = this.renderRoot.querySelector("iframe");
    if (!frame || event.source !== frame.contentWindow || event.origin !== new URL(apiBase(this.api)).origin) return;
    if (!isFrameMessage(event.data)) return;
    if (event.data.type === "resize") {
      const height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.round(event.data.height)));
      frame.style.setProperty("--_frame-height", `${height}px`);
    } else {
      this.dispatchEvent(new CustomEvent("hv-comeback-submitted", { bubbles: true, composed: true }));
    }
  };

  constructor() {
    super();
    this.lang = "de";
    this.source = "";
    this.api = "";
    this.theme = "";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener("message", this.#onMessage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener("message", this.#onMessage);
  }

  #src(): string {
    const url = new URL(`${apiBase(this.api)}/embed/comeback`);
    const lang = langOf(this.lang);
    url.searchParams.set("lang", lang);
    if (this.source) url.searchParams.set("source", this.source.slice(0, 100));
    // Where the frame may send its two messages; nothing else about the host page is passed.
    url.searchParams.set("host", location.origin);
    if (this.theme === "dark" || this.theme === "auto") url.searchParams.set("theme", this.theme);
    const accent = getComputedStyle(this).getPropertyValue("--hv-color-accent").trim();
    if (/^#[0-9a-f]{3,8}$/i.test(accent)) url.searchParams.set("accent", accent);
    return url.href;
  }

  protected override render() {
    const title =
      langOf(this.lang) === "en" ? "Sign up: come back to the Sauerland" : "Anmelden: Komm zurück ins Sauerland";
    return html`<iframe part="frame" title=${title} src=${this.#src()} loading="lazy" referrerpolicy="strict-origin"></iframe>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "hv-comeback": HvComeback;
  }
}
