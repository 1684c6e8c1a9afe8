/**
 * Request validation with the shared zod schemas: a bad query becomes a 400 envelope naming each field,
 * a path parameter that cannot name anything a 404.
 */
import type { Context } from "hono";
import { validator } from "hono/validator";
import type { z } from "zod";
import { fieldErrors } from "../../../shared/errors.ts";
import type { Lang } from "../../../shared/i18n.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "./errors.ts";

type Target = "query" | "param";

const CODES = { query: "invalid_query", param: "not_found" } as const;

function raw(target: Target, c: Context<AppEnv>): Record<string, string | string[]> {
  if (target === "param") return c.req.param() as Record<string, string>;
  // A key given once is a string, given several times a list: the list schemas accept both.
  const all = c.req.queries();
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.length === 1 ? (v[0] as string) : v]));
}

/** `validate("query", schema)`: handlers then read the parsed value with `c.req.valid("query")`. */
export function validate<T extends z.ZodType, Tg extends Target>(target: Tg, schema: T) {
  return validator(target, (_value, c: Context<AppEnv>) => {
    const parsed = schema.safeParse(raw(target, c), { reportInput: true });
    // A path that names no possible resource (`/v1/jobs/abc`) names nothing there is: not found, as
    // everywhere on the web. 400 stays for bad query parameters and bodies.
    if (!parsed.success && target === "param") throw new ApiError(404, "not_found");
    if (!parsed.success) throw new ApiError(400, CODES[target], fieldErrors(parsed.error.issues, c.get("language")));
    return parsed.data as z.output<T>;
  });
}

/** A JSON body parsed with `schema`; a body that is no JSON, or does not fit, is a 400 naming each field. */
export async function jsonBody<T extends z.ZodType, E extends AppEnv>(c: Context<E>, schema: T): Promise<z.output<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, "invalid_body");
  }
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success)
    throw new ApiError(400, "invalid_body", fieldErrors(parsed.error.issues, c.get("language") as Lang));
  return parsed.data;
}
