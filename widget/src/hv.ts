/**
 * The loader at the stable URL /widget/v1/hv.js. It is small and briefly cached; it loads, from
 * content-hashed files cached for a year, only the elements the page uses, when it uses them.
 * It looks for nothing but its own tags and defines nothing global.
 */
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  "hv-jobs": () => import("./jobs/define.ts"),
  "hv-events": () => import("./events/define.ts"),
  "hv-comeback": () => import("./comeback/define.ts"),
};

const pending = new Set(Object.keys(ELEMENTS));

function loadPresent(): void {
  for (const tag of pending) {
    if (customElements.get(tag) || document.getElementsByTagName(tag).length > 0) {
      pending.delete(tag);
      if (!customElements.get(tag)) ELEMENTS[tag]?.().catch((error: unknown) => console.error("hv:", error));
    }
  }
}

loadPresent();
if (pending.size > 0) {
  // Pages that add an element later (single-page apps, tabs) get it defined then.
  const observer = new MutationObserver(() => {
    loadPresent();
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
