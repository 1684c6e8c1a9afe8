/**
 * What an employer holds of a card: an opaque reference, sealed (AES-GCM) for that employer, with a fresh
 * nonce in every answer. It names a group of alike cards and the search's words, never a person (pool
 * routes pick whom a request reaches when it is sent). So references cannot be walked or guessed, one
 * employer's are worthless to another, and none follows a person. A reference is good for a day.
 */
const REF_MS = 86_400_000;

const keys = new Map<string, Promise<CryptoKey>>();

function keyOf(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle
      .importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveKey"])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: new TextEncoder().encode("pool-card-ref") },
          base,
          { name: "AES-GCM", length: 256 },
          false,
          ["encrypt", "decrypt"],
        ),
      );
    keys.set(secret, key);
  }
  return key;
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

function unb64url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    // Not base64 at all (a length no encoding gives).
    return null;
  }
}

export async function sealCard(secret: string, employerId: string, value: string, now = Date.now()): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(employerId) },
    await keyOf(secret),
    new TextEncoder().encode(`${now}.${value}`),
  );
  const out = new Uint8Array(12 + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), 12);
  return b64url(out);
}

/** What a reference names, if it was sealed for this employer within the last day; else null. */
export async function openCard(
  secret: string,
  employerId: string,
  ref: string,
  now = Date.now(),
): Promise<string | null> {
  const bytes = unb64url(ref);
  if (!bytes || bytes.length < 12 + 16 + 3) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: new TextEncoder().encode(employerId) },
      await keyOf(secret),
      bytes.slice(12),
    );
    const [at, id] = new TextDecoder().decode(plain).split(/\.(.*)/s) as [string, string | undefined];
    const age = now - Number(at);
    return id && age >= 0 && age < REF_MS ? id : null;
  } catch {
    return null;
  }
}
