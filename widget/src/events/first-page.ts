/**
 * Asks for the first page of every `<hv-events>` list on the page while the element's code is still on its
 * way (see jobs/first-page.ts). The month view and `show-past` ask for dates the element works out
 * itself, so those wait for it.
 */
import { prefetch } from "../lib/api.ts";
import { langOf } from "../lib/messages.ts";
import { chosenKind, chosenTown, eventsPageSize, eventsUrl } from "./request.ts";

export function prefetchFirstPages(): void {
  if (customElements.get("hv-events")) return;
  for (const el of document.getElementsByTagName("hv-events")) {
    if (el.getAttribute("view") === "month" || el.hasAttribute("show-past")) continue;
    const url = eventsUrl(
      el.getAttribute("api"),
      chosenTown(el.getAttribute("town")),
      chosenKind(el.getAttribute("kind")),
      {
        limit: eventsPageSize(el.getAttribute("page-size") ?? 10),
      },
    );
    prefetch(el, url, langOf(el.getAttribute("lang")));
  }
}
