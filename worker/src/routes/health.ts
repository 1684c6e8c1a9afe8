/** `GET /healthz`: the worker answers and its database responds. */
import { Hono } from "hono";
import { ping } from "../db/health.ts";
import type { AppEnv } from "../env.ts";

export const health = new Hono<AppEnv>();

health.get("/", async (c) => {
  c.header("Cache-Control", "no-store");
  const ok = await ping(c.env.DB).catch(() => false);
  return c.json({ status: ok ? "ok" : "degraded", database: ok ? "ok" : "unreachable" }, ok ? 200 : 503);
});
