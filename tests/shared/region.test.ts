import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../shared/errors.ts";
import { EVENT_KIND_IDS, TOWN_IDS } from "../../shared/ids.ts";
import { POSTCODES } from "../../shared/postcodes.ts";
import { decodeCursor, encodeCursor } from "../../shared/schemas/common.ts";
import { jobsQuerySchema } from "../../shared/schemas/jobs.ts";
import { EVENT_KINDS } from "../../shared/taxonomy.ts";
import { berlinDayStart, berlinOffsetMinutes, berlinParts, berlinToUtc } from "../../shared/time.ts";
import { distanceKm, TOWNS, townById, townsWithin } from "../../shared/towns.ts";

describe("towns", () => {
  it("has the twelve towns of the Hochsauerlandkreis", () => {
    expect(TOWNS.map((t) => t.name)).toEqual([
      "Arnsberg",
      "Bestwig",
      "Brilon",
      "Eslohe",
      "Hallenberg",
      "Marsberg",
      "Medebach",
      "Meschede",
      "Olsberg",
      "Schmallenberg",
      "Sundern",
      "Winterberg",
    ]);
  });

  it("lists exactly these towns and event kinds in the ids the widget loader checks", () => {
    expect(TOWNS.map((t) => t.id)).toEqual([...TOWN_IDS]);
    expect(Object.keys(EVENT_KINDS)).toEqual([...EVENT_KIND_IDS]);
  });

  it("knows each town's postcodes, and only postcodes of the twelve towns", () => {
    for (const town of TOWNS) expect(POSTCODES[town.postalCode], town.name).toBe(town.id);
    for (const [code, town] of Object.entries(POSTCODES)) {
      expect(code).toMatch(/^\d{5}$/);
      expect(TOWN_IDS).toContain(town);
    }
    // Every town is reached, and Arnsberg by all five of its codes.
    expect(new Set(Object.values(POSTCODES)).size).toBe(12);
    expect(Object.values(POSTCODES).filter((t) => t === "arnsberg")).toHaveLength(5);
  });

  it("measures distances and radii", () => {
    const meschede = townById("meschede");
    const brilon = townById("brilon");
    if (!meschede || !brilon) throw new Error("towns missing");
    expect(distanceKm(meschede, brilon)).toBeGreaterThan(19);
    expect(distanceKm(meschede, brilon)).toBeLessThan(22);
    expect(townsWithin(["meschede"], 0)).toEqual(["meschede"]);
    expect(townsWithin(["meschede"], 10)).toEqual(["bestwig", "meschede"]);
    expect(townsWithin(["winterberg", "marsberg"], 5)).toEqual(["marsberg", "winterberg"]);
    expect(townsWithin(["meschede"], 100)).toHaveLength(12);
  });
});

describe("Europe/Berlin time", () => {
  it("converts wall-clock times across daylight saving", () => {
    expect(berlinToUtc(2026, 12, 17, 19, 0).toISOString()).toBe("2026-12-17T18:00:00.000Z");
    expect(berlinToUtc(2027, 7, 15, 19, 0).toISOString()).toBe("2027-07-15T17:00:00.000Z");
    // The first hour of summer time 2027 (28 March).
    expect(berlinToUtc(2027, 3, 28, 3, 0).toISOString()).toBe("2027-03-28T01:00:00.000Z");
    expect(berlinOffsetMinutes(new Date("2027-10-31T00:30:00Z"))).toBe(120);
    expect(berlinOffsetMinutes(new Date("2027-10-31T01:30:00Z"))).toBe(60);
    expect(berlinParts(new Date("2026-12-31T23:30:00Z"))).toMatchObject({ year: 2027, month: 1, day: 1, hour: 0 });
    expect(berlinDayStart("2026-12-31", 1).toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });
});

describe("validation messages", () => {
  it("name fields without list positions, in German and English", () => {
    const result = jobsQuerySchema.safeParse({ town: "brilon,gotham", limit: "1000" }, { reportInput: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error.issues, "de")).toEqual({
      town: expect.stringMatching(/^Erlaubt sind: arnsberg, /),
      limit: "Der Wert muss höchstens 100 sein.",
    });
    expect(fieldErrors(result.error.issues, "en").limit).toBe("The value must be at most 100.");
  });
});

describe("cursors", () => {
  it("round-trip and reject garbage", () => {
    const cursor = { sort: "relevance", key: -6.917838210441691, id: 370 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ sort: "newest", key: "2026-11-24T10:00:00.000Z", id: 1 }))?.key).toBe(
      "2026-11-24T10:00:00.000Z",
    );
    for (const junk of ["", "!!!", btoa("[1,2]"), btoa('["newest",{},1]'), btoa('["newest","x",1.5]')]) {
      expect(decodeCursor(junk)).toBeUndefined();
    }
  });
});
