/**
 * The weekly run of employers' saved searches: each search not checked for seven days is run over the
 * pool as its employer would see it (blocks and those asked already left out), and if cards changed since
 * the last check match, the account gets one mail with a link to the search. The mail names a number only
 * when it is at least k, and the search only reaches cards shown by the k rule, so a mail says no more than
 * the search page would.
 */
import { poolSearchSchema } from "../../../shared/schemas/pool.ts";
import { outboxInsert } from "../db/outbox.ts";
import { hiddenFromEmployer } from "../db/pool.ts";
import { checkedPoolSearchStatement, dueSearches } from "../db/pool-searches.ts";
import { savedSearchMail } from "../pages/employer-mail.ts";
import { poolK } from "./cards.ts";
import { findCards, poolIndex } from "./pool-index.ts";
import { searchParams, toPoolSearch } from "./query.ts";

const WEEK_MS = 7 * 86_400_000;
// Statements per D1 batch: a mail and a check each.
const BATCH = 100;

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
  const statements: D1PreparedStatement[] = [];
  let mailed = 0;
  for (const s of due) {
    if (!hidden.has(s.employer_id)) hidden.set(s.employer_id, hiddenFromEmployer(db, s.employer_id));
    const raw = searchParams(
      Object.fromEntries(Object.entries(JSON.parse(s.query) as Record<string, string>).map(([k, v]) => [k, [v]])),
    );
    const parsed = poolSearchSchema.safeParse(raw);
    statements.push(checkedPoolSearchStatement(db, s.id, at));
    if (!parsed.success) continue;
    const found = findCards(index, toPoolSearch(parsed.data), (await hidden.get(s.employer_id)) ?? new Set());
    let fresh = 0;
    for (const g of found) for (const id of g.members) if ((index.changed.get(id) ?? "") > s.checked_at) fresh++;
    if (fresh === 0) continue;
    const params = new URLSearchParams({ ...raw, lang: s.lang });
    statements.push(
      outboxInsert(
        db,
        null,
        savedSearchMail(
          s.email,
          s.lang,
          s.name,
          fresh >= index.k ? fresh : null,
          `${origin}/arbeitgeber/pool?${params.toString()}`,
        ),
        at,
      ),
    );
    mailed++;
  }
  for (let i = 0; i < statements.length; i += BATCH) await db.batch(statements.slice(i, i + BATCH));
  return { looked: due.length, mailed };
}
