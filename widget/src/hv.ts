/**
 * The loader at the stable URL /widget/v1/hv.js. It is small and briefly cached; it loads, from
 * content-hashed files cached for a year, only the elements the page uses, when it uses them. For the
 * lists it also asks the API for their first page at once, alongside the element's file, and leaves the
 * answer on the element for its code to take (lib/api.ts). It looks for nothing but its own tags and
 * defines nothing global.
 */
import { prefetchFirstPages as prefetchEvents } from "./events/first-page.ts";
import { prefetchFirstPages as prefetchJobs } from "./jobs/first-page.ts";

// Written by scripts/build-widget.ts: each element's file, relative to this one.
declare const __HV_ELEMENT_FILES__: Record<string, string>;

const PREFETCH: Record<string, () => void> = { "hv-jobs": prefetchJobs, "hv-events": prefetchEvents };

const pending = new Set(Object.keys(__HV_ELEMENT_FILES__));

function loadPresent(): void {
  for (const tag of pending) {
    if (customElements.get(tag) || document.getElementsByTagName(tag).length > 0) {
      pending.delete(tag);
      if (customElements.get(tag)) continue;
      // The first page's request goes out first: its answer, not the element's file, is usually the last to
      // arrive, and setting up the import takes the main thread a few milliseconds.
      try {
        PREFETCH[tag]?.();
      } catch {
        // The element asks for itself once its code is here.
      }
      const file = new URL(__HV_ELEMENT_FILES__[tag] ?? "", import.meta.url).href;
      import(/* @vite-ignore */ file).catch((error: unknown) => console.error("hv:", error));
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
