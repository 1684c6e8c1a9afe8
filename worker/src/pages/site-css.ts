/** The stylesheet of the server-rendered pages, served from /assets/site.css so the pages' CSP can forbid inline styles. */
export const SITE_CSS = `
:root { color-scheme: light dark; --accent: #1f6f43; --muted: #5b6770; --line: #d9dee2; --bg: #fff; --fg: #1b2125; }
@media (prefers-color-scheme: dark) { :root { --accent: #6fcf97; --muted: #a3adb5; --line: #33404a; --bg: #14191d; --fg: #e8ecef; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
header, main, footer { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { border-bottom: 1px solid var(--line); }
header a { color: inherit; text-decoration: none; font-weight: 700; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 1rem 0 0.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
a { color: var(--accent); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.badges { display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0; list-style: none; }
.badges li { border: 1px solid var(--line); border-radius: 999px; padding: 0.1rem 0.7rem; font-size: 0.9rem; }
.description p { white-space: pre-line; overflow-wrap: anywhere; }
.button { display: inline-block; background: var(--accent); color: var(--bg); padding: 0.6rem 1.2rem; border-radius: 0.4rem; text-decoration: none; font-weight: 600; }
.stats { display: flex; flex-wrap: wrap; gap: 1.5rem; padding: 0; list-style: none; }
.stats strong { display: block; font-size: 1.8rem; }
.list { padding: 0; list-style: none; }
.list li { padding: 0.6rem 0; border-bottom: 1px solid var(--line); }
.list small { display: block; color: var(--muted); }
footer { color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--line); margin-top: 2rem; }
code { font-size: 0.9em; }
.builder form { display: grid; gap: 1rem; }
.builder fieldset { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; border: 1px solid var(--line); border-radius: 0.4rem; }
.builder fieldset[hidden] { display: none; }
.builder label { display: inline-flex; gap: 0.4rem; align-items: center; }
.builder textarea { width: 100%; font: 0.85rem/1.4 ui-monospace, monospace; }
.builder pre { white-space: pre-wrap; background: color-mix(in srgb, var(--line) 40%, transparent); padding: 0.75rem; }
.preview { border: 1px dashed var(--line); padding: 1rem; border-radius: 0.4rem; min-height: 12rem; }
.demos { display: grid; gap: 0.5rem; padding: 0; list-style: none; }
body.embedded { margin: 0; }
.comeback { display: grid; gap: 0.6rem; padding: 1rem; max-width: 40rem; }
.comeback label { display: grid; gap: 0.2rem; }
.comeback label.check { display: flex; gap: 0.5rem; align-items: baseline; }
.comeback fieldset { border: 1px solid var(--line); border-radius: 0.4rem; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
.comeback input, .comeback select { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 0.3rem; }
.comeback [aria-invalid="true"] { border-color: #b3261e; }
.comeback .field-error, .comeback .summary { color: #b3261e; }
.comeback .summary:empty { display: none; }
.comeback .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.comeback button[disabled] { opacity: 0.6; }
.done { padding: 1rem; font-size: 1.1rem; }
`;
