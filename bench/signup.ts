// `npm run bench:signup`: concurrent clients post valid signups for a fixed time against `wrangler dev`;
// afterwards every accepted signup must be in D1 exactly once, with its mail in the outbox. Prints
// accepted, stored, mails, lost (must be 0), and latency; the baseline is /healthz on the same server.
// Turnstile's siteverify is answered by a local server here, as Cloudflare documents its always-pass test
// secret: this machine cannot reach Cloudflare, and a failing DNS look-up per request would be measured
// instead of the pipeline (in production the call is one round trip inside Cloudflare's network).
import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { buildWidget } from "../scripts/build-widget.ts";
import { applyMigrations } from "../scripts/local-db.ts";
import { DEV_VARS, ROOT, runWrangler, startDevServer, WRANGLER_CONFIG } from "../scripts/wrangler.ts";
import { CONSENT_TEXT } from "../shared/consent.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
    port: { type: "string", default: "8830" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

const persist = path.join(ROOT, ".wrangler", "bench", "signup");
await rm(persist, { recursive: true, force: true });
await applyMigrations(persist);
await buildWidget(); // wrangler dev serves dist/public and refuses to start without it
const siteverify = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => {
    body += chunk;
  });
  request.on("end", () => {
    const success = new URLSearchParams(body).get("secret") === DEV_VARS.TURNSTILE_SECRET;
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ success }));
  });
});
await new Promise<void>((resolve) => siteverify.listen(0, "127.0.0.1", resolve));
const server = await startDevServer(Number(values.port), persist, 60_000, {
  ...DEV_VARS,
  TURNSTILE_SITEVERIFY_URL: `http://127.0.0.1:${(siteverify.address() as AddressInfo).port}/siteverify`,
});
const consent = createHash("sha256").update(CONSENT_TEXT.de).digest("hex");
let n = 0;

try {
  const health = await autocannon({ url: `${server.origin}/healthz`, connections, duration });
  // Which addresses were answered 202: a connection has one request in flight, so its context knows it.
  const accepted = new Set<string>();
  const result = await autocannon({
    url: server.origin,
    connections,
    duration,
    requests: [
      {
        method: "POST",
        path: "/v1/signups",
        setupRequest: (request, context) => {
          n++;
          const email = `bench.${n}@example.org`;
          (context as { email?: string }).email = email;
          // Each request as its own client (Cloudflare sets CF-Connecting-IP in production).
          const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
          return {
            ...request,
            headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
            body: JSON.stringify({
              email,
              towns: ["brilon"],
              wants: ["job_offers"],
              consent: true,
              consent_version: consent,
              lang: "de",
              turnstile_token: "XXXX.DUMMY.TOKEN.XXXX",
            }),
          };
        },
        onResponse: (status, _body, context) => {
          if (status === 202) accepted.add((context as { email: string }).email);
        },
      },
    ],
  });
  const query = async <Row>(sql: string) => {
    const out = await runWrangler(
      [
        "d1",
        "execute",
        "DB",
        "--local",
        "--config",
        WRANGLER_CONFIG,
        "--persist-to",
        persist,
        "--json",
        "--command",
        sql,
      ],
      { quiet: true },
    );
    return (JSON.parse(out) as [{ results: Row[] }])[0].results;
  };
  // Each stored signup with how many of its rows and mails exist: exactly one of each is right.
  const rows = await query<{ email: string; n: number; mails: number; sent: number }>(
    `SELECT s.email, count(*) OVER (PARTITION BY s.email) AS n,
       (SELECT count(*) FROM outbox o WHERE o.signup_id = s.id) AS mails,
       (SELECT count(*) FROM outbox o WHERE o.signup_id = s.id AND o.sent_at IS NOT NULL) AS sent
     FROM signups s`,
  );
  const stored = new Map(rows.map((r) => [r.email, r]));
  const lost = [...accepted].filter((email) => stored.get(email)?.mails !== 1).length;
  const once = rows.every((r) => r.n === 1 && r.mails === 1);
  const mails = rows.reduce((sum, r) => sum + r.mails, 0);
  // Handed to the sender (development's outbox transport marks them sent) by the delivery after each answer.
  const sent = rows.reduce((sum, r) => sum + r.sent, 0);
  console.log(`\nbench:signup — ${connections} connections, ${duration} s, a new address and client per request\n`);
  console.log(
    "| endpoint | p50 ms | p99 ms | req/s | accepted (202) | stored | each once, one mail | mails | sent | lost | other answers |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
  console.log(
    `| /healthz | ${health.latency.p50} | ${health.latency.p99} | ${health.requests.average.toFixed(0)} | | | | | | | |`,
  );
  console.log(
    `| POST /v1/signups | ${result.latency.p50} | ${result.latency.p99} | ${result.requests.average.toFixed(0)} | ${accepted.size} | ${stored.size} | ${once ? "yes" : "NO"} | ${mails} | ${sent} | ${lost} | ${result.non2xx + result.errors} |`,
  );
  // Stored minus accepted: requests still in flight when the clock ran out (stored, their answer unread).
  console.log(
    `\nlost = accepted but not stored with exactly one mail. ${stored.size - accepted.size} signups were stored whose answer came after the ${duration} s.`,
  );
  if (lost > 0 || !once) process.exitCode = 1;

  // Does the answer's time tell whether an address is known? One client after another (no load), new and
  // known addresses interleaved, each from its own client; the known one was signed up just before, so
  // every repeat takes the path that sends nothing.
  const SAMPLES = 40;
  const post = async (email: string, i: number) => {
    const started = performance.now();
    const response = await fetch(`${server.origin}/v1/signups`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": `172.16.${i >> 8}.${i & 255}` },
      body: JSON.stringify({
        email,
        wants: ["job_offers"],
        consent: true,
        consent_version: consent,
        turnstile_token: "XXXX.DUMMY.TOKEN.XXXX",
      }),
    });
    await response.arrayBuffer();
    if (response.status !== 202) throw new Error(`timing sample answered ${response.status}`);
    return performance.now() - started;
  };
  await post("timing.known@example.org", 0);
  const times = { new: [] as number[], known: [] as number[] };
  for (let i = 1; i <= SAMPLES; i++) {
    times.new.push(await post(`timing.new.${i}@example.org`, 2 * i));
    times.known.push(await post("timing.known@example.org", 2 * i + 1));
  }
  const quantile = (xs: number[], q: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  };
  const summary = (xs: number[]) => ({
    p25: quantile(xs, 0.25),
    p50: quantile(xs, 0.5),
    p75: quantile(xs, 0.75),
    p90: quantile(xs, 0.9),
  });
  const fresh = summary(times.new);
  const known = summary(times.known);
  const spread = Math.max(fresh.p75 - fresh.p25, known.p75 - known.p25);
  const gap = Math.abs(fresh.p50 - known.p50);
  console.log(`
New and known addresses, ${SAMPLES} sequential signups each, interleaved (ms):
`);
  console.log("| address | p25 | p50 | p75 | p90 |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [name, t] of [
    ["new", fresh],
    ["known (repeat, no mail)", known],
  ] as const) {
    console.log(`| ${name} | ${t.p25.toFixed(1)} | ${t.p50.toFixed(1)} | ${t.p75.toFixed(1)} | ${t.p90.toFixed(1)} |`);
  }
  console.log(
    `
Median gap ${gap.toFixed(1)} ms, interquartile spread ${spread.toFixed(1)} ms: ${gap <= spread ? "within noise" : "NOT within noise"}.`,
  );
} finally {
  await server.stop();
  siteverify.close();
}
