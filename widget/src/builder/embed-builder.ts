/**
 * The embed builder at /embed (not part of the embeddable bundle): turns the form into the live preview
 * and the snippet to copy. Every form control's name is an attribute of the element or, when it starts
 * with `--`, a custom property.
 */
const form = document.querySelector<HTMLFormElement>("#builder");
const preview = document.querySelector<HTMLElement>("#preview");
const snippet = document.querySelector<HTMLTextAreaElement>("#snippet");
const copy = document.querySelector<HTMLButtonElement>("#copy");
const copied = document.querySelector<HTMLElement>("#copied");

type Settings = { tag: string; attributes: [string, string][]; properties: [string, string][] };

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function read(f: HTMLFormElement): Settings {
  const data = new FormData(f);
  const tag = data.get("element") === "hv-events" ? "hv-events" : "hv-jobs";
  const attributes: [string, string][] = [];
  const properties: [string, string][] = [];
  for (const field of f.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[name]")) {
    const scope = field.closest<HTMLElement>("[data-for]")?.dataset.for;
    if (field.name === "element" || field.name === "pin" || (scope && scope !== tag)) continue;
    if (field instanceof HTMLInputElement && field.type === "checkbox") {
      if (field.checked) attributes.push([field.name, ""]);
      continue;
    }
    const value = field.value.trim();
    if (!value || value === field.dataset.default) continue;
    if (field.name.startsWith("--")) properties.push([field.name, value]);
    else attributes.push([field.name, value]);
  }
  return { tag, attributes, properties };
}

function render(f: HTMLFormElement): void {
  const { tag, attributes, properties } = read(f);
  for (const fieldset of f.querySelectorAll<HTMLElement>("[data-for]")) fieldset.hidden = fieldset.dataset.for !== tag;

  const element = document.createElement(tag);
  for (const [name, value] of attributes) element.setAttribute(name, value);
  // Through the CSSOM, which this page's CSP allows; a style attribute it would refuse.
  for (const [name, value] of properties) element.style.setProperty(name, value);
  preview?.replaceChildren(element);

  const origin = location.origin;
  const pinned = f.dataset.pinned;
  const useSri = (f.elements.namedItem("pin") as HTMLInputElement | null)?.checked && pinned;
  const script = useSri
    ? `<script type="module" src="${origin}${pinned}" integrity="${f.dataset.integrity}" crossorigin="anonymous"></script>`
    : `<script type="module" src="${origin}/widget/v1/hv.js"></script>`;
  const attrs = attributes.map(([n, v]) => (v === "" ? ` ${n}` : ` ${n}="${escapeAttribute(v)}"`)).join("");
  const lines = [script, `<${tag}${attrs}></${tag}>`];
  // Keeps the element's room while the script loads, so nothing below it moves; and the chosen looks.
  const rules = [`${tag}:not(:defined) { display: block; min-height: 40rem; }`];
  if (properties.length > 0) rules.push(`${tag} { ${properties.map(([n, v]) => `${n}: ${v};`).join(" ")} }`);
  lines.push(
    "<!-- In your stylesheet (or in this <style> element, if your CSP allows inline styles): -->",
    `<style>\n${rules.join("\n")}\n</style>`,
  );
  if (snippet) snippet.value = lines.join("\n");
}

if (form) {
  form.addEventListener("input", () => render(form));
  form.addEventListener("change", () => render(form));
  form.addEventListener("submit", (event) => event.preventDefault());
  render(form);
}

copy?.addEventListener("click", async () => {
  if (!snippet) return;
  try {
    await navigator.clipboard.writeText(snippet.value);
  } catch {
    // Clipboard refused (permissions): leave the text selected for Ctrl+C.
    snippet.select();
  }
  if (copied) copied.textContent = copied.dataset.text ?? "";
});
