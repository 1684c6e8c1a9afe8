/**
 * `POST /v1/signups`: the "Komm zurück" signup, with double opt-in.
 *
 * The order is what keeps strangers from using the form against someone: the client's own budget first,
 * then the bot check, and only a verified attempt counts against an address, where the limit caps the
 * mails sent to it, never the person's signup. Every path that gets this far answers the same 202 after
 * the same round trips to D1 (one read, one batch), so neither the answer nor its timing tells whether an
 * address is known; mails leave after the answer.
 */
import { Hono } from "hono";
import { originOf } from "../../../../shared/comeback-protocol.ts";
import { consentVersion } from "../../../../shared/consent.ts";
import { CUSTOM_MESSAGES, fieldErrors } from "../../../../shared/errors.ts";
import { isLang, type Lang } from "../../../../shared/i18n.ts";
import { signupSchema } from "../../../../shared/schemas/signup.ts";
import { countRepeat, createSignup, findSignupByEmail, queueMail, resendConfirmation } from "../../db/signups.ts";
import type { AppEnv } from "../../env.ts";
import { ApiError } from "../../lib/errors.ts";
import { mailOrigin, signupProblems, turnstileHostnames } from "../../lib/origin.ts";
import { addressMayGetMail, clientRateLimit } from "../../lib/rate-limit.ts";
import { dataPageUrl } from "../../lib/signed-links.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";
import { verifyTurnstile } from "../../lib/turnstile.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import { alreadySignedUpMail, confirmationMail } from "../../pages/signup-mail.ts";

export const signups = new Hono<AppEnv>();

const TOKEN_DAYS = 7;
// A second request for the same address within this time sends no second mail.
const RESEND_COOLDOWN_MS = 10 * 60_000;

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
  // Without a public origin (outside development), a signing key or real Turnstile keys, no signup can
  // be confirmed: refuse before storing anything. /healthz?details=1 names what is missing.
  const origin = mailOrigin(c);
  if (!origin || signupProblems(c).length > 0) throw new ApiError(503, "unavailable");
  const secret = c.env.SIGNING_KEY ?? "";
  // Cloudflare puts the client's address in CF-Connecting-IP; it is only ever used as an HMAC.
  const wait = await clientRateLimit(c.env.DB, secret, c.req.header("CF-Connecting-IP") ?? "unknown");
  if (wait > 0) {
    c.header("Retry-After", String(wait));
    throw new ApiError(429, "rate_limited");
  }
  if (!(await verifyTurnstile(c.env, input.turnstile_token, turnstileHostnames(c)))) {
    throw new ApiError(400, "verification_failed");
  }
  const mayMail = await addressMayGetMail(c.env.DB, secret, input.email);

  const now = new Date();
  const existing = await findSignupByEmail(c.env.DB, input.email);
  const id = existing?.id ?? crypto.randomUUID();
  const dataLink = await dataPageUrl(origin, secret, id, existing?.link_version ?? 1);
  const token = newToken();
  const tokenHash = await hashToken(token);
  const expiresAt = new Date(now.getTime() + TOKEN_DAYS * 86_400_000).toISOString();
  // The page speaks the signup's language, whatever the browser that opens the mail prefers.
  const link = `${origin}/signup/confirm?token=${token}&lang=${existing && isLang(existing.lang) ? existing.lang : input.lang}`;

  if (existing) {
    // The same person again: one person, at most one mail per cooldown, and nothing from this request in
    // it (the language is the one they signed up with).
    const mailLang: Lang = isLang(existing.lang) ? existing.lang : "de";
    const recent = now.getTime() - new Date(existing.last_mail_at).getTime() < RESEND_COOLDOWN_MS;
    if (!mayMail || recent) {
      await countRepeat(c.env.DB);
    } else if (existing.status === "pending") {
      const mail = confirmationMail(existing.email, mailLang, link, dataLink);
      await resendConfirmation(c.env.DB, existing.id, tokenHash, expiresAt, mail, now.toISOString());
      deliverSoon(c.executionCtx, c.env);
    } else {
      // Confirmed already: the person (or someone with their address) gets the way to their data, no more.
      await queueMail(
        c.env.DB,
        existing.id,
        alreadySignedUpMail(existing.email, mailLang, dataLink),
        now.toISOString(),
      );
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
        // What the page the form sat on said it was (via the loader's `host`); a claim, not a proof.
        claimedOrigin: originOf(input.page_origin) ?? null,
        tokenHash,
        tokenExpiresAt: expiresAt,
        now: now.toISOString(),
      },
      // The address's mails for today are spent (by verified signups of its +tag variants): the signup is
      // stored all the same, and asking again after the cooldown tomorrow sends its mail.
      mayMail ? confirmationMail(input.email, input.lang, link, dataLink) : undefined,
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
