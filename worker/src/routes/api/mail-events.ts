/**
 * `POST /v1/mail/events`: the mail provider's delivery reports. A hard bounce or a complaint stops all
 * mail to that address at once (db/mail-stops.ts); a soft bounce is left to the sender's retries. The
 * provider authenticates with the MAIL_WEBHOOK_SECRET bearer token; without the secret the webhook is off.
 */
import { Hono } from "hono";
import { sha256Hex } from "../../../../shared/consent.ts";
import { mailEventsSchema } from "../../../../shared/schemas/mail-events.ts";
import { stopAddress } from "../../db/mail-stops.ts";
import type { AppEnv } from "../../env.ts";
import { ApiError } from "../../lib/errors.ts";
import { jsonBody } from "../../lib/validate.ts";

export const mailEvents = new Hono<AppEnv>();

/** Equal strings in time that does not depend on where they differ. */
async function sameSecret(given: string, secret: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256Hex(given), sha256Hex(secret)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

mailEvents.post("/", async (c) => {
  const secret = c.env.MAIL_WEBHOOK_SECRET;
  const given = c.req.header("Authorization")?.replace(/^Bearer /, "") ?? "";
  if (!secret || !(await sameSecret(given, secret))) {
    c.header("WWW-Authenticate", 'Bearer realm="heimvorteil-mail"');
    throw new ApiError(401, "unauthorized");
  }
  const { events } = await jsonBody(c, mailEventsSchema);
  const now = new Date().toISOString();
  let stopped = 0;
  for (const e of events) {
    if (e.type === "bounce" && e.bounce_type === "soft") continue;
    await stopAddress(c.env.DB, await sha256Hex(e.email), e.email, e.type, now);
    stopped++;
  }
  return c.json({ stopped, ignored: events.length - stopped });
});
