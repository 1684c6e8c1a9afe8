/**
 * The outcome counts (migration 0016: per Berlin day) for a period of Berlin days: per day, per site and
 * per town named. The district's team reads the '*' rows (everyone once); a town account its towns' rows.
 */
import { marks } from "./placeholders.ts";
export interface CountRow {
  key: string;
  metric: string;
  n: number;
}

export async function readOutcomeCounts(
  db: D1Database,
  /** YYYY-MM-DD, Berlin days, both included. */
  period: { from: string; to: string },
  towns: readonly string[] | null,
): Promise<{ days: CountRow[]; sites: CountRow[]; towns: CountRow[] }> {
  const scope = towns ? `town IN (${marks(towns)})` : "town = '*'";
  const scoped = towns ?? [];
  const range = "day BETWEEN ? AND ?";
  const [days, sites, named] = await db.batch<CountRow>([
    db
      .prepare(
        `SELECT day AS key, metric, sum(n) AS n FROM outcome_counts WHERE ${scope} AND ${range} GROUP BY day, metric`,
      )
      .bind(...scoped, period.from, period.to),
    db
      .prepare(
        `SELECT site AS key, metric, sum(n) AS n FROM outcome_counts WHERE ${scope} AND ${range} GROUP BY site, metric`,
      )
      .bind(...scoped, period.from, period.to),
    db
      .prepare(
        `SELECT town AS key, metric, sum(n) AS n FROM outcome_counts
         WHERE ${towns ? scope : "town != '*'"} AND ${range} GROUP BY town, metric`,
      )
      .bind(...scoped, period.from, period.to),
  ]);
  return { days: days?.results ?? [], sites: sites?.results ?? [], towns: named?.results ?? [] };
}
