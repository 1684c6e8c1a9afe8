/** The console's look: calm, readable, high contrast in light and dark, comfortable on a laptop and a tablet. */
import { css } from "lit";

export const base = css`
  :host {
    display: block;
    color: var(--text);
    font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    --text: #1b1f23;
    --muted: #4f5a65;
    --line: #d5dbe0;
    --surface: #ffffff;
    --soft: #f3f5f7;
    --accent: #1d6b42;
    --accent-text: #ffffff;
    --danger: #a4262c;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --text: #e8ecef;
      --muted: #aab4bd;
      --line: #3a434b;
      --surface: #14181c;
      --soft: #1e2429;
      --accent: #6fcf97;
      --accent-text: #0b1a11;
      --danger: #ff8a8f;
    }
  }
  h1, h2 { line-height: 1.25; margin: 0 0 0.75rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.2rem; }
  a { color: var(--accent); }
  /* One height for fields, menus and buttons side by side: the height includes the padding. */
  button, input, select {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    background: var(--surface);
    border: 1px solid var(--muted);
    border-radius: 0.35rem;
    padding: 0.4rem 0.6rem;
    min-height: 2.5rem;
  }
  textarea {
    font: inherit;
    color: var(--text);
    background: var(--surface);
    border: 1px solid var(--muted);
    border-radius: 0.35rem;
    padding: 0.4rem 0.6rem;
    resize: vertical;
  }
  textarea:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  summary { cursor: pointer; font-weight: 600; color: var(--accent); margin: 0.5rem 0; }
  h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
  dl.prose dd { white-space: pre-line; }
  ul.notes { list-style: none; padding: 0; }
  ul.notes li { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
  ul.notes p { margin: 0 0 0.2rem; white-space: pre-line; overflow-wrap: anywhere; }
  button { cursor: pointer; background: var(--soft); white-space: nowrap; }
  button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 600; }
  button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  label { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.9rem; color: var(--muted); }
  label > input, label > select { color: var(--text); }
  .muted { color: var(--muted); }
  .error { color: var(--danger); }
  .filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin-bottom: 1rem; }
  .filters .grow { flex: 1 1 14rem; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
  tr.group th { font-size: 1rem; color: var(--text); padding-top: 1.25rem; }
  td a { font-weight: 600; }
  .badge { display: inline-block; padding: 0 0.5rem; border: 1px solid var(--line); border-radius: 1rem; font-size: 0.85rem; white-space: nowrap; }
  /* A state is said in words; the mark and colour only help the eye find it. */
  .badge.good { border-color: var(--accent); }
  /* The marks are for the eye (the word says it): screen readers are given no text for them. */
  .badge.good::before { content: "✓ " / ""; color: var(--accent); }
  .badge.bad { border-color: var(--danger); color: var(--danger); }
  .badge.bad::before { content: "! " / ""; }
  /* A status that is a sentence ("sent on … to … people") may wrap on a phone. */
  .badge.wraps { white-space: normal; }
  /* An open circle, not "…": an ellipsis before a word reads as text cut off. */
  .badge.wait::before { content: "○ " / ""; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1.25rem; margin: 0 0 1.5rem; }
  dt { color: var(--muted); }
  dd { margin: 0; overflow-wrap: anywhere; }
  table + .card { margin-top: 1.25rem; }
  .card { background: var(--soft); border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem 1.25rem; margin-bottom: 1.25rem; }
  input[type="checkbox"] { min-height: auto; padding: 0; width: 1.1rem; height: 1.1rem; margin: 0; }
  .form-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.75rem; align-items: end; }
  .form-grid .wide { grid-column: 1 / -1; }
  fieldset { border: 1px solid var(--line); border-radius: 0.35rem; padding: 0.4rem 0.75rem; margin: 0; }
  fieldset label { flex-direction: row; align-items: center; gap: 0.35rem; color: var(--text); }
  .checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.1rem 0.75rem; }
  /* Employers' names are long: wider columns, the box beside the first line. */
  .checks.long { grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 0.35rem 1rem; }
  .checks.long label { align-items: flex-start; }
  .checks.long input { margin-top: 0.2rem; flex: none; }
  .small { font-size: 0.875rem; }
  .fresh-token { border: 2px solid var(--accent); border-radius: 0.5rem; padding: 0.25rem 1rem; margin-bottom: 1rem; }
  .fresh-token code { overflow-wrap: anywhere; font-size: 0.95rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  p.actions { margin: 0.5rem 0 1rem; }
  legend { font-size: 0.9rem; color: var(--muted); padding: 0 0.25rem; }
  /* The status line keeps its place for screen readers, and takes no room while it says nothing. */
  p.notice { margin: 0 0 0.75rem; font-weight: 600; }
  form.inline { display: inline-block; margin: 0.35rem 0 0; }
  p.notice:empty { margin: 0; }
  .event-form textarea { width: 100%; box-sizing: border-box; }
  .event-form { align-items: start; }
  .event-form input:not([type="checkbox"]), .event-form select { box-sizing: border-box; width: 100%; min-height: 2.6rem; }
  fieldset.repeat { padding: 0.5rem 0.75rem 0.75rem; }
  fieldset.repeat label { flex-direction: column; align-items: stretch; color: var(--muted); }
  p.count { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; }
  .presets { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  dl.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.75rem; margin: 0 0 1.5rem; }
  dl.tiles > div { background: var(--soft); border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem 1rem; }
  dl.tiles dt { font-size: 0.9rem; }
  dl.tiles dd { display: flex; flex-direction: column; }
  dl.tiles strong { font-size: 1.75rem; line-height: 1.2; font-variant-numeric: tabular-nums; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1.5rem 2rem; }
  figure.chart { margin: 0; }
  figure.chart figcaption { font-weight: 600; font-size: 1.05rem; margin-bottom: 0.5rem; }
  .legend { display: flex; gap: 1rem; margin: 0 0 0.5rem; font-size: 0.875rem; }
  .legend svg { vertical-align: -1px; }
  ul.bars { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(6rem, max-content) minmax(4rem, 1fr) max-content; gap: 0.3rem 0.75rem; align-items: center; }
  ul.bars li { display: contents; }
  ul.bars .label { overflow-wrap: break-word; }
  ul.bars svg { width: 100%; height: 1rem; display: block; }
  ul.bars .figure { font-variant-numeric: tabular-nums; white-space: nowrap; text-align: right; }
  /* The outline is the whole, the solid bar the part: told apart by shape, not by colour. */
  rect.solid { fill: var(--accent); }
  rect.outline { fill: var(--surface); stroke: var(--text); stroke-width: 1.5px; }
  a.button {
    display: inline-flex; align-items: center; min-height: 2.5rem; box-sizing: border-box; padding: 0.4rem 0.9rem;
    border: 1px solid var(--muted); border-radius: 0.35rem; background: var(--soft); color: var(--text); text-decoration: none;
  }
  a.button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 600; }
  button.danger { color: var(--danger); border-color: var(--danger); }
  .newsletter textarea, .newsletter input:not([type="checkbox"]):not([type="file"]) { box-sizing: border-box; width: 100%; }
  .newsletter textarea { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.95rem; }
  fieldset.version, fieldset.audience { display: grid; gap: 0.6rem; padding: 0.5rem 0.9rem 0.9rem; }
  fieldset.version label { flex-direction: column; align-items: stretch; color: var(--muted); }
  label.upload { flex-direction: column; align-items: flex-start; }
  [aria-invalid="true"] { border-color: var(--danger); border-width: 2px; }
  /* A box beside a two-line label keeps its size; on a phone each choice is a row one can tap. */
  fieldset label > input[type="checkbox"], fieldset label > input[type="radio"] { flex: none; }
  @media (max-width: 40rem) { .checks label { min-height: 2.5rem; } }
  /* A sent issue is read, not edited: no frame or handle that invites typing. */
  .newsletter textarea[readonly], .newsletter input[readonly] { border-color: var(--line); background: var(--soft); resize: none; }
  /* A fieldset is as wide as its content by default: on a phone the towns' boxes would push it past the edge. */
  .newsletter fieldset { min-width: 0; }
  input[type="file"] { border: 0; padding: 0; min-height: auto; background: none; max-width: 100%; }
  .two { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1rem 1.5rem; }
  /* The mail as it will arrive: plain text, its own line breaks, long links wrapped instead of cut. */
  pre.mail-text {
    white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; padding: 0.75rem 1rem; background: var(--surface);
    border: 1px solid var(--line); border-radius: 0.35rem; font: 0.9rem/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  }
  @media (forced-colors: active) {
    rect.solid { fill: CanvasText; }
    rect.outline { fill: Canvas; stroke: CanvasText; }
  }
  @media (max-width: 40rem) {
    /* On a phone each row is a card: the table would not fit beside itself. */
    table, tbody, tr, td { display: block; }
    thead { display: none; }
    tr { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
    td { border: 0; padding: 0.15rem 0; overflow-wrap: anywhere; }
    tr.group th { display: block; padding: 1rem 0 0.25rem; border: 0; }
    dl { grid-template-columns: 1fr; }
    dt { margin-top: 0.5rem; }
    /* The columns a card has room for on lines of their own, each named (the table's head is hidden). */
    td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
    /* A bar chart's label on a line of its own above its bar, so a town's name is never split. */
    ul.bars { grid-template-columns: minmax(0, 1fr) max-content; gap: 0.1rem 0.75rem; }
    ul.bars .label { grid-column: 1 / -1; margin-top: 0.3rem; }
  }
`;
