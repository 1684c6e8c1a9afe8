/** The origin absolute links are built on: the configured public origin, else the request's own. */
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";

export function publicOrigin(c: Context<AppEnv>): string {
  return c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin;
}
