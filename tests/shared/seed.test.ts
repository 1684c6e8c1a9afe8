// The demo data generator (worker/seed) is plain TypeScript: tested here in Node.
import { describe, expect, it } from "vitest";
import { berlinParts } from "../../shared/time.ts";
import { TOWNS } from "../../shared/towns.ts";
import { generateRegion } from "../../worker/seed/generate.ts";
import { regionSql } from "../../worker/src/db/rows.ts";

const today = new Date("2026-11-24T09:00:00Z");

describe("generateRegion", () => {
  const region = generateRegion({ jobs: 600, today });

  it("is deterministic", () => {
    expect(generateRegion({ jobs: 600, today })).toEqual(region);
  });

  it("has enough fictional employers in every town, and realistic jobs", () => {
    expect(region.employers.length).toBeGreaterThanOrEqual(60);
    expect(new Set(region.employers.map((e) => e.town_id)).size).toBe(12);
    expect(new Set(region.employers.map((e) => e.id)).size).toBe(region.employers.length);
    // Fictional: every website lives under the reserved .example domain.
    for (const e of region.employers) expect(e.website).toMatch(/^https:\/\/www\.[a-z0-9-]+\.example$/);
    expect(region.jobs.length).toBe(600);
    expect(new Set(region.jobs.map((j) => j.category)).size).toBe(12);
    expect(region.jobs.some((j) => /\*in|:in|\/-in|\(m\/w\/d\)/.test(j.title))).toBe(true);
    const open = region.jobs.filter((j) => j.valid_through > today.toISOString());
    expect(open.length).toBeGreaterThan(500);
    expect(open.length).toBeLessThan(600);
  });

  it("plans a Stammtisch every third Thursday at 19:00 in most towns, and ≥ 40 upcoming events", () => {
    // Bestwig and Hallenberg have none; Brilon's comes from the town's calendar the demo imports.
    const upcoming = region.events.filter((e) => e.starts_at > today.toISOString());
    expect(upcoming.length).toBeGreaterThanOrEqual(40);
    const stammtische = upcoming.filter((e) => e.kind === "stammtisch");
    const towns = new Set(stammtische.map((e) => e.town_id));
    expect(towns.size).toBe(TOWNS.length - 3);
    for (const none of ["bestwig", "hallenberg", "brilon"]) expect(towns.has(none), none).toBe(false);
    for (const e of stammtische) {
      const p = berlinParts(new Date(e.starts_at));
      expect([p.weekday, p.hour, p.day >= 15 && p.day <= 21]).toEqual([4, 19, true]);
    }
    expect(new Set(upcoming.map((e) => e.kind)).size).toBe(6);
  });

  it("gives a place one address, and each town's Stammtisch one place", () => {
    const addresses = new Map<string, Set<string>>();
    for (const e of region.events) {
      const key = `${e.town_id} ${e.venue}`;
      addresses.set(key, (addresses.get(key) ?? new Set()).add(e.address ?? ""));
    }
    for (const [place, seen] of addresses) expect([place, seen.size]).toEqual([place, 1]);
    const places = new Map<string, Set<string>>();
    for (const e of region.events.filter((x) => x.kind === "stammtisch"))
      places.set(e.town_id, (places.get(e.town_id) ?? new Set()).add(e.venue ?? ""));
    for (const [town, seen] of places) expect([town, seen.size]).toEqual([town, 1]);
  });

  it("scales to the benchmark's sizes and writes SQL statements below D1's 100 KB limit", () => {
    const big = generateRegion({ jobs: 50_000, today });
    expect(big.jobs).toHaveLength(50_000);
    const sql = regionSql({ employers: big.employers, jobs: big.jobs.slice(0, 5_000) });
    for (const statement of sql.split(";\n")) expect(new TextEncoder().encode(statement).length).toBeLessThan(100_000);
  });
});
