// `npm run seed [-- --jobs N] [--persist-to DIR]`: (re)creates the local D1's demo data from scratch.
import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { applyMigrations, DEFAULT_PERSIST, DEMO_JOBS, seed } from "./local-db.ts";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: String(DEMO_JOBS) },
    "persist-to": { type: "string", default: DEFAULT_PERSIST },
  },
});
const jobs = Number(values.jobs);
if (!Number.isSafeInteger(jobs) || jobs < 1)
  throw new Error(`--jobs must be a positive whole number, got ${values.jobs}`);
const persistTo = values["persist-to"];

const started = performance.now();
await rm(`${persistTo}/v3/d1`, { recursive: true, force: true });
await applyMigrations(persistTo);
const counts = await seed(jobs, persistTo);
console.log(
  `Seeded ${counts.employers} employers, ${counts.jobs} jobs, ${counts.events} events in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
