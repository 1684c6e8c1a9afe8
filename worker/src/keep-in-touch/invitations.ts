/**
 * Meet-up invitations: about a week ahead, everyone who chose meet-ups hears of the coming events in
 * their towns (all towns when they named none), at most one mail a week bundling them. "Coming" is by
 * Berlin calendar day: from tomorrow to ten days on, so an event is announced on the first weekly
 * round before it, three days ahead at the least. Each invitation is recorded, so no event is announced
 * to anyone twice, and its answer is the guest's alone.
 */
import { berlinDate } from "../../../shared/berlin-clock.ts";
import { isLang } from "../../../shared/i18n.ts";
import {
  comingEvents,
  invitationsDue,
  invitedPairs,
  invitedStatement,
  inviteStatement,
  recentBulkCounts,
} from "../db/keep-in-touch.ts";
import { bulkInsert } from "../db/outbox.ts";
import { dataPageUrl } from "../lib/signed-links.ts";
import { invitationMail } from "../pages/invitation-mail.ts";
import type { StepResult } from "./digest.ts";
import { rsvpUrl, unsubscribeUrl } from "./links.ts";
import { DAY, underCap } from "./sending.ts";

const AHEAD_DAYS = 10;
const PAGE = 500;
const BATCH = 40;
const PEOPLE_PER_STEP = 5_000;

/** The Berlin day `days` after `day` (YYYY-MM-DD). */
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export async function invitationStep(env: Env, origin: string, now: Date, after = ""): Promise<StepResult> {
  const db = env.DB;
  const secret = env.SIGNING_KEY ?? "";
  const at = now.toISOString();
  const today = berlinDate(now);
  const last = addDays(today, AHEAD_DAYS);
  const events = (await comingEvents(db, at, new Date(now.getTime() + (AHEAD_DAYS + 2) * DAY).toISOString())).filter(
    (e) => {
      const day = berlinDate(new Date(e.starts_at));
      return day > today && day <= last;
    },
  );
  const result: StepResult = { looked: 0, mailed: 0, capped: 0 };
  if (events.length === 0) return result;
  const mailing = `invitation:${at}`;
  let cursor = after;
  while (result.looked < PEOPLE_PER_STEP) {
    const people = await invitationsDue(db, cursor, PAGE, new Date(now.getTime() - 7 * DAY + 3_600_000).toISOString());
    if (people.length === 0) return result;
    cursor = people[people.length - 1]?.id ?? cursor;
    result.looked += people.length;
    const ids = people.map((p) => p.id);
    const invited = await invitedPairs(
      db,
      ids,
      events.map((e) => e.id),
    );
    const offered = people
      .map((p) => {
        const towns = new Set(JSON.parse(p.towns) as string[]);
        return {
          p,
          events: events.filter((e) => (towns.size === 0 || towns.has(e.town_id)) && !invited.has(`${p.id} ${e.id}`)),
        };
      })
      .filter((o) => o.events.length > 0);
    const counts = await recentBulkCounts(
      db,
      offered.map((o) => o.p.id),
      new Date(now.getTime() - 7 * DAY).toISOString(),
    );
    for (let i = 0; i < offered.length; i += BATCH) {
      const statements: D1PreparedStatement[] = [];
      const mailed: string[] = [];
      for (const { p, events: theirs } of offered.slice(i, i + BATCH)) {
        if (!underCap(env, counts.get(p.id))) {
          result.capped++;
          continue;
        }
        const lang = isLang(p.lang) ? p.lang : "de";
        const items = await Promise.all(
          theirs.map(async (event) => ({ event, rsvp: await rsvpUrl(origin, secret, p.id, event.id, lang) })),
        );
        const mail = invitationMail({
          to: p.email,
          lang,
          firstName: p.first_name,
          items,
          origin,
          dataLink: await dataPageUrl(origin, secret, p.id, p.link_version),
          unsubscribe: await unsubscribeUrl(origin, secret, p.id, "meetups", lang),
        });
        statements.push(bulkInsert(db, p.id, mailing, "invitation", mail, at));
        for (const event of theirs) statements.push(inviteStatement(db, event.id, p.id, at));
        mailed.push(p.id);
      }
      if (mailed.length > 0) await db.batch([...statements, invitedStatement(db, mailed, at)]);
      result.mailed += mailed.length;
    }
    if (people.length < PAGE) return result;
  }
  return { ...result, next: cursor };
}
