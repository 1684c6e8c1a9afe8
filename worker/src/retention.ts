/**
 * The daily retention run: confirmed people whose year is up are asked to renew (a mail with a fresh link
 * to their page), and those whose renewal mail left 30 days ago and who did not renew are erased, with
 * everything that hangs on them. The days count from the mail's delivery (db/outbox.ts), so a mail that
 * never leaves erases no one; after a week it is queued again. Without a public origin no one is asked.
 */
import { isLang } from "../../shared/i18n.ts";
import { askRenewalStatements, dueRenewals, eraseUnrenewed } from "./db/retention.ts";
import { dataPageUrl } from "./lib/signed-links.ts";
import { renewalMail } from "./pages/renewal-mail.ts";

/** How long a person has to answer the renewal mail. */
export const RENEWAL_DAYS = 30;
// People asked per run, in batches of a few D1 statements each (an invocation may make 1,000 queries at
// most); the rest follow on the next days.
const ASK_PER_RUN = 200;
const PER_BATCH = 50;
// A renewal mail not sent within this long (the sender's retries are long over) is queued again.
const ASK_AGAIN_DAYS = 7;

/** When the person is erased unless they renew: 30 days after their renewal mail was sent. */
export function eraseAtOf(mailedAt: string | null): string | null {
  return mailedAt ? new Date(Date.parse(mailedAt) + RENEWAL_DAYS * 86_400_000).toISOString() : null;
}

export async function runRetention(env: Env, now: Date): Promise<{ asked: number; erased: number }> {
  const at = now.toISOString();
  const erased = await eraseUnrenewed(env.DB, new Date(now.getTime() - RENEWAL_DAYS * 86_400_000).toISOString());
  const origin = env.PUBLIC_ORIGIN;
  if (!origin || !env.SIGNING_KEY) return { asked: 0, erased };
  const askAgainBefore = new Date(now.getTime() - ASK_AGAIN_DAYS * 86_400_000).toISOString();
  const due = await dueRenewals(env.DB, at, askAgainBefore, ASK_PER_RUN);
  // The day the mail names: 30 days from now, so never earlier than 30 days from its delivery.
  const eraseAt = eraseAtOf(at) ?? at;
  for (let i = 0; i < due.length; i += PER_BATCH) {
    const statements = await Promise.all(
      due.slice(i, i + PER_BATCH).map(async (p) => {
        const link = await dataPageUrl(origin, env.SIGNING_KEY ?? "", p.id, p.link_version);
        const mail = renewalMail(p.email, isLang(p.lang) ? p.lang : "de", link, eraseAt);
        return askRenewalStatements(env.DB, p.id, mail, at, askAgainBefore);
      }),
    );
    await env.DB.batch(statements.flat());
  }
  return { asked: due.length, erased };
}
