// Searching the pool's cards: what employers will be able to ask, answered from what cards show only, so
// that any search, and any sequence of them, finds none or at least k cards.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anonymize, combination } from "../../worker/src/pool/anonymity.ts";
import {
  POOL_DETAILS,
  POOL_PLAN,
  type PoolDetail,
  type PoolProfile,
  toPoolMember,
} from "../../worker/src/pool/cards.ts";
import { ownCard, ownCardFromIndex } from "../../worker/src/pool/own-card.ts";
import { buildPoolIndex, cardCount, findCards, type PoolSearch } from "../../worker/src/pool/pool-index.ts";
import { type PoolQuery, searchCards } from "../../worker/src/pool/search.ts";

const ALL = new Set<PoolDetail>(POOL_DETAILS);
const OCCUPATIONS: Record<string, string[]> = {
  engineering: ["Mechatroniker", "Elektroniker"],
  crafts: ["Tischler", "Bäcker"],
  health: ["Pflegefachkraft", "Physiotherapeut"],
};

const profile = fc
  .record({
    field: fc.constantFrom(...Object.keys(OCCUPATIONS)),
    job: fc.integer({ min: 0, max: 1 }),
    towns: fc.subarray(["brilon", "meschede", "olsberg", "winterberg"], { maxLength: 2 }),
    month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    qualification: fc.option(fc.constantFrom("apprenticeship", "master", "bachelor"), { nil: null }),
    languages: fc.subarray(["deutsch", "englisch", "polnisch"]),
    hides: fc.subarray([...POOL_DETAILS], { maxLength: 2 }),
  })
  .map((r) => r);

type Raw = typeof profile extends fc.Arbitrary<infer T> ? T : never;
const toMember = (r: Raw, i: number) =>
  toPoolMember(
    {
      id: `m${i}`,
      field: r.field,
      occupation: OCCUPATIONS[r.field]?.[r.job] ?? null,
      qualification: r.qualification,
      towns: r.towns,
      earliest_return: r.month === null ? "open" : `2027-${String(r.month).padStart(2, "0")}`,
      languages: r.languages,
    } satisfies PoolProfile,
    new Set([...ALL].filter((d) => !r.hides.includes(d))),
  );

const query: fc.Arbitrary<PoolQuery> = fc.record(
  {
    fields: fc.subarray(Object.keys(OCCUPATIONS), { minLength: 1 }),
    occupations: fc.subarray(["mechatroniker", "elektroniker", "tischler", "backer", "pflegefachkraft"], {
      minLength: 1,
    }),
    qualifications: fc.subarray(["apprenticeship", "master", "bachelor"], { minLength: 1 }),
    towns: fc.subarray(["brilon", "meschede", "olsberg", "winterberg"], { minLength: 1 }),
    back_by: fc.integer({ min: 1, max: 12 }).map((m) => `2027-${String(m).padStart(2, "0")}`),
    languages: fc.subarray(["deutsch", "englisch", "polnisch"], { minLength: 1 }),
  },
  { requiredKeys: [] },
);

const WORDS = ["sps", "schaltschrank", "wartung", "pflege", "leitung", "cad"];
const row = (r: Raw, i: number, words: string[]) => ({
  id: `m${i}`,
  headline: words.join(" "),
  changed_at: "2026-12-01T00:00:00.000Z",
  field: r.field,
  occupation: OCCUPATIONS[r.field]?.[r.job] ?? null,
  qualification: r.qualification,
  towns: JSON.stringify(r.towns),
  earliest_return: r.month === null ? "open" : `2027-${String(r.month).padStart(2, "0")}`,
  languages: JSON.stringify(r.languages),
  details: JSON.stringify(POOL_DETAILS.filter((d) => !r.hides.includes(d))),
});

