// The demo's import sources on a running dev server, through the admin API only: registering them
// (`npm start`) and running them (`npm run import`), the same queue path the cron trigger takes.

import type { Source } from "../shared/schemas/sources.ts";
import { DEMO_SOURCES } from "../worker/src/dev/demo-sources.ts";
import { devSession } from "./dev-session.ts";
import { DEFAULT_PERSIST } from "./local-db.ts";

// One session per server (origin), made on first use in the local D1 that server reads.
const sessions = new Map<string, Promise<Record<string, string>>>();
let persistTo = DEFAULT_PERSIST;

/** Where the dev server's D1 lives, when it is not `npm start`'s (the import benchmark's own). */
export function useLocalD1(dir: string): void {
  persistTo = dir;
}

/** Whether a run that started after `before` is done, its description steps included. */
export function runDone(health: Source["health"], before: string | null): boolean {
  return health.last_run_at !== before && !health.details_pending;
}

/** The admin API's sources, as the scripts' admin account. */
export async function api<T>(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  if (!sessions.has(origin)) sessions.set(origin, devSession(origin, persistTo));
  const res = await fetch(`${origin}/v1/admin/sources${path}`, {
    method,
    // English, like the health table's headings this script prints.
    headers: { ...(await sessions.get(origin)), "Content-Type": "application/json", "Accept-Language": "en" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** Adds the demo sources the server does not have yet; returns how many were added. */
export async function registerDemoSources(origin: string): Promise<number> {
  const { body } = await api<{ data: Source[] }>(origin, "GET", "");
  const known = new Set(body.data.map((s) => s.id));
  let added = 0;
  for (const { path, ...source } of DEMO_SOURCES) {
    if (known.has(source.id)) continue;
    const res = await api<unknown>(origin, "POST", "", { ...source, url: `${origin}${path}`, every_minutes: 360 });
    if (res.status !== 201) throw new Error(`could not add the demo source ${source.id}: ${JSON.stringify(res.body)}`);
    added++;
  }
  return added;
}

/** Queues a run of each source (all enabled ones without `ids`) and waits until each has run. */
export async function runImports(origin: string, ids?: string[], timeoutMs = 120_000): Promise<Source[]> {
  const { body } = await api<{ data: Source[] }>(origin, "GET", "");
  const chosen = body.data.filter((s) => (ids ? ids.includes(s.id) : s.enabled && s.kind !== "demo"));
  const unknown = ids?.filter((id) => !body.data.some((s) => s.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`no such source: ${unknown.join(", ")}`);
  const before = new Map(chosen.map((s) => [s.id, s.health.last_run_at]));
  for (const s of chosen) await api(origin, "POST", `/${s.id}/run`);
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    const now = (await api<{ data: Source[] }>(origin, "GET", "")).body.data.filter((s) => before.has(s.id));
    if (now.every((s) => runDone(s.health, before.get(s.id) ?? null))) return now;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the imports did not finish within ${timeoutMs / 1000} s`);
}

/** A table of the sources' health, as the admin API reports it. */
export function healthTable(sources: Source[]): string {
  const rows = sources.map((s) => [
    s.id,
    s.kind,
    s.health.state,
    String(s.health.seen),
    String(s.health.added),
    String(s.health.updated),
    String(s.health.closed),
    s.health.last_error ?? s.health.notes.join("; "),
  ]);
  const head = ["source", "kind", "state", "seen", "added", "updated", "closed", "why / notes"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.min((r[i] ?? "").length, 70))));
  const fmt = (r: string[]) =>
    r.map((c, i) => (c.length > 70 ? `${c.slice(0, 69)}…` : c).padEnd(widths[i] ?? 0)).join("  ");
  return [fmt(head), fmt(widths.map((w) => "-".repeat(w))), ...rows.map(fmt)].join("\n");
}
