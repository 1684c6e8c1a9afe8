/** `GET /v1/towns` and `GET /v1/employers`. */
import { Hono } from "hono";
import { safeHref } from "../../../../shared/links.ts";
import type { EmployerDto, TownDto } from "../../../../shared/schemas/region.ts";
import { employersQuerySchema } from "../../../../shared/schemas/region.ts";
import { listEmployers, listTowns } from "../../db/region.ts";
import type { AppEnv } from "../../env.ts";
import { publicCache } from "../../lib/cache.ts";
import { validate } from "../../lib/validate.ts";

export const towns = new Hono<AppEnv>();

towns.get("/", publicCache(300), async (c) => {
  const rows = await listTowns(c.env.DB, new Date().toISOString());
  const data: TownDto[] = rows.map((t) => ({ ...t, id: t.id as TownDto["id"] }));
  return c.json({ data });
});

export const employers = new Hono<AppEnv>();

employers.get("/", publicCache(300), validate("query", employersQuerySchema), async (c) => {
  const rows = await listEmployers(c.env.DB, new Date().toISOString(), c.req.valid("query").town);
  const data: EmployerDto[] = rows.map((e) => ({
    id: e.id,
    name: e.name,
    town: { id: e.town_id as EmployerDto["town"]["id"], name: e.town_name },
    industry: e.industry,
    website: safeHref(e.website) ?? null,
    open_jobs: e.open_jobs,
  }));
  return c.json({ data });
});