describe("searching the pool", () => {
  it("answers any sequence of searches with none or at least k cards", () => {
    fc.assert(
      fc.property(
        fc.array(profile, { maxLength: 150 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(query, { minLength: 1, maxLength: 10 }),
        (raw, k, queries) => {
          const cards = anonymize(raw.map(toMember), POOL_PLAN, k);
          for (const q of queries) {
            const n = searchCards(cards, q).length;
            expect(n === 0 || n >= k, `${n} cards for ${JSON.stringify(q)}`).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("with words of people's own lines too, shows only groups of at least k, whoever is hidden", () => {
    const search: fc.Arbitrary<PoolSearch> = fc
      .tuple(query, fc.subarray(WORDS, { maxLength: 2 }))
      .map(([q, words]) => ({ ...q, words: words.map((w) => w.slice(0, 3)) }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(profile, fc.subarray(WORDS, { maxLength: 3 })), { maxLength: 150 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.tuple(search, fc.array(fc.nat(150), { maxLength: 10 })), { minLength: 1, maxLength: 10 }),
        (raw, k, searches) => {
          const index = buildPoolIndex(
            raw.map(([r, words], i) => row(r, i, words)),
            k,
            1,
          );
          const size = new Map<string, number>();
          for (const group of index.groups) size.set(combination(group.shown, POOL_DETAILS), group.members.length);
          for (const [q, hide] of searches) {
            const open = findCards(index, q, new Set());
            const hidden = new Set(hide.map((i) => `m${i}`));
            const seen = findCards(index, q, hidden);
            // Every group shown, and the part of it a search by words shows, is at least k members.
            for (const group of seen) {
              expect(
                group.members.length,
                `a group of ${group.members.length} for ${JSON.stringify(q)}`,
              ).toBeGreaterThanOrEqual(k);
              expect(size.get(combination(group.shown, POOL_DETAILS)) ?? 0).toBeGreaterThanOrEqual(k);
              expect(group.available.every((id) => group.members.includes(id) && !hidden.has(id))).toBe(true);
            }
            // Who is hidden from an employer (blocks, asked already) changes nothing it is shown.
            expect(seen.map((g) => [g.key, g.members.length])).toEqual(open.map((g) => [g.key, g.members.length]));
            const all = cardCount(open);
            expect(all === 0 || all >= k).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("shows a member the same card from the cached index as computed over the whole pool", () => {
    fc.assert(
      fc.property(fc.array(profile, { minLength: 1, maxLength: 80 }), fc.integer({ min: 2, max: 5 }), (raw, k) => {
        const rows = raw.map((r, i) => row(r, i, []));
        const index = buildPoolIndex(rows, k, 1);
        for (const me of rows) {
          const fromIndex = ownCardFromIndex(index, me.id);
          const full = ownCard(rows, me, k);
          if (fromIndex) expect(fromIndex).toEqual(full);
          else expect(full.shown).toBeNull();
        }
      }),
      { numRuns: 100 },
    );
  });

  it("matches exactly first, then what a coarse card may be, and never what it cannot be", () => {
    const card = (id: string, shown: Partial<Record<PoolDetail, string | null>>) => ({
      id,
      step: 0,
      shown: { occupation: null, towns: null, back: null, qualification: null, languages: null, ...shown },
    });
    const cards = [
      card("district", { occupation: "engineering", towns: "hochsauerlandkreis", back: "2027-H1" }),
      card("exact", {
        occupation: "engineering:mechatroniker",
        towns: "brilon,olsberg",
        back: "2027-03",
        languages: "deutsch,englisch",
      }),
      card("other", { occupation: "crafts:tischler", towns: "brilon", back: "2027-02" }),
      card("late", { occupation: "engineering:mechatroniker", towns: "brilon", back: "2028-01" }),
    ];
    const ids = (q: PoolQuery) => searchCards(cards, q).map((c) => c.id);
    expect(ids({ occupations: ["mechatroniker"], towns: ["brilon"], back_by: "2027-06" })).toEqual([
      "exact",
      "district",
    ]);
    expect(ids({ fields: ["engineering"] })).toEqual(["district", "exact", "late"]);
    expect(ids({ fields: ["crafts"], occupations: ["mechatroniker"] })).toEqual([]);
    expect(ids({ languages: ["deutsch", "englisch"] })).toEqual(["exact", "district", "other", "late"]);
    expect(ids({ languages: ["polnisch"] })).toEqual(["district", "other", "late"]);
    expect(ids({ back_by: "2027-04" })).toEqual(["exact", "other", "district"]);
  });
});
