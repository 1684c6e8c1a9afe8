/**
 * Asks for the first page of every `<hv-jobs>` on the page while the element's code is still on its way:
 * the loader imports this small module alongside the element, and the element takes the answer (see
 * lib/api.ts prefetch). It reads the attributes exactly as the element will (filters.ts firstJobsUrl).
 */
import { prefetch } from "../lib/api.ts";
import { langOf } from "../lib/messages.ts";
import { firstJobsUrl } from "./filters.ts";

export function prefetchFirstPages(): void {
  if (customElements.get("hv-jobs")) return;
  for (const el of document.getElementsByTagName("hv-jobs")) {
    const url = firstJobsUrl({
      q: el.getAttribute("q"),
      town: el.getAttribute("town"),
      radiusKm: el.getAttribute("radius-km") ?? undefined,
      category: el.getAttribute("category"),
      employment: el.getAttribute("employment"),
      employer: el.getAttribute("employer"),
      pageSize: el.getAttribute("page-size") ?? 10,
      api: el.getAttribute("api"),
      deepLink: el.hasAttribute("deep-link"),
      id: el.id,
    });
    prefetch(el, url, langOf(el.getAttribute("lang")));
  }
}
