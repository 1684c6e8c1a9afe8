// `npm run bench:console`: the programme console on a wrangler dev server with 10,000 and 100,000
// fictional people in its local D1. Prints the console's first load (bytes gzip of what the browser
// fetches, time until the people list shows, in Chromium) and the people list's latency (p50/p99, one
// client at a time) for an admin and a town account, unfiltered and with filters, next to /healthz in the
// same run. Budget: first load ≤ 60 KB gzip; list p99 ≤ 50 ms at 100,000 people.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { buildConsole, CONSOLE_DIR } from "../scripts/build-console.ts";
import { buildWidget } from "../scripts/build-widget.ts";
import { CHROMIUM } from "../scripts/chromium.ts";
import { applyMigrations } from "../scripts/local-db.ts";
import { staffSql } from "../scripts/staff-add.ts";
import { ROOT, runWrangler, startDevServer, WRANGLER_CONFIG } from "../scripts/wrangler.ts";
import { demoPeople, peopleSql } from "../worker/seed/people.ts";
import { fetchTimes, linkSession } from "./latency.ts";

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "10000,100000" }, runs: { type: "string", default: "200" } },
});
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);
const ADMIN = "bench-admin@kreis.example";
const TOWN = "bench-town@meschede.example";

async function seedPeople(persist: string, count: number) {
  const lines = [
    staffSql({ email: ADMIN, name: "Bench admin", role: "admin", towns: [] }),
    staffSql({ email: TOWN, name: "Bench town", role: "town", towns: ["meschede"] }),
    peopleSql(demoPeople(count, new Date(), "0".repeat(64))),
  ];
  const file = path.join(ROOT, ".wrangler", "tmp", `bench-people-${count}.sql`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${lines.join("\n")}\n`);
  await runWrangler(
    ["d1", "execute", "DB", "--local", "--config", WRANGLER_CONFIG, "--persist-to", persist, "--yes", "--file", file],
    { quiet: true },
  );
}

const session = (origin: string, email: string) => linkSession(origin, email);
const timings = (url: string, cookie?: string) => fetchTimes(url, runs, cookie);

await buildWidget();
await buildConsole();
const app = await readFile(path.join(CONSOLE_DIR, "app.js"));
const css = await readFile(path.join(CONSOLE_DIR, "console.css"));
const rows: string[] = [];
let firstLoad = "";
let worstP99 = 0;
for (const [i, size] of sizes.entries()) {
  const persist = path.join(ROOT, ".wrangler", "bench", `console-${size}`);
  await rm(persist, { recursive: true, force: true });
  await applyMigrations(persist);
  await seedPeople(persist, size);
  const server = await startDevServer(8840 + i, persist);
  try {
    const origin = server.origin;
    const admin = await session(origin, ADMIN);
    const town = await session(origin, TOWN);
    const health = await timings(`${origin}/healthz`);
    rows.push(`| ${size.toLocaleString("en")} | /healthz | | ${health.p50.toFixed(1)} | ${health.p99.toFixed(1)} |`);
    for (const [who, cookie, q] of [
      ["admin", admin, ""],
      ["admin", admin, "?status=confirmed&field=it"],
      ["admin", admin, "?q=lea"],
      ["admin", admin, "?town=brilon&status=confirmed"],
      ["town", town, ""],
      ["town", town, "?field=crafts"],
    ] as const) {
      const t = await timings(`${origin}/v1/staff/people${q}`, cookie);
      worstP99 = size === Math.max(...sizes) ? Math.max(worstP99, t.p99) : worstP99;
      rows.push(
        `| ${size.toLocaleString("en")} | people${q || " (all)"} | ${who} | ${t.p50.toFixed(1)} | ${t.p99.toFixed(1)} |`,
      );
    }
    if (i === 0) {
      // The first load in Chromium: the page, its script and style, and the first list.
      const browser = await chromium.launch({ executablePath: CHROMIUM });
      const page = await browser.newPage();
      // Signed in the way a person does it (a fresh link: the one above is used).
      await page.goto(`${origin}/console/sign-in`);
      await page.fill("input[name=email]", ADMIN);
      await page.click("button[type=submit]");
      await page.waitForLoadState();
      const { data } = (await (await fetch(`${origin}/dev/outbox.json`)).json()) as {
        data: { to_address: string; text: string }[];
      };
      const link =
        /https?:\/\/\S+token=[A-Za-z0-9_-]{43}\S*/.exec(data.find((m) => m.to_address === ADMIN)?.text ?? "")?.[0] ??
        "";
      await page.goto(link);
      await page.click("button[type=submit]");
      await page.locator("hv-console hv-people tbody tr").first().waitFor();
      // Then the console opened again, as each morning: the page, its script and style, the first list.
      const start = performance.now();
      await page.goto(`${origin}/console`);
      await page.locator("hv-console hv-people tbody tr").first().waitFor();
      const usable = performance.now() - start;
      await browser.close();
      const html = await (await fetch(`${origin}/console`, { headers: { Cookie: admin } })).text();
      const bytes = gzipSync(app).length + gzipSync(css).length + gzipSync(html).length;
      firstLoad = `first load: ${(bytes / 1024).toFixed(1)} KB gzip (app.js ${(gzipSync(app).length / 1024).toFixed(1)} KB), usable (people listed) after ${usable.toFixed(0)} ms with ${size.toLocaleString("en")} people`;
    }
  } finally {
    await server.stop();
  }
}
console.log("\nbench:console — people list, one client at a time\n");
console.log("| people | request | account | p50 ms | p99 ms |");
console.log("|---:|---|---|---:|---:|");
for (const r of rows) console.log(r);
console.log(`\n${firstLoad}`);
const kb = Number(/([\d.]+) KB gzip/.exec(firstLoad)?.[1] ?? "0");
console.log(
  `Budget (first load ≤ 60 KB gzip; list p99 ≤ 50 ms at ${Math.max(...sizes).toLocaleString("en")}): ${kb <= 60 && worstP99 <= 50 ? "MET" : "MISSED"} (worst p99 ${worstP99.toFixed(1)} ms)`,
);
