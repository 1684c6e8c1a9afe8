/**
 * `GET /v1/admin/signups` (JSON) and `GET /v1/admin/signups.csv`: the programme team's list of confirmed
 * signups, for an admin's console session or an admin's read-only machine token (`Authorization: Bearer
 * hvm_…`, made in the console); every export is audited. The import sources (admin-sources.ts) need a session.
 */
import { type Context, Hono } from "hono";
import { listConfirmedSignups, type SignupRecord } from "../../db/signups.ts";
import { auditStatement } from "../../db/staff.ts";
import { csvBody, csvHeaders } from "../../lib/csv.ts";
import { ApiError } from "../../lib/errors.ts";
import { currentStaff, type StaffEnv } from "../../lib/staff-session.ts";
import { ownFormsOnly } from "../../pages/layout.ts";
import { adminKeepInTouch } from "./admin-keep-in-touch.ts";
import { adminPool } from "./admin-pool.ts";
import { adminSources } from "./admin-sources.ts";

export const admin = new Hono<StaffEnv>();

/**
 * Two ways in: an admin's console session, whose changes must come from our own pages, or an admin's
 * machine token (made in the console), which may only read the signups export.
 */
admin.use(async (c, next) => {
  const staff = await currentStaff(c);
  if (!staff) {
    c.header("WWW-Authenticate", 'Bearer realm="heimvorteil"');
    throw new ApiError(401, "unauthorized");
  }
  if (staff.role !== "admin") throw new ApiError(403, "not_allowed");
  c.set("staff", staff);
  await next();
});
// Changes from our own pages only (a machine token only reads, by GET).
admin.use(ownFormsOnly);

admin.use(async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});

const COLUMNS = [
  "email",
  "first_name",
  "field",
  "occupation",
  "qualification",
  "towns",
  "earliest_return",
  "wants",
  "lang",
  "confirmed_at",
  "consent_version",
  "consent_given_at",
  "source",
  "claimed_origin",
] as const satisfies readonly (keyof SignupRecord)[];

const parse = (r: SignupRecord) => ({
  ...r,
  towns: JSON.parse(r.towns) as string[],
  wants: JSON.parse(r.wants) as string[],
});

admin.route("/sources", adminSources);
admin.route("/keep-in-touch", adminKeepInTouch);
admin.route("/pool-searches", adminPool);

/** Who took the confirmed signups, how many, and through which token: the audit log's entry for an export. */
async function auditExport(c: Context<StaffEnv>, rows: number, format: string) {
  const staff = c.get("staff");
  await auditStatement(
    c.env.DB,
    { staff_id: staff.id, action: "signups.export", detail: { rows, format, token: staff.machine } },
    new Date().toISOString(),
  ).run();
}

admin.get("/signups", async (c) => {
  const rows = (await listConfirmedSignups(c.env.DB)).map(parse);
  await auditExport(c, rows.length, "json");
  return c.json({ data: rows });
});

admin.get("/signups.csv", async (c) => {
  const rows = (await listConfirmedSignups(c.env.DB)).map(parse);
  await auditExport(c, rows.length, "csv");
  csvHeaders(c, "heimvorteil-signups.csv");
  // For tools: the column names are the API's, comma-separated (the console's export is for people).
  return c.body(
    csvBody(
      COLUMNS,
      rows.map((r) => COLUMNS.map((k) => (Array.isArray(r[k]) ? r[k].join(" ") : r[k]))),
      ",",
    ),
  );
});
