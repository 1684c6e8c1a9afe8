// `npm run bench:mail`: a weekly job digest run for 50,000 fictional people over 50,000 jobs, on a wrangler
// dev server with its real local D1 and mail queue, started as the hourly trigger starts it (through the
// admin API, its first step in the request, the rest as queue messages). Prints the time until the run is
// done, the D1 rows it read (summed from D1's own counts per step), and /healthz in the same run as the
// baseline. Then one newsletter to all of them, sent through the staff API as the console sends it (its
// first step in the request, the rest on the queue): the time until every mail is queued in the outbox, and
// the rows read. Budgets: the digest run ≤ 2 minutes, with no scan of all jobs per person; the newsletter
// queued ≤ 30 s.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { devSession } from "../scripts/dev-session.ts";
import { applyMigrations, seed } from "../scripts/local-db.ts";
import { ROOT, runWrangler, startDevServer, WRANGLER_CONFIG } from "../scripts/wrangler.ts";
import { WANT_IDS } from "../shared/signup-options.ts";
import { demoPeople, peopleSql } from "../worker/seed/people.ts";

const { values } = parseArgs({
  options: { people: { type: "string", default: "50000" }, jobs: { type: "string", default: "50000" } },
});
const PEOPLE = Number(values.people);
const JOBS = Number(values.jobs);
const DAY = 86_400_000;
const persist = path.join(ROOT, ".wrangler", "bench", "mail");
const local = ["--local", "--config", WRANGLER_CONFIG, "--persist-to", persist];

async function query<T>(sql: string): Promise<T[]> {
  const out = await runWrangler(["d1", "execute", "DB", ...local, "--json", "--command", sql], { quiet: true });
  return (JSON.parse(out) as { results: T[] }[])[0]?.results ?? [];
}

const setupStart = performance.now();
await rm(persist, { recursive: true, force: true });
await applyMigrations(persist);
await seed(JOBS, persist);
// The seed's 48 demo people make way for the benchmark's own, who all chose all three purposes (every fifth
// has not confirmed, as in the demo).
const file = path.join(ROOT, ".wrangler", "tmp", `bench-mail-${PEOPLE}.sql`);
await mkdir(path.dirname(file), { recursive: true });
const people = demoPeople(PEOPLE, new Date(Date.now() - 20 * DAY), "0".repeat(64)).map((p, i) => ({
  ...p,
  id: `bench-${String(i + 1).padStart(6, "0")}`,
  email: `bench.${i + 1}@example.org`,
  wants: JSON.stringify(WANT_IDS),
}));
await writeFile(file, `DELETE FROM signups;\n${peopleSql(people)}`);
await runWrangler(["d1", "execute", "DB", ...local, "--yes", "--file", file], { quiet: true });
const since = new Date(Date.now() - 14 * DAY).toISOString();
const [window] = await query<{ fresh: number; open: number; due: number }>(
  `SELECT (SELECT count(*) FROM jobs WHERE first_seen_at > '${since}' AND valid_through > datetime('now')) AS fresh,
     (SELECT count(*) FROM jobs WHERE valid_through > datetime('now')) AS open,
     (SELECT count(*) FROM signups WHERE status = 'confirmed') AS due`,
);
console.log(
  `set up ${PEOPLE.toLocaleString("en")} people and ${JOBS.toLocaleString("en")} jobs in ${((performance.now() - setupStart) / 1000).toFixed(0)} s`,
);

interface Step {
  looked: number;
  mailed: number;
  capped: number;
  rows_read?: number;
  next?: string;
}
/** A run's steps as the queue consumer logs them, and its end. */
function tracked() {
  const steps: Step[] = [];
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });
  return { steps, done, finish: () => finished() };
}
const runs = { digest: tracked(), newsletter: tracked() };
// The queue consumer's line per step (worker/src/keep-in-touch/queue.ts).
const STEP_LINE =
  /(digest|newsletter \d+) step: (\d+) looked at, (\d+) mailed, (\d+) held back by the cap, (\d+) D1 rows read(, run done)?/;
const server = await startDevServer(8850, persist, 60_000, undefined, (line) => {
  // A reload of the dev server would cut the run's request off: say so if it happens.
  if (line.includes("Your Worker has access") && runs.digest.steps.length > 0) console.error("the dev server reloaded");
  if (line.includes("exceeded") || line.includes("Error")) console.error(line);
  const m = STEP_LINE.exec(line);
  if (!m) return;
  const run = m[1] === "digest" ? runs.digest : runs.newsletter;
  run.steps.push({ looked: Number(m[2]), mailed: Number(m[3]), capped: Number(m[4]), rows_read: Number(m[5]) });
  if (m[6]) run.finish();
});
const sum = (steps: Step[], k: "looked" | "mailed" | "capped" | "rows_read") =>
  steps.reduce((n, s) => n + (s[k] ?? 0), 0);
