/**
 * `POST /me/mail-stop`: a person whose address was stopped (mails bounced, or they reported one as spam)
 * takes the stop back from their page: the address works again, or they want our mails again. Like the
 * page's other forms, a POST from our own page naming the person's signed link.
 */
import { Hono } from "hono";
import { sha256Hex } from "../../../../shared/consent.ts";
import { liftStopStatements } from "../../db/mail-stops.ts";
import type { AppEnv } from "../../env.ts";
import { invalid, pageLang, person, queryOf } from "./link.ts";

export const meMail = new Hono<AppEnv>();

meMail.post("/mail-stop", async (c) => {
  const form = await c.req.parseBody();
  const p = await person(c, form);
  if (!p) return invalid(c);
  const lang = pageLang(c, p.record);
  const email = p.record.email;
  if (!p.record.mail_stopped_at) return c.redirect(`/me?${queryOf(p.link)}&lang=${lang}&done=stale#done`, 303);
  const hashes = [...new Set([await sha256Hex(email), await sha256Hex(email.toLowerCase())])];
  await c.env.DB.batch(liftStopStatements(c.env.DB, hashes, email));
  return c.redirect(`/me?${queryOf(p.link)}&lang=${lang}&done=mailResumed#done`, 303);
});
