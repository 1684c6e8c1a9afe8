/**
 * What a pool card is made of: the details a member chose to show, each as a ladder from its most specific
 * form to its coarsest (worker/src/pool/anonymity.ts), and the one plan by which cards are coarsened until
 * at least k members share what they show. Only coarse, listed values ever appear: a field, an occupation
 * reduced to its canonical term (never the words someone typed), towns, a month or half-year, a
 * qualification, languages. No name, address, exact date or free text.
 */
import { titleTerms } from "../../../shared/job-match.ts";
import type { Ladder, Member, Step } from "./anonymity.ts";

export const POOL_DETAILS = ["occupation", "towns", "back", "qualification", "languages"] as const;
export type PoolDetail = (typeof POOL_DETAILS)[number];

/** The district as the coarsest place: "somewhere in the Hochsauerlandkreis". */
export const DISTRICT = "hochsauerlandkreis";
export const DEFAULT_POOL_K = 5;

/** k for the deployment (`POOL_K`, at least 2), else 5. */
export function poolK(raw: string | undefined): number {
  const k = Number(raw);
  return Number.isInteger(k) && k >= 2 ? k : DEFAULT_POOL_K;
}

/**
 * From most to least telling. First the occupation gives way to its field (the rarest detail in a small
 * district), then the return month to its half-year, then the towns to the district; then the smaller
 * details go, then the return, and last even the field. A member whose card is still rare after the last
 * step is not shown.
 */
export const POOL_PLAN: readonly Step<PoolDetail>[] = [
  { occupation: 0, towns: 0, back: 0, qualification: 0, languages: 0 },
  { occupation: 1, towns: 0, back: 0, qualification: 0, languages: 0 },
  { occupation: 1, towns: 0, back: 1, qualification: 0, languages: 0 },
  { occupation: 1, towns: 1, back: 1, qualification: 0, languages: 0 },
  { occupation: 1, towns: 1, back: 1, qualification: 1, languages: 1 },
  { occupation: 1, towns: 1, back: 2, qualification: 1, languages: 1 },
  { occupation: 2, towns: 1, back: 2, qualification: 1, languages: 1 },
];

/** What the pool knows of a member, from their signup and Steckbrief. */
export interface PoolProfile {
  id: string;
  field: string | null;
  occupation: string | null;
  qualification: string | null;
  /** Town ids. */
  towns: readonly string[];
  /** "open" or YYYY-MM. */
  earliest_return: string;
  languages: readonly string[];
}

// Occupations repeat (a pool has a few hundred distinct ones), and their terms take a fold and a dictionary
// walk each: remembered, the pool's anonymization reads 20,000 members in a fifth of the time.
const TERMS = new Map<string, string | null>();
const TERMS_KEPT = 10_000;

/** The occupation's canonical term ("Mechatronikerin (m/w/d)" → "mechatroniker"), or null. */
export function occupationTerm(occupation: string | null): string | null {
  if (!occupation) return null;
  let term = TERMS.get(occupation);
  if (term === undefined) {
    term = titleTerms(occupation).occupations[0] ?? null;
    if (TERMS.size >= TERMS_KEPT) TERMS.clear();
    TERMS.set(occupation, term);
  }
  return term;
}

const halfYear = (month: string) => `${month.slice(0, 4)}-H${Number(month.slice(5, 7)) <= 6 ? 1 : 2}`;

/** A member's details as ladders; a detail not chosen for the card, or not known, shows nothing. */
export function toPoolMember(p: PoolProfile, shown: ReadonlySet<PoolDetail>): Member<PoolDetail> {
  const ladder = (name: PoolDetail, rungs: (string | null)[]): Ladder =>
    shown.has(name) && rungs[0] !== null ? rungs : [null];
  const term = occupationTerm(p.occupation);
  const towns = [...p.towns].sort();
  const languages = [...new Set(p.languages.map((l) => l.trim().toLowerCase()).filter(Boolean))].sort();
  const month = /^\d{4}-\d{2}$/.test(p.earliest_return) ? p.earliest_return : null;
  return {
    id: p.id,
    details: {
      // The field is shown with the occupation: the occupation's rungs are "field:term", then "field".
      occupation: ladder("occupation", p.field ? [term ? `${p.field}:${term}` : p.field, p.field, null] : [null]),
      towns: ladder("towns", towns.length ? [towns.join(","), DISTRICT] : [DISTRICT]),
      back: ladder("back", month ? [month, halfYear(month), null] : ["open", "open", null]),
      qualification: ladder("qualification", [p.qualification, null]),
      languages: ladder("languages", languages.length ? [languages.join(","), null] : [null]),
    },
  };
}
