/**
 * Rate limits for signups, per client and per e-mail address. A client is known only by an HMAC of its
 * IP address (IPv6 by its /64) under the SIGNING_KEY secret, so no IP address is ever stored and the keys
 * cannot be reversed without the secret. `+tag` variants of an address share its limit.
 */
import { hit } from "../db/rate-limits.ts";
import { clientKey } from "./client-key.ts";

export const LIMITS = {
  client: { max: 10, windowMs: 3_600_000 },
  // Mails per day to one exact address, and to all the +tag variants of an address together: the looser
  // second cap is what strangers would have to exhaust (with a solved bot check each time) to keep a
  // person's own first mail from going out.
  email: { max: 5, windowMs: 86_400_000 },
  emailBase: { max: 20, windowMs: 86_400_000 },
  // Staff sign-in links: per client, and per address asked for (known or not: the answer is the same).
  signInClient: { max: 20, windowMs: 3_600_000 },
  signInEmail: { max: 5, windowMs: 3_600_000 },
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

/** Counts one more hit for `value` under `name`; seconds until the window ends when over `max`, else 0. */
async function limit(
  db: D1Database,
  secret: string,
  name: keyof typeof LIMITS,
  value: string,
  now: number,
): Promise<number> {
  const { max, windowMs } = LIMITS[name];
  const count = await hit(db, `${name}:${await hmac(secret, value)}`, windowStart(now, windowMs));
  if (count <= max) return 0;
  const end = Math.floor(now / windowMs) * windowMs + windowMs;
  return Math.ceil((end - now) / 1000);
}

/**
 * Per client (IPv4 address, IPv6 /64; see client-key.ts): seconds until it may try again, or 0. Counts
 * every attempt, verified or not: it is the client's own budget.
 */
export function clientRateLimit(db: D1Database, secret: string, clientIp: string, now = Date.now()): Promise<number> {
  return limit(db, secret, "client", clientKey(clientIp), now);
}

/**
 * Per address: whether another mail may go to it now (5 a day to the exact address, 20 to all its +tag
 * variants together). Called only after the bot check passed, so a stranger pays a solved check for every
 * mail counted; and it caps the mails sent, never the person's signup itself.
 */
export async function addressMayGetMail(db: D1Database, secret: string, email: string, now = Date.now()) {
  const [exact, base] = await Promise.all([
    limit(db, secret, "email", email, now),
    limit(db, secret, "emailBase", baseAddress(email), now),
  ]);
  return exact === 0 && base === 0;
}

/** Whether another staff sign-in link may be asked for now, from this client and for this address. */
export async function signInAllowed(db: D1Database, secret: string, clientIp: string, email: string, now = Date.now()) {
  const [client, address] = await Promise.all([
    limit(db, secret, "signInClient", clientKey(clientIp), now),
    limit(db, secret, "signInEmail", email, now),
  ]);
  return client === 0 && address === 0;
}
