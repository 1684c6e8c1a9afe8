/**
 * `/v1/admin/sources`: the import sources with their health; add, change or switch off a source, and run
 * one now (it goes through the import queue like a scheduled run). Mounted inside the admin routes, so
 * the admin token guards it.
 */
import { Hono } from "hono";
import { CUSTOM_MESSAGES, fieldErrors } from "../../../../shared/errors.ts";
import {
  type SourcePatch,
  sourceIdParamSchema,
  sourceInputSchema,
  sourcePatchSchema,
} from "../../../../shared/schemas/sources.ts";
import { addSource, employerExists, getSource, listSources, updateSource } from "../../db/sources.ts";
import type { AppEnv } from "../../env.ts";
import { sourceUrlAllowed } from "../../import/source-url.ts";
import { ApiError } from "../../lib/errors.ts";
import { validate } from "../../lib/validate.ts";
import { toSource } from "../../present/sources.ts";

export const adminSources = new Hono<AppEnv>();

async function body(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  const parsed: unknown = await c.req.json().catch(() => undefined);
  if (parsed === undefined) throw new ApiError(400, "invalid_body");
  return parsed;
}

adminSources.get("/", async (c) =>
  c.json({ data: (await listSources(c.env.DB)).map((row) => toSource(row, c.get("language"))) }),
);

adminSources.post("/", async (c) => {
  const lang = c.get("language");
  const parsed = sourceInputSchema.safeParse(await body(c), { reportInput: true });
  if (!parsed.success) throw new ApiError(400, "invalid_body", fieldErrors(parsed.error.issues, lang));
  const s = parsed.data;
  if (s.url !== undefined && !sourceUrlAllowed(s.url, c.env.DEV === "true"))
    throw new ApiError(400, "invalid_body", { url: CUSTOM_MESSAGES.source_url[lang] });
  if (await getSource(c.env.DB, s.id))
    throw new ApiError(400, "invalid_body", { id: CUSTOM_MESSAGES.source_exists[lang] });
  if (s.employer && !(await employerExists(c.env.DB, s.employer)))
    throw new ApiError(400, "invalid_body", { employer: CUSTOM_MESSAGES.unknown_employer[lang] });
  await addSource(
    c.env.DB,
    {
      id: s.id,
      kind: s.kind,
      name: s.name,
      url: s.url ?? null,
      town_id: s.town ?? null,
      employer_id: s.employer ?? null,
      every_minutes: s.every_minutes,
      params: {
        ...(s.default_kind ? { default_kind: s.default_kind } : {}),
        ...(s.radius_km !== undefined ? { radius_km: s.radius_km } : {}),
      },
    },
    new Date().toISOString(),
  );
  const created = await getSource(c.env.DB, s.id);
  return c.json(created && toSource(created, c.get("language")), 201);
});

adminSources.patch("/:id", validate("param", sourceIdParamSchema), async (c) => {
  const lang = c.get("language");
  const { id } = c.req.valid("param");
  const existing = await getSource(c.env.DB, id);
  if (!existing) throw new ApiError(404, "not_found");
  const parsed = sourcePatchSchema.safeParse(await body(c), { reportInput: true });
  if (!parsed.success) throw new ApiError(400, "invalid_body", fieldErrors(parsed.error.issues, lang));
  const patch: SourcePatch = parsed.data;
  if (patch.url !== undefined && !sourceUrlAllowed(patch.url, c.env.DEV === "true"))
    throw new ApiError(400, "invalid_body", { url: CUSTOM_MESSAGES.source_url[lang] });
  const params = JSON.parse(existing.params) as Record<string, unknown>;
  await updateSource(c.env.DB, id, {
    name: patch.name,
    url: patch.url,
    every_minutes: patch.every_minutes,
    enabled: patch.enabled,
    params: patch.default_kind === undefined ? undefined : { ...params, default_kind: patch.default_kind },
  });
  const updated = await getSource(c.env.DB, id);
  return c.json(updated && toSource(updated, c.get("language")));
});

adminSources.post("/:id/run", validate("param", sourceIdParamSchema), async (c) => {
  const { id } = c.req.valid("param");
  const source = await getSource(c.env.DB, id);
  if (!source || source.kind === "demo") throw new ApiError(404, "not_found");
  await c.env.IMPORTS.send({ source: id });
  return c.json({ status: "queued" as const }, 202);
});
