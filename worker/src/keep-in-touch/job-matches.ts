/**
 * Which new jobs a person's digest lists, with the matcher the extension uses (shared/job-match.ts), so a
 * digest and the extension agree on what "matching" means. The run's new jobs are indexed once (by title
 * term, by field and town), and each person looks up only the jobs under their own keys: no scan of all
 * jobs per person.
 */
import { matchScore, type Terms, titleTerms } from "../../../shared/job-match.ts";
import type { DigestJob, Recipient } from "../db/keep-in-touch.ts";

interface Indexed {
  job: DigestJob;
  terms: Terms;
}

export interface JobIndex {
  byTerm: Map<string, Indexed[]>;
  byField: Map<string, Indexed[]>;
  all: Indexed[];
}

function push<K>(map: Map<K, Indexed[]>, key: K, item: Indexed) {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The index of a run's new jobs (given newest first, which stays the order among equals). */
export function indexJobs(jobs: readonly DigestJob[]): JobIndex {
  const index: JobIndex = { byTerm: new Map(), byField: new Map(), all: [] };
  for (const job of jobs) {
    const item = { job, terms: titleTerms(job.title) };
    index.all.push(item);
    for (const term of item.terms.all) push(index.byTerm, term, item);
    push(index.byField, job.category, item);
  }
  return index;
}

/**
 * The person's matches among the jobs first seen after `mark`, best first: jobs of their occupation (by
 * the shared matcher), then of their field; in their towns when they named any. Without occupation and
 * field, every new job in their towns.
 */
export function matchesFor(index: JobIndex, person: Recipient, mark: string): DigestJob[] {
  const towns = new Set(JSON.parse(person.towns) as string[]);
  const fits = (i: Indexed) => i.job.first_seen_at > mark && (towns.size === 0 || towns.has(i.job.town_id));
  const scored = new Map<Indexed, number>();
  const query = person.occupation ? titleTerms(person.occupation) : undefined;
  if (query && query.all.size > 0) {
    // A job matches only if it has one of the query's occupations (or, with none, all its words): those
    // keys hold every candidate.
    const keys = query.occupations.length > 0 ? query.occupations : [...query.all].slice(0, 1);
    for (const key of keys)
      for (const item of index.byTerm.get(key) ?? []) {
        if (scored.has(item) || !fits(item)) continue;
        const score = matchScore(query, item.terms);
        if (score > 0) scored.set(item, 100 + score);
      }
  }
  if (person.field)
    for (const item of index.byField.get(person.field) ?? []) if (!scored.has(item) && fits(item)) scored.set(item, 1);
  if (!query?.all.size && !person.field) for (const item of index.all) if (fits(item)) scored.set(item, 1);
  const order = new Map(index.all.map((item, i) => [item, i]));
  return [...scored.entries()]
    .sort(([a, x], [b, y]) => y - x || (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map(([item]) => item.job);
}
