// The local D1 that `npm start` and the benchmark use: migrations, an emptiness check, the demo seed.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateRegion } from "../worker/seed/generate.ts";
import { regionSql } from "../worker/src/db/rows.ts";
import { ROOT, runWrangler, WRANGLER_CONFIG } from "./wrangler.ts";

export const DEFAULT_PERSIST = path.join(ROOT, ".wrangler", "state");
export const DEMO_JOBS = 600;

const base = (persistTo: string) => ["--local", "--config", WRANGLER_CONFIG, "--persist-to", persistTo];

export async function applyMigrations(persistTo = DEFAULT_PERSIST): Promise<void> {
  await runWrangler(["d1", "migrations", "apply", "DB", ...base(persistTo)], { quiet: true });
}

export async function countJobs(persistTo = DEFAULT_PERSIST): Promise<number> {
  const out = await runWrangler(
    ["d1", "execute", "DB", ...base(persistTo), "--json", "--command", "SELECT count(*) AS n FROM jobs"],
    { quiet: true },
  );
  const [result] = JSON.parse(out) as [{ results: [{ n: number }] }];
  return result.results[0].n;
}

/** Writes the demo region for `today` as SQL and loads it; returns what was loaded. */
export async function seed(jobs: number, persistTo = DEFAULT_PERSIST, today = new Date()) {
  const region = generateRegion({ jobs, today });
  const file = path.join(ROOT, ".wrangler", "tmp", `seed-${jobs}.sql`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, regionSql(region));
  await runWrangler(["d1", "execute", "DB", ...base(persistTo), "--yes", "--file", file], { quiet: true });
  return { employers: region.employers.length, jobs: region.jobs.length, events: region.events.length };
}
