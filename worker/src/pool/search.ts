/**
 * Searching the pool's cards as an employer will: by field or occupation, qualification, towns, a return
 * window and languages. Every test looks only at what a card shows, never at what lies under it, so a
 * search answers whole groups of alike cards (anonymity.ts): none, or at least k. A coarse card matches
 * what its coarse value allows ("somewhere in the Hochsauerlandkreis" any town, a half-year a month in it,
 * a detail not shown anything), after the cards that match exactly.
 */
import type { Card } from "./anonymity.ts";
import { DISTRICT, type PoolDetail } from "./cards.ts";

export interface PoolQuery {
  /** Category ids. */
  fields?: readonly string[];
  /** Canonical occupation terms (cards.ts occupationTerm). */
  occupations?: readonly string[];
  qualifications?: readonly string[];
  /** Town ids. */
  towns?: readonly string[];
  /** Returning no later than this month (YYYY-MM); "open" and hidden returns match too. */
  back_by?: string;
  /** Lower-case language names; a card must show every one. */
  languages?: readonly string[];
}

export type Match = "exact" | "coarse" | "no";

const any = (list: readonly string[] | undefined) => list !== undefined && list.length > 0;

function occupationMatch(shown: string | null, q: PoolQuery): Match {
  if (!any(q.fields) && !any(q.occupations)) return "exact";
  // The field is what a search is about: a card that shows none is found only by searches not asking.
  if (shown === null) return "no";
  const [field, term] = shown.split(":") as [string, string | undefined];
  if (any(q.fields) && !q.fields?.includes(field)) return "no";
  if (any(q.occupations)) {
    if (term !== undefined) return q.occupations?.includes(term) ? "exact" : "no";
    // Only the field is shown: it may be that occupation.
    return "coarse";
  }
  return "exact";
}

function townsMatch(shown: string | null, q: PoolQuery): Match {
  if (!any(q.towns)) return "exact";
  if (shown === null || shown === DISTRICT) return "coarse";
  return shown.split(",").some((t) => q.towns?.includes(t)) ? "exact" : "no";
}

function backMatch(shown: string | null, q: PoolQuery): Match {
  const by = q.back_by;
  if (!by) return "exact";
  if (shown === null || shown === "open") return "coarse";
  const half = /^(\d{4})-H([12])$/.exec(shown);
  // A half-year matches when it begins by then; it may be later in it.
  if (half) {
    const start = `${half[1]}-${half[2] === "1" ? "01" : "07"}`;
    const end = `${half[1]}-${half[2] === "1" ? "06" : "12"}`;
    return end <= by ? "exact" : start <= by ? "coarse" : "no";
  }
  return shown <= by ? "exact" : "no";
}

/** A detail the card does not show may still be what was asked: it comes after those that show it. */
function listMatch(shown: string | null, wanted: readonly string[] | undefined, every: boolean): Match {
  if (!any(wanted)) return "exact";
  if (shown === null) return "coarse";
  const have = shown.split(",");
  const found = (w: string) => have.includes(w);
  return (every ? wanted?.every(found) : wanted?.some(found)) ? "exact" : "no";
}

/** The cards that match, exact matches first; within each, the given order. */
export function searchCards(cards: readonly Card<PoolDetail>[], q: PoolQuery): Card<PoolDetail>[] {
  const { exact, coarse } = matchCards(cards, q);
  return [...exact, ...coarse];
}

/** The cards that match exactly, and those that may (their coarse values allow it). */
export function matchCards(
  cards: readonly Card<PoolDetail>[],
  q: PoolQuery,
): { exact: Card<PoolDetail>[]; coarse: Card<PoolDetail>[] } {
  const exact: Card<PoolDetail>[] = [];
  const coarse: Card<PoolDetail>[] = [];
  for (const card of cards) {
    const m = matchShown(card.shown, q);
    if (m !== "no") (m === "coarse" ? coarse : exact).push(card);
  }
  return { exact, coarse };
}

/** How what a card shows matches a search: exactly, possibly (a coarse value allows it), or not. */
export function matchShown(s: Card<PoolDetail>["shown"], q: PoolQuery): Match {
  const matches = [
    occupationMatch(s.occupation, q),
    townsMatch(s.towns, q),
    backMatch(s.back, q),
    listMatch(s.qualification, q.qualifications, false),
    listMatch(s.languages, q.languages, true),
  ];
  return matches.includes("no") ? "no" : matches.includes("coarse") ? "coarse" : "exact";
}
