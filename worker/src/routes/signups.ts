/** `POST /v1/signups`: the "Komm zurück" signup, with double opt-in. */
import { Hono } from "hono";
import { originOf } from "../../../shared/comeback-protocol.ts";
import { consentVersion } from "../../../shared/consent.ts";
import { CUSTOM_MESSAGES, fieldErrors } from "../../../shared/errors.ts";
import { signupSchema } from "../../../shared/schemas/signup.ts";
import { createSignup, findSignupByEmail, resendConfirmation } from "../db/signups.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../lib/errors.ts";
import { publicOrigin } from "../lib/origin.ts";
import { signupRateLimit } from "../lib/rate-limit.ts";
import { dataPageUrl } from "../lib/signed-links.ts";
import { hashToken, newToken } from "../lib/tokens.ts";
import { verifyTurnstile } from "../lib/turnstile.ts";
import { deliverSoon } from "../mail/deliver.ts";
import { confirmationMail } from "../pages/signup-mail.ts";

export const signups = new Hono<AppEnv>();

const TOKEN_DAYS = 7;
// A second request for the same address within this time sends no second mail.
const RESEND_COOLDOWN_MS = 10 * 60_000;

/** The origin of the page the form sat on: the host that framed our form page, else the Referer's. */
function refererOrigin(header: string | undefined): string | null {
  try {
    if (!header) return null;
    const url = new URL(header);
    if (url.pathname === "/embed/comeback") return originOf(url.searchParams.get("host")) ?? null;
    return url.origin;
  } catch {
    return null;
  }
}

signups.post("/", async (c) => {
  const lang = c.get("language");
  const body: unknown = await c.req.json().catch(() => undefined);
  if (body === undefined) throw new ApiError(400, "invalid_body");
  const parsed = signupSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw new ApiError(400, "invalid_body", fieldErrors(parsed.error.issues, lang));
  const input = { ...parsed.data, email: parsed.data.email.toLowerCase() };
  if (input.consent_version !== (await consentVersion(input.lang))) {
    throw new ApiError(400, "invalid_body", { consent_version: CUSTOM_MESSAGES.consent_outdated[lang] });
  }
  const accepted = () => c.json({ status: "pending" as const }, 202);
  // A filled honeypot is a bot: it is told all went well, and nothing is stored or sent.
  if (input.website) return accepted();
  // Cloudflare puts the client's address in CF-Connecting-IP; it is only ever used as an HMAC.
  const wait = await signupRateLimit(
    c.env.DB,
    c.env.SIGNING_KEY ?? "",
    c.req.header("CF-Connecting-IP") ?? "unknown",
    input.email,
  );
  if (wait > 0) {
    c.header("Retry-After", String(wait));
    throw new ApiError(429, "rate_limited");
  }
  if (!(await verifyTurnstile(c.env, input.turnstile_token))) {
    throw new ApiError(400, "verification_failed");
  }

  const now = new Date();
  const token = newToken();
  const tokenHash = await hashToken(token);
  const expiresAt = new Date(now.getTime() + TOKEN_DAYS * 86_400_000).toISOString();
  const origin = publicOrigin(c);
  const link = `${origin}/signup/confirm?token=${token}`;
  const existing = await findSignupByEmail(c.env.DB, input.email);
  const id = existing?.id ?? crypto.randomUUID();
  const dataLink = await dataPageUrl(origin, c.env.SIGNING_KEY ?? "", id);
  const mail = confirmationMail(input.email, input.lang, link, dataLink);

  if (existing) {
    // The same person again: one person, and at most one mail per cooldown; a confirmed one gets none.
    const recent = now.getTime() - new Date(existing.last_mail_at).getTime() < RESEND_COOLDOWN_MS;
    if (existing.status === "pending" && !recent) {
      await resendConfirmation(c.env.DB, existing.id, tokenHash, expiresAt, mail, now.toISOString());
      deliverSoon(c.executionCtx, c.env);
    }
    return accepted();
  }
  try {
    await createSignup(
      c.env.DB,
      {
        id,
        input,
        consentGivenAt: now.toISOString(),
        refererOrigin: refererOrigin(c.req.header("Referer")),
        tokenHash,
        tokenExpiresAt: expiresAt,
        now: now.toISOString(),
      },
      mail,
    );
  } catch (error) {
    // Two submits of the same address at once: the second loses the race on the unique e-mail, and
    // the batch left nothing behind. Same answer as the first.
    if (String(error).includes("UNIQUE")) return accepted();
    throw error;
  }
  deliverSoon(c.executionCtx, c.env);
  return accepted();
});
