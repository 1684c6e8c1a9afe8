// `npm run bench:api`: the job search against /healthz on the same wrangler dev server, at 10k, 50k and
// 100k jobs. Prints p50/p99 latency and requests/s per size and the search/healthz ratios.
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { buildWidget } from "../scripts/build-widget.ts";
import { applyMigrations, seed } from "../scripts/local-db.ts";
import { ROOT, startDevServer } from "../scripts/wrangler.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,50000,100000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "4" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const duration = Number(values.duration);
const connections = Number(values.connections);

// Searches a person would type, in towns across the district, each widened by a radius.
const QUERIES = [
  "Elektroniker",
  "Pflegefachkraft",
  "Entwickler",
  "Mechaniker",
  "Kaufmann",
  "Erzieher*in",
  "Lagerlogistik",
];
const TOWNS = ["meschede", "arnsberg", "brilon", "winterberg", "sundern", "marsberg"];
const searchPaths = QUERIES.flatMap((q, i) =>
  [10, 20, 30].map(
    (radius, j) => `/v1/jobs?q=${encodeURIComponent(q)}&town=${TOWNS[(i + j) % TOWNS.length]}&radius_km=${radius}`,
  ),
);

interface Row {
  jobs: number;
  endpoint: string;
  p50: number;
  p99: number;
  rps: number;
}

async function load(origin: string, paths: string[], headers: Record<string, string> = {}) {
  const result = await autocannon({
    url: origin,
    connections,
    duration,
    requests: paths.map((p) => ({ method: "GET", path: p, headers })),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

// wrangler dev serves the widget bundle too, so it must exist.
await buildWidget();
const rows: Row[] = [];
for (const [i, size] of sizes.entries()) {
  const persist = path.join(ROOT, ".wrangler", "bench", String(size));
  await rm(persist, { recursive: true, force: true });
  const seeding = performance.now();
  await applyMigrations(persist);
  await seed(size, persist);
  console.error(`seeded ${size} jobs in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

  const server = await startDevServer(8800 + i, persist);
  const origin = server.origin;
  try {
    // Warm both paths (module load, SQLite page cache) before measuring.
    for (const p of [...searchPaths, "/healthz"]) await fetch(origin + p).then((r) => r.arrayBuffer());
    rows.push({ jobs: size, endpoint: "healthz", ...(await load(origin, ["/healthz"])) });
    rows.push({ jobs: size, endpoint: "search", ...(await load(origin, searchPaths)) });
    // The same searches with the cache bypassed: every request runs the FTS query and the facets.
    rows.push({
      jobs: size,
      endpoint: "search-cold",
      ...(await load(origin, searchPaths, { "Cache-Control": "no-cache" })),
    });
  } finally {
    await server.stop();
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log(
  `\nbench:api — ${connections} connections, ${duration} s per run, ${searchPaths.length} search URLs rotated\n`,
);
console.log("| jobs | endpoint | p50 ms | p99 ms | req/s | search/healthz req/s |");
console.log("|---:|---|---:|---:|---:|---:|");
for (const size of sizes) {
  const health = rows.find((r) => r.jobs === size && r.endpoint === "healthz");
  const search = rows.find((r) => r.jobs === size && r.endpoint === "search");
  const cold = rows.find((r) => r.jobs === size && r.endpoint === "search-cold");
  if (!health || !search || !cold) continue;
  const ratio = (r: Row) => `${fmt((r.rps / health.rps) * 100, 0)} %`;
  console.log(`| ${size} | /healthz | ${health.p50} | ${health.p99} | ${fmt(health.rps, 0)} | |`);
  console.log(
    `| ${size} | /v1/jobs?q&town&radius_km | ${search.p50} | ${search.p99} | ${fmt(search.rps, 0)} | ${ratio(search)} |`,
  );
  console.log(`| ${size} | same, cache bypassed | ${cold.p50} | ${cold.p99} | ${fmt(cold.rps, 0)} | ${ratio(cold)} |`);
}
const bySize = (size: number) => rows.find((r) => r.jobs === size && r.endpoint === "search-cold");
const smallest = bySize(sizes[0] ?? 0);
const largest = bySize(sizes.at(-1) ?? 0);
if (smallest && largest) {
  const growth = (sizes.at(-1) ?? 1) / (sizes[0] ?? 1);
  console.log(
    `\n${growth}× the jobs cost ${fmt(smallest.rps / largest.rps, 2)}× the time per uncached search (throughput ${fmt(smallest.rps, 0)} → ${fmt(largest.rps, 0)} req/s).`,
  );
}
const at50k = rows.filter((r) => r.jobs === 50_000);
const s50 = at50k.find((r) => r.endpoint === "search");
const h50 = at50k.find((r) => r.endpoint === "healthz");
if (s50 && h50) {
  const ok = s50.p99 <= 25 && s50.rps >= 0.5 * h50.rps;
  console.log(
    `Budget at 50k jobs (p99 ≤ 25 ms, ≥ 50 % of healthz req/s): ${ok ? "met" : "MISSED"} — p99 ${s50.p99} ms, ${fmt((s50.rps / h50.rps) * 100, 0)} %.`,
  );
}
