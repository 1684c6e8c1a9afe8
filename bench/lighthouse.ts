// `npm run bench:lighthouse`: Lighthouse's default mobile run (the npm package, in our Chromium) on every
// page of ours a person opens: the home page, a job page, the embed builder, the signup page, the privacy
// notice and the demo host pages. Prints a table of the four category scores and the layout shift, and
// which budget (≥ 95 in performance, accessibility and best practices) each page misses. A figure to read,
// not a test: these machines are shared, and Lighthouse's performance score moves with their load.
import { rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { buildWidget } from "../scripts/build-widget.ts";
import { CHROMIUM } from "../scripts/chromium.ts";
import { applyMigrations, DEMO_JOBS, seed } from "../scripts/local-db.ts";
import { ROOT, startDevServer } from "../scripts/wrangler.ts";

const { values } = parseArgs({
  options: { port: { type: "string", default: "8811" }, debug: { type: "string", default: "9333" } },
});
const origin = `http://127.0.0.1:${values.port}`;
const BUDGET = 95;

await buildWidget();
const persist = path.join(ROOT, ".wrangler", "bench", "lighthouse");
await rm(persist, { recursive: true, force: true });
await applyMigrations(persist);
await seed(DEMO_JOBS, persist);
const server = await startDevServer(Number(values.port), persist);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [`--remote-debugging-port=${values.debug}`, "--no-sandbox", "--disable-gpu", "--no-first-run"],
});

type Row = {
  page: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cls: number;
  misses: string;
};
const rows: Row[] = [];
try {
  const jobs = (await (await fetch(`${origin}/v1/jobs?limit=1`)).json()) as { data: { id: number }[] };
  const pages = [
    "/",
    `/jobs/${jobs.data[0]?.id}`,
    "/embed",
    "/komm-zurueck",
    "/privacy",
    "/demo/employer",
    "/demo/town",
    "/demo/strict",
  ];
  for (const page of pages) {
    const result = await lighthouse(`${origin}${page}`, {
      port: Number(values.debug),
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${page}`);
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const row: Row = {
      page,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      cls: Number(lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0),
      misses: "",
    };
    // What keeps a budgeted category below 95: the audits that failed there, by id.
    const failing = (["performance", "accessibility", "best-practices"] as const)
      .filter((id) => score(id) < BUDGET)
      .flatMap((id) =>
        (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
          .map((ref) => ref.id),
      );
    row.misses = failing.join(", ");
    rows.push(row);
  }
} finally {
  await browser.close();
  await server.stop();
}

console.log(
  "\nLighthouse, default mobile run (scores 0–100; budget ≥ 95 in performance, accessibility, best practices)\n",
);
console.log("| page | performance | accessibility | best practices | SEO | CLS | below budget because of |");
console.log("|---|---:|---:|---:|---:|---:|---|");
for (const r of rows) {
  console.log(
    `| \`${r.page.replace(/\/jobs\/\d+/, "/jobs/:id")}\` | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.cls.toFixed(3)} | ${r.misses || "–"} |`,
  );
}
const met = rows.every((r) => r.performance >= BUDGET && r.accessibility >= BUDGET && r.bestPractices >= BUDGET);
console.log(
  `\nBudget ${met ? "met" : "missed"} on ${rows.filter((r) => r.performance >= BUDGET && r.accessibility >= BUDGET && r.bestPractices >= BUDGET).length} of ${rows.length} pages.`,
);
