/**
 * `POST /v1/admin/keep-in-touch/run`: starts a digest run and an invitation round now, as the hourly
 * trigger does (`npm run digest` on the dev server). The first step of each runs in this request, so the
 * answer says what it did; further steps and the delivery follow on the mail queue.
 */
import { Hono } from "hono";
import { auditStatement } from "../../db/staff.ts";
import { runStep } from "../../keep-in-touch/queue.ts";
import { ApiError } from "../../lib/errors.ts";
import { mailOrigin } from "../../lib/origin.ts";
import type { StaffEnv } from "../../lib/staff-session.ts";

export const adminKeepInTouch = new Hono<StaffEnv>();

adminKeepInTouch.post("/run", async (c) => {
  const origin = mailOrigin(c);
  if (!origin) throw new ApiError(409, "mail_not_configured");
  const at = new Date().toISOString();
  const digest = await runStep(c.env, { job: "digest", at, origin, after: "" });
  const invitations = await runStep(c.env, { job: "invitations", at, origin, after: "" });
  await auditStatement(
    c.env.DB,
    {
      staff_id: c.get("staff").id,
      action: "keep_in_touch.run",
      detail: { digest: digest.mailed, invitations: invitations.mailed },
    },
    at,
  ).run();
  return c.json({ digest, invitations });
});
