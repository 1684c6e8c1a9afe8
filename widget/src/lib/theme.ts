/**
 * The design tokens every element shares. Hosts theme through the public `--hv-*` custom properties;
 * the private `--_*` ones are what our styles read. The dark palette applies when the reader's system
 * asks for it, unless the element says `theme="light"`, or always with `theme="dark"`.
 */
import { css } from "lit";

const dark = css`
  --_bg: var(--hv-color-background, #17201c);
  --_surface: var(--hv-color-surface, #212d28);
  --_text: var(--hv-color-text, #e9f0ec);
  --_muted: var(--hv-color-muted, #b3c1ba);
  --_border: var(--hv-color-border, #4a5a53);
  --_accent: var(--hv-color-accent, #7dd8b0);
  --_on-accent: var(--hv-color-on-accent, #0b1a13);
  --_danger: var(--hv-color-danger, #ffb4a8);
  --_skeleton: #33423b;
  color-scheme: dark;
`;

export const theme = css`
  :host {
    --_bg: var(--hv-color-background, #ffffff);
    --_surface: var(--hv-color-surface, #f3f6f4);
    --_text: var(--hv-color-text, #1b2420);
    --_muted: var(--hv-color-muted, #55625c);
    --_border: var(--hv-color-border, #c9d3ce);
    --_accent: var(--hv-color-accent, #0a6847);
    --_on-accent: var(--hv-color-on-accent, #ffffff);
    --_danger: var(--hv-color-danger, #a4281b);
    --_skeleton: #e2e8e5;
    --_radius: var(--hv-radius, 0.5rem);
    --_gap: var(--hv-spacing, 1rem);
    --_focus: var(--hv-color-focus, var(--_accent));
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
    :host(:not([theme="light"])) {
      ${dark}
    }
  }
  :host([theme="dark"]) {
    ${dark}
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
    color: var(--_accent);
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
    color: var(--_accent);
  }
  input,
  select {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
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
