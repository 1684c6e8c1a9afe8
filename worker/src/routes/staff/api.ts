/**
 * The staff JSON API (`/v1/staff/…`), for the console and any tool of the programme team: the signed-in
 * account, the people (a town account sees only those who named its towns) with their Steckbriefe,
 * forwards and notes (forwards.ts), employers' contacts (employers.ts), accounts and the audit log (admins). Every read of a person's data and every change is written to the audit log, in the same batch
 * as the change; the log holds who, when, what and which person, never the data.
 */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { consentTextOf } from "../../../../shared/consent.ts";
import { decodeCursor, encodeCursor } from "../../../../shared/schemas/common.ts";
import {
  auditQuerySchema,
  peopleQuerySchema,
  staffInputSchema,
  staffPatchSchema,
} from "../../../../shared/schemas/staff.ts";
import { listForwards } from "../../db/forwards.ts";
import { listPeople } from "../../db/people.ts";
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
import { getSteckbrief, listMailLog, listNotes, listSuggestions } from "../../db/steckbriefe.ts";
import { ApiError } from "../../lib/errors.ts";
import { type StaffEnv, scopeOf, staffOnly } from "../../lib/staff-session.ts";
import { jsonBody, validate } from "../../lib/validate.ts";
import {
  toAuditEntry,
  toForward,
  toNote,
  toPerson,
  toStaffDto,
  toSteckbrief,
  toSuggestion,
} from "../../present/staff.ts";
import { staffEmployers } from "./employers.ts";
import { staffForwards } from "./forwards.ts";
import { adminOnly, personInScope } from "./scope.ts";

export const staffApi = new Hono<StaffEnv>();

// Only our own pages may change anything: the session cookie is SameSite=Lax, and every unsafe request
// must come from our origin (the console's fetches send Origin; another site's form does too, and fails).
staffApi.use(
  csrf({
    origin: (origin, c) =>
      origin === new URL(c.req.url).origin || (!!c.env.PUBLIC_ORIGIN && origin === c.env.PUBLIC_ORIGIN),
  }),
);
staffApi.use(staffOnly());
staffApi.route("/", staffForwards);
staffApi.route("/employers", staffEmployers);

staffApi.get("/me", (c) => {
  const s = c.get("staff");
  return c.json({ id: s.id, email: s.email, name: s.name, role: s.role, towns: s.towns });
});

staffApi.get("/people", validate("query", peopleQuerySchema), async (c) => {
  const q = c.req.valid("query");
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const [createdAt, id] = typeof cursor?.key === "string" && cursor.sort === "people" ? cursor.key.split("|") : [];
  if (q.cursor && (!createdAt || !id)) throw new ApiError(400, "invalid_query", { cursor: "?" });
  const filters = {
    status: q.status,
    towns: q.town,
    fields: q.field,
    qualifications: q.qualification,
    wants: q.wants,
    q: q.q,
    scope: scopeOf(c.get("staff")),
  };
  const { rows, total } = await listPeople(
    c.env.DB,
    filters,
    createdAt && id ? { created_at: createdAt, id } : undefined,
    q.limit,
  );
  const staff = c.get("staff");
  await auditStatement(
    c.env.DB,
    // The filters, not the search words: those may be part of someone's name or address.
    {
      staff_id: staff.id,
      action: "people.list",
      detail: { ...q, q: q.q === undefined ? undefined : "…", cursor: undefined, shown: rows.length },
    },
    new Date().toISOString(),
  ).run();
  const last = rows.at(-1);
  return c.json({
    data: rows.map(toPerson),
    total,
    next_cursor:
      rows.length === q.limit && last
        ? encodeCursor({ sort: "people", key: `${last.created_at}|${last.id}`, id: 0 })
        : null,
  });
});

staffApi.get("/people/:id", async (c) => {
  const staff = c.get("staff");
  const row = await personInScope(c, c.req.param("id"));
  await auditStatement(
    c.env.DB,
    { staff_id: staff.id, action: "person.read", person_id: row.id },
    new Date().toISOString(),
  ).run();
  const db = c.env.DB;
  const [steckbrief, forwards, notes, suggestions, mails, consentText] = await Promise.all([
    getSteckbrief(db, row.id),
    listForwards(db, row.id),
    listNotes(db, row.id),
    listSuggestions(db, row.id),
    listMailLog(db, row.id),
    consentTextOf(row.consent_version),
  ]);
  const now = new Date().toISOString();
  return c.json({
    ...toPerson(row),
    consent: {
      version: row.consent_version,
      given_at: row.consent_given_at,
      page_origin: row.claimed_origin,
      text: consentText?.text ?? null,
      current: consentText?.current ?? false,
    },
    steckbrief: toSteckbrief(steckbrief),
    forwards: forwards.map((f) => toForward(f, now)),
    notes: notes.map(toNote),
    suggestions: suggestions.map(toSuggestion),
    mails,
  });
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
