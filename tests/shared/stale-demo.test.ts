// `npm start` keeps a local D1 it finds (what a developer did there stays) and says when its demo data are
// from an older demo or from weeks ago, with the command that makes them anew.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoVersion, seedNote, staleDemo } from "../../scripts/local-db.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hv-demo-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const note = async (seeded_at: string, version: string) =>
  writeFile(seedNote(dir), JSON.stringify({ seeded_at, version }));

describe("the local demo data's age", () => {
  const now = new Date("2026-12-04T12:00:00Z");

  it("is fine when seeded by this version of the demo in the last two weeks", async () => {
    await note("2026-11-25T09:00:00.000Z", await demoVersion());
    expect(await staleDemo(dir, now)).toBeNull();
  });

  it("says so when another version of the demo seeded them, or nothing noted it", async () => {
    expect(await staleDemo(dir, now)).toBe("were made by an earlier version of the demo");
    await note("2026-12-03T09:00:00.000Z", "0000000000000000");
    expect(await staleDemo(dir, now)).toBe("were made by an earlier version of the demo");
  });

  it("says how old they are from two weeks on", async () => {
    await note("2026-11-01T09:00:00.000Z", await demoVersion());
    expect(await staleDemo(dir, now)).toBe("are from 2026-11-01 (33 days ago)");
  });
});
