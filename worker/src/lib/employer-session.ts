/**
 * Employers' sessions for the pool: the staff's mechanism (lib/staff-session.ts: a random id in a `__Host-`
 * cookie, stored as its hash, 12 hours idle or 7 days at most) with a cookie and tables of their own. A staff
 * route never reads this cookie and these routes never read the staff one, so neither kind of account can
 * act as the other.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { type EmployerAccountRow, openEmployerSession, touchEmployerSession } from "../db/employer-accounts.ts";
import type { AppEnv } from "../env.ts";
import { ABSOLUTE_MS, IDLE_MS } from "./staff-session.ts";
import { hashToken, isTokenShaped } from "./tokens.ts";

export const EMPLOYER_COOKIE = "hv-employer";
export { ABSOLUTE_MS };

const TOUCH_EVERY_MS = 5 * 60_000;

export interface EmployerAccount extends Omit<EmployerAccountRow, "disabled" | "created_at" | "last_sign_in_at"> {
  sessionHash: string;
}

export type EmployerEnv = AppEnv & { Variables: AppEnv["Variables"] & { account: EmployerAccount } };

export async function currentEmployer<E extends { Bindings: Env }>(c: Context<E>): Promise<EmployerAccount | null> {
  const id = getCookie(c, EMPLOYER_COOKIE, "host");
  if (!isTokenShaped(id)) return null;
  const hash = await hashToken(id);
  const now = Date.now();
  const row = await openEmployerSession(
    c.env.DB,
    hash,
    new Date(now).toISOString(),
    new Date(now - IDLE_MS).toISOString(),
  );
  if (!row) return null;
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
    await touchEmployerSession(c.env.DB, hash, new Date(now).toISOString());
  return {
    id: row.id,
    employer_id: row.employer_id,
    employer_name: row.employer_name,
    employer_town: row.employer_town,
    email: row.email,
    name: row.name,
    sessionHash: hash,
  };
}

/** Pages for a signed-in employer only; anyone else is sent to the employers' sign-in. */
export function employerOnly(): MiddlewareHandler<EmployerEnv> {
  return async (c, next) => {
    const account = await currentEmployer(c);
    if (!account) return c.redirect(`/arbeitgeber/anmelden?lang=${c.get("language")}`, 303);
    c.set("account", account);
    await next();
  };
}
