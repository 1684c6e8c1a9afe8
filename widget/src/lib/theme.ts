/**
 * The design tokens every element shares. Hosts theme through the public `--hv-*` custom properties;
 * the private `--_*` ones are what our styles read.
 *
 * Light unless the host says otherwise: the host page decides, `theme="auto"` follows the reader's system
 * setting, `theme="dark"` forces dark. The outer background is transparent, so the host's shows through.
 *
 * A host's accent can be any colour, so small text never uses it as it is: links and secondary buttons use
 * `--_link`, the accent darkened (light) or lightened (dark) just enough to read on our surfaces, and text on
 * accent-coloured buttons is black or white, whichever contrasts more (see shared/contrast.ts).
 */
import { css, unsafeCSS } from "lit";
import { darkenedCss, lightenedCss, onColorCss } from "../../../shared/contrast.ts";

const onColor = (color: string) => unsafeCSS(onColorCss(color));
const darkened = (color: string) => unsafeCSS(darkenedCss(color));
const lightened = (color: string) => unsafeCSS(lightenedCss(color));

const dark = css`
  --_surface: var(--hv-color-surface, #1f2a25);
  --_field: #111a16;
  --_text: var(--hv-color-text, #e9f0ec);
  --_muted: var(--hv-color-muted, #b3c1ba);
  --_border: var(--hv-color-border, #3d4c45);
  --_control: #8a9a93;
  --_accent: var(--hv-color-accent, #7dd8b0);
  --_link: var(--_accent);
  --_on-accent: var(--hv-color-on-accent, #0b1a13);
  --_danger: var(--hv-color-danger, #ffb4a8);
  --_skeleton: #33423b;
  color-scheme: dark;
`;

export const theme = css`
  :host {
    --_bg: var(--hv-color-background, transparent);
    --_surface: var(--hv-color-surface, #f5f7f6);
    --_field: #ffffff;
    --_text: var(--hv-color-text, #1b2420);
    --_muted: var(--hv-color-muted, #4f5c56);
    --_border: var(--hv-color-border, #d3dcd7);
    /* Borders that identify a control (inputs, filter buttons): 3:1 against the surface. */
    --_control: #76837d;
    --_accent: var(--hv-color-accent, #0a6847);
    /* Without relative colour syntax (older browsers): the accent as given, white on it (see @supports). */
    --_link: var(--_accent);
    --_on-accent: var(--hv-color-on-accent, #ffffff);
    --_danger: var(--hv-color-danger, #a4281b);
    --_skeleton: #e2e8e5;
    --_radius: var(--hv-radius, 0.5rem);
    --_gap: var(--hv-spacing, 1rem);
    --_focus: var(--hv-color-focus, var(--_link));
    color-scheme: light;
    display: block;
    contain: layout style;
    container-type: inline-size;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--hv-font-family, inherit);
    font-size: var(--hv-font-size, 1rem);
    line-height: 1.45;
    text-align: start;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme="auto"]) {
      ${dark}
    }
  }
  :host([theme="dark"]) {
    ${dark}
  }
  /* Readable with any accent where the browser computes colours (see shared/contrast.ts). */
  @supports (color: color(from red srgb-linear r g b)) {
    :host {
      --_link: ${darkened("var(--_accent)")};
      --_on-accent: var(--hv-color-on-accent, ${onColor("var(--_accent)")});
    }
    @media (prefers-color-scheme: dark) {
      :host([theme="auto"]) {
        --_link: ${lightened("var(--_accent)")};
        --_on-accent: var(--hv-color-on-accent, ${onColor("var(--_accent)")});
      }
    }
    :host([theme="dark"]) {
      --_link: ${lightened("var(--_accent)")};
      --_on-accent: var(--hv-color-on-accent, ${onColor("var(--_accent)")});
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_link);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    padding: 0.45em 1em;
  }
  button.secondary {
    background: transparent;
    border-color: var(--_link);
    color: var(--_link);
  }
  input,
  select {
    border: 1px solid var(--_control);
    border-radius: var(--_radius);
    background: var(--_field);
    padding: 0.4em 0.6em;
    min-width: 0;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .skeleton-bar {
    display: block;
    height: 0.9em;
    border-radius: 0.3em;
    background: var(--_skeleton);
    margin-block: 0.35em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-bar {
      animation: hv-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes hv-pulse {
    to {
      opacity: 0.55;
    }
  }
`;

/** The heading level of the titles an element shows, from its `heading-level` attribute (1–6, default 2). */
export function headingLevel(value: unknown): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) && n >= 1 && n <= 6 ? n : 2;
}
