/** Reading helpers every adapter uses: structured data first, then selectors, then the document title. */

/** The first schema.org JobPosting in the page's JSON-LD, if any. */
export function jsonLdJobTitle(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findPosting(JSON.parse(script.textContent ?? ""));
      if (found) return found;
    } catch {
      // Not JSON: boards ship broken blocks now and then.
    }
  }
  return undefined;
}

function findPosting(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findPosting(item);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record["@type"] === "JobPosting" && typeof record.title === "string") return record.title;
    if (record["@graph"]) return findPosting(record["@graph"]);
  }
  return undefined;
}

/** The trimmed text of the first element matching any selector, with the element. */
export function firstText(doc: Document, selectors: readonly string[]): { text: string; element: Element } | undefined {
  for (const selector of selectors) {
    const element = doc.querySelector(selector);
    const text = element?.textContent?.replace(/\s+/g, " ").trim();
    if (element && text) return { text, element };
  }
  return undefined;
}

export function firstElement(doc: Document, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const element = doc.querySelector(selector);
    if (element) return element;
  }
  return undefined;
}

// LinkedIn (and others) put the unread count before the title: "(3) Mechatroniker (m/w/d) | …".
const UNREAD_COUNT = /^\(\d+\+?\)\s*/;
// A title that names the board or its search, not a job.
const GENERIC_TITLE =
  /^(jobs?|jobsuche|stellenangebote?|linkedin|indeed(\.com)?|xing( jobs)?|stepstone|bundesagentur für arbeit)$/i;

/**
 * The job the document title names: the part before the board's separators, without an unread-count
 * prefix ("(3) Elektroniker (m/w/d) | Firma GmbH | LinkedIn" → "Elektroniker (m/w/d)"); none when the title
 * only names the board.
 */
export function titleBefore(doc: Document, separators: RegExp): string | undefined {
  const text = doc.title.replace(UNREAD_COUNT, "").split(separators)[0]?.trim();
  return text && !GENERIC_TITLE.test(text) ? text : undefined;
}

/**
 * A job page: its title from JSON-LD, the selectors or, as the last fallback when the board's markup is
 * unknown, the document title; placed at its heading, else at the page's first heading or main content.
 */
export function jobPage(
  doc: Document,
  titleSelectors: readonly string[],
  titleSeparators: RegExp,
): { kind: "job"; query: string; anchor: Element } | undefined {
  const heading = firstText(doc, titleSelectors);
  const query = jsonLdJobTitle(doc) ?? heading?.text ?? titleBefore(doc, titleSeparators);
  if (!query) return undefined;
  const anchor =
    heading?.element ?? doc.querySelector("main h1, h1") ?? doc.querySelector("main") ?? doc.body?.firstElementChild;
  return anchor ? { kind: "job", query, anchor } : undefined;
}
