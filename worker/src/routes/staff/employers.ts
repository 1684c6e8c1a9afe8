/**
 * Employers as the team keeps them: the contact address forwarded Steckbriefe go to. A town account sees
 * and edits its towns' employers; the imports never touch the contact.
 */
import { Hono } from "hono";
import {
  decodeEmployerCursor,
  employerContactSchema,
  encodeEmployerCursor,
  staffEmployersQuerySchema,
} from "../../../../shared/schemas/steckbrief.ts";
import { getStaffEmployer, listStaffEmployers, setEmployerContactStatement } from "../../db/region.ts";
import { auditStatement } from "../../db/staff.ts";
import { ApiError } from "../../lib/errors.ts";
import { type StaffEnv, scopeOf } from "../../lib/staff-session.ts";
import { jsonBody, validate } from "../../lib/validate.ts";
import { keysetPage } from "../../present/page.ts";
import { toStaffEmployer } from "../../present/staff.ts";

export const staffEmployers = new Hono<StaffEnv>();

staffEmployers.get("/", validate("query", staffEmployersQuerySchema), async (c) => {
  const q = c.req.valid("query");
  // The schema has refused any cursor that is not one of this list's.
  const after = q.cursor === undefined ? undefined : decodeEmployerCursor(q.cursor);
  const { rows, total } = await listStaffEmployers(
    c.env.DB,
    {
      q: q.q,
      withContact: q.with_contact === undefined ? undefined : q.with_contact === "true",
      scope: scopeOf(c.get("staff")),
    },
    after,
    q.limit,
  );
  return c.json(
    keysetPage(rows, total, q.limit, toStaffEmployer, (last) =>
      encodeEmployerCursor({ withoutContact: last.contact_email === null, name: last.name, id: last.id }),
    ),
  );
});

staffEmployers.patch("/:id", async (c) => {
  const staff = c.get("staff");
  const id = c.req.param("id");
  const existing = id.length <= 100 ? await getStaffEmployer(c.env.DB, id) : null;
  const scope = scopeOf(staff);
  if (!existing || (scope && !scope.includes(existing.town_id))) throw new ApiError(404, "not_found");
  const contact = await jsonBody(c, employerContactSchema);
  const now = new Date().toISOString();
  await c.env.DB.batch([
    setEmployerContactStatement(c.env.DB, id, {
      contact_email: contact.contact_email,
      contact_name: contact.contact_name ?? null,
    }),
    auditStatement(c.env.DB, { staff_id: staff.id, action: "employer.contact", detail: { employer: id } }, now),
  ]);
  const updated = await getStaffEmployer(c.env.DB, id);
  return c.json(updated && toStaffEmployer(updated));
});
