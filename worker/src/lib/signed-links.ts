/**
 * Links to a person's own data page, signed with an HMAC under the SIGNING_KEY secret, so only the
 * person who got the mail can open them and no id can be guessed.
 */
async function key(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function signId(secret: string, id: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await key(secret), new TextEncoder().encode(`me:${id}`)));
}

/** Constant-time check (crypto.subtle.verify) of a link's signature. */
export async function verifyId(secret: string, id: string, signature: string): Promise<boolean> {
  if (!secret || !/^[0-9a-f]{64}$/.test(signature)) return false;
  const bytes = new Uint8Array(signature.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? []);
  return crypto.subtle.verify("HMAC", await key(secret), bytes, new TextEncoder().encode(`me:${id}`));
}

export async function dataPageUrl(origin: string, secret: string, id: string): Promise<string> {
  return `${origin}/me?id=${encodeURIComponent(id)}&sig=${await signId(secret, id)}`;
}
