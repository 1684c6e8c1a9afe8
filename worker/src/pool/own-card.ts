/**
 * A member's own view of their pool card (on /me): exactly what employers see, computed over the pool as
 * it is now, and for each detail shown how many other members' cards show the same. A paused member sees
 * the card they would have.
 */
import type { Lang } from "../../../shared/i18n.ts";
import { monthLabel } from "../../../shared/months.ts";
import { QUALIFICATIONS } from "../../../shared/signup-options.ts";
import { CATEGORIES, type CategoryId } from "../../../shared/taxonomy.ts";
import { townById } from "../../../shared/towns.ts";
import type { PoolProfileRow } from "../db/pool.ts";
import { anonymize } from "./anonymity.ts";
import { DISTRICT, POOL_DETAILS, POOL_PLAN, type PoolDetail, toPoolMember } from "./cards.ts";

export const isPoolDetail = (v: unknown): v is PoolDetail => (POOL_DETAILS as readonly unknown[]).includes(v);

/** The details a member chose, as stored. */
export const chosenDetails = (json: string): PoolDetail[] => (JSON.parse(json) as unknown[]).filter(isPoolDetail);

export function memberOf(row: PoolProfileRow) {
  return toPoolMember(
    {
      id: row.id,
      field: row.field,
      occupation: row.occupation,
      qualification: row.qualification,
      towns: JSON.parse(row.towns) as string[],
      earliest_return: row.earliest_return,
      languages: JSON.parse(row.languages) as string[],
    },
    new Set(chosenDetails(row.details)),
  );
}

export interface OwnCard {
  /** What employers see; null when the card is too rare to show at all. */
  shown: Record<PoolDetail, string | null> | null;
  /** Per detail shown: how many other cards show the same. */
  others: Partial<Record<PoolDetail, number>>;
}

export function ownCard(active: readonly PoolProfileRow[], me: PoolProfileRow, k: number): OwnCard {
  const members = [...active.filter((r) => r.id !== me.id), me].map(memberOf);
  const cards = anonymize(members, POOL_PLAN, k);
  const mine = cards.find((c) => c.id === me.id);
  if (!mine) return { shown: null, others: {} };
  const others: Partial<Record<PoolDetail, number>> = {};
  for (const name of POOL_DETAILS) {
    const value = mine.shown[name];
    if (value !== null) others[name] = cards.filter((c) => c.id !== me.id && c.shown[name] === value).length;
  }
  return { shown: mine.shown, others };
}

/**
 * The same for an active member, from the search's cached index (pool-index.ts): their card is the one
 * employers are shown, and the counts come from its groups, with no read of the whole pool. A member not in
 * the index (paused, or too rare to show) gets null: the caller computes theirs with `ownCard`.
 */
export function ownCardFromIndex(
  index: {
    groups: readonly { shown: Record<PoolDetail, string | null>; members: readonly string[] }[];
    groupOf: ReadonlyMap<string, { shown: Record<PoolDetail, string | null> }>;
  },
  id: string,
): OwnCard | null {
  const mine = index.groupOf.get(id);
  if (!mine) return null;
  const others: Partial<Record<PoolDetail, number>> = {};
  for (const name of POOL_DETAILS) {
    const value = mine.shown[name];
    if (value === null) continue;
    let n = 0;
    for (const g of index.groups) if (g.shown[name] === value) n += g.members.length;
    others[name] = n - 1;
  }
  return { shown: mine.shown, others };
}

const WORDS = {
  de: {
    district: "irgendwo im Hochsauerlandkreis",
    open: "noch offen",
    half: (y: string, h: string) => `${h}. Halbjahr ${y}`,
  },
  en: {
    district: "somewhere in the Hochsauerlandkreis",
    open: "still open",
    half: (y: string, h: string) => `${h === "1" ? "first" : "second"} half of ${y}`,
  },
} as const;

const field = (id: string, lang: Lang) => CATEGORIES[id as CategoryId]?.[lang] ?? id;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A shown value in words: names, never ids. */
export function detailLabel(name: PoolDetail, value: string, lang: Lang): string {
  const w = WORDS[lang];
  switch (name) {
    case "occupation": {
      const [f, term] = value.split(":");
      return term ? `${capital(term)} (${field(f ?? "", lang)})` : field(value, lang);
    }
    case "towns":
      return value === DISTRICT
        ? w.district
        : value
            .split(",")
            .map((id) => townById(id)?.name ?? id)
            .join(", ");
    case "back": {
      if (value === "open") return w.open;
      const half = /^(\d{4})-H([12])$/.exec(value);
      return half ? w.half(half[1] as string, half[2] as string) : monthLabel(value, lang);
    }
    case "qualification":
      return QUALIFICATIONS[value as keyof typeof QUALIFICATIONS]?.[lang] ?? value;
    case "languages":
      return value.split(",").map(capital).join(", ");
  }
}
