/**
 * The stylesheets of the demo host pages: an employer's career page, a town's page, and a page whose
 * global CSS is deliberately rude, to show the widgets keep their shape on any page.
 */
export const EMPLOYER_CSS = `
body { margin: 0; font: 17px/1.6 Georgia, "Times New Roman", serif; color: #2b2b2b; background: #faf7f2; }
.top { background: #7a2e1d; color: #fff; padding: 1.25rem 2rem; }
.top h1 { margin: 0; font-size: 1.6rem; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem 2rem 3rem; }
hv-jobs { --hv-color-accent: #7a2e1d; --hv-radius: 2px; }
footer { text-align: center; color: #6b6b6b; font-size: 0.9rem; padding: 2rem; }
`;

export const TOWN_CSS = `
body { margin: 0; font: 16px/1.5 "Trebuchet MS", Verdana, sans-serif; color: #1d2a3a; background: #fff; }
.top { border-bottom: 6px solid #1e5aa8; padding: 1rem 2rem; display: flex; gap: 1rem; align-items: baseline; }
.top strong { font-size: 1.4rem; color: #1e5aa8; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 3rem; display: grid; gap: 2rem; }
hv-events, hv-jobs { --hv-color-accent: #1e5aa8; }
footer { background: #eef3fa; padding: 1.5rem 2rem; font-size: 0.9rem; }
`;

// Global rules of the kind real sites ship: resets, !important, element selectors for everything.
export const RUDE_CSS = `
* { margin: 0.4em !important; padding: 0.3em; box-sizing: content-box; font-size: 19px; letter-spacing: 0.02em; }
body { font-family: "Comic Sans MS", cursive; color: #602060; background: #fff8e6; }
ul, li { list-style: square inside; display: inline; }
a { color: #c00 !important; text-transform: uppercase; }
button, input, select { all: unset; border: 3px dashed #c00; }
h1, h2, h3 { font-size: 40px; text-decoration: underline wavy; }
div { border: 1px dotted #999; }
`;
