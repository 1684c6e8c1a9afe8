/**
 * The pool in the console (`/v1/staff/…`): employers' accounts, which staff create for an employer's contact
 * person, and the pool's statistics with each employer's response rate. Staff see figures here, never
 * cards: a person's data stays where staff may already see it (the people views). A town account manages
 * its towns' employers only.
 */
import { type Context, Hono } from "hono";
import { employerAccountInputSchema, employerAccountPatchSchema } from "../../../../shared/schemas/pool.ts";
import {
  addEmployerAccountStatement,
  getEmployerAccount,
  listEmployerAccounts,
  setEmployerAccountDisabledStatements,
} from "../../db/employer-accounts.ts";
import { outboxInsertIfChanged } from "../../db/outbox.ts";
import { poolStatistics } from "../../db/pool.ts";
import { responseRates } from "../../db/pool-requests.ts";
import { getStaffEmployer } from "../../db/region.ts";
import { auditIfChangedStatement, auditStatement } from "../../db/staff.ts";
import { ApiError } from "../../lib/errors.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { type StaffEnv, scopeOf } from "../../lib/staff-session.ts";
import { jsonBody } from "../../lib/validate.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import { employerWelcomeMail } from "../../pages/employer-mail.ts";
import { poolK } from "../../pool/cards.ts";
import { poolIndex } from "../../pool/pool-index.ts";
import { RATES_DAYS, requestAllowance } from "../../pool/request-limit.ts";
import { toEmployerAccount } from "../../present/pool.ts";

export const staffPool = new Hono<StaffEnv>();

/** An employer the signed-in account may manage, or 404. */
async function employerInScope(c: Context<StaffEnv>, id: string) {
  const employer = id.length <= 100 ? await getStaffEmployer(c.env.DB, id) : null;
  const scope = scopeOf(c.get("staff"));
  if (!employer || (scope && !scope.includes(employer.town_id))) throw new ApiError(404, "not_found");
  return employer;
}

staffPool.get("/employer-accounts", async (c) => {
  const scope = scopeOf(c.get("staff"));
  const rows = await listEmployerAccounts(c.env.DB);
  return c.json({ data: rows.filter((r) => !scope || scope.includes(r.employer_town)).map(toEmployerAccount) });
});

staffPool.get("/employers/:id/accounts", async (c) => {
  const employer = await employerInScope(c, c.req.param("id"));
  const rows = await listEmployerAccounts(c.env.DB, employer.id);
  return c.json({ data: rows.map(toEmployerAccount) });
});

staffPool.post("/employers/:id/accounts", async (c) => {
  const staff = c.get("staff");
  const employer = await employerInScope(c, c.req.param("id"));
  const input = await jsonBody(c, employerAccountInputSchema);
  const origin = mailOrigin(c);
  if (!origin) throw new ApiError(503, "mail_not_configured");
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  const email = input.email.toLowerCase();
  // The account, its welcome mail and the audit entry in one batch; the latter two only if the first was
  // written (an address with an account already changes nothing).
  const [added] = await c.env.DB.batch<{ id: string }>([
    addEmployerAccountStatement(
      c.env.DB,
      { id, employer_id: employer.id, email, name: input.name, created_by: staff.id },
      now,
    ),
    outboxInsertIfChanged(
      c.env.DB,
      null,
      employerWelcomeMail(email, input.name, employer.name, `${origin}/arbeitgeber/anmelden`),
      now,
    ),
    auditIfChangedStatement(
      c.env.DB,
      { staff_id: staff.id, action: "employer_account.create", detail: { employer: employer.id, account: id } },
      now,
    ),
  ]);
  const account = added?.results.length ? await getEmployerAccount(c.env.DB, id) : null;
  if (!account)
    throw new ApiError(400, "invalid_body", {
      email:
        c.get("language") === "en"
          ? "This address has an account already."
          : "Zu dieser Adresse gibt es schon einen Zugang.",
    });
  deliverSoon(c.executionCtx, c.env);
  return c.json(toEmployerAccount(account), 201);
});

staffPool.patch("/employer-accounts/:id", async (c) => {
  const staff = c.get("staff");
  const id = c.req.param("id");
  const account = /^[0-9a-f-]{36}$/.test(id) ? await getEmployerAccount(c.env.DB, id) : null;
  if (!account) throw new ApiError(404, "not_found");
  await employerInScope(c, account.employer_id);
  const { disabled } = await jsonBody(c, employerAccountPatchSchema);
  const now = new Date().toISOString();
  await c.env.DB.batch([
    ...setEmployerAccountDisabledStatements(c.env.DB, id, disabled, now),
    auditStatement(
      c.env.DB,
      {
        staff_id: staff.id,
        action: disabled ? "employer_account.disable" : "employer_account.enable",
        detail: { account: id },
      },
      now,
    ),
  ]);
  const updated = await getEmployerAccount(c.env.DB, id);
  return c.json(updated && toEmployerAccount(updated));
});

staffPool.get("/pool", async (c) => {
  const now = Date.now();
  const k = poolK(c.env.POOL_K);
  const scope = scopeOf(c.get("staff"));
  const [stats, rates, index] = await Promise.all([
    poolStatistics(c.env.DB, new Date(now).toISOString()),
    responseRates(c.env.DB, new Date(now).toISOString(), new Date(now - RATES_DAYS * 86_400_000).toISOString()),
    poolIndex(c.env.DB, k),
  ]);
  const n = (v: number | null | undefined) => v ?? 0;
  return c.json({
    k,
    members: n(stats.members),
    paused: n(stats.paused),
    shown: index.groupOf.size,
    requests: {
      sent: n(stats.sent),
      open: n(stats.open),
      accepted: n(stats.accepted),
      declined: n(stats.declined),
      expired: n(stats.expired),
    },
    employers: rates
      .filter((r) => !scope || scope.includes(r.town_id))
      .map((r) => {
        const decided = n(r.accepted) + n(r.declined) + n(r.expired);
        return {
          employer_id: r.employer_id,
          employer_name: r.employer_name,
          sent: n(r.sent),
          open: n(r.open),
          accepted: n(r.accepted),
          declined: n(r.declined),
          expired: n(r.expired),
          response_rate: decided ? (n(r.accepted) + n(r.declined)) / decided : null,
          slowed: requestAllowance(r).slowed,
        };
      }),
  });
});
