/**
 * The daily retention run: confirmed people whose year is up are asked to renew (a mail with a fresh link
 * to their page), and those asked 30 days ago who did not renew are erased, with everything that hangs on
 * them. Without a public origin no one is asked, and so no one is erased: nobody loses their data unasked.
 */
import { isLang } from "../../shared/i18n.ts";
import { askRenewalStatements, dueRenewals, eraseUnrenewed } from "./db/retention.ts";
import { dataPageUrl } from "./lib/signed-links.ts";
import { renewalMail } from "./pages/renewal-mail.ts";

/** How long a person has to answer the renewal mail. */
export const RENEWAL_DAYS = 30;
// People asked per run; the rest follow on the next days.
const ASK_PER_RUN = 500;

export async function runRetention(env: Env, now: Date): Promise<{ asked: number; erased: number }> {
  const at = now.toISOString();
  const erased = await eraseUnrenewed(env.DB, new Date(now.getTime() - RENEWAL_DAYS * 86_400_000).toISOString());
  const origin = env.PUBLIC_ORIGIN;
  if (!origin || !env.SIGNING_KEY) return { asked: 0, erased };
  const due = await dueRenewals(env.DB, at, ASK_PER_RUN);
  const eraseAt = new Date(now.getTime() + RENEWAL_DAYS * 86_400_000).toISOString();
  const statements = await Promise.all(
    due.map(async (p) => {
      const link = await dataPageUrl(origin, env.SIGNING_KEY ?? "", p.id, p.link_version);
      return askRenewalStatements(
        env.DB,
        p.id,
        renewalMail(p.email, isLang(p.lang) ? p.lang : "de", link, eraseAt),
        at,
      );
    }),
  );
  if (statements.length) await env.DB.batch(statements.flat());
  return { asked: due.length, erased };
}
