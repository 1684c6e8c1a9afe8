/**
 * Hands due outbox mails to the configured sender: right after a signup (in waitUntil, so the person does
 * not wait for it) and from the cron every few minutes for whatever failed or was cut off. Mails of a
 * mailing (digest, invitations, newsletter) go their own way, paced: worker/src/keep-in-touch/deliver.ts.
 */
import { sha256Hex } from "../../../shared/consent.ts";
import { stoppedAddresses } from "../db/mail-stops.ts";
import { claimDueMails, type DueMail, markMailFailed, markMailSent, markMailStopped } from "../db/outbox.ts";
import { type Mailer, mailerFor } from "./mailer.ts";

export const MAX_ATTEMPTS = 8;
// Minutes until the next try after the 1st, 2nd, … failed attempt: about a day in all.
const RETRY_MINUTES = [1, 5, 15, 60, 120, 360, 720];
// While a mail is being sent no second sender picks it up; a crash mid-send frees it after this.
export const LEASE_MS = 2 * 60_000;
const BATCH = 25;

export interface Delivery {
  sent: number;
  failed: number;
  /** Not sent: the address bounced for good or complained (db/mail-stops.ts). */
  stopped: number;
}

export async function deliverDueMails(env: Env, now = new Date()): Promise<Delivery> {
  // A sender that is not configured fails before any mail is claimed (and its try counted).
  const mailer = mailerFor(env);
  const due = await claimDueMails(
    env.DB,
    now.toISOString(),
    new Date(now.getTime() + LEASE_MS).toISOString(),
    MAX_ATTEMPTS,
    BATCH,
  );
  return sendClaimed(env, mailer, due, now);
}

/** Sends claimed mails one after another, each marked sent or failed on its own as it goes. */
export async function sendClaimed(env: Env, mailer: Mailer, due: readonly DueMail[], now: Date): Promise<Delivery> {
  const delivery: Delivery = { sent: 0, failed: 0, stopped: 0 };
  if (due.length === 0) return delivery;
  const keep = env.DEV === "true";
  const hashes = await Promise.all(due.map((mail) => sha256Hex(mail.to.toLowerCase())));
  const stopped = await stoppedAddresses(env.DB, [...new Set(hashes)]);
  // One after another: a sender's rate limits are kinder to a steady trickle than to a burst.
  for (const [i, mail] of due.entries()) {
    const stop = stopped.get(hashes[i] as string);
    if (stop) {
      await markMailStopped(env.DB, mail.id, stop, MAX_ATTEMPTS).run();
      delivery.stopped++;
      continue;
    }
    try {
      const messageId = await mailer.send(mail);
      // On the clock of the run (the cron's scheduled time), which the retention days count from.
      await markMailSent(env.DB, mail, now.toISOString(), messageId, keep);
      delivery.sent++;
    } catch (error) {
      // The refusal is kept for the team, without the recipient's address.
      const reason = String(error instanceof Error ? `${error.name}: ${error.message}` : error).replaceAll(
        mail.to,
        "<recipient>",
      );
      const minutes = RETRY_MINUTES[Math.min(mail.attempts, RETRY_MINUTES.length) - 1] ?? 0;
      await markMailFailed(env.DB, mail.id, reason, new Date(now.getTime() + minutes * 60_000).toISOString());
      console.error(`mail ${mail.id}: attempt ${mail.attempts} of ${MAX_ATTEMPTS} failed: ${reason}`);
      delivery.failed++;
    }
  }
  return delivery;
}

/** Delivery after the answer has gone out; a failure is logged and the cron tries again. */
export function deliverSoon(ctx: Pick<ExecutionContext, "waitUntil">, env: Env, now?: Date): void {
  ctx.waitUntil(deliverDueMails(env, now).catch((error) => console.error(`mail delivery: ${error}`)));
}
