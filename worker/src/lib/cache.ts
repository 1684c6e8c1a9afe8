/** Cache headers for public GET answers, and the two cache levels in front of the job search. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env.ts";

/** Caches a successful answer for `maxAge` seconds and serves it stale for a while during revalidation. */
export function publicCache(maxAge: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.res.status === 200 && !c.res.headers.has("Cache-Control")) {
      c.header("Cache-Control", `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 5}`);
    }
    // Labels and messages follow Accept-Language, so caches must key on it.
    c.header("Vary", "Accept-Language", { append: true });
  });
}

interface Memo {
  expires: number;
  body: Uint8Array;
  status: number;
  headers: [string, string][];
}

// Most searches come from widgets showing the same default view on many page views, so the hottest
// answers are also kept in the isolate's memory: a hit then costs no I/O at all. Bounded, least recently
// used first out; an isolate may be dropped at any time, which only costs a miss.
const MEMO_ENTRIES = 256;
const memo = new Map<string, Memo>();

function recall(key: string): Response | undefined {
  const entry = memo.get(key);
  if (!entry) return undefined;
  memo.delete(key);
  if (entry.expires <= Date.now()) return undefined;
  memo.set(key, entry);
  return new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
}

function remember(key: string, response: Response, body: Uint8Array, ttl: number) {
  memo.delete(key);
  memo.set(key, { expires: Date.now() + ttl * 1000, body, status: response.status, headers: [...response.headers] });
  if (memo.size > MEMO_ENTRIES) {
    const oldest = memo.keys().next().value;
    if (oldest !== undefined) memo.delete(oldest);
  }
}

/**
 * Keeps successful answers for `ttl` seconds: in the isolate's memory, then in the Workers Cache API
 * (shared by the isolates of a data centre), so a repeated search (the same widget on many page views,
 * the same query typed by many people) costs a lookup instead of an FTS query with facets. The Cache API
 * ignores Vary, so the language is part of the key. A request that sends `Cache-Control: no-cache`
 * skips both lookups and refreshes the entries; `no-store` (as HTTP means it) skips them and stores nothing.
 */
export function edgeCache(ttl: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const url = new URL(c.req.url);
    url.searchParams.set("__lang", c.get("language"));
    const key = url.href;
    const directives = c.req.header("Cache-Control") ?? "";
    if (/no-store/.test(directives)) return next();
    const cache = await caches.open("api");
    if (!/no-cache/.test(directives)) {
      const local = recall(key);
      if (local) {
        c.res = local;
        return;
      }
      const hit = await cache.match(key);
      if (hit) {
        const body = new Uint8Array(await hit.arrayBuffer());
        remember(key, hit, body, ttl);
        c.res = new Response(body, hit);
        return;
      }
    }
    await next();
    if (c.res.status !== 200) return;
    const body = new Uint8Array(await c.res.arrayBuffer());
    const headers = new Headers(c.res.headers);
    c.res = new Response(body, { status: 200, headers });
    const stored = new Response(body.slice(), { status: 200, headers });
    stored.headers.set("Cache-Control", `public, max-age=${ttl}`);
    remember(key, c.res, body, ttl);
    c.executionCtx.waitUntil(cache.put(key, stored));
  });
}
