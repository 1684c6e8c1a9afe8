import { firstElement, jobPage } from "../read.ts";
import type { Board } from "../types.ts";
import { JOB_PATH, JOB_TITLE, MATCHES, RESULTS_ANCHOR, SEARCH_PATH, TITLE_SEPARATORS } from "./selectors.ts";

export const xing: Board = {
  id: "xing",
  name: "XING",
  matches: MATCHES,
  owns: (url) => url.hostname === "www.xing.com" && url.pathname.startsWith("/jobs"),
  read(doc, url) {
    if (JOB_PATH.test(url.pathname)) return jobPage(doc, JOB_TITLE, TITLE_SEPARATORS);
    if (!SEARCH_PATH.test(url.pathname)) return undefined;
    const query = url.searchParams.get("keywords");
    // The hint goes before the list the first result sits in.
    const first = firstElement(doc, RESULTS_ANCHOR);
    const anchor = first?.parentElement?.closest("ol, ul, section, div") ?? first;
    return query && anchor ? { kind: "search", query, anchor } : undefined;
  },
};
