/**
 * The team's side of Steckbriefe: propose forwards to named employers (the person is asked in one mail
 * and decides per employer on their page), revoke a forward, record what came of it, suggest changes to a
 * Steckbrief, and keep notes (which the person sees in their data). Each change and its audit entry, and
 * its mail, are one batch.
 */
import { Hono } from "hono";
import { CUSTOM_MESSAGES } from "../../../../shared/errors.ts";
import { isLang } from "../../../../shared/i18n.ts";
import {
  forwardPatchSchema,
  forwardProposalSchema,
  noteInputSchema,
  suggestionInputSchema,
} from "../../../../shared/schemas/steckbrief.ts";
import {
  forwardEmployers,
  getForward,
  listForwards,
  proposeForwardStatement,
  revokeForwardStatement,
  setOutcomeStatement,
} from "../../db/forwards.ts";
import { outboxInsert } from "../../db/outbox.ts";
import { auditStatement } from "../../db/staff.ts";
import { addNoteStatement, addSuggestionStatement } from "../../db/steckbriefe.ts";
import { ApiError } from "../../lib/errors.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { dataPageUrl } from "../../lib/signed-links.ts";
import { type StaffEnv, scopeOf } from "../../lib/staff-session.ts";
import { jsonBody } from "../../lib/validate.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import { forwardAskMail, suggestionMail } from "../../pages/forward-mail.ts";
import { toForward, toNote } from "../../present/staff.ts";
import { personInScope } from "./scope.ts";

export const staffForwards = new Hono<StaffEnv>();

/** The person's own data page, for the mails that ask them something; mails need a configured origin. */
async function dataLinkOf(c: { env: Env; req: { url: string } }, id: string, version: number): Promise<string> {
  const origin = mailOrigin(c);
  if (!origin || !c.env.SIGNING_KEY) throw new ApiError(503, "unavailable");
  return dataPageUrl(origin, c.env.SIGNING_KEY, id, version);
}

staffForwards.post("/people/:id/forwards", async (c) => {
  const lang = c.get("language");
  const staff = c.get("staff");
  const person = await personInScope(c, c.req.param("id"));
  const { employers: ids } = await jsonBody(c, forwardProposalSchema);
  if (person.status !== "confirmed")
    throw new ApiError(400, "invalid_body", { employers: CUSTOM_MESSAGES.not_confirmed[lang] });
  const found = await forwardEmployers(c.env.DB, person.id, ids);
  const fields: Record<string, string> = {};
  ids.forEach((id, i) => {
    const e = found.find((row) => row.id === id);
    if (!e) fields[`employers.${i}`] = CUSTOM_MESSAGES.unknown_employer[lang];
    else if (!e.contact_email) fields[`employers.${i}`] = CUSTOM_MESSAGES.no_contact_address[lang];
  });
  if (Object.keys(fields).length) throw new ApiError(400, "invalid_body", fields);
  // A town account forwards to its towns' employers only, as it runs its towns' events only.
  const scope = scopeOf(staff);
  if (scope && found.some((e) => !scope.includes(e.town_id))) throw new ApiError(403, "not_allowed");
  const fresh = found.filter((e) => !e.open);
  const now = new Date().toISOString();
  if (fresh.length) {
    const personLang = isLang(person.lang) ? person.lang : "de";
    const link = await dataLinkOf(c, person.id, person.link_version);
    await c.env.DB.batch([
      ...fresh.map((e) =>
        proposeForwardStatement(
          c.env.DB,
          { id: crypto.randomUUID(), signup_id: person.id, employer_id: e.id, staff_id: staff.id },
          now,
        ),
      ),
      outboxInsert(c.env.DB, person.id, forwardAskMail(person.email, personLang, fresh, link), now),
      auditStatement(
        c.env.DB,
        {
          staff_id: staff.id,
          action: "forward.propose",
          person_id: person.id,
          detail: { employers: fresh.map((e) => e.id) },
        },
        now,
      ),
    ]);
    deliverSoon(c.executionCtx, c.env);
  }
  const forwards = await listForwards(c.env.DB, person.id);
  return c.json({ data: forwards.map((f) => toForward(f, now)), asked: fresh.length }, fresh.length ? 201 : 200);
});

