/**
 * Cloudflare Turnstile, checked on the server. The secret is configuration (a wrangler secret in
 * production); local development and tests use Cloudflare's documented test secrets, which always pass
 * or always fail, and which production refuses. No IP address is sent along.
 *
 * A token only counts when siteverify says it was solved on our own page (`hostname`: the public
 * origin's host, or one of TURNSTILE_HOSTNAMES) for the signup (`action`): a token solved elsewhere, or
 * for another purpose, is refused.
 */
const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/** The action the form renders the widget with, and siteverify must report. */
export const TURNSTILE_ACTION = "signup";

/** Cloudflare's documented test keys: the site key shows a widget, these secrets decide the outcome. */
export const TURNSTILE_TEST = {
  siteKeyPasses: "1x00000000000000000000AA",
  secretPasses: "1x0000000000000000000000000000000AA",
  secretFails: "2x0000000000000000000000000000000AA",
} as const;

/** Any of Cloudflare's test site keys or secrets (1x…, 2x…, 3x… followed by zeros). */
export function isTestKey(key: string | undefined): boolean {
  return !!key && /^[123]x0{20,}[A-F]{2}$/.test(key);
}

/** What keeps Turnstile from working here, in words (for /healthz?details=1), or undefined. */
export function turnstileProblem(env: Env): string | undefined {
  const dev = env.DEV === "true";
  if (!env.TURNSTILE_SECRET) return "TURNSTILE_SECRET is not set";
  if (!env.TURNSTILE_SITE_KEY) return "TURNSTILE_SITE_KEY is not set";
  if (!dev && (isTestKey(env.TURNSTILE_SECRET) || isTestKey(env.TURNSTILE_SITE_KEY))) {
    return "Cloudflare's Turnstile test keys are set, which only development accepts";
  }
  return undefined;
}

interface Outcome {
  success?: unknown;
  hostname?: unknown;
  action?: unknown;
}

/**
 * Whether Turnstile accepted `token` for the signup on one of `hostnames`. The real siteverify call is
 * always made; only when it cannot be reached at all, in development (DEV), with one of Cloudflare's test
 * secrets, is the outcome the one Cloudflare documents for that secret: these machines have no route to
 * Cloudflare. In development only, TURNSTILE_SITEVERIFY_URL may name another siteverify (the signup
 * benchmark runs one, so it measures our pipeline and not a failing DNS look-up); production always asks
 * Cloudflare.
 */
export async function verifyTurnstile(env: Env, token: string, hostnames: readonly string[]): Promise<boolean> {
  const secret = env.TURNSTILE_SECRET ?? "";
  const dev = env.DEV === "true";
  if (turnstileProblem(env)) return false;
  const test = isTestKey(secret);
  try {
    const response = await fetch((dev && env.TURNSTILE_SITEVERIFY_URL) || SITEVERIFY, {
      method: "POST",
      body: new URLSearchParams({ secret, response: token }),
    });
    if (!response.ok) return false;
    const outcome = (await response.json()) as Outcome;
    if (outcome.success !== true) return false;
    // Test keys answer with a dummy hostname and action; only development accepts them at all.
    if (test) return true;
    return (
      typeof outcome.hostname === "string" &&
      hostnames.includes(outcome.hostname.toLowerCase()) &&
      outcome.action === TURNSTILE_ACTION
    );
  } catch {
    if (dev && secret === TURNSTILE_TEST.secretPasses) return true;
    // Unreachable: fail closed; the person can try again.
    return false;
  }
}
