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
