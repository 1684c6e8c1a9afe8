import { firstElement, jobPage } from "../read.ts";
import type { Board } from "../types.ts";
import { JOB_PATH, JOB_TITLE, MATCHES, RESULTS_ANCHOR, SEARCH_PATH, TITLE_SEPARATORS } from "./selectors.ts";

export const linkedin: Board = {
  id: "linkedin",
  name: "LinkedIn",
  matches: MATCHES,
  owns: (url) => url.hostname === "www.linkedin.com" && url.pathname.startsWith("/jobs"),
  read(doc, url) {
    if (JOB_PATH.test(url.pathname)) return jobPage(doc, JOB_TITLE, TITLE_SEPARATORS);
    if (!SEARCH_PATH.test(url.pathname)) return undefined;
    const query = url.searchParams.get("keywords");
    const anchor = firstElement(doc, RESULTS_ANCHOR);
    return query && anchor ? { kind: "search", query, anchor } : undefined;
  },
};
