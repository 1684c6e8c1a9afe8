/**
 * The pool as employers search it: every active member's card, anonymized once per version of the pool
 * (db/pool.ts, kept by 0021's triggers) and cached in the isolate, so a search costs one read of the version
 * and a pass over the cards. Pausing, leaving or any change to what a card shows changes the version, so
 * the next search already goes without it.
 */
import { activePoolSnapshot, type PoolProfileRow, poolVersion } from "../db/pool.ts";
import { anonymize, type Card, combination } from "./anonymity.ts";
import { POOL_DETAILS, POOL_PLAN, type PoolDetail } from "./cards.ts";
import { memberOf } from "./own-card.ts";
import { matchCards, type PoolQuery } from "./search.ts";

export interface PoolIndex {
  version: number;
  k: number;
  cards: Card<PoolDetail>[];
  /** Per member, the words of their headline (lower-case). */
  words: Map<string, string[]>;
  /** Per member, when their card last changed. */
  changed: Map<string, string>;
}

/** The words of a text, lower-case, letters and digits only. */
export const wordsOf = (text: string | null | undefined): string[] =>
  (text ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function buildPoolIndex(rows: readonly PoolProfileRow[], k: number, version: number): PoolIndex {
  return {
    version,
    k,
    cards: anonymize(rows.map(memberOf), POOL_PLAN, k),
    words: new Map(rows.map((r) => [r.id, wordsOf(r.headline)])),
    changed: new Map(rows.map((r) => [r.id, r.changed_at])),
  };
}

let cached: PoolIndex | null = null;

export async function poolIndex(db: D1Database, k: number): Promise<PoolIndex> {
  if (cached?.k === k && cached.version === (await poolVersion(db))) return cached;
  const snapshot = await activePoolSnapshot(db);
  cached = buildPoolIndex(snapshot.rows, k, snapshot.version);
  return cached;
}

export interface PoolSearch extends PoolQuery {
  /** Words every one of which must begin a word of the member's headline. */
  words?: readonly string[];
}

/**
 * The cards an employer may see for a search. A headline search splits groups of alike cards, so its
 * matches must themselves number at least k across the pool, else it shows nothing (and says no more than
 * a search that found nothing). Members hidden from this employer (blocks, those asked already) are taken
 * out last, so they change nothing about what others' cards show. Alike cards come together, in a new
 * random order each time.
 */
export interface FoundCard {
  card: Card<PoolDetail>;
  /** It shows what was asked; else its coarse values only allow it. */
  exact: boolean;
}

export function findCards(index: PoolIndex, q: PoolSearch, hidden: ReadonlySet<string>): FoundCard[] {
  const { exact, coarse } = matchCards(index.cards, q);
  let found: FoundCard[] = [
    ...exact.map((card) => ({ card, exact: true })),
    ...coarse.map((card) => ({ card, exact: false })),
  ];
  const words = q.words ?? [];
  if (words.length > 0) {
    found = found.filter(({ card }) => {
      const have = index.words.get(card.id) ?? [];
      return words.every((w) => have.some((h) => h.startsWith(w)));
    });
    if (found.length < index.k) return [];
  }
  // Groups in order (exact matches first), each group's cards shuffled.
  const groups = new Map<string, FoundCard[]>();
  for (const m of found) {
    if (hidden.has(m.card.id)) continue;
    const key = `${m.exact}${combination(m.card.shown, POOL_DETAILS)}`;
    const group = groups.get(key) ?? [];
    if (!groups.has(key)) groups.set(key, group);
    group.push(m);
  }
  for (const group of groups.values())
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [group[i], group[j]] = [group[j] as FoundCard, group[i] as FoundCard];
    }
  return [...groups.values()].flat();
}

export interface CardGroup {
  exact: boolean;
  shown: Card<PoolDetail>["shown"];
  cards: FoundCard[];
}

/** findCards' answer as its groups of alike cards, in order; each group's cards in random order. */
export function groupsOf(found: readonly FoundCard[]): CardGroup[] {
  const groups: CardGroup[] = [];
  let key = "";
  for (const m of found) {
    const next = `${m.exact}${combination(m.card.shown, POOL_DETAILS)}`;
    if (next !== key || !groups.length) groups.push({ exact: m.exact, shown: m.card.shown, cards: [] });
    key = next;
    groups.at(-1)?.cards.push(m);
  }
  return groups;
}
