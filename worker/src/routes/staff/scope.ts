/**
 * What a staff account may reach: a person only when the account may see them (a town account: confirmed
 * people who named one of its towns), and accounts and the audit log only as an admin. A person out of
 * reach answers exactly like one that does not exist.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getPerson } from "../../db/people.ts";
import type { SignupRecord } from "../../db/signups.ts";
import { ApiError } from "../../lib/errors.ts";
import { type StaffEnv, scopeOf } from "../../lib/staff-session.ts";

const ID_SHAPE = /^[A-Za-z0-9_-]{1,100}$/;

export async function personInScope(c: Context<StaffEnv>, id: string): Promise<SignupRecord> {
  const row = ID_SHAPE.test(id) ? await getPerson(c.env.DB, id, scopeOf(c.get("staff"))) : null;
  if (!row) throw new ApiError(404, "not_found");
  return row;
}

export const adminOnly: MiddlewareHandler<StaffEnv> = async (c, next) => {
  if (c.get("staff").role !== "admin") throw new ApiError(403, "not_allowed");
  await next();
};
