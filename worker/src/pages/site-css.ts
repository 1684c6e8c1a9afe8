/** The stylesheet of the server-rendered pages, served from /assets/site.css so the pages' CSP can forbid inline styles. */
import { darkenedCss, lightenedCss, onColorCss } from "../../../shared/contrast.ts";
import { reservationCss } from "../../../shared/embed.ts";

// The home page shows four jobs; the room they take is kept while the widget script loads. Like the page
// around it, the list follows the reader's system setting (a widget's default is light, whatever the host).
export const HOME_JOBS = { "page-size": "4", "deep-link": "", theme: "auto" };

// Our pages follow the reader's system; the embedded form follows its host (data-theme, light by default).
const DARK = `color-scheme: dark; --accent: #6fcf97; --muted: #a3adb5; --line: #33404a; --control: #8b97a0; --bg: #14191d; --fg: #e8ecef; --danger: #ffb4a8; --link: var(--accent); --on-accent: #14191d;`;
// Readable with any accent where the browser computes colours (shared/contrast.ts); the plain values above
// are for browsers without relative colour syntax.
const DARK_COMPUTED = `--link: ${lightenedCss("var(--accent)")}; --on-accent: ${onColorCss("var(--accent)")};`;

export const SITE_CSS = `
:root { color-scheme: light dark; --accent: #1f6f43; --muted: #5b6770; --line: #d9dee2; --control: #76828a; --bg: #fff; --fg: #1b2125; --danger: #b3261e; --link: var(--accent); --on-accent: #fff; }
@supports (color: color(from red srgb-linear r g b)) { :root { --link: ${darkenedCss("var(--accent)")}; --on-accent: ${onColorCss("var(--accent)")}; } }
@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { ${DARK} } }
:root[data-theme="dark"] { ${DARK} }
@supports (color: color(from red srgb-linear r g b)) {
  @media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { ${DARK_COMPUTED} } }
  :root[data-theme="dark"] { ${DARK_COMPUTED} }
}
:root[data-theme="light"] { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); accent-color: var(--accent); }
header, main, footer { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 1px solid var(--line); }
header a { color: inherit; text-decoration: none; font-weight: 700; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 1rem 0 0.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
a { color: var(--link); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 30rem) { .meta { grid-template-columns: 1fr; } .meta dd { margin-bottom: 0.5rem; } }
blockquote { margin: 0.5rem 0 1rem; padding: 0.5rem 1rem; border-left: 4px solid var(--line); }
.comeback.profile, .comeback.erase { padding: 0; }
.button.danger { background: var(--danger); color: ${onColorCss("var(--danger)")}; }
.badges { display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0; list-style: none; }
.badges li { border: 1px solid var(--line); border-radius: 999px; padding: 0.1rem 0.7rem; font-size: 0.9rem; }
.description p { white-space: pre-line; overflow-wrap: anywhere; }
.button { display: inline-block; background: var(--accent); color: var(--on-accent); padding: 0.6rem 1.2rem; border-radius: 0.4rem; text-decoration: none; font-weight: 600; }
/* Three figures side by side even on a phone: a long label wraps under its own figure, not the figure below. */
.stats { display: grid; grid-template-columns: repeat(3, minmax(0, max-content)); gap: 1.5rem; padding: 0; list-style: none; }
@media (max-width: 22rem) { .stats { grid-template-columns: repeat(2, max-content); } }
.stats strong { display: block; font-size: 1.8rem; }
.list { padding: 0; list-style: none; }
.list li { padding: 0.6rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.list small { display: block; color: var(--muted); }
.list time { white-space: nowrap; }
footer { color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--line); margin-top: 2rem; }
code { font-size: 0.9em; overflow-wrap: anywhere; }
.builder form { display: grid; gap: 1rem; }
.builder fieldset { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.8rem 1.2rem; align-items: end; border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.8rem 1rem 1rem; min-width: 0; }
.builder fieldset[hidden], .builder [hidden] { display: none; }
.builder legend { font-weight: 600; padding: 0 0.3rem; }
.builder label { display: grid; gap: 0.25rem; min-width: 0; }
.builder label:has(> input[type=checkbox]), .builder label:has(> input[type=radio]) { display: flex; gap: 0.5rem; align-items: flex-start; }
.builder label > input[type=checkbox], .builder label > input[type=radio] { margin: 0.25rem 0 0; flex: none; }
.builder label code { white-space: nowrap; }
.builder fieldset.choice { align-items: start; }
/* The yes/no options of a group in a row of their own under its fields, not in a field's cell. */
.builder .options { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
/* One height for every control, so the labels above a row of them line up. */
.builder select, .builder input:not([type=checkbox]):not([type=radio]) { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--control); border-radius: 0.3rem; padding: 0.35rem 0.5rem; width: 100%; min-width: 0; height: 2.4rem; }
.builder input[type=color] { padding: 0.1rem; }
.builder .employers { display: grid; gap: 0.3rem; grid-column: 1 / -1; }
.builder .employer-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.3rem 1rem; max-height: 12rem; overflow: auto; border: 1px solid var(--control); border-radius: 0.3rem; padding: 0.5rem; }
.builder .warning { border: 2px solid var(--danger); border-radius: 0.4rem; padding: 0.6rem 0.9rem; margin: 0; }
.preview-controls { display: flex; flex-wrap: wrap; gap: 1rem; }
.preview-controls fieldset { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
.preview { border: 1px dashed var(--line); padding: 1rem; border-radius: 0.4rem; min-height: 12rem; background: #fff; color: #1b2125; margin-top: 1rem; }
.preview.dark { background: #121417; color: #e8ecef; }
.preview.phone { max-width: 375px; margin-inline: auto; }
.snippet { white-space: pre-wrap; overflow-wrap: anywhere; background: color-mix(in srgb, var(--line) 40%, transparent); padding: 0.75rem; border-radius: 0.3rem; font-size: 0.85rem; }
.demos { display: grid; gap: 0.5rem; padding: 0; list-style: none; }
body.embedded { margin: 0; background: transparent; }
hv-comeback-form { display: block; }
[hidden] { display: none !important; }
.comeback { display: grid; gap: 0.6rem; padding: 0; max-width: 40rem; }
body.embedded .comeback { padding: 1rem; }
.comeback label { display: grid; gap: 0.2rem; }
.comeback label.check { display: flex; gap: 0.5rem; align-items: flex-start; }
.comeback label.check input { margin: 0.25rem 0 0; flex: none; }
/* No frame round a group: its legend reads like the other fields' labels, and a legend that wraps (the English
   town question on a phone) never runs through a border. */
.comeback fieldset { border: 0; padding: 0; margin: 0; min-width: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.35rem 1rem; }
.comeback fieldset .hint { grid-column: 1 / -1; }
.comeback fieldset.wide { grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
.comeback legend { padding: 0; margin-bottom: 0.2rem; }
.comeback input, .comeback select { font: inherit; color: inherit; background: var(--bg); padding: 0.45rem 0.55rem; border: 1px solid var(--control); border-radius: 0.3rem; max-width: 100%; }
.comeback textarea { font: inherit; color: inherit; background: var(--bg); padding: 0.45rem 0.55rem; border: 1px solid var(--control); border-radius: 0.3rem; min-height: 5.5rem; resize: vertical; }
.meta.steckbrief dd { white-space: pre-line; overflow-wrap: anywhere; }
.card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.4rem 1rem 0.8rem; margin: 0.8rem 0; }
.card h3 { margin: 0.5rem 0 0.2rem; font-size: 1.1rem; }
.card p { margin: 0.3rem 0; }
.actions { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 0.5rem 0 0; }
.actions form { display: contents; }
.state { display: inline-block; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.6rem; font-size: 0.9rem; }
.comeback [aria-invalid="true"] { border-color: var(--danger); border-width: 2px; }
.comeback .field-error { color: var(--danger); margin-top: -0.3rem; }
.comeback .optional, .comeback .hint { color: var(--muted); font-weight: normal; }
.summary { border: 2px solid var(--danger); border-radius: 0.4rem; padding: 0.6rem 0.9rem; }
.summary p { margin: 0.2rem 0; font-weight: 600; }
.summary ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
.summary a { color: var(--danger); }
.notice { margin: 0.4rem 0 0; padding: 0.6rem 0.9rem; border-radius: 0.4rem; border: 1px solid var(--control); }
.comeback .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.comeback button[disabled] { opacity: 0.6; }
button.button { border: 0; font: inherit; font-weight: 600; cursor: pointer; }
button.secondary { font: inherit; cursor: pointer; background: transparent; color: var(--link); border: 1px solid var(--link); border-radius: 0.4rem; padding: 0.5rem 1rem; }
.done { padding: 1rem; max-width: 40rem; }
.done h2 { margin-top: 0; }
.done .sent-to { overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.lang-switch { margin: 0.5rem 0 0; text-align: end; }
.pool-nav { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; margin: 0.5rem 0; }
.pool-nav form { margin-inline-start: auto; }
.pool-cards, .pool-requests { list-style: none; padding: 0; }
.pool-card { margin: 0.5rem 0; }
.comeback .notice { margin: 0.5rem 0 0.75rem; }
.nowrap { white-space: nowrap; }
.pool-requests h2, .pool-requests h4 { margin: 0.6rem 0 0.3rem; font-size: 1.05rem; overflow-wrap: anywhere; }
form.inline { display: inline; margin-inline-start: 0.5rem; }
.comeback select { width: 100%; }
@media (min-width: 48rem) {
  .pool-search { grid-template-columns: repeat(2, minmax(0, 1fr)); max-width: none; column-gap: 1.5rem; align-items: end; }
  .pool-search fieldset, .pool-search .actions { grid-column: 1 / -1; }
}
${reservationCss("hv-jobs", HOME_JOBS)}
`;