/** A forward the account may reach: its person must be in reach. */
async function forwardInScope(c: Parameters<typeof personInScope>[0], id: string) {
  const forward = /^[0-9a-f-]{36}$/.test(id) ? await getForward(c.env.DB, id) : null;
  if (!forward) throw new ApiError(404, "not_found");
  await personInScope(c, forward.signup_id);
  return forward;
}

staffForwards.post("/forwards/:id/revoke", async (c) => {
  const staff = c.get("staff");
  const forward = await forwardInScope(c, c.req.param("id"));
  const now = new Date().toISOString();
  const [change] = await c.env.DB.batch([
    revokeForwardStatement(c.env.DB, { id: forward.id, signup_id: forward.signup_id, by: "staff" }, now),
    auditStatement(
      c.env.DB,
      { staff_id: staff.id, action: "forward.revoke", person_id: forward.signup_id, detail: { forward: forward.id } },
      now,
    ),
  ]);
  if (!change?.meta.changes) throw new ApiError(409, "not_open");
  const updated = await getForward(c.env.DB, forward.id);
  return c.json(updated && toForward(updated, now));
});

staffForwards.patch("/forwards/:id", async (c) => {
  const staff = c.get("staff");
  const forward = await forwardInScope(c, c.req.param("id"));
  const { outcome } = await jsonBody(c, forwardPatchSchema);
  // An outcome belongs to a Steckbrief the employer got; one that was never shared has none.
  if (forward.answered_at === null || forward.state === "declined" || forward.state === "asked")
    throw new ApiError(409, "not_open");
  const now = new Date().toISOString();
  await c.env.DB.batch([
    setOutcomeStatement(c.env.DB, forward.id, outcome, now),
    auditStatement(
      c.env.DB,
      {
        staff_id: staff.id,
        action: "forward.outcome",
        person_id: forward.signup_id,
        detail: { forward: forward.id, outcome },
      },
      now,
    ),
  ]);
  const updated = await getForward(c.env.DB, forward.id);
  return c.json(updated && toForward(updated, now));
});

staffForwards.post("/people/:id/notes", async (c) => {
  const staff = c.get("staff");
  const person = await personInScope(c, c.req.param("id"));
  const { text } = await jsonBody(c, noteInputSchema);
  const now = new Date().toISOString();
  const [inserted] = await c.env.DB.batch<{ id: number }>([
    addNoteStatement(c.env.DB, { signup_id: person.id, staff_id: staff.id, text }, now),
    auditStatement(c.env.DB, { staff_id: staff.id, action: "note.add", person_id: person.id }, now),
  ]);
  const id = inserted?.results[0]?.id ?? 0;
  return c.json(toNote({ id, text, staff_name: staff.name, created_at: now }), 201);
});

staffForwards.post("/people/:id/suggestions", async (c) => {
  const staff = c.get("staff");
  const person = await personInScope(c, c.req.param("id"));
  const changes = await jsonBody(c, suggestionInputSchema);
  if (person.status !== "confirmed")
    throw new ApiError(400, "invalid_body", { headline: CUSTOM_MESSAGES.not_confirmed[c.get("language")] });
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  const link = await dataLinkOf(c, person.id, person.link_version);
  const personLang = isLang(person.lang) ? person.lang : "de";
  await c.env.DB.batch([
    addSuggestionStatement(c.env.DB, { id, signup_id: person.id, staff_id: staff.id, changes }, now),
    outboxInsert(c.env.DB, person.id, suggestionMail(person.email, personLang, link), now),
    auditStatement(
      c.env.DB,
      { staff_id: staff.id, action: "suggestion.add", person_id: person.id, detail: { fields: Object.keys(changes) } },
      now,
    ),
  ]);
  deliverSoon(c.executionCtx, c.env);
  return c.json({ id, changes, staff: staff.name, created_at: now, answer: null, answered_at: null }, 201);
});
