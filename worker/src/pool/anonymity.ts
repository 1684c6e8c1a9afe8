/**
 * k-anonymity for the applicant pool's cards. In a rural district a rare occupation, a village and a
 * return month can single a person out, so a card shows a combination of details only when at least k
 * pool members share it; otherwise its details are coarsened step by step (occupation → field, return
 * month → half-year, towns → "Hochsauerlandkreis" …) until they do, or the card is not shown at all.
 *
 * The steps are one fixed plan for everyone, from most specific to coarsest. At each step the members not
 * yet placed are grouped by what their card would show at that step, and every group of at least k is
 * placed there. Because a group is only ever placed whole, every combination that is shown is shown for at
 * least k members who all truly have it; two groups placed at different steps may show the same thing, which
 * only makes that combination more common. And since whatever an employer can filter on is what the cards
 * show, any search answers either nothing or whole groups: at least k cards (see `safeCount` for counts).
 *
 * Who is in `members` matters: the active pool, everyone who may be shown (pool-index.ts). Those hidden from
 * one employer (who blocked it, or were asked by it) are not left out here but only when a request picks whom
 * it reaches, so that one employer's view of the groups is everyone's and shows no block.
 */

/** One detail of a member, from most specific to coarsest; `null` shows nothing. */
export type Ladder = readonly (string | null)[];

export interface Member<D extends string> {
  id: string;
  /** Each detail's ladder. A detail the member chose not to show is `[null]`. */
  details: Readonly<Record<D, Ladder>>;
}

/** One step of the plan: how far down each detail's ladder a card is shown (past the end: its last rung). */
export type Step<D extends string> = Readonly<Record<D, number>>;

export interface Card<D extends string> {
  id: string;
  /** The plan's step it is shown at. */
  step: number;
  shown: Record<D, string | null>;
}

function shownAt<D extends string>(member: Member<D>, step: Step<D>, names: readonly D[]) {
  const shown = {} as Record<D, string | null>;
  for (const name of names) {
    const ladder = member.details[name];
    shown[name] = ladder[Math.min(step[name], ladder.length - 1)] ?? null;
  }
  return shown;
}

/**
 * A combination as one string, for grouping: the values in the order of `names`, each after a unit
 * separator (which no value holds), a detail not shown as the separator alone with a null mark.
 */
export function combination<D extends string>(shown: Readonly<Record<D, string | null>>, names: readonly D[]): string {
  let key = "";
  for (const name of names) {
    const value = shown[name];
    key += value === null ? "\u001f\u0000" : `\u001f${value}`;
  }
  return key;
}

/**
 * The cards that may be shown: each member placed at the first step of `plan` where at least `k` of the
 * members not yet placed would show the same combination. Members never placed are left out.
 */
export function anonymize<D extends string>(
  members: readonly Member<D>[],
  plan: readonly Step<D>[],
  k: number,
): Card<D>[] {
  const names = Object.keys(plan[0] ?? {}) as D[];
  const cards: Card<D>[] = [];
  let left = members;
  for (let step = 0; step < plan.length && left.length >= k; step++) {
    const groups = new Map<string, { shown: Record<D, string | null>; ids: string[] }>();
    for (const member of left) {
      const shown = shownAt(member, plan[step] as Step<D>, names);
      const key = combination(shown, names);
      const group = groups.get(key);
      if (group) group.ids.push(member.id);
      else groups.set(key, { shown, ids: [member.id] });
    }
    const placed = new Set<string>();
    for (const { shown, ids } of groups.values()) {
      if (ids.length < k) continue;
      for (const id of ids) {
        cards.push({ id, step, shown: { ...shown } });
        placed.add(id);
      }
    }
    left = left.filter((m) => !placed.has(m.id));
  }
  return cards;
}

/**
 * A count as it may be told: 0, or at least k. Below k, say "fewer than k" (`exact: false`) rather than a
 * number that, compared with another search's, would single someone out.
 */
export function safeCount(n: number, k: number): { n: number; exact: boolean } {
  return n === 0 || n >= k ? { n, exact: true } : { n: k, exact: false };
}
