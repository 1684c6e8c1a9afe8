/** Reading helpers every adapter uses: structured data first, then selectors, then the document title. */
/** The first schema.org JobPosting in the page's JSON-LD, if any. */
export declare function jsonLdJobTitle(doc: Document): string | undefined;
/** The trimmed text of the first element matching any selector, with the element. */
export declare function firstText(doc: Document, selectors: readonly string[]): {
    text: string;
    element: Element;
} | undefined;
export declare function firstElement(doc: Document, selectors: readonly string[]): Element | undefined;
/** The part of the document title before the board's name ("Elektroniker (m/w/d) - Firma | StepStone"). */
export declare function titleBefore(doc: Document, separators: RegExp): string | undefined;
/** A job page: its title from JSON-LD, the selectors or the document title, placed at its heading. */
export declare function jobPage(doc: Document, titleSelectors: readonly string[], titleSeparators: RegExp): {
    kind: "job";
    query: string;
    anchor: Element;
} | undefined;
