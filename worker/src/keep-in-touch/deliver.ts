/**
 * Mails of mailings (digest, invitations, newsletter) go out on the mail queue at the provider's rate,
 * within sending hours: one chain of queue messages, each sending a batch and sending the next message
 * after the batch's share of a minute. The chain holds a lease on the rate (db/outbox.ts mail_pacing),
 * so a second chain (the cron starts one whenever mails wait) stops at once instead of doubling it.
 */
import { bulkMailsWaiting, claimDueMails, markMailStopped, takePacingLease } from "../db/outbox.ts";
import { type Delivery, LEASE_MS, MAX_ATTEMPTS, sendClaimed } from "../mail/deliver.ts";
import { mailerFor } from "../mail/mailer.ts";
import { writeNewsletterMails } from "./newsletter.ts";
import { inSendingHours, ratePerMinute } from "./sending.ts";

const MAX_BATCH = 50;

export interface BulkDelivery extends Delivery {
  /** Seconds until the next batch may go, when mails still wait; undefined when the chain ends here. */
  nextInSeconds?: number;
}

export async function deliverBulk(env: Env, now = new Date()): Promise<BulkDelivery> {
  const none = { sent: 0, failed: 0, stopped: 0 };
  // Outside sending hours the chain ends; the cron starts a new one at 7:00.
  if (!inSendingHours(now)) return none;
  const rate = ratePerMinute(env);
  const batch = Math.min(rate, MAX_BATCH);
  const paceMs = (batch / rate) * 60_000;
  const at = now.toISOString();
  if (!(await takePacingLease(env.DB, at, new Date(now.getTime() + paceMs).toISOString()))) return none;
  const mailer = mailerFor(env);
  const due = await claimDueMails(
    env.DB,
    at,
    new Date(now.getTime() + LEASE_MS).toISOString(),
    MAX_ATTEMPTS,
    batch,
    true,
  );
  const { ready, left } = await writeNewsletterMails(env, due);
  if (left.length) await env.DB.batch(left.map((mail) => markMailStopped(env.DB, mail.id, "left", MAX_ATTEMPTS)));
  const delivery = await sendClaimed(env, mailer, ready, now);
  const waiting = await bulkMailsWaiting(env.DB, new Date(now.getTime() + paceMs).toISOString(), MAX_ATTEMPTS);
  const result = { ...delivery, stopped: delivery.stopped + left.length };
  return waiting ? { ...result, nextInSeconds: Math.ceil(paceMs / 1000) + 1 } : result;
}
