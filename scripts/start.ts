// `npm start`: migrates the local D1, seeds it when empty, and serves the API and the demo page.

import { DEMO_EMPLOYER_EMAIL } from "../worker/seed/pool.ts";
import { buildConsole } from "./build-console.ts";
import { buildWidget } from "./build-widget.ts";
import { healthTable, registerDemoSources, runImports } from "./imports.ts";
import { applyMigrations, countJobs, DEFAULT_PERSIST, DEMO_JOBS, seed, staleDemo } from "./local-db.ts";
import { addStaff } from "./staff-add.ts";
import { DEV_VARS, spawnWrangler, WRANGLER_CONFIG } from "./wrangler.ts";

const port = Number(process.env.PORT ?? 8787);
const host = "127.0.0.1";
const origin = `http://${host}:${port}`;
const started = performance.now();

// The worker serves the widget bundle as static assets, so it is built first (well under a second).
await buildWidget();
await buildConsole();
await applyMigrations();
// The demo's staff (fictional addresses): the district's team, and one town's economic development office.
const DEMO_ADMIN = "team@kreis-demo.example";
const DEMO_TOWN = "wirtschaftsfoerderung@meschede-demo.example";
await addStaff({ email: DEMO_ADMIN, name: "Kreis-Team (Demo)", role: "admin", towns: [] });
await addStaff({ email: DEMO_TOWN, name: "Wirtschaftsförderung Meschede (Demo)", role: "town", towns: ["meschede"] });
if ((await countJobs()) === 0) {
  const counts = await seed(DEMO_JOBS);
  console.log(
    `Seeded the local D1 with ${counts.employers} employers, ${counts.jobs} jobs and ${counts.events} events.`,
  );
} else {
  const stale = await staleDemo();
  if (stale)
    console.log(
      `The local D1's demo data ${stale}: \`npm run seed\` makes them anew (what you did in this local D1 goes with them).`,
    );
}

const server = spawnWrangler(
  [
    "dev",
    "--config",
    WRANGLER_CONFIG,
    "--ip",
    host,
    "--port",
    String(port),
    "--persist-to",
    DEFAULT_PERSIST,
    "--show-interactive-dev-session=false",
    // The dev outbox, Cloudflare's always-pass Turnstile test secret, a local signing key.
    ...Object.entries(DEV_VARS).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ],
  { stdio: ["ignore", "inherit", "inherit"] },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("close", (code) => process.exit(code ?? 0));

async function waitUntilReady(deadline: number) {
  while (performance.now() < deadline) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}

if (await waitUntilReady(performance.now() + 60_000)) {
  // The demo's import sources (one of each kind, one broken on purpose) run once at start: `wrangler dev`
  // fires no cron triggers. The same queue path as production; `npm run import` runs them again.
  try {
    const added = await registerDemoSources(origin);
    const sources = await runImports(origin);
    console.log(`\nImports${added > 0 ? ` (${added} demo sources registered)` : ""}:\n${healthTable(sources)}`);
  } catch (error) {
    console.error(`The demo imports did not run: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`
Heimvorteil is running (ready in ${((performance.now() - started) / 1000).toFixed(1)} s):
  Demo page   ${origin}/
  Jobs API    ${origin}/v1/jobs?q=Elektroniker&town=meschede&radius_km=20
  Events      ${origin}/v1/events   (iCalendar: ${origin}/v1/events.ics)
  OpenAPI     ${origin}/v1/openapi.json
  Health      ${origin}/healthz?details=1
  Imports     npm run import [-- --source ID]   (admin API: ${origin}/v1/admin/sources)
  Console     ${origin}/console  sign in as ${DEMO_ADMIN} (or ${DEMO_TOWN}),
              then open the link from ${origin}/dev/outbox
  Pool        ${origin}/arbeitgeber/anmelden  sign in as ${DEMO_EMPLOYER_EMAIL} (the same way)
Stop with Ctrl+C.`);
} else {
  console.error(`The server did not answer on ${origin}/healthz within 60 s.`);
  server.kill("SIGTERM");
}
