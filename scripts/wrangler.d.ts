import { type SpawnOptions } from "node:child_process";
export declare const ROOT: string;
export declare const WRANGLER_CONFIG: string;
export declare const wranglerEnv: NodeJS.ProcessEnv;
/** Starts wrangler with `args`; the caller decides what to do with the child. */
export declare function spawnWrangler(args: string[], options?: SpawnOptions): import("child_process").ChildProcess;
/** Runs wrangler to completion; rejects with its output when it fails. */
export declare function runWrangler(args: string[], { quiet }?: {
    quiet?: boolean | undefined;
}): Promise<string>;
export interface DevServer {
    origin: string;
    /** Stops the server and resolves once it has exited. */
    stop(): Promise<void>;
}
/** What development and the tests run with: the dev outbox, Cloudflare's always-pass Turnstile test secret. */
export declare const DEV_VARS: Record<string, string>;
/**
 * `wrangler dev` on 127.0.0.1:`port` with the local D1 in `persistTo`, resolved once /healthz answers.
 * Used by the benchmarks and the browser tests; `npm start` runs its own, with its output shown.
 */
export declare function startDevServer(port: number, persistTo: string, timeoutMs?: number, vars?: Record<string, string>): Promise<DevServer>;
