/** `GET /v1/openapi.json`. */
import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { publicCache } from "../../lib/cache.ts";
import { publicOrigin } from "../../lib/origin.ts";
import { buildOpenApi } from "../../openapi/document.ts";

export const openapi = new Hono<AppEnv>();

openapi.get("/", publicCache(3600), (c) => c.json(buildOpenApi(publicOrigin(c))));
