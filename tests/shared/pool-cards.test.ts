// Pool cards from real profile data: only coarse, listed values, and a rare occupation in a village-sized
// pool shown by its field until enough share it.
import { describe, expect, it } from "vitest";
import { anonymize } from "../../worker/src/pool/anonymity.ts";
import {
  DISTRICT,
  POOL_DETAILS,
  POOL_PLAN,
  type PoolDetail,
  type PoolProfile,
  poolK,
  toPoolMember,
} from "../../worker/src/pool/cards.ts";

const ALL = new Set<PoolDetail>(POOL_DETAILS);
const profile = (id: string, over: Partial<PoolProfile> = {}): PoolProfile => ({
  id,
  field: "engineering",
  occupation: "Mechatronikerin (m/w/d)",
  qualification: "apprenticeship",
  towns: ["meschede", "bestwig"],
  earliest_return: "2027-03",
  languages: ["Deutsch", " englisch "],
  ...over,
});

describe("pool cards", () => {
  it("turns a profile into coarse ladders, never the words typed", () => {
    const m = toPoolMember(profile("a"), ALL);
    expect(m.details).toEqual({
      occupation: ["engineering:mechatroniker", "engineering", null],
      towns: ["bestwig,meschede", DISTRICT],
      back: ["2027-03", "2027-H1", null],
      qualification: ["apprenticeship", null],
      languages: ["deutsch,englisch", null],
    });
    // What the member chose not to show, shows nothing at any step.
    const some = toPoolMember(profile("b"), new Set<PoolDetail>(["occupation", "back"]));
    expect(some.details.towns).toEqual([null]);
    expect(some.details.languages).toEqual([null]);
    expect(toPoolMember(profile("c", { earliest_return: "open", field: null }), ALL).details).toMatchObject({
      back: ["open", "open", null],
      occupation: [null],
    });
  });

  it("shows five mechatronics people by occupation, and the sixth, a rare baker, by its field only with enough others", () => {
    const same = (i: number) => profile(`m${i}`);
    const baker = profile("baker", { field: "crafts", occupation: "Bäcker" });
    const crafts = (i: number) => profile(`c${i}`, { field: "crafts", occupation: "Tischler" });
    const members = [...[0, 1, 2, 3, 4].map(same), baker, ...[0, 1, 2, 3].map(crafts)].map((p) => toPoolMember(p, ALL));
    const cards = anonymize(members, POOL_PLAN, 5);
    const byId = new Map(cards.map((c) => [c.id, c]));
    expect(byId.get("m0")?.shown.occupation).toBe("engineering:mechatroniker");
    expect(byId.get("m0")?.step).toBe(0);
    // Four Tischler and one Bäcker: five in crafts, shown by the field.
    expect(byId.get("baker")?.shown.occupation).toBe("crafts");
    expect(byId.get("c0")?.shown.occupation).toBe("crafts");
    // Without the baker the four carpenters stay four at every step: once the mechatronics five are shown,
    // no combination of theirs is shared by five, so they are not shown (rather than shown nearly alone).
    const without = anonymize(
      members.filter((m) => m.id !== "baker"),
      POOL_PLAN,
      5,
    );
    expect(without.map((c) => c.id).sort()).toEqual(["m0", "m1", "m2", "m3", "m4"]);
  });

  it("takes k from the deployment, at least 2", () => {
    expect(poolK(undefined)).toBe(5);
    expect(poolK("8")).toBe(8);
    expect(poolK("1")).toBe(5);
    expect(poolK("abc")).toBe(5);
  });
});
