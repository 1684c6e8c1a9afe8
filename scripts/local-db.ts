// The local D1 that `npm start` and the benchmark use: migrations, an emptiness check, the demo seed.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { consentVersion, poolConsentVersion } from "../shared/consent.ts";
import { demoSeriesSql } from "../worker/seed/console-events.ts";
import { generateRegion } from "../worker/seed/generate.ts";
import { demoForwardsSql, demoPeople, employerContactsSql, peopleSql } from "../worker/seed/people.ts";
import { demoPoolSql } from "../worker/seed/pool.ts";
import { regionSql } from "../worker/src/db/rows.ts";
import { FEED_EMPLOYERS } from "../worker/src/dev/feeds.ts";
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
  const at = today.toISOString();
  // The employers of the demo's import feeds (worker/src/dev/feeds.ts), whose jobs come by import.
  region.employers.push(...FEED_EMPLOYERS.map((e) => ({ ...e, website: null, created_at: at })));
  const file = path.join(ROOT, ".wrangler", "tmp", `seed-${jobs}.sql`);
  await mkdir(path.dirname(file), { recursive: true });
  // The seeded region is a source too: every job and event knows it came from the demo.
  const asSource = `INSERT INTO sources (id, kind, name, url, state, created_at) VALUES ('demo', 'demo', 'Demo-Region (fiktiv)', NULL, 'healthy', '${at}');
UPDATE jobs SET source_id = 'demo', source_key = CAST(id AS TEXT), first_seen_at = posted_at, last_seen_at = '${at}' WHERE source_id IS NULL;
UPDATE events SET source_id = 'demo', source_key = CAST(id AS TEXT), first_seen_at = '${at}', last_seen_at = '${at}' WHERE source_id IS NULL;
`;
  // Fictional people who signed up, for the console (worker/seed/people.ts).
  // Then the team's forwards of their Steckbriefe, step by step, so the outcome counts follow each step;
  // and the applicant pool's demo members and employer account (worker/seed/pool.ts).
  const demo = demoPeople(48, today, await consentVersion("de"));
  await writeFile(
    file,
    `${regionSql(region)}${asSource}${peopleSql(demo)}${employerContactsSql(24)}${demoForwardsSql(demo, today)}${demoSeriesSql(today)}${demoPoolSql(today, await consentVersion("de"), await poolConsentVersion("de"))}`,
  );
  await runWrangler(["d1", "execute", "DB", ...base(persistTo), "--yes", "--file", file], { quiet: true });
  await writeFile(seedNote(persistTo), `${JSON.stringify({ seeded_at: at, version: await demoVersion() })}\n`);
  return { employers: region.employers.length, jobs: region.jobs.length, events: region.events.length };
}

/** Where `seed` notes when and from which version of the demo data the local D1 was seeded. */
export const seedNote = (persistTo: string) => path.join(persistTo, "demo-seed.json");

/** The demo data's version: a hash of the code that makes them (the seed and the demo's import feeds). */
export async function demoVersion(): Promise<string> {
  const dir = path.join(ROOT, "worker", "seed");
  const files = [
    ...(await readdir(dir)).sort().map((f) => path.join(dir, f)),
    path.join(ROOT, "worker", "src", "dev", "feeds.ts"),
  ];
  const hash = createHash("sha256");
  for (const file of files) hash.update(await readFile(file));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Why the local D1's demo data might want making anew, or null: `npm start` seeds only an empty D1 (it keeps
 * what a developer did there), so data from an older demo, or from weeks ago, stay until `npm run seed`.
 */
export async function staleDemo(persistTo = DEFAULT_PERSIST, now = new Date()): Promise<string | null> {
  const note = await readFile(seedNote(persistTo), "utf8").then(
    (text) => JSON.parse(text) as { seeded_at: string; version: string },
    () => null,
  );
  if (!note || note.version !== (await demoVersion())) return "were made by an earlier version of the demo";
  const days = Math.floor((now.getTime() - Date.parse(note.seeded_at)) / 86_400_000);
  return days >= 14 ? `are from ${note.seeded_at.slice(0, 10)} (${days} days ago)` : null;
}
