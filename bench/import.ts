// `npm run bench:import`: the Jobbörse import on a wrangler dev server with its real local D1 and queue,
// against the worker's own Jobbörse stand-in (/dev/fixtures/ba/…) with 10,000 jobs over the 12 towns.
// Prints, for a first import, a re-import with nothing changed and one with 5 % changed: the time until
// the run and all its description steps are done, the D1 rows written, what the run counted, and workerd's
// peak memory (VmHWM). Budget: first import ≤ 60 s; the unchanged re-import writes 0 job rows and takes
// ≤ 10 % of the first import's time; the cost grows with the changed jobs, not the total.
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildWidget } from "../scripts/build-widget.ts";
import { api, runDone, useLocalD1 } from "../scripts/imports.ts";
import { applyMigrations } from "../scripts/local-db.ts";
import { DEV_VARS, ROOT, startDevServer } from "../scripts/wrangler.ts";
import type { Source } from "../shared/schemas/sources.ts";

const { values } = parseArgs({ options: { jobs: { type: "string", default: "10000" } } });
const jobs = Number(values.jobs);
const ID = "jobboerse-bench";
type Health = Source["health"];

/** workerd's peak resident memory so far, in MB: the processes below the wrangler process. */
function peakMb(rootPid: number | undefined): number {
  if (!rootPid) return Number.NaN;
  const ps = execFileSync("ps", ["-eo", "pid=,ppid=,comm="], { encoding: "utf8" });
  const rows = ps
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm: comm ?? "" }));
  const below = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows)
      if (below.has(r.ppid) && !below.has(r.pid)) {
        below.add(r.pid);
        grew = true;
      }
  }
  let peak = 0;
  for (const r of rows.filter((r) => below.has(r.pid) && r.comm.includes("workerd"))) {
    try {
      const status = execFileSync("cat", [`/proc/${r.pid}/status`], { encoding: "utf8" });
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch {
      // gone
    }
  }
  return peak;
}

/** The admin API, failing loudly: a benchmark has no use for an answer it did not expect. */
async function call(origin: string, method: string, p: string, body?: unknown): Promise<unknown> {
  const res = await api<unknown>(origin, method, p, body);
  if (res.status >= 400) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function health(origin: string): Promise<Health> {
  const { data } = (await call(origin, "GET", "")) as { data: Source[] };
  const found = data.find((s) => s.id === ID);
  if (!found) throw new Error("the bench source is missing");
  return found.health;
}

/** Runs the source through the queue and waits for the run and its description steps. */
async function run(origin: string, set: string, pid: number | undefined) {
  await call(origin, "PATCH", `/${ID}`, { url: `${origin}/dev/fixtures/ba/${set}` });
  const before = (await health(origin)).last_run_at;
  const started = performance.now();
  let listed = Number.NaN;
  await call(origin, "POST", `/${ID}/run`);
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
    const h = await health(origin);
    if (h.last_run_at !== before && Number.isNaN(listed)) listed = (performance.now() - started) / 1000;
    if (runDone(h, before)) {
      if (h.state !== "healthy") throw new Error(`the import failed: ${h.last_error}`);
      return { seconds: (performance.now() - started) / 1000, listed, health: h, peak: peakMb(pid) };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the import did not finish within 10 minutes");
}

await buildWidget();
const persist = path.join(ROOT, ".wrangler", "bench", "import");
await rm(persist, { recursive: true, force: true });
await applyMigrations(persist);
useLocalD1(persist);
const server = await startDevServer(8830, persist, 60_000, { ...DEV_VARS });
try {
  const origin = server.origin;
  await call(origin, "POST", "", {
    id: ID,
    kind: "ba_jobsuche",
    name: "Jobbörse (benchmark)",
    url: `${origin}/dev/fixtures/ba/n${jobs}`,
    every_minutes: 10_080,
  });
  const idle = peakMb(server.pid);
  const first = await run(origin, `n${jobs}`, server.pid);
  const again = await run(origin, `n${jobs}`, server.pid);
  const changed = await run(origin, `n${jobs}-c50`, server.pid);

  const line = (name: string, r: typeof first) =>
    `| ${name.padEnd(26)} | ${r.seconds.toFixed(1).padStart(6)} s | ${r.listed.toFixed(1).padStart(6)} s | ${String(r.health.rows_written).padStart(8)} | ${String(r.health.seen).padStart(6)} | ${String(r.health.added).padStart(6)} | ${String(r.health.updated).padStart(7)} | ${String(r.health.closed).padStart(6)} | ${r.peak.toFixed(0).padStart(5)} MB |`;
  console.log(
    `\nImport of a fixture Jobbörse with ${jobs.toLocaleString("en")} jobs over the 12 towns (workerd idle: ${idle.toFixed(0)} MB)\n`,
  );
  console.log(
    "| run                        |   time   | 1st step |  D1 rows |  seen  | added  | updated | closed | peak mem |",
  );
  console.log(
    "|----------------------------|----------|----------|----------|--------|--------|---------|--------|----------|",
  );
  console.log(line("first import", first));
  console.log(line("re-import, nothing changed", again));
  console.log(line("re-import, 5 % changed", changed));
  const ratio = again.seconds / first.seconds;
  const perChanged = (changed.seconds - again.seconds) / Math.max(changed.health.updated, 1);
  const perFirst = (first.seconds - again.seconds) / Math.max(first.health.added, 1);
  console.log(
    `\nunchanged/first: ${(ratio * 100).toFixed(1)} % of the time; per changed job ${(perChanged * 1000).toFixed(2)} ms vs per new job ${(perFirst * 1000).toFixed(2)} ms`,
  );
  const met = first.seconds <= 60 && again.health.rows_written === 0 && ratio <= 0.1;
  console.log(
    `Budget (first ≤ 60 s; unchanged 0 job writes and ≤ 10 % of the first's time): ${met ? "MET" : "MISSED"}`,
  );
} finally {
  await server.stop();
}
