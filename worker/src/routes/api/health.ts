/**
 * `GET /healthz`: the worker answers and its database responds. With `?details=1` it also says whether
 * signups can work (public origin for mail links, signing key, Turnstile keys), naming what is missing;
 * it names no value; and how many import sources are healthy, degraded or failing (states only: a source's
 * URL may hold a key).
 */
import { Hono } from "hono";
import { ping } from "../../db/health.ts";
import { sourceStates } from "../../db/sources.ts";
import type { AppEnv } from "../../env.ts";
import { signupProblems } from "../../lib/origin.ts";

export const health = new Hono<AppEnv>();

health.get("/", async (c) => {
  c.header("Cache-Control", "no-store");
  const ok = await ping(c.env.DB).catch(() => false);
  const body = { status: ok ? "ok" : "degraded", database: ok ? "ok" : "unreachable" };
  if (c.req.query("details") !== "1") return c.json(body, ok ? 200 : 503);
  const problems = signupProblems(c);
  const sources = ok ? await sourceStates(c.env.DB).catch(() => null) : null;
  return c.json({ ...body, signups: problems.length ? "unavailable" : "ok", problems, sources }, ok ? 200 : 503);
});
