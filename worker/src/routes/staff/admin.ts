/**
 * `GET /v1/admin/signups` (JSON) and `GET /v1/admin/signups.csv`: the programme team's list of confirmed
 * signups, behind `Authorization: Bearer <ADMIN_TOKEN>` (a wrangler secret) or an admin's console session.
 * In production, Cloudflare Access can stand in front of /v1/admin/* as well (see README).
 */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { listConfirmedSignups, type SignupRecord } from "../../db/signups.ts";
import type { AppEnv } from "../../env.ts";
import { csvBody, csvHeaders } from "../../lib/csv.ts";
import { ApiError } from "../../lib/errors.ts";
import { currentStaff } from "../../lib/staff-session.ts";
import { adminSources } from "./admin-sources.ts";

export const admin = new Hono<AppEnv>();

const encoder = new TextEncoder();

/** Compares in constant time (after hashing both, so the lengths give nothing away either). */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([given, expected].map((s) => crypto.subtle.digest("SHA-256", encoder.encode(s))));
  return crypto.subtle.timingSafeEqual(a as ArrayBuffer, b as ArrayBuffer);
}

// Our own pages only, for the console's changes (the token's callers are tools, which send no Origin).
const ownOrigin = csrf({
  origin: (origin, c) =>
    origin === new URL(c.req.url).origin || (!!c.env.PUBLIC_ORIGIN && origin === c.env.PUBLIC_ORIGIN),
});

/**
 * Two ways in: the ADMIN_TOKEN as a bearer token (the team's scripts, `npm run import`), or the console's
 * session of an admin account, whose changes must come from our own pages.
 */
admin.use(async (c, next) => {
  const header = c.req.header("Authorization");
  if (!header) {
    const staff = await currentStaff(c);
    if (staff?.role === "admin") return ownOrigin(c, next);
    if (staff) throw new ApiError(403, "not_allowed");
  }
  const token = c.env.ADMIN_TOKEN;
  // No token configured (and no session) means no admin access at all, rather than an open door.
  if (!header && (!token || token.length < 16)) throw new ApiError(404, "not_found");
  const given = /^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "";
  if (!token || token.length < 16 || !(await sameSecret(given, token))) {
    c.header("WWW-Authenticate", 'Bearer realm="heimvorteil-admin"');
    throw new ApiError(401, "unauthorized");
  }
  await next();
});

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

admin.get("/signups", async (c) => c.json({ data: (await listConfirmedSignups(c.env.DB)).map(parse) }));

admin.get("/signups.csv", async (c) => {
  const rows = (await listConfirmedSignups(c.env.DB)).map(parse);
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
