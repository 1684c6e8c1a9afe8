/**
 * The staff JSON API (`/v1/staff/…`), for the console and any tool of the programme team: the signed-in
 * account, the people (a town account sees only those who named its towns), accounts and the audit log
 * (admins). Every read of a person's data and every change is written to the audit log, in the same batch
 * as the change; the log holds who, when, what and which person, never the data.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { CONSENT_TEXT, consentVersion } from "../../../../shared/consent.ts";
import { fieldErrors } from "../../../../shared/errors.ts";
import { LANGS } from "../../../../shared/i18n.ts";
import { decodeCursor, encodeCursor } from "../../../../shared/schemas/common.ts";
import {
  auditQuerySchema,
  peopleQuerySchema,
  staffInputSchema,
  staffPatchSchema,
} from "../../../../shared/schemas/staff.ts";
import { getPerson, listPeople } from "../../db/people.ts";
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
import { validate } from "../../lib/validate.ts";
import { toAuditEntry, toPerson, toStaffDto } from "../../present/staff.ts";

export const staffApi = new Hono<StaffEnv>();

/** The text a stored consent version names, if it is one shown now (in either language). */
async function consentTextOf(version: string): Promise<string | null> {
  for (const lang of LANGS) if ((await consentVersion(lang)) === version) return CONSENT_TEXT[lang];
  return null;
}

// Only our own pages may change anything: the session cookie is SameSite=Lax, and every unsafe request
// must come from our origin (the console's fetches send Origin; another site's form does too, and fails).
staffApi.use(
  csrf({
    origin: (origin, c) =>
      origin === new URL(c.req.url).origin || (!!c.env.PUBLIC_ORIGIN && origin === c.env.PUBLIC_ORIGIN),
  }),
);
staffApi.use(staffOnly());

staffApi.get("/me", (c) => {
  const s = c.get("staff");
  return c.json({ id: s.id, email: s.email, name: s.name, role: s.role, towns: s.towns });
});

/** A town account's towns; undefined (no limit) for admins. */
const scopeOf = (c: { get(k: "staff"): StaffEnv["Variables"]["staff"] }) => {
  const s = c.get("staff");
  return s.role === "admin" ? undefined : s.towns;
};

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
    scope: scopeOf(c),
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
  const id = c.req.param("id");
  // An id a town account may not see answers exactly like one that does not exist.
  const row = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await getPerson(c.env.DB, id, scopeOf(c)) : null;
  if (!row) throw new ApiError(404, "not_found");
  await auditStatement(
    c.env.DB,
    { staff_id: staff.id, action: "person.read", person_id: row.id },
    new Date().toISOString(),
  ).run();
  return c.json({
    ...toPerson(row),
    consent: {
      version: row.consent_version,
      given_at: row.consent_given_at,
      page_origin: row.claimed_origin,
      text: await consentTextOf(row.consent_version),
    },
  });
});

staffApi.post("/sign-out-everywhere", async (c) => {
  const staff = c.get("staff");
  await c.env.DB.batch(endAllSessions(c.env.DB, staff.id, new Date().toISOString()));
  return c.body(null, 204);
});

// Accounts and the audit log: the district's team only.
const adminOnly: MiddlewareHandler<StaffEnv> = async (c, next) => {
  if (c.get("staff").role !== "admin") throw new ApiError(403, "not_allowed");
  await next();
};

staffApi.get("/accounts", adminOnly, async (c) => c.json({ data: (await listStaff(c.env.DB)).map(toStaffDto) }));

async function jsonBody(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, "invalid_body");
  }
}

staffApi.post("/accounts", adminOnly, async (c) => {
  const lang = c.get("language");
  const parsed = staffInputSchema.safeParse(await jsonBody(c), { reportInput: true });
  if (!parsed.success) throw new ApiError(400, "invalid_body", fieldErrors(parsed.error.issues, lang));
  const s = parsed.data;
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
  const parsed = staffPatchSchema.safeParse(await jsonBody(c), { reportInput: true });
  if (!parsed.success) throw new ApiError(400, "invalid_body", fieldErrors(parsed.error.issues, lang));
  const p = parsed.data;
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
