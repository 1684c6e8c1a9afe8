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
  /** Its combination of shown values (anonymity.ts combination): what a card reference names. */
  key: string;
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
  byKey: Map<string, PoolGroup>;
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
      group = { key, shown: card.shown, members: [] };
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
    byKey,
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
  /** Words every one of which must begin a word of the member's headline (shorter than 3 letters: ignored). */
  words?: readonly string[];
}

/** Search words as matched: at least three letters, each to begin a word of a headline. */
export const searchWords = (words: readonly string[] | undefined): string[] =>
  (words ?? []).filter((w) => w.length >= 3).map((w) => ` ${w}`);

/** A group as one search finds it. */
export interface FoundGroup {
  key: string;
  /** It shows what was asked; else its coarse values only allow it. */
  exact: boolean;
  shown: Shown;
  /** Its members that match the search, across the whole pool: always at least k. */
  members: string[];
  /** Of those, the ones this employer's request may reach (not blocked by them, not asked by them yet). */
  available: string[];
}

/** A group's members whose headline has every one of `words` (searchWords) at the start of a word. */
function withWords(index: PoolIndex, members: readonly string[], words: readonly string[]): string[] {
  if (!words.length) return [...members];
  // " sps" in " sps schaltschrankbau": a word that begins with what was asked.
  return members.filter((id) => {
    const have = index.words.get(id) ?? "";
    return words.every((w) => have.includes(w));
  });
}

/**
 * The groups an employer may see for a search, exact matches first. A search by words splits a group; the
 * part that matches is shown only if it has at least k members itself, so every group shown, with every
 * count, is true of at least k members. Counts are the whole pool's: members who blocked this employer or
 * were asked by it already count as before (a block must not show), they are only never picked to receive a
 * request (`available`).
 */
export function findCards(index: PoolIndex, q: PoolSearch, hidden: ReadonlySet<string>): FoundGroup[] {
  const words = searchWords(q.words);
  const exact: FoundGroup[] = [];
  const coarse: FoundGroup[] = [];
  for (const group of index.groups) {
    const m = matchShown(group.shown, q);
    if (m === "no") continue;
    const members = withWords(index, group.members, words);
    if (members.length < index.k) continue;
    const available = hidden.size ? members.filter((id) => !hidden.has(id)) : members;
    (m === "exact" ? exact : coarse).push({
      key: group.key,
      exact: m === "exact",
      shown: group.shown,
      members,
      available,
    });
  }
  return [...exact, ...coarse];
}

/**
 * The group a card reference names (its combination and the search's words), as it is now: null if it is
 * no longer shown that way (below k, or gone), so a reference follows no one person.
 */
export function groupFor(
  index: PoolIndex,
  key: string,
  words: readonly string[],
  hidden: ReadonlySet<string>,
): FoundGroup | null {
  const group = index.byKey.get(key);
  if (!group) return null;
  const members = withWords(index, group.members, searchWords(words));
  if (members.length < index.k) return null;
  return { key, exact: true, shown: group.shown, members, available: members.filter((id) => !hidden.has(id)) };
}

/** One member a request may reach, at random: whom "ask one of these" reaches. */
export const anyAvailable = (g: FoundGroup): string | null =>
  g.available[Math.floor(Math.random() * g.available.length)] ?? null;

/** How many cards a search found. */
export const cardCount = (found: readonly FoundGroup[]): number => found.reduce((n, g) => n + g.members.length, 0);
