/**
 * Rate limits for signups, per client and per e-mail address. A client is known only by an HMAC of its
 * IP address under the SIGNING_KEY secret, so no IP address is ever stored and the keys cannot be
 * reversed without the secret. `+tag` variants of an address share its limit.
 */
import { hit } from "../db/rate-limits.ts";

export const LIMITS = {
  client: { max: 10, windowMs: 3_600_000 },
  email: { max: 5, windowMs: 86_400_000 },
} as const;

async function hmac(secret: string, value: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(value));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function windowStart(now: number, windowMs: number): string {
  return new Date(Math.floor(now / windowMs) * windowMs).toISOString();
}

/** The address without its +tag: "anna+hv@example.org" → "anna@example.org". */
export function baseAddress(email: string): string {
  return email.replace(/\+[^@]*@/, "@");
}

/** Seconds until the caller may try again, or 0 when within both limits. */
export async function signupRateLimit(
  db: D1Database,
  secret: string,
  clientIp: string,
  email: string,
  now = Date.now(),
): Promise<number> {
  const checks = [
    { name: "client", value: clientIp, ...LIMITS.client },
    { name: "email", value: baseAddress(email), ...LIMITS.email },
  ];
  let wait = 0;
  for (const check of checks) {
    const key = `${check.name}:${await hmac(secret, check.value)}`;
    const count = await hit(db, key, windowStart(now, check.windowMs));
    if (count > check.max) {
      const end = Math.floor(now / check.windowMs) * check.windowMs + check.windowMs;
      wait = Math.max(wait, Math.ceil((end - now) / 1000));
    }
  }
  return wait;
}
