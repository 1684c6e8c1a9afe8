/**
 * The staff JSON API (`/v1/staff/…`), for the console and any tool of the programme team: the signed-in
 * account, the people and their export (people.ts; a town account sees only those who named its towns),
 * forwards and notes (forwards.ts), employers' contacts (employers.ts), events (events.ts), outcomes (outcomes.ts),
 * the newsletter (newsletters.ts), accounts
 * and the audit log (admins, here). Every read of a person's data and every change is written to the audit
 * log, in the same batch as the change; the log holds who, when, what and which person, never the data.
 */
import { Hono } from "hono";
import { auditQuerySchema, staffInputSchema, staffPatchSchema } from "../../../../shared/schemas/staff.ts";
import {
  addStaffStatement,
  auditStatement,
  endAllSessions,
  findStaffByEmail,
  getStaff,
  listAudit,
  listStaff,
  updateStaff,
} from "../../db/staff.ts";
import { ApiError } from "../../lib/errors.ts";
import { type StaffEnv, staffOnly } from "../../lib/staff-session.ts";
import { jsonBody, validate } from "../../lib/validate.ts";
import { ownFormsOnly } from "../../pages/layout.ts";
import { toAuditEntry, toStaffDto } from "../../present/staff.ts";
import { staffEmployers } from "./employers.ts";
import { staffEvents } from "./events.ts";
import { staffForwards } from "./forwards.ts";
import { staffMachineTokens } from "./machine-tokens.ts";
import { staffNewsletterImages, staffNewsletters } from "./newsletters.ts";
import { staffOutcomes } from "./outcomes.ts";
import { staffPeople } from "./people.ts";
import { staffPool } from "./pool.ts";
import { adminOnly } from "./scope.ts";

export const staffApi = new Hono<StaffEnv>();

// Only our own pages may change anything: the session cookie is SameSite=Lax, and every unsafe request
// must come from our origin (the console's fetches send Origin; another site's form does too, and fails).
staffApi.use(ownFormsOnly);
staffApi.use(staffOnly());
staffApi.route("/", staffForwards);
staffApi.route("/employers", staffEmployers);
staffApi.route("/", staffPool);
staffApi.route("/", staffOutcomes);
staffApi.route("/", staffPeople);
staffApi.route("/", staffEvents);
staffApi.route("/machine-tokens", staffMachineTokens);
staffApi.route("/newsletters", staffNewsletters);
staffApi.route("/newsletter-images", staffNewsletterImages);

staffApi.get("/me", (c) => {
  const s = c.get("staff");
  return c.json({ id: s.id, email: s.email, name: s.name, role: s.role, towns: s.towns });
});

staffApi.post("/sign-out-everywhere", async (c) => {
  const staff = c.get("staff");
  await c.env.DB.batch(endAllSessions(c.env.DB, staff.id, new Date().toISOString()));
  return c.body(null, 204);
});

staffApi.get("/accounts", adminOnly, async (c) => c.json({ data: (await listStaff(c.env.DB)).map(toStaffDto) }));

staffApi.post("/accounts", adminOnly, async (c) => {
  const lang = c.get("language");
  const s = await jsonBody(c, staffInputSchema);
  if (await findStaffByEmail(c.env.DB, s.email))
    throw new ApiError(400, "invalid_body", {
      email: lang === "en" ? "This address has an account already." : "Zu dieser Adresse gibt es schon ein Konto.",
    });
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await c.env.DB.batch([
    addStaffStatement(
      c.env.DB,
      { id, email: s.email, name: s.name, role: s.role, towns: s.role === "admin" ? [] : s.towns },
      now,
    ),
    auditStatement(
      c.env.DB,
      { staff_id: c.get("staff").id, action: "staff.create", detail: { account: id, role: s.role } },
      now,
    ),
  ]);
  const created = await getStaff(c.env.DB, id);
  return c.json(created && toStaffDto(created), 201);
});

staffApi.patch("/accounts/:id", adminOnly, async (c) => {
  const lang = c.get("language");
  const id = c.req.param("id");
  const existing = await getStaff(c.env.DB, id);
  if (!existing) throw new ApiError(404, "not_found");
  const p = await jsonBody(c, staffPatchSchema);
  // The team cannot lock itself out by accident: nobody disables or demotes their own account.
  if (id === c.get("staff").id && (p.disabled || (p.role && p.role !== "admin")))
    throw new ApiError(400, "invalid_body", {
      [p.disabled ? "disabled" : "role"]:
        lang === "en"
          ? "Another admin must change your own account."
          : "Das eigene Konto ändert ein anderes Admin-Konto.",
    });
  const now = new Date().toISOString();
  await updateStaff(c.env.DB, id, p, now);
  await auditStatement(
    c.env.DB,
    { staff_id: c.get("staff").id, action: "staff.update", detail: { account: id, ...p } },
    now,
  ).run();
  const updated = await getStaff(c.env.DB, id);
  return c.json(updated && toStaffDto(updated));
});

staffApi.get("/audit", adminOnly, validate("query", auditQuerySchema), async (c) => {
  const q = c.req.valid("query");
  const limit = 100;
  const rows = await listAudit(c.env.DB, { before: q.before, person: q.person, limit });
  return c.json({
    data: rows.map(toAuditEntry),
    next_before: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
  });
});
