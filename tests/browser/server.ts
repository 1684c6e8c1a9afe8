// Global setup for the browser tests: builds the widget bundle, loads a fresh local D1 with the demo region
// plus a hostile job, and serves it all with `wrangler dev` on a free port. The widget and e2e projects
// share one server (globalSetup runs once per project, in the same process).
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildConsole } from "../../scripts/build-console.ts";
import { buildWidget } from "../../scripts/build-widget.ts";
import { applyMigrations } from "../../scripts/local-db.ts";
import { staffSql } from "../../scripts/staff-add.ts";
import { ROOT, runWrangler, startDevServer, WRANGLER_CONFIG } from "../../scripts/wrangler.ts";
import { poolConsentVersion } from "../../shared/consent.ts";
import { generateRegion } from "../../worker/seed/generate.ts";
import { demoPeople, employerContactsSql, peopleSql } from "../../worker/seed/people.ts";
import { demoPoolSql } from "../../worker/seed/pool.ts";
import { regionSql } from "../../worker/src/db/rows.ts";
import { BUSY_EVENTS, CONSOLE_ADMIN, CONSOLE_TOWN, HOSTILE_JOB, TEST_JOBS, TEST_TODAY } from "./data.ts";

declare module "vitest" {
  export interface ProvidedContext {
    apiOrigin: string;
    /** A real HTTP proxy in front of the API: /slow/<ms>/… answers late, /fail-once/<key>/… fails first. */
    proxyOrigin: string;
  }
}

interface Running {
  origin: string;
  proxy: string;
  stop: () => Promise<void>;
  users: number;
}
const KEY = Symbol.for("heimvorteil.test-server");
type Holder = { [KEY]?: Promise<Running> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Forwards to the API after a delay, or fails once per key: the network conditions a widget must survive. */
function startProxy(api: string): Promise<{ server: Server; origin: string }> {
  const failed = new Set<string>();
  const server = createHttpServer(async (req, res) => {
    const match = /^\/(slow|fail-once)\/([^/]+)(\/.*)$/.exec(req.url ?? "");
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const [, mode, arg = "", rest = "/"] = match;
    if (mode === "fail-once" && !failed.has(arg)) {
      failed.add(arg);
      res.writeHead(503, { "Access-Control-Allow-Origin": "*", "Content-Type": "application/json" });
      res.end('{"error":{"code":"unavailable","message":"down for the test"}}');
      return;
    }
    if (mode === "slow") await new Promise((r) => setTimeout(r, Number(arg)));
    const upstream = await fetch(`${api}${rest}`, {
      headers: { "Accept-Language": String(req.headers["accept-language"] ?? "de") },
    });
    const headers: Record<string, string> = {};
    upstream.headers.forEach((value, key) => {
      if (!["content-encoding", "content-length", "transfer-encoding"].includes(key)) headers[key] = value;
    });
    res.writeHead(upstream.status, headers);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, origin: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
    }),
  );
}

async function start(): Promise<Running> {
  const persist = path.join(ROOT, ".wrangler", "test-browser");
  await rm(persist, { recursive: true, force: true });
  await buildWidget();
  await buildConsole();
  await applyMigrations(persist);
  const region = generateRegion({ jobs: TEST_JOBS, today: TEST_TODAY, seed: 7 });
  region.jobs.push(HOSTILE_JOB(region.employers[0]?.id ?? "x"));
  region.events.push(...BUSY_EVENTS(Math.max(0, ...region.events.map((e) => e.id)) + 1));
  const file = path.join(ROOT, ".wrangler", "tmp", "test-browser.sql");
  await mkdir(path.dirname(file), { recursive: true });
  // The console's staff and people (tests/e2e/console.test.ts), and the pool's (tests/e2e/pool.test.ts).
  const staff = [
    staffSql({ email: CONSOLE_ADMIN, name: "Kreis-Team (Test)", role: "admin", towns: [] }),
    staffSql({ email: CONSOLE_TOWN, name: "Wirtschaftsförderung Brilon (Test)", role: "town", towns: ["brilon"] }),
  ];
  // One coming event is cancelled, as the team would do it in the console (tests/widget/events.test.ts).
  const cancelled = `UPDATE events SET cancelled_at = '${TEST_TODAY.toISOString()}', sequence = 1
    WHERE id = (SELECT id FROM events WHERE town_id = 'winterberg' AND starts_at > '${TEST_TODAY.toISOString()}' ORDER BY starts_at LIMIT 1);\n`;
  // Jobs first seen when they were posted, as the demo seed has them (the digest reads first_seen_at).
  const seen = "UPDATE jobs SET first_seen_at = posted_at;\n";
  await writeFile(
    file,
    `${regionSql(region)}${seen}${staff.join("\n")}\n${peopleSql(demoPeople(12, TEST_TODAY, "0".repeat(64)))}${employerContactsSql(6)}${cancelled}${demoPoolSql(TEST_TODAY, "0".repeat(64), await poolConsentVersion("de"))}`,
  );
  await runWrangler(
    ["d1", "execute", "DB", "--local", "--config", WRANGLER_CONFIG, "--persist-to", persist, "--yes", "--file", file],
    { quiet: true },
  );

  const server = await startDevServer(await freePort(), persist);
  const origin = server.origin;
  const proxy = await startProxy(origin);
  return {
    origin,
    proxy: proxy.origin,
    users: 0,
    stop: async () => {
      proxy.server.close();
      await server.stop();
    },
  };
}

export default async function setup(project: TestProject) {
  const holder = globalThis as Holder;
  holder[KEY] ??= start();
  const running = await holder[KEY];
  running.users++;
  project.provide("apiOrigin", running.origin);
  project.provide("proxyOrigin", running.proxy);
  return async () => {
    running.users--;
    if (running.users === 0) {
      delete holder[KEY];
      await running.stop();
    }
  };
}
