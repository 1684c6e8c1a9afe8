/** Single-use tokens for links in mails: random, sent once, stored only as a hash. */
import { sha256Hex } from "../../../shared/consent.ts";

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function hashToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/** Tokens look like newToken()'s output; anything else is refused before any lookup. */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}
