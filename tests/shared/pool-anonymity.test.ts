// The pool's k-anonymity, as a property: on any pool and any plan, every combination a card shows is shown
// for at least k members who truly have it, and any search over what cards show finds none or at least k.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anonymize,
  type Card,
  combination,
  type Member,
  type Step,
  safeCount,
} from "../../worker/src/pool/anonymity.ts";

type D = "occupation" | "towns" | "back" | "qualification";
const NAMES: readonly D[] = ["occupation", "towns", "back", "qualification"];

// The pool's own plan, in kind: occupation → field, month → half-year, towns → district, then less shown.
const PLAN: Step<D>[] = [
  { occupation: 0, towns: 0, back: 0, qualification: 0 },
  { occupation: 1, towns: 0, back: 0, qualification: 0 },
  { occupation: 1, towns: 0, back: 1, qualification: 0 },
  { occupation: 1, towns: 1, back: 1, qualification: 0 },
  { occupation: 1, towns: 1, back: 2, qualification: 1 },
  { occupation: 2, towns: 1, back: 2, qualification: 1 },
];

// Small value sets, so that groups of all sizes occur.
const member = fc.record({
  field: fc.constantFrom("it", "crafts", "health"),
  job: fc.integer({ min: 0, max: 3 }),
  town: fc.constantFrom("brilon", "meschede", "olsberg", "winterberg"),
  month: fc.integer({ min: 1, max: 12 }),
  qualification: fc.option(fc.constantFrom("apprenticeship", "master", "degree"), { nil: null }),
  hidesTowns: fc.boolean(),
});

type Raw = typeof member extends fc.Arbitrary<infer T> ? T : never;

function toMember(m: Raw, i: number): Member<D> {
  return {
    id: `m${i}`,
    details: {
      occupation: [`${m.field}:${m.job}`, m.field, null],
      towns: m.hidesTowns ? [null] : [m.town, "hochsauerlandkreis"],
      back: [`2027-${String(m.month).padStart(2, "0")}`, m.month <= 6 ? "2027-H1" : "2027-H2", null],
      qualification: m.qualification === null ? [null] : [m.qualification, null],
    },
  };
}

const shownCounts = (cards: Card<D>[]) => {
  const counts = new Map<string, number>();
  for (const c of cards) {
    const key = combination(c.shown, NAMES);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

describe("the pool's k-anonymity", () => {
  it("shows every combination for at least k members who all have it, or not at all", () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 120 }), fc.integer({ min: 2, max: 7 }), (raw, k) => {
        const members = raw.map(toMember);
        const cards = anonymize(members, PLAN, k);
        // Each member at most once.
        expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
        for (const count of shownCounts(cards).values()) expect(count).toBeGreaterThanOrEqual(k);
        // What a card shows is true of its member at that step (coarsened, never changed).
        const byId = new Map(members.map((m) => [m.id, m]));
        for (const card of cards) {
          const m = byId.get(card.id) as Member<D>;
          for (const name of NAMES) {
            const ladder = m.details[name];
            expect(card.shown[name]).toBe(ladder[Math.min((PLAN[card.step] as Step<D>)[name], ladder.length - 1)]);
          }
        }
        // With k or more members, the coarsest step places everyone left once they are k.
        if (members.length < k) expect(cards).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("answers any sequence of searches over what cards show with none or at least k cards", () => {
    const search = fc.record({
      occupation: fc.option(fc.constantFrom("it", "crafts", "health", "it:0", "crafts:1", "health:2"), {
        nil: undefined,
      }),
      towns: fc.option(fc.constantFrom("brilon", "meschede", "hochsauerlandkreis"), { nil: undefined }),
      back: fc.option(fc.constantFrom("2027-H1", "2027-H2", "2027-03", "2027-11"), { nil: undefined }),
      qualification: fc.option(fc.constantFrom("apprenticeship", "master", "degree"), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 120 }),
        fc.integer({ min: 2, max: 7 }),
        fc.array(search, { minLength: 1, maxLength: 8 }),
        (raw, k, searches) => {
          const cards = anonymize(raw.map(toMember), PLAN, k);
          for (const s of searches) {
            // A search matches a shown detail itself, or the field a shown occupation belongs to.
            const hits = cards.filter((c) =>
              NAMES.every((name) => {
                const want = s[name];
                if (want === undefined) return true;
                const shown = c.shown[name];
                return shown === want || (name === "occupation" && shown?.split(":")[0] === want);
              }),
            );
            expect(hits.length === 0 || hits.length >= k).toBe(true);
            expect(safeCount(hits.length, k).exact).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("coarsens a rare detail instead of hiding the person, and hides those who stay rare", () => {
    const five = Array.from(
      { length: 5 },
      (_, i): Member<D> => ({
        id: `crafts${i}`,
        details: {
          occupation: [i === 0 ? "crafts:rare" : "crafts:0", "crafts", null],
          towns: ["brilon", "hochsauerlandkreis"],
          back: ["2027-03", "2027-H1", null],
          qualification: [null],
        },
      }),
    );
    const cards = anonymize(five, PLAN, 5);
    // Four share an occupation, one is rare: all five are shown by their field, none by the occupation.
    expect(cards.map((c) => c.shown.occupation)).toEqual(["crafts", "crafts", "crafts", "crafts", "crafts"]);
    expect(anonymize(five.slice(0, 4), PLAN, 5)).toEqual([]);
    expect(safeCount(3, 5)).toEqual({ n: 5, exact: false });
  });
});