try {
  const origin = server.origin;
  const session = await devSession(origin, persist);
  const health: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await (await fetch(`${origin}/healthz`)).arrayBuffer();
    health.push(performance.now() - t);
  }
  health.sort((a, b) => a - b);
  const steps = runs.digest.steps;
  const start = performance.now();
  const res = await fetch(`${origin}/v1/admin/keep-in-touch/run`, { method: "POST", headers: session });
  if (!res.ok) throw new Error(`the run did not start: ${res.status} ${await res.text()}`);
  const first = ((await res.json()) as { digest: Step }).digest;
  steps.unshift(first);
  if (first.next) await Promise.race([runs.digest.done, new Promise((r) => setTimeout(r, 10 * 60_000))]);
  const seconds = (performance.now() - start) / 1000;
  const [queued] = await query<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'digest'");

  // One newsletter to everyone who chose it, as the console sends it.
  const json = { ...session, "Content-Type": "application/json" };
  const created = await fetch(`${origin}/v1/staff/newsletters`, {
    method: "POST",
    headers: json,
    body: JSON.stringify({
      subject_de: "Heimatpost im Dezember",
      body_de: "## Neues aus dem Sauerland\n\nDrei neue Stammtische und viele offene Stellen: [alle Stellen](/jobs).",
      subject_en: "Heimatpost in December",
      body_en: "## News from the Sauerland\n\nThree new meet-ups and many open jobs: [all jobs](/jobs).",
    }),
  });
  if (created.status !== 201)
    throw new Error(`the newsletter was not saved: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: number };
  const nl = runs.newsletter;
  const nlStart = performance.now();
  const sent = await fetch(`${origin}/v1/staff/newsletters/${id}/send`, { method: "POST", headers: json, body: "{}" });
  if (!sent.ok) throw new Error(`the newsletter was not sent: ${sent.status} ${await sent.text()}`);
  const { status } = (await sent.json()) as { status: string };
  // The request's own step is not logged: the rest are, and the last says "run done".
  if (status !== "sent") await Promise.race([nl.done, new Promise((r) => setTimeout(r, 10 * 60_000))]);
  const nlSeconds = (performance.now() - nlStart) / 1000;
  const [nlQueued] = await query<{ n: number; audience: number }>(
    `SELECT (SELECT count(*) FROM outbox WHERE mailing = 'newsletter:${id}') AS n,
       (SELECT count(*) FROM signups WHERE status = 'confirmed' AND mail_stopped_at IS NULL
          AND EXISTS (SELECT 1 FROM json_each(wants) WHERE value = 'newsletter')) AS audience`,
  );

  console.log("\nbench:mail — one weekly job digest run\n");
  console.log(
    "| people (confirmed) | open jobs (new in 14 days) | steps | looked at | mailed | queued in outbox | time | D1 rows read | rows read per person | /healthz p50 |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  console.log(
    `| ${PEOPLE.toLocaleString("en")} (${(window?.due ?? 0).toLocaleString("en")}) | ${(window?.open ?? 0).toLocaleString("en")} (${(window?.fresh ?? 0).toLocaleString("en")}) | ${steps.length} | ${sum(steps, "looked").toLocaleString("en")} | ${sum(steps, "mailed").toLocaleString("en")} | ${(queued?.n ?? 0).toLocaleString("en")} | ${seconds.toFixed(1)} s | ${sum(steps, "rows_read").toLocaleString("en")} | ${(sum(steps, "rows_read") / Math.max(1, sum(steps, "looked"))).toFixed(2)} | ${(health[25] ?? 0).toFixed(1)} ms |`,
  );
  console.log("\nbench:mail — one newsletter to everyone who chose it\n");
  console.log(
    "| audience | steps (on the queue) | queued in outbox | of them waiting for the cap | time | D1 rows read (queue steps) | rows read per mail |",
  );
  console.log("|---|---|---|---|---|---|---|");
  console.log(
    `| ${(nlQueued?.audience ?? 0).toLocaleString("en")} | 1 + ${nl.steps.length} | ${(nlQueued?.n ?? 0).toLocaleString("en")} | ${sum(nl.steps, "capped").toLocaleString("en")} | ${nlSeconds.toFixed(1)} s | ${sum(nl.steps, "rows_read").toLocaleString("en")} | ${(sum(nl.steps, "rows_read") / Math.max(1, sum(nl.steps, "mailed"))).toFixed(2)} |`,
  );
  console.log(
    `\nbudgets: the digest run ≤ 120 s (${seconds <= 120 ? "met" : "missed"}); jobs are read once per step of 5,000 people (${steps.length} steps), never per person. The newsletter queued ≤ 30 s (${nlSeconds <= 30 && nlQueued?.n === nlQueued?.audience ? "met" : "missed"}).`,
  );
} finally {
  await server.stop();
}
