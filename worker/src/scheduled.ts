/**
 * The cron triggers of worker/wrangler.jsonc: every few minutes mail delivery, the due imports (one
 * queue message per source) and the scheduled newsletters, every hour the keep-in-touch runs, once a day the clean-up and the
 * retention run (renewal mails, erasure).
 */

import { purgeEmployerSessionStatements } from "./db/employer-accounts.ts";
import { claimDueNewsletters, purgeUnusedImagesStatement } from "./db/newsletters.ts";
import { bulkMailsWaiting, purgeSentMailings } from "./db/outbox.ts";
import { expirePoolRequestsStatement } from "./db/pool-requests.ts";
import { purgeRateLimits } from "./db/rate-limits.ts";
import { purgeUnconfirmed } from "./db/signups.ts";
import { purgeStaffStatements } from "./db/staff.ts";
import { enqueueDue } from "./import/queue.ts";
import { startRuns } from "./keep-in-touch/queue.ts";
import { inSendingHours } from "./keep-in-touch/sending.ts";
import { deliverSoon, MAX_ATTEMPTS } from "./mail/deliver.ts";
import { runSavedSearches } from "./pool/saved-searches.ts";
import { runRetention } from "./retention.ts";

/** The daily trigger. */
export const PURGE_CRON = "17 3 * * *";
/** The hourly trigger of the digest and invitation runs. */
export const KEEP_IN_TOUCH_CRON = "7 * * * *";
// Signups never confirmed are deleted after this long, with their tokens and mails.
const UNCONFIRMED_DAYS = 7;
// A mailing's sent mails keep their (emptied) rows this long, so a repeated run mails no one twice.
const MAILING_DAYS = 30;
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
        purgeSentMailings(env.DB, new Date(now.getTime() - MAILING_DAYS * 86_400_000).toISOString(), MAX_ATTEMPTS),
        runRetention(env, now),
        env.DB.batch([
          expirePoolRequestsStatement(env.DB, now.toISOString()),
          ...purgeEmployerSessionStatements(env.DB, day),
          purgeUnusedImagesStatement(env.DB, day),
        ]),
      ]),
    );
  }
  if (controller.cron === KEEP_IN_TOUCH_CRON) {
    // Without a public origin no mail could link anywhere; outside sending hours the runs wait.
    if (env.PUBLIC_ORIGIN && inSendingHours(now)) {
      ctx.waitUntil(startRuns(env, env.PUBLIC_ORIGIN, now));
      ctx.waitUntil(runSavedSearches(env, env.PUBLIC_ORIGIN, now));
    }
    return;
  }
  deliverSoon(ctx, env, now);
  ctx.waitUntil(enqueueDue(env, now));
  // Newsletters whose time has come start queuing their mails (each claimed once).
  ctx.waitUntil(
    claimDueNewsletters(env.DB, now.toISOString()).then((due) =>
      due.length
        ? env.MAIL.sendBatch(due.map((n) => ({ body: { job: "newsletter", id: n.id, after: "" } })))
        : undefined,
    ),
  );
  // Mails of mailings waiting (a chain cut off, the night over): a delivery chain starts; a running one
  // keeps the rate's lease and this one ends at once.
  if (inSendingHours(now))
    ctx.waitUntil(
      bulkMailsWaiting(env.DB, now.toISOString(), MAX_ATTEMPTS).then((waiting) =>
        waiting ? env.MAIL.send({ job: "deliver" }) : undefined,
      ),
    );
};
