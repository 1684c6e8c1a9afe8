/**
 * Staff sessions: a random id in a `__Host-` cookie (HttpOnly, Secure, SameSite=Lax, the whole site),
 * stored only as its hash, ending after 12 hours unused or 7 days at most, or when revoked. `staffOnly`
 * puts the signed-in account on the context, or answers 401 (the API) or sends to the sign-in page.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { machineTokenOwner, touchMachineToken } from "../db/machine-tokens.ts";
import { openSession, type StaffRole, type StaffRow, touchSession } from "../db/staff.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "./errors.ts";
import { hashToken, isTokenShaped, newToken } from "./tokens.ts";

// Sent as `__Host-hv-staff`: the prefix makes browsers refuse it unless Secure, on this host only, for "/".
const SESSION_COOKIE = "hv-staff";
export const IDLE_MS = 12 * 3_600_000;
export const ABSOLUTE_MS = 7 * 86_400_000;
// last_seen_at is written at most this often: a page of the console makes several requests.
const TOUCH_EVERY_MS = 5 * 60_000;

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  towns: string[];
  sessionHash: string;
  /** Set when a machine token (not a person's session) makes the request: the token's id. */
  machine?: string | undefined;
}

export type StaffEnv = AppEnv & { Variables: AppEnv["Variables"] & { staff: Staff } };

export function toStaff(row: StaffRow, sessionHash: string): Staff {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    towns: JSON.parse(row.towns) as string[],
    sessionHash,
  };
}

/** A new session id for the cookie and its hash for D1. */
export async function newSessionId(): Promise<{ id: string; hash: string }> {
  const id = newToken();
  return { id, hash: await hashToken(id) };
}

/** The session cookie (staff's unless `name` says otherwise: employers have their own, lib/employer-session.ts). */
export function setSessionCookie(c: Context, id: string, name = SESSION_COOKIE): void {
  setCookie(c, name, id, {
    path: "/",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    maxAge: ABSOLUTE_MS / 1000,
    prefix: "host",
  });
}

export function clearSessionCookie(c: Context, name = SESSION_COOKIE): void {
  deleteCookie(c, name, { path: "/", secure: true, prefix: "host" });
}

/** What a machine token may read: the exports, by GET, nothing else. */
export const MACHINE_PATHS: ReadonlySet<string> = new Set([
  "/v1/admin/signups",
  "/v1/admin/signups.csv",
  "/v1/staff/people.csv",
  "/v1/staff/outcomes",
  "/v1/staff/outcomes.csv",
]);
export const MACHINE_TOKEN_PREFIX = "hvm_";

/** The admin a request's machine token acts for, or null without one; a token used for anything else is refused. */
async function machineStaff<E extends { Bindings: Env }>(c: Context<E>): Promise<Staff | null> {
  const header = c.req.header("Authorization");
  if (!header) return null;
  const token = /^Bearer (hvm_[A-Za-z0-9_-]{43})$/.exec(header)?.[1];
  const owner = token ? await machineTokenOwner(c.env.DB, await hashToken(token)) : null;
  if (!owner) {
    c.header("WWW-Authenticate", 'Bearer realm="heimvorteil"');
    throw new ApiError(401, "unauthorized");
  }
  if (c.req.method !== "GET" || !MACHINE_PATHS.has(c.req.path)) throw new ApiError(403, "not_allowed");
  await touchMachineToken(c.env.DB, owner.token_id, new Date().toISOString()).run();
  return { ...toStaff(owner, ""), machine: owner.token_id };
}

/** The signed-in account of this request (a session, or a machine token for the exports), or null. */
export async function currentStaff<E extends { Bindings: Env }>(c: Context<E>): Promise<Staff | null> {
  // The prefix is part of the name: hono's getCookie with `prefix` reads `__Host-hv-staff`.
  const id = getCookie(c, "hv-staff", "host");
  if (!isTokenShaped(id)) return machineStaff(c);
  const hash = await hashToken(id);
  const now = Date.now();
  const open = await openSession(c.env.DB, hash, new Date(now).toISOString(), new Date(now - IDLE_MS).toISOString());
  if (!open) return null;
  if (now - Date.parse(open.session.last_seen_at) > TOUCH_EVERY_MS)
    await touchSession(c.env.DB, hash, new Date(now).toISOString());
  return toStaff(open.staff, hash);
}

/** Requests of signed-in staff only. */
export function staffOnly(): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const staff = await currentStaff(c);
    if (!staff) throw new ApiError(401, "unauthorized");
    c.set("staff", staff);
    c.header("Cache-Control", "no-store");
    await next();
  };
}

/** A town account's towns, the limit of what it sees; undefined (no limit) for admins. */
export function scopeOf(staff: Staff): string[] | undefined {
  return staff.role === "admin" ? undefined : staff.towns;
}
