/**
 * Cloudflare Turnstile, checked on the server. The secret is configuration (a wrangler secret in
 * production); local development and tests use Cloudflare's documented test secrets, which always pass
 * or always fail. No IP address is sent along.
 */
const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/** Cloudflare's documented test keys: the site key shows a widget, these secrets decide the outcome. */
export const TURNSTILE_TEST = {
  siteKeyPasses: "1x00000000000000000000AA",
  secretPasses: "1x0000000000000000000000000000000AA",
  secretFails: "2x0000000000000000000000000000000AA",
} as const;

/**
 * Whether Turnstile accepted `token`. The real siteverify call is always made; only when it cannot be
 * reached at all, in development (DEV), with one of Cloudflare's test secrets, is the outcome the one
 * Cloudflare documents for that secret: these machines have no route to Cloudflare.
 * In development only, TURNSTILE_SITEVERIFY_URL may name another siteverify (the signup benchmark runs
 * one, so it measures our pipeline and not a failing DNS look-up); production always asks Cloudflare.
 */
export async function verifyTurnstile(env: Env, token: string): Promise<boolean> {
  const secret = env.TURNSTILE_SECRET ?? "";
  const dev = env.DEV === "true";
  if (!secret) return false;
  try {
    const response = await fetch((dev && env.TURNSTILE_SITEVERIFY_URL) || SITEVERIFY, {
      method: "POST",
      body: new URLSearchParams({ secret, response: token }),
    });
    if (!response.ok) return false;
    const outcome = (await response.json()) as { success?: unknown };
    return outcome.success === true;
  } catch {
    if (dev && secret === TURNSTILE_TEST.secretPasses) return true;
    // Unreachable: fail closed; the person can try again.
    return false;
  }
}
