import { outboxInsertIfChanged } from "../db/outbox.ts";
import { hiddenFromEmployer } from "../db/pool.ts";
import { claimPoolSearchStatement, dueSearches } from "../db/pool-searches.ts";
import { savedSearchMail } from "../pages/employer-mail.ts";
import { poolK } from "./cards.ts";
import { findCards, poolIndex } from "./pool-index.ts";
import { storedSearch, toPoolSearch } from "./query.ts";

const WEEK_MS = 7 * 86_400_000;
// Searches per D1 batch: a claim and a mail each.
const BATCH = 50;

export interface SavedSearchRun {
  looked: number;
  mailed: number;
}

export async function runSavedSearches(env: Env, origin: string, now: Date): Promise<SavedSearchRun> {
  const db = env.DB;
  const at = now.toISOString();
  const [due, index] = await Promise.all([
    dueSearches(db, new Date(now.getTime() - WEEK_MS).toISOString()),
    poolIndex(db, poolK(env.POOL_K)),
  ]);
  const hidden = new Map<string, Promise<Set<string>>>();
  const mails: [D1PreparedStatement, D1PreparedStatement][] = [];
  for (const s of due) {
    if (!hidden.has(s.employer_id)) hidden.set(s.employer_id, hiddenFromEmployer(db, s.employer_id));
    const { raw, input } = storedSearch(s.query);
    if (!input) continue;
    const found = findCards(index, toPoolSearch(input), (await hidden.get(s.employer_id)) ?? new Set());
    let fresh = 0;
    for (const g of found) for (const id of g.available) if ((index.changed.get(id) ?? "") > s.checked_at) fresh++;
    if (fresh < index.k) continue;
    const params = new URLSearchParams({ ...raw, lang: s.lang });
    mails.push([
      claimPoolSearchStatement(db, s.id, s.checked_at, at),
      outboxInsertIfChanged(
        db,
        null,
        savedSearchMail(s.email, s.lang, s.name, fresh, `${origin}/arbeitgeber/pool?${params.toString()}`),
        at,
      ),
    ]);
  }
  let mailed = 0;
  for (let i = 0; i < mails.length; i += BATCH) {
    const results = await db.batch(mails.slice(i, i + BATCH).flat());
    mailed += results.filter((r, j) => j % 2 === 1 && (r.meta.changes ?? 0) > 0).length;
  }
  return { looked: due.length, mailed };
}
