/**
 * The job digest run: every person who chose job offers and whose digest is due (daily or weekly, as they
 * chose; the first one at the first run after confirming) gets the jobs first seen since their last
 * digest that match them, or no mail at all when there are none. One step handles a few thousand people
 * in pages; the next step is a queue message of its own. Each page is one D1 batch: its mails (one per
 * person and run, so a step run again mails no one twice) and where each person's next digest starts.
 */
import { isLang } from "../../../shared/i18n.ts";
import { digestDone, digestDue, newJobs, recentBulkCounts } from "../db/keep-in-touch.ts";
import { bulkInsert } from "../db/outbox.ts";
import { dataPageUrl } from "../lib/signed-links.ts";
import { digestMail } from "../pages/digest-mail.ts";
import { indexJobs, matchesFor } from "./job-matches.ts";
import { unsubscribeUrl } from "./links.ts";
import { DAY, underCap } from "./sending.ts";

// A job is "new" for two weeks at most: a person whose digests were held back gets no stale list.
const NEW_DAYS = 14;
// Jobs written in the last minutes wait for the next digest: an import may still be writing its batch
// with an earlier first-seen time, which this run would otherwise skip for good.
const SETTLE_MS = 15 * 60_000;
const PAGE = 500;
// People per D1 batch (a batch is one transaction).
const BATCH = 50;
export const PEOPLE_PER_STEP = 5_000;

export interface StepResult {
  looked: number;
  mailed: number;
  /** Held back by the per-person cap: their jobs wait for the next run. */
  capped: number;
  /** Where the next step starts, when there are more people. */
  next?: string;
  /** D1 rows this step read (digest and newsletter steps; bench:mail prints the sums). */
  rows_read?: number;
}

export async function digestStep(env: Env, origin: string, now: Date, after = ""): Promise<StepResult> {
  const db = env.DB;
  const secret = env.SIGNING_KEY ?? "";
  const at = now.toISOString();
  const since = new Date(now.getTime() - NEW_DAYS * DAY).toISOString();
  const until = new Date(now.getTime() - SETTLE_MS).toISOString();
  const meter = { rows_read: 0 };
  const index = indexJobs(await newJobs(db, since, until, at, meter));
  const mailing = `digest:${at}`;
  const result: StepResult = { looked: 0, mailed: 0, capped: 0 };
  const done = (r: StepResult): StepResult => ({ ...r, rows_read: meter.rows_read });
  let cursor = after;
  while (result.looked < PEOPLE_PER_STEP) {
    const people = await digestDue(
      db,
      cursor,
      PAGE,
      new Date(now.getTime() - DAY + 3_600_000).toISOString(),
      new Date(now.getTime() - 7 * DAY + 3_600_000).toISOString(),
      meter,
    );
    if (people.length === 0) return done(result);
    cursor = people[people.length - 1]?.id ?? cursor;
    result.looked += people.length;
    const matched = people.map((p) => ({
      p,
      jobs: matchesFor(index, p, p.digest_mark && p.digest_mark > since ? p.digest_mark : since),
    }));
    const counts = await recentBulkCounts(
      db,
      matched.filter((m) => m.jobs.length > 0).map((m) => m.p.id),
      new Date(now.getTime() - 7 * DAY).toISOString(),
      meter,
    );
    // A person's mail and where their next digest starts are written together: a step cut off and run
    // again (or the next run) neither repeats nor skips anyone.
    for (let i = 0; i < matched.length; i += BATCH) {
      const statements: D1PreparedStatement[] = [];
      const looked: string[] = [];
      for (const { p, jobs } of matched.slice(i, i + BATCH)) {
        if (jobs.length > 0 && !underCap(env, counts.get(p.id))) {
          result.capped++;
          continue;
        }
        looked.push(p.id);
        if (jobs.length === 0) continue;
        const lang = isLang(p.lang) ? p.lang : "de";
        const mail = digestMail({
          to: p.email,
          lang,
          firstName: p.first_name,
          every: p.digest_every,
          first: p.digest_mark === null,
          jobs,
          origin,
          dataLink: await dataPageUrl(origin, secret, p.id, p.link_version),
          unsubscribe: await unsubscribeUrl(origin, secret, p.id, "job_offers", lang),
        });
        statements.push(bulkInsert(db, p.id, mailing, "digest", mail, at));
        result.mailed++;
      }
      if (looked.length > 0)
        for (const r of await db.batch([...statements, digestDone(db, looked, at, until)]))
          meter.rows_read += r.meta.rows_read ?? 0;
    }
    if (people.length < PAGE) return done(result);
  }
  return done({ ...result, next: cursor });
}
