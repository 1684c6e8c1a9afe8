/**
 * The pool as employers search it: every active member's card, anonymized once per version of the pool
 * (db/pool.ts, kept by 0021's triggers) and cached in the isolate as groups of alike cards, so a search
 * costs one read of the version and a pass over the groups. Pausing, leaving or any change to what a card
 * shows changes the version, so the next search already goes without it.
 */
import { activePoolSnapshot, type PoolProfileRow, poolVersion } from "../db/pool.ts";
import { anonymize, type Card, combination } from "./anonymity.ts";
import { POOL_DETAILS, POOL_PLAN, type PoolDetail } from "./cards.ts";
import { memberOf } from "./own-card.ts";
import { matchShown, type PoolQuery } from "./search.ts";

type Shown = Card<PoolDetail>["shown"];

/** Cards that show the same: for an employer, one card many times over. */
export interface PoolGroup {
  shown: Shown;
  members: string[];
}

export interface PoolIndex {
  version: number;
  k: number;
  /** Every group has at least k members (anonymity.ts). */
  groups: PoolGroup[];
  /** Per member, the words of their headline, lower-case, each after a space (" sps schaltschrankbau"). */
  words: Map<string, string>;
  /** Per member, when their card last changed. */
  changed: Map<string, string>;
  /** Per member shown, their group. */
  groupOf: Map<string, PoolGroup>;
}

/** The words of a text, lower-case, letters and digits only. */
export const wordsOf = (text: string | null | undefined): string[] =>
  (text ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function buildPoolIndex(rows: readonly PoolProfileRow[], k: number, version: number): PoolIndex {
  const byKey = new Map<string, PoolGroup>();
  const groupOf = new Map<string, PoolGroup>();
  for (const card of anonymize(rows.map(memberOf), POOL_PLAN, k)) {
    const key = combination(card.shown, POOL_DETAILS);
    let group = byKey.get(key);
    if (!group) {
      group = { shown: card.shown, members: [] };
      byKey.set(key, group);
    }
    group.members.push(card.id);
    groupOf.set(card.id, group);
  }
  return {
    version,
    k,
    groups: [...byKey.values()],
    words: new Map(
      rows.map((r) => [
        r.id,
        wordsOf(r.headline)
          .map((w) => ` ${w}`)
          .join(""),
      ]),
    ),
    changed: new Map(rows.map((r) => [r.id, r.changed_at])),
    groupOf,
  };
}

let cached: PoolIndex | null = null;

/** The index for the pool's current version (read now, or as the caller just read it). */
export async function poolIndex(db: D1Database, k: number, version?: number): Promise<PoolIndex> {
  if (cached?.k === k && cached.version === (version ?? (await poolVersion(db)))) return cached;
  const snapshot = await activePoolSnapshot(db);
  cached = buildPoolIndex(snapshot.rows, k, snapshot.version);
  return cached;
}

export interface PoolSearch extends PoolQuery {
  /** Words every one of which must begin a word of the member's headline. */
  words?: readonly string[];
}

/** A group as one search finds it: whether it shows what was asked, and its members this employer may see. */
export interface FoundGroup {
  exact: boolean;
  shown: Shown;
  members: string[];
}

/**
 * The groups an employer may see for a search, exact matches first. A headline search splits groups, so
 * its matches must themselves number at least k across the pool, else it shows nothing (and says no more
 * than a search that found nothing). Members hidden from this employer (blocks, those asked already) are
 * taken out last, so they change nothing about what others' cards show.
 */
export function findCards(index: PoolIndex, q: PoolSearch, hidden: ReadonlySet<string>): FoundGroup[] {
  const words = (q.words ?? []).map((w) => ` ${w}`);
  const exact: FoundGroup[] = [];
  const coarse: FoundGroup[] = [];
  let matched = 0;
  for (const group of index.groups) {
    const m = matchShown(group.shown, q);
    if (m === "no") continue;
    const members = words.length
      ? group.members.filter((id) => {
          // " sps" in " sps schaltschrankbau": a word that begins with what was asked.
          const have = index.words.get(id) ?? "";
          return words.every((w) => have.includes(w));
        })
      : group.members;
    if (!members.length) continue;
    matched += members.length;
    (m === "exact" ? exact : coarse).push({ exact: m === "exact", shown: group.shown, members });
  }
  if (words.length > 0 && matched < index.k) return [];
  const found = [...exact, ...coarse];
  if (!hidden.size) return found;
  return found
    .map((g) => ({ ...g, members: g.members.filter((id) => !hidden.has(id)) }))
    .filter((g) => g.members.length > 0);
}

/** Whether a member's card is shown to this employer now (in the pool, active, not hidden from it). */
export function shownTo(index: PoolIndex, id: string, hidden: ReadonlySet<string>): Shown | null {
  return hidden.has(id) ? null : (index.groupOf.get(id)?.shown ?? null);
}

/** One member of a group, at random: whom "ask one of these" reaches. */
export const anyMember = (g: FoundGroup): string => g.members[Math.floor(Math.random() * g.members.length)] ?? "";

/** How many cards a search found. */
export const cardCount = (found: readonly FoundGroup[]): number => found.reduce((n, g) => n + g.members.length, 0);
