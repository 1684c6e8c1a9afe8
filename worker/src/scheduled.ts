/**
 * The cron triggers of worker/wrangler.jsonc: every few minutes mail delivery and the due imports (one
 * queue message per source), once a day the clean-up and the retention run (renewal mails, erasure).
 */
import { purgeRateLimits } from "./db/rate-limits.ts";
import { purgeUnconfirmed } from "./db/signups.ts";
import { purgeStaffStatements } from "./db/staff.ts";
import { enqueueDue } from "./import/queue.ts";
import { deliverSoon } from "./mail/deliver.ts";
import { runRetention } from "./retention.ts";

/** The daily trigger; every other trigger only delivers mail. */
export const PURGE_CRON = "17 3 * * *";
// Signups never confirmed are deleted after this long, with their tokens and mails.
const UNCONFIRMED_DAYS = 7;
// The audit log is kept two years; spent sign-in links and ended sessions a day.
const AUDIT_DAYS = 2 * 365;

export const scheduled: ExportedHandlerScheduledHandler<Env> = async (controller, env, ctx) => {
  const now = new Date(controller.scheduledTime);
  if (controller.cron === PURGE_CRON) {
    const before = new Date(now.getTime() - UNCONFIRMED_DAYS * 86_400_000).toISOString();
    const day = new Date(now.getTime() - 86_400_000).toISOString();
    const audit = new Date(now.getTime() - AUDIT_DAYS * 86_400_000).toISOString();
    ctx.waitUntil(
      Promise.all([
        purgeUnconfirmed(env.DB, before),
        purgeRateLimits(env.DB, before),
        env.DB.batch(purgeStaffStatements(env.DB, day, audit)),
        runRetention(env, now),
      ]),
    );
  }
  deliverSoon(ctx, env, now);
  ctx.waitUntil(enqueueDue(env, now));
};
