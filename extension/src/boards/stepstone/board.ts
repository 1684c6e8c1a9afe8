import { firstElement, jobPage } from "../read.ts";
import type { Board } from "../types.ts";
import {
  JOB_PATH,
  JOB_TITLE,
  MATCHES,
  RESULTS_ANCHOR,
  SEARCH_PARAMS,
  SEARCH_PATH,
  TITLE_SEPARATORS,
} from "./selectors.ts";

export const stepstone: Board = {
  id: "stepstone",
  name: "StepStone",
  matches: MATCHES,
  owns: (url) => url.hostname === "www.stepstone.de",
  read(doc, url) {
    if (JOB_PATH.test(url.pathname)) return jobPage(doc, JOB_TITLE, TITLE_SEPARATORS);
    const search = SEARCH_PATH.exec(url.pathname);
    if (!search) return undefined;
    // The words are in ?q= (or the older ?ke=), else in the path: /jobs/kfz-mechatroniker/in-meschede.
    const query =
      SEARCH_PARAMS.map((p) => url.searchParams.get(p)).find(Boolean) ??
      decodeURIComponent(search[1] ?? "").replace(/-/g, " ");
    const anchor = firstElement(doc, RESULTS_ANCHOR);
    return query && anchor ? { kind: "search", query, anchor } : undefined;
  },
};
