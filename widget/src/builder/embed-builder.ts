/**
 * The embed builder at /embed (not part of the embeddable bundle): turns the form into the live preview,
 * the snippet to copy and the CSP lines it needs. Every form control's name is an attribute of the element
 * or, when it starts with `--`, a custom property; several ticked boxes of one name (employers) make one
 * space-separated attribute.
 */
import { contrast, luminance } from "../../../shared/contrast.ts";
import { type EmbedTag, elementMarkup, hostCspLines, reservationCss } from "../../../shared/embed.ts";

const form = document.querySelector<HTMLFormElement>("#builder");
const previewForm = document.querySelector<HTMLFormElement>("#preview-form");
const preview = document.querySelector<HTMLElement>("#preview");
const snippet = document.querySelector<HTMLElement>("#snippet");
const cspLines = document.querySelector<HTMLElement>("#csp");
const copy = document.querySelector<HTMLButtonElement>("#copy");
const copied = document.querySelector<HTMLElement>("#copied");
const warning = document.querySelector<HTMLElement>("#contrast");
const texts = JSON.parse(form?.dataset.texts ?? "{}") as Record<string, string>;

type Settings = { tag: EmbedTag; attributes: Record<string, string>; properties: [string, string][] };

const TAGS: EmbedTag[] = ["hv-jobs", "hv-events", "hv-comeback"];
// The widgets' own surfaces, light and dark, that a host's accent is shown on (widget/src/lib/theme.ts).
const SURFACES = { light: "#f5f7f6", dark: "#1f2a25" } as const;

function read(f: HTMLFormElement): Settings {
  const chosen = new FormData(f).get("element");
  const tag = TAGS.find((t) => t === chosen) ?? "hv-jobs";
  const attributes: Record<string, string> = {};
  const properties: [string, string][] = [];
  for (const field of f.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[name]")) {
    const scope = field.closest<HTMLElement>("[data-for]")?.dataset.for;
    const not = field.closest<HTMLElement>("[data-not-for]")?.dataset.notFor;
    if (field.name === "element" || field.name === "pin" || (scope && scope !== tag) || not === tag) continue;
    if (field instanceof HTMLInputElement && field.type === "checkbox") {
      if (!field.checked) continue;
      // Ticked boxes with a value (employers) add up; a box without one is a boolean attribute.
      if (field.value && field.value !== "on") {
        attributes[field.name] = [attributes[field.name], field.value].filter(Boolean).join(" ");
      } else attributes[field.name] = "";
      continue;
    }
    const value = field.value.trim();
    if (!value || value === field.dataset.default) continue;
    if (field.name.startsWith("--")) properties.push([field.name, value]);
    else attributes[field.name] = value;
  }
  // The region link only means something on an employer's page.
  if (!attributes.employer) delete attributes["region-link"];
  return { tag, attributes, properties };
}

function contrastWarning(properties: [string, string][], theme: string): string {
  const accent = properties.find(([name]) => name === "--hv-color-accent")?.[1];
  const y = accent ? luminance(accent) : undefined;
  if (y === undefined) return "";
  const surface = luminance(theme === "dark" ? SURFACES.dark : SURFACES.light) ?? 1;
  const ratio = contrast(y, surface);
  if (ratio >= 4.5) return "";
  const onWhite = contrast(y, 1) >= contrast(y, 0);
  return (texts.contrastLow ?? "")
    .replace("{ratio}", ratio.toFixed(1).replace(".", document.documentElement.lang === "de" ? "," : "."))
    .replace("{direction}", (theme === "dark" ? texts.lighter : texts.darker) ?? "")
    .replace("{on}", (onWhite ? texts.white : texts.black) ?? "");
}

function render(f: HTMLFormElement): void {
  const { tag, attributes, properties } = read(f);
  for (const fieldset of f.querySelectorAll<HTMLElement>("[data-for]")) fieldset.hidden = fieldset.dataset.for !== tag;
  for (const field of f.querySelectorAll<HTMLElement>("[data-not-for]")) field.hidden = field.dataset.notFor === tag;

  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  // Through the CSSOM, which this page's CSP allows; a style attribute it would refuse.
  for (const [name, value] of properties) element.style.setProperty(name, value);
  preview?.replaceChildren(element);

  const origin = f.dataset.origin ?? location.origin;
  const pinned = f.dataset.pinned;
  const useSri = (f.elements.namedItem("pin") as HTMLInputElement | null)?.checked && pinned;
  const script = useSri
    ? `<script type="module" src="${origin}${pinned}" integrity="${f.dataset.integrity}" crossorigin="anonymous"></script>`
    : `<script type="module" src="${origin}/widget/v1/hv.js"></script>`;
  // Keeps the element's room while the script loads, so nothing below it moves; and the chosen looks.
  const rules = [reservationCss(tag, attributes)];
  if (properties.length > 0) rules.push(`${tag} { ${properties.map(([n, v]) => `${n}: ${v};`).join(" ")} }`);
  const lines = [
    script,
    elementMarkup(tag, attributes),
    `<!-- ${texts.styleComment ?? ""} -->`,
    `<style>\n${rules.join("\n")}\n</style>`,
  ];
  if (snippet) snippet.textContent = lines.join("\n");
  if (cspLines) cspLines.textContent = `${hostCspLines(origin, [tag]).join(";\n")};`;
  if (copied) copied.textContent = "";
  if (warning) {
    const text = contrastWarning(properties, attributes.theme ?? "");
    warning.textContent = text;
    warning.hidden = !text;
  }
}

function renderPreview(): void {
  if (!preview || !previewForm) return;
  const data = new FormData(previewForm);
  preview.classList.toggle("phone", data.get("preview-width") === "phone");
  preview.classList.toggle("dark", data.get("preview-page") === "dark");
}

if (form) {
  form.addEventListener("input", () => render(form));
  form.addEventListener("change", () => render(form));
  form.addEventListener("submit", (event) => event.preventDefault());
  render(form);
}
previewForm?.addEventListener("submit", (event) => event.preventDefault());
for (const radio of document.querySelectorAll<HTMLInputElement>("input[form='preview-form']")) {
  radio.addEventListener("change", renderPreview);
}
renderPreview();

copy?.addEventListener("click", async () => {
  if (!snippet) return;
  try {
    await navigator.clipboard.writeText(snippet.textContent ?? "");
  } catch {
    // Clipboard refused (permissions): select the code for Ctrl+C.
    getSelection()?.selectAllChildren(snippet);
  }
  if (copied) copied.textContent = texts.copied ?? "";
});
