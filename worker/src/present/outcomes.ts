/** The outcome counts as the staff API gives them (shared/schemas/outcomes.ts): Berlin weeks, sites, towns. */

import { TOWN_IDS } from "../../../shared/ids.ts";
import { OUTCOME_METRICS, type OutcomeMetric } from "../../../shared/outcome-metrics.ts";
import type { OutcomeCounts, OutcomesDto } from "../../../shared/schemas/outcomes.ts";
import type { CountRow } from "../db/outcomes.ts";

const DAY_MS = 86_400_000;

const zero = (): OutcomeCounts =>
  Object.fromEntries(OUTCOME_METRICS.map((m) => [m, 0])) as Record<OutcomeMetric, number>;

const isMetric = (m: string): m is OutcomeMetric => (OUTCOME_METRICS as readonly string[]).includes(m);

/** Sums rows into one set of counts per key. */
function byKey(rows: readonly CountRow[], keyOf: (key: string) => string = (k) => k): Map<string, OutcomeCounts> {
  const out = new Map<string, OutcomeCounts>();
  for (const row of rows) {
    if (!isMetric(row.metric)) continue;
    const key = keyOf(row.key);
    const counts = out.get(key) ?? zero();
    counts[row.metric] += row.n;
    out.set(key, counts);
  }
  return out;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The Monday of the week `day` lies in. */
export function mondayOf(day: string): string {
  const t = Date.parse(day);
  return isoDay(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS);
}

/** ISO 8601 week, "2026-W49": the week belongs to the year of its Thursday. */
export function isoWeek(monday: string): string {
  const thursday = new Date(Date.parse(monday) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The default period: the last twelve weeks, this one included. */
export function defaultPeriod(today: string, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? today;
  return { from: from ?? isoDay(Date.parse(mondayOf(end)) - 11 * 7 * DAY_MS), to: end };
}

export function toOutcomes(
  rows: { days: CountRow[]; sites: CountRow[]; towns: CountRow[] },
  period: { from: string; to: string },
  towns: readonly string[] | null,
): OutcomesDto {
  const totals = zero();
  for (const counts of byKey(rows.days).values()) for (const m of OUTCOME_METRICS) totals[m] += counts[m];
  const weekly = byKey(rows.days, mondayOf);
  const weeks: OutcomesDto["weeks"] = [];
  for (let t = Date.parse(mondayOf(period.from)); t <= Date.parse(period.to); t += 7 * DAY_MS) {
    const starts = isoDay(t);
    weeks.push({ starts, week: isoWeek(starts), ...(weekly.get(starts) ?? zero()) });
  }
  const mostSignups = (a: OutcomeCounts, b: OutcomeCounts) => b.signup - a.signup || b.confirmed - a.confirmed;
  const sites = [...byKey(rows.sites)]
    .map(([site, counts]) => ({ site, ...counts }))
    .sort((a, b) => mostSignups(a, b) || a.site.localeCompare(b.site, "de"));
  const named = [...byKey(rows.towns)]
    .filter((entry): entry is [(typeof TOWN_IDS)[number], OutcomeCounts] =>
      (TOWN_IDS as readonly string[]).includes(entry[0]),
    )
    .map(([town, counts]) => ({ town, ...counts }))
    .sort((a, b) => mostSignups(a, b) || a.town.localeCompare(b.town));
  return {
    from: period.from,
    to: period.to,
    towns: towns ? ([...towns] as OutcomesDto["towns"]) : null,
    totals,
    weeks,
    sites,
    towns_named: named,
  };
}
