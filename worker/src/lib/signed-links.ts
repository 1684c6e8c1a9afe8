/**
 * Links to a person's own data page, signed with an HMAC under the SIGNING_KEY secret, so only the
 * person who got the mail can open them and no id can be guessed. A link names the day it was issued
 * and the person's link version: it stops working after LINK_DAYS (every mail carries a fresh one) or
 * once the person invalidates all their links (the version moves on); erasure removes the person.
 */
export const LINK_DAYS = 365;
const DAY_MS = 86_400_000;

export interface PersonalLink {
  id: string;
  /** The person's link version when it was issued. */
  version: number;
  /** Days since 1970-01-01 (UTC) on which it was issued. */
  issued: number;
}

async function key(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const message = (l: PersonalLink) => new TextEncoder().encode(`me:${l.id}:${l.version}:${l.issued}`);

export async function signLink(secret: string, link: PersonalLink): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await key(secret), message(link)));
}

/**
 * The link's id when its signature holds (constant-time, crypto.subtle.verify) and it is not older than
 * LINK_DAYS; the caller still compares the version with the person's.
 */
export async function verifyLink(
  secret: string,
  query: { id?: unknown; v?: unknown; t?: unknown; sig?: unknown },
  now = Date.now(),
): Promise<PersonalLink | undefined> {
  const { id, v, t, sig } = query;
  if (!secret || typeof id !== "string" || id.length > 64 || typeof sig !== "string") return undefined;
  if (typeof v !== "string" || typeof t !== "string" || !/^\d{1,9}$/.test(v) || !/^\d{1,6}$/.test(t)) return undefined;
  const link = { id, version: Number(v), issued: Number(t) };
  const today = Math.floor(now / DAY_MS);
  if (link.issued > today || today - link.issued >= LINK_DAYS) return undefined;
  return (await verifyHex(secret, sig, message(link))) ? link : undefined;
}

/** Whether `sig` is the hex HMAC of `data` (constant-time, crypto.subtle.verify). */
async function verifyHex(secret: string, sig: string, data: Uint8Array): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(sig)) return false;
  const bytes = new Uint8Array(sig.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? []);
  return crypto.subtle.verify("HMAC", await key(secret), bytes, data);
}

/**
 * Links that do one thing for one person: leave one purpose (`unsubscribe`, detail = the purpose) or
 * answer one invitation (`rsvp`, detail = the event's id). The signature binds all three, so a link for
 * one purpose, event or person does nothing for another. They do not expire with LINK_DAYS: an
 * unsubscribe link in a mail of last year must still work (RFC 8058), and an answer is only taken
 * while the event lies ahead.
 */
export type LinkAction = "unsubscribe" | "rsvp";
const actionMessage = (action: LinkAction, id: string, detail: string) =>
  new TextEncoder().encode(`${action}:${id}:${detail}`);

export async function signAction(secret: string, action: LinkAction, id: string, detail: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await key(secret), actionMessage(action, id, detail)));
}

export async function verifyAction(
  secret: string,
  action: LinkAction,
  id: unknown,
  detail: unknown,
  sig: unknown,
): Promise<boolean> {
  if (!secret || typeof id !== "string" || id.length > 64 || typeof detail !== "string" || detail.length > 64)
    return false;
  return typeof sig === "string" && verifyHex(secret, sig, actionMessage(action, id, detail));
}

/** The query that names a link: `id=…&v=…&t=…&sig=…`. */
export async function linkQuery(secret: string, id: string, version: number, now = Date.now()): Promise<string> {
  const link = { id, version, issued: Math.floor(now / DAY_MS) };
  return `id=${encodeURIComponent(id)}&v=${version}&t=${link.issued}&sig=${await signLink(secret, link)}`;
}

export async function dataPageUrl(origin: string, secret: string, id: string, version: number): Promise<string> {
  return `${origin}/me?${await linkQuery(secret, id, version)}`;
}
