/**
 * The hint on a job board: a chip that opens a small panel, under a host element whose shadow root is
 * closed (the board's scripts cannot reach in) and whose styles are reset (the board's CSS cannot reach
 * in, ours cannot leak out). Text only ever goes in as textContent; links are ours (the API origin).
 */
import { type Lang, TEXT } from "../lib/messages.ts";
import type { MatchResult } from "../lib/protocol.ts";

export const HOST_TAG = "heimvorteil-hint";
const HOST_NAME = HOST_TAG.toUpperCase();

export const isHint = (node: Node): boolean => node.nodeName === HOST_NAME;

// Two sheets: the chip's rules are parsed when the hint appears; the panel's only when someone opens it
// (most hints are only ever seen as the chip, and parsing is main-thread time the board's page pays for).
// !important on the host: in the cascade, a shadow root's important rules beat the page's, even its
// !important ones. The font family is the board's (inherited past `all: initial`): the chip reads as part of
// the page, and a font the page does not use yet (system-ui) cost the page's layout a font lookup, 0.3–0.5 ms
// on every board (measured side by side). Comments stay out of the strings: they would ship and be parsed.
const CHIP_CSS = `
:host { all: initial !important; display: block !important; margin: 8px 0 !important; font: 14px/1.4 sans-serif !important; font-family: inherit !important; color: #1b2420 !important; visibility: visible !important; }
.chip { display: inline-flex; gap: 6px; align-items: center; border: 1px solid #0a6847; background: #eef7f2;
  color: #0a6847; border-radius: 999px; padding: 4px 12px; font: inherit; font-weight: 600; cursor: pointer; }
.chip:focus-visible { outline: 3px solid #0a6847; outline-offset: 2px; }
`;
const PANEL_CSS = `
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; }
a:focus-visible, .actions button:focus-visible { outline: 3px solid #0a6847; outline-offset: 2px; }
.panel { margin-top: 6px; max-width: 420px; background: #fff; border: 1px solid #c9d3ce; border-radius: 8px;
  padding: 10px 12px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.12); }
.panel[hidden] { display: none; }
h2 { font-size: 14px; margin: 0 0 6px; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
li a { color: #0a6847; font-weight: 600; overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden; }
li small { display: block; color: #55625c; }
.all, .comeback { display: inline-block; margin-top: 8px; margin-right: 12px; color: #0a6847; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.actions button { background: none; border: 1px solid #c9d3ce; border-radius: 6px; padding: 2px 8px; color: #1b2420; }
`;

/** A constructed stylesheet: the board's CSP governs neither it nor anything in the shadow root. */
function sheet(css: string): CSSStyleSheet {
  const result = new CSSStyleSheet();
  result.replaceSync(css);
  return result;
}

export interface HintActions {
  dismiss(): void;
  snooze(): void;
  switchOff(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Builds the hint; the caller places the returned host element and removes it on teardown. */
export function createHint(result: MatchResult, lang: Lang, boardName: string, actions: HintActions): HTMLElement {
  const t = TEXT[lang];
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: "closed" });
  root.adoptedStyleSheets = [sheet(CHIP_CSS)];

  const chip = el(
    "button",
    { type: "button", class: "chip", "aria-expanded": "false", part: "chip" },
    t.chip(result.count),
  );
  // The panel is made on the first click: every element and rule made up front is main-thread time the
  // board's page pays for, and most hints are only ever seen as the chip.
  let panel: HTMLElement | undefined;
  const makePanel = () => {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet(PANEL_CSS)];
    const made = el("div", { class: "panel", id: "panel", role: "region", "aria-label": t.panelTitle });
    made.append(el("h2", {}, t.panelTitle));
    const list = el("ul");
    for (const job of result.jobs) {
      const item = el("li");
      const link = el("a", {
        href: new URL(`/jobs/${job.id}`, result.allUrl).href,
        target: "_blank",
        rel: "noopener noreferrer",
      });
      link.append(el("bdi", {}, job.title));
      item.append(link, el("small", {}, `${job.employer} · ${job.town}`));
      list.append(item);
    }
    // The signup page of the API: the board learns nothing (noreferrer), the page only where it came from.
    const signup = new URL("/komm-zurueck", result.allUrl);
    signup.search = new URLSearchParams({ source: "browser-extension", lang }).toString();
    const all = { class: "all", href: result.allUrl, target: "_blank", rel: "noopener noreferrer" };
    made.append(
      list,
      el("a", all, t.all(result.count)),
      el("a", { ...all, class: "comeback", href: signup.href }, t.comeback),
    );
    const row = el("div", { class: "actions" });
    const button = (label: string, action: () => void) => {
      const b = el("button", { type: "button" }, label);
      b.addEventListener("click", action);
      row.append(b);
    };
    button(t.dismiss, actions.dismiss);
    button(t.snooze, actions.snooze);
    button(t.off(boardName), actions.switchOff);
    made.append(row);
    made.hidden = true;
    root.append(made);
    chip.setAttribute("aria-controls", made.id);
    return made;
  };

  chip.addEventListener("click", () => {
    panel ??= makePanel();
    panel.hidden = !panel.hidden;
    chip.setAttribute("aria-expanded", String(!panel.hidden));
  });
  root.append(chip);
  return host;
}
