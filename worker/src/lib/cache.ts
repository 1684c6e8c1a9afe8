/** Cache headers for public GET answers: shared caches may keep them briefly; ETags make revalidation cheap. */
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

/**
 * Keeps successful answers in the Workers Cache API for `ttl` seconds, so a repeated search (the same
 * widget on many page views, the same query typed by many people) costs one lookup instead of an FTS
 * query with facets. The cache ignores Vary, so the language is part of the key. A request that sends
 * `Cache-Control: no-cache` skips the lookup and refreshes the entry.
 */
export function edgeCache(ttl: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = new URL(c.req.url);
    key.searchParams.set("__lang", c.get("language"));
    const cache = await caches.open("api");
    const bypass = /no-cache|no-store/.test(c.req.header("Cache-Control") ?? "");
    if (!bypass) {
      const hit = await cache.match(key.href);
      if (hit) {
        c.res = new Response(hit.body, hit);
        return;
      }
    }
    await next();
    if (c.res.status !== 200) return;
    const stored = new Response(c.res.clone().body, c.res);
    stored.headers.set("Cache-Control", `public, max-age=${ttl}`);
    c.executionCtx.waitUntil(cache.put(key.href, stored));
  });
}
