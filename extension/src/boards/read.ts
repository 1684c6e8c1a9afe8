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

/** The part of the document title before the board's name ("Elektroniker (m/w/d) - Firma | StepStone"). */
export function titleBefore(doc: Document, separators: RegExp): string | undefined {
  const text = doc.title.split(separators)[0]?.trim();
  return text || undefined;
}

/** A job page: its title from JSON-LD, the selectors or the document title, placed at its heading. */
export function jobPage(
  doc: Document,
  titleSelectors: readonly string[],
  titleSeparators: RegExp,
): { kind: "job"; query: string; anchor: Element } | undefined {
  const heading = firstText(doc, titleSelectors);
  if (!heading) return undefined;
  const query = jsonLdJobTitle(doc) ?? heading.text ?? titleBefore(doc, titleSeparators);
  return query ? { kind: "job", query, anchor: heading.element } : undefined;
}
