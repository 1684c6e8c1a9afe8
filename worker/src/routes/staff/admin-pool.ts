/**
 * `POST /v1/admin/pool-searches/run`: runs employers' saved searches now, as the hourly trigger does
 * (`npm run digest` on the dev server, `npm run bench:pool`). Each search is mailed at most once a week.
 */
import { Hono } from "hono";
import { auditStatement } from "../../db/staff.ts";
import { ApiError } from "../../lib/errors.ts";
import { mailOrigin } from "../../lib/origin.ts";
import type { StaffEnv } from "../../lib/staff-session.ts";
import { runSavedSearches } from "../../pool/saved-searches.ts";

export const adminPool = new Hono<StaffEnv>();

adminPool.post("/run", async (c) => {
  const origin = mailOrigin(c);
  if (!origin) throw new ApiError(409, "mail_not_configured");
  const now = new Date();
  const run = await runSavedSearches(c.env, origin, now);
  await auditStatement(
    c.env.DB,
    { staff_id: c.get("staff").id, action: "pool.searches_run", detail: { ...run } },
    now.toISOString(),
  ).run();
  return c.json(run);
});
