// `npm run bench:api`: the job search against /healthz on the same wrangler dev server, at 10k, 50k and
// 100k jobs. Prints p50/p99 latency and requests/s per size and the search/healthz ratios, twice: with
// `connections` clients saturating the server (throughput; on 2 shared cores the latency there is mostly
// queueing, /healthz's own included), and with one client at a time (what a single search costs).
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

// Single searches whose matches range from a few hundred to every open job, to show what a match costs.
const GROWTH_PATHS = [
  "/v1/jobs?q=Pflegefachkraft",
  "/v1/jobs?q=Entwickler",
  "/v1/jobs?q=Mechaniker",
  "/v1/jobs?q=Kaufmann",
  "/v1/jobs?q=Kaufmann&facets=0",
  "/v1/jobs",
];
const NO_STORE = { "Cache-Control": "no-store" };

interface Growth {
  jobs: number;
  path: string;
  matches: number;
  p50: number;
  p99: number;
}

interface Row {
  jobs: number;
  endpoint: string;
  clients: number;
  p50: number;
  p99: number;
  rps: number;
}

async function load(
  origin: string,
  paths: string[],
  headers: Record<string, string> = {},
  clients = connections,
  seconds = duration,
) {
  const result = await autocannon({
    url: origin,
    connections: clients,
    duration: seconds,
    requests: paths.map((p) => ({ method: "GET", path: p, headers })),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

// wrangler dev serves the widget bundle too, so it must exist.
await buildWidget();
const rows: Row[] = [];
const growth: Growth[] = [];
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
    for (const clients of [connections, 1]) {
      rows.push({ jobs: size, clients, endpoint: "healthz", ...(await load(origin, ["/healthz"], {}, clients)) });
      rows.push({ jobs: size, clients, endpoint: "search", ...(await load(origin, searchPaths, {}, clients)) });
      // The same searches without caches (no lookup, nothing stored): every request runs the FTS query and the facets.
      const bypass = { "Cache-Control": "no-store" };
      rows.push({
        jobs: size,
        clients,
        endpoint: "search-cold",
        ...(await load(origin, searchPaths, bypass, clients)),
      });
    }
    for (const p of GROWTH_PATHS) {
      const { total } = (await (await fetch(origin + p, { headers: NO_STORE })).json()) as { total: number };
      const { p50, p99 } = await load(origin, [p], NO_STORE, 1, Math.min(duration, 4));
      growth.push({ jobs: size, path: p, matches: total, p50, p99 });
    }
  } finally {
    await server.stop();
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const row = (size: number, endpoint: string, clients: number) =>
  rows.find((r) => r.jobs === size && r.endpoint === endpoint && r.clients === clients);
for (const clients of [connections, 1]) {
  console.log(
    `\nbench:api — ${clients === 1 ? "1 client at a time" : `${clients} connections`}, ${duration} s per run, ${searchPaths.length} search URLs rotated\n`,
  );
  console.log("| jobs | endpoint | p50 ms | p99 ms | req/s | search/healthz req/s |");
  console.log("|---:|---|---:|---:|---:|---:|");
  for (const size of sizes) {
    const health = row(size, "healthz", clients);
    const search = row(size, "search", clients);
    const cold = row(size, "search-cold", clients);
    if (!health || !search || !cold) continue;
    const ratio = (r: Row) => `${fmt((r.rps / health.rps) * 100, 0)} %`;
    console.log(`| ${size} | /healthz | ${health.p50} | ${health.p99} | ${fmt(health.rps, 0)} | |`);
    console.log(
      `| ${size} | /v1/jobs?q&town&radius_km | ${search.p50} | ${search.p99} | ${fmt(search.rps, 0)} | ${ratio(search)} |`,
    );
    console.log(
      `| ${size} | same, without caches | ${cold.p50} | ${cold.p99} | ${fmt(cold.rps, 0)} | ${ratio(cold)} |`,
    );
  }
}
console.log("\nWhat a match costs — one client, without caches, the whole district\n");
console.log("| jobs | search | matches | p50 ms | p99 ms |");
console.log("|---:|---|---:|---:|---:|");
for (const g of growth)
  console.log(`| ${g.jobs} | ${g.path.replace("/v1/jobs", "") || "(none)"} | ${g.matches} | ${g.p50} | ${g.p99} |`);
// Least squares over the text searches with facets: the time one more match adds. (Without a text
// query the facets walk covering indexes instead, at a far lower cost per job: its own line below.)
const fitted = growth.filter((g) => g.path.includes("q=") && !g.path.includes("facets=0"));
if (fitted.length > 1) {
  const mx = fitted.reduce((s, g) => s + g.matches, 0) / fitted.length;
  const my = fitted.reduce((s, g) => s + g.p50, 0) / fitted.length;
  const slope =
    fitted.reduce((s, g) => s + (g.matches - mx) * (g.p50 - my), 0) /
    fitted.reduce((s, g) => s + (g.matches - mx) ** 2, 0);
  console.log(
    `\nEach 1,000 matches add ${fmt(slope * 1000, 2)} ms to an uncached text search's median (fitted over ${fitted.length} searches at ${sizes.join("/")} jobs): the cost grows with the matches, not with the size of the table.`,
  );
}
for (const g of growth.filter((g) => g.path === "/v1/jobs")) {
  console.log(
    `Every open job (${g.matches}) with all facets, no text query: ${g.p50} ms, ${fmt((g.p50 / g.matches) * 1000, 2)} ms per 1,000.`,
  );
}
const smallest = row(sizes[0] ?? 0, "search-cold", 1);
const largest = row(sizes.at(-1) ?? 0, "search-cold", 1);
if (smallest && largest) {
  const growthFactor = (sizes.at(-1) ?? 1) / (sizes[0] ?? 1);
  console.log(
    `${growthFactor}× the jobs cost ${fmt(largest.p50 / Math.max(smallest.p50, 0.1), 2)}× the median time of an uncached search (${smallest.p50} → ${largest.p50} ms, one client).`,
  );
}
const cold50 = row(50_000, "search-cold", connections);
const h50 = row(50_000, "healthz", connections);
const coldOne50 = row(50_000, "search-cold", 1);
if (cold50 && h50 && coldOne50) {
  console.log(
    `\nBudget at 50k jobs, without caches: one client p99 ≤ 25 ms: ${coldOne50.p99} ms (${coldOne50.p99 <= 25 ? "met" : "MISSED"}); ` +
      `${connections} connections p99 ≤ 2× /healthz's p99 (${2 * h50.p99} ms): ${cold50.p99} ms (${cold50.p99 <= 2 * h50.p99 ? "met" : "MISSED"}, ${fmt(cold50.p99 / h50.p99, 2)}×).`,
  );
}
