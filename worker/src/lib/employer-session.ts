/**
 * Employers' sessions for the pool: the staff's mechanism (lib/staff-session.ts: a random id in a `__Host-`
 * cookie, stored as its hash, 12 hours idle or 7 days at most) with a cookie and tables of their own. A staff
 * route never reads this cookie and these routes never read the staff one, so neither kind of account can
 * act as the other.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import {
  type EmployerAccountRow,
  type OpenEmployerSession,
  openEmployerSessionStatement,
  touchEmployerSession,
} from "../db/employer-accounts.ts";
import { type EmployerPoolState, employerPoolState, employerPoolStatements } from "../db/pool.ts";
import type { AppEnv } from "../env.ts";
import { ABSOLUTE_MS, IDLE_MS } from "./staff-session.ts";
import { hashToken, isTokenShaped } from "./tokens.ts";

export const EMPLOYER_COOKIE = "hv-employer";
export { ABSOLUTE_MS };

const TOUCH_EVERY_MS = 5 * 60_000;

export interface EmployerAccount extends Omit<EmployerAccountRow, "disabled" | "created_at" | "last_sign_in_at"> {
  sessionHash: string;
}

export type EmployerEnv = AppEnv & {
  Variables: AppEnv["Variables"] & { account: EmployerAccount; pool: EmployerPoolState };
};

function toAccount(row: OpenEmployerSession, hash: string): EmployerAccount {
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

/**
 * The signed-in employer of this request and what it may see of the pool, read in one round trip: the
 * session's check and the pool's reads (db/pool.ts) go in one batch, the latter keyed by the session.
 */
async function openSession<E extends { Bindings: Env }>(
  c: Context<E>,
): Promise<{ account: EmployerAccount; pool: EmployerPoolState } | null> {
  const id = getCookie(c, EMPLOYER_COOKIE, "host");
  if (!isTokenShaped(id)) return null;
  const hash = await hashToken(id);
  const now = Date.now();
  const db = c.env.DB;
  const [session, ...pool] = await db.batch<Record<string, unknown>>([
    openEmployerSessionStatement(db, hash, new Date(now).toISOString(), new Date(now - IDLE_MS).toISOString()),
    ...employerPoolStatements(db, hash),
  ]);
  const row = session?.results[0] as OpenEmployerSession | undefined;
  if (!row) return null;
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
    await touchEmployerSession(db, hash, new Date(now).toISOString());
  return { account: toAccount(row, hash), pool: employerPoolState(pool) };
}

export async function currentEmployer<E extends { Bindings: Env }>(c: Context<E>): Promise<EmployerAccount | null> {
  return (await openSession(c))?.account ?? null;
}

/** Pages for a signed-in employer only; anyone else is sent to the employers' sign-in. */
export function employerOnly(): MiddlewareHandler<EmployerEnv> {
  return async (c, next) => {
    const open = await openSession(c);
    if (!open) return c.redirect(`/arbeitgeber/anmelden?lang=${c.get("language")}`, 303);
    c.set("account", open.account);
    c.set("pool", open.pool);
    await next();
  };
}
