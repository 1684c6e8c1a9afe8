// Runs wrangler with telemetry, the Request.cf download and update checks switched off, so no command waits
// on a network this project must not need. Usable as a CLI (`node scripts/wrangler.ts <args>`) and a module.
import { type SpawnOptions, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TURNSTILE_TEST } from "../worker/src/lib/turnstile.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const WRANGLER_CONFIG = path.join(ROOT, "worker", "wrangler.jsonc");
const WRANGLER_BIN = path.join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");

export const wranglerEnv: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  // wrangler dev's local trace store: it writes every request's spans and log lines into a SQLite file
  // under .wrangler (15 MB in a few minutes of bench:api) on the worker's own thread, a cost production
  // does not have (a quarter of /healthz's CPU here). Our log lines still reach the terminal.
  X_LOCAL_OBSERVABILITY: "false",
  // Keeps wrangler's own config and logs inside the repo's ignored area instead of $HOME.
  XDG_CONFIG_HOME: path.join(ROOT, ".wrangler", "config"),
};

/** Starts wrangler with `args`; the caller decides what to do with the child. */
export function spawnWrangler(args: string[], options: SpawnOptions = {}) {
  return spawn(process.execPath, [WRANGLER_BIN, ...args], {
    cwd: ROOT,
    env: wranglerEnv,
    stdio: "inherit",
    ...options,
  });
}

/** Runs wrangler to completion; rejects with its output when it fails. */
export function runWrangler(args: string[], { quiet = false } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnWrangler(args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk;
      if (!quiet) process.stdout.write(chunk);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`wrangler ${args.join(" ")} exited with ${code}\n${err || out}`));
    });
  });
}

export interface DevServer {
  /** The wrangler process's id: its workerd runs as a child of it. */
  pid: number | undefined;
  origin: string;
  /** Stops the server and resolves once it has exited. */
  stop(): Promise<void>;
}

/** What development and the tests run with: the dev outbox, Cloudflare's always-pass Turnstile test secret. */
export const DEV_VARS: Record<string, string> = {
  DEV: "true",
  MAIL_TRANSPORT: "outbox",
  TURNSTILE_SECRET: TURNSTILE_TEST.secretPasses,
  TURNSTILE_SITE_KEY: TURNSTILE_TEST.siteKeyPasses,
  SIGNING_KEY: "local-development-only",
  // The demo person chose all three purposes (digest, invitations, newsletter): with production's cap of two
  // a week, the third would wait a week, and the demo could not show each of them in one sitting.
  MAIL_WEEKLY_CAP: "3",
};

/**
 * `wrangler dev` on 127.0.0.1:`port` with the local D1 in `persistTo`, resolved once /healthz answers.
 * Used by the benchmarks and the browser tests; `npm start` runs its own, with its output shown.
 */
export async function startDevServer(
  port: number,
  persistTo: string,
  timeoutMs = 60_000,
  vars: Record<string, string> = DEV_VARS,
  /** Gets the worker's log lines (bench:mail reads its queue steps' lines); without it they are dropped. */
  onLog?: (line: string) => void,
): Promise<DevServer> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawnWrangler(
    [
      "dev",
      "--config",
      WRANGLER_CONFIG,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      persistTo,
      "--show-interactive-dev-session=false",
      "--log-level",
      onLog ? "log" : "error",
      ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
    ],
    { stdio: ["ignore", onLog ? "pipe" : "ignore", "inherit"] },
  );
  if (onLog) {
    let rest = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) onLog(line);
    });
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("close", () => resolve());
      child.kill("SIGTERM");
    });
  for (const deadline = Date.now() + timeoutMs; ; ) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return { origin, stop, pid: child.pid };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev did not answer on ${origin}/healthz`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const child = spawnWrangler(process.argv.slice(2));
  child.on("close", (code) => process.exit(code ?? 1));
}
