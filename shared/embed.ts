/**
 * How much room an element will take, for the rule a host page puts in its stylesheet so that nothing moves
 * while the widget script loads: the embed builder writes it into the snippet, and our demo host pages use
 * the same rule. The figures are the widgets' own fixed sizes (rows in rem, see widget/src/jobs/styles.ts
 * and widget/src/events/styles.ts), measured in Chromium at the default font size; narrow screens (under
 * 40rem) wrap the filter row and stack cards and events, so they get their own figure.
 */

export type EmbedTag = "hv-jobs" | "hv-events" | "hv-comeback";
export type EmbedAttributes = Record<string, string>;

const JOB_ROW = { list: 7.4, compact: 3.6, cards: 9.4 } as const;
const GAP = 1;
// The count line and the "load more" row with their gaps; the search row; the filter row on one line and
// wrapped to two (four filters wrap under 40rem, three do not); the region link's line.
const JOBS_CHROME = 5.54;
const JOBS_SEARCH = 4.23;
const JOBS_FILTERS = { wide: 3.12, narrow: 6 };
const JOBS_REGION_LINK = 2.6;
// An event's skeleton (and a typical event) is this tall; the selects and the count line above the list.
export const EVENT_HEIGHT = { wide: 13.9, narrow: 17.25 };
const EVENTS_CHROME = { filters: { wide: 4.68, narrow: 8.88 }, none: 1.93 };
// The signup frame's height until the form inside has reported its own.
const COMEBACK = 40;

function pageSize(attributes: EmbedAttributes, fallback: number, max: number): number {
  const n = Math.trunc(Number(attributes["page-size"]));
  return Number.isFinite(n) && n >= 1 ? Math.min(max, n) : fallback;
}

const stack = (rows: number, row: number) => (rows > 0 ? rows * (row + GAP) - GAP : 0);

function jobsHeight(a: EmbedAttributes, width: "wide" | "narrow", columns: number): number {
  const layout = a.layout === "compact" || a.layout === "cards" ? a.layout : "list";
  const rows = pageSize(a, 10, 50);
  const scoped = !!a.employer && a.employer !== "all";
  const filters = "hide-filters" in a ? 0 : scoped ? JOBS_FILTERS.wide : JOBS_FILTERS[width];
  return (
    JOBS_CHROME +
    ("hide-search" in a ? 0 : JOBS_SEARCH) +
    filters +
    (scoped && "region-link" in a ? JOBS_REGION_LINK : 0) +
    stack(layout === "cards" ? Math.ceil(rows / columns) : rows, JOB_ROW[layout])
  );
}

function eventsHeight(a: EmbedAttributes, width: "wide" | "narrow"): number {
  const rows = a.view === "month" ? 7 : pageSize(a, 10, 100);
  const chrome = "hide-filters" in a ? EVENTS_CHROME.none : EVENTS_CHROME.filters[width];
  return chrome + stack(rows, EVENT_HEIGHT[width]);
}

const rem = (n: number) => `${Math.round(n * 10) / 10}rem`;

/** The stylesheet rules that keep `tag`'s room while the script loads, for these attributes. */
export function reservationCss(tag: EmbedTag, attributes: EmbedAttributes): string {
  const rule = (height: number) => `${tag}:not(:defined) { display: block; min-height: ${rem(height)}; }`;
  if (tag === "hv-comeback") return rule(COMEBACK);
  if (tag === "hv-events") {
    return [
      rule(eventsHeight(attributes, "narrow")),
      `@media (min-width: 40rem) { ${rule(eventsHeight(attributes, "wide"))} }`,
    ].join("\n");
  }
  const lines = [
    rule(jobsHeight(attributes, "narrow", 1)),
    `@media (min-width: 40rem) { ${rule(jobsHeight(attributes, "wide", 2))} }`,
  ];
  if (attributes.layout === "cards")
    lines.push(`@media (min-width: 64rem) { ${rule(jobsHeight(attributes, "wide", 3))} }`);
  return lines.join("\n");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `<tag a="…" b></tag>`: values escaped, an empty value written as a boolean attribute. */
export function elementMarkup(tag: EmbedTag, attributes: EmbedAttributes): string {
  const list = Object.entries(attributes)
    .map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join("");
  return `<${tag}${list}></${tag}>`;
}

/** The CSP lines a host page needs for these elements served from `origin`: the signup adds its frame. */
export function hostCspLines(origin: string, tags: readonly EmbedTag[]): string[] {
  return [
    `script-src ${origin}`,
    `connect-src ${origin}`,
    ...(tags.includes("hv-comeback") ? [`frame-src ${origin}`] : []),
  ];
}
