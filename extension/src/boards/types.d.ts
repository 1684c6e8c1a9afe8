/** What every job-board adapter provides: where it runs and how it reads a page. */
export declare const BOARD_IDS: readonly ["stepstone", "indeed", "linkedin", "xing", "arbeitsagentur"];
export type BoardId = (typeof BOARD_IDS)[number];
export interface PageInfo {
    kind: "search" | "job";
    /** What the person is looking for: the search words, or the title of the job they are looking at. */
    query: string;
    /** The element the hint is placed before (the results header, the job title). */
    anchor: Element;
}
export interface Board {
    id: BoardId;
    name: string;
    /** Manifest match patterns: where the content script runs for this board. */
    matches: string[];
    /** Whether `url` belongs to this board. */
    owns(url: URL): boolean;
    /** The page as the hint sees it, or undefined when it is not a page we know (then nothing is shown). */
    read(doc: Document, url: URL): PageInfo | undefined;
}
