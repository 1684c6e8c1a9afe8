/**
 * The outcome counts (migrations 0012, 0016) for a period given as UTC hours [from, to): per hour (summed
 * into Berlin days by the caller), per site and per town named. The district's team reads the '*' rows
 * (everyone once); a town account reads its towns' rows.
 */
export interface CountRow {
  key: string;
  metric: string;
  n: number;
}

const marks = (values: readonly unknown[]) => values.map(() => "?").join(", ");

export async function readOutcomeCounts(
  db: D1Database,
  /** YYYY-MM-DDTHH, UTC: the first hour counted and the first one not. */
  period: { from: string; to: string },
  towns: readonly string[] | null,
): Promise<{ days: CountRow[]; sites: CountRow[]; towns: CountRow[] }> {
  const scope = towns ? `town IN (${marks(towns)})` : "town = '*'";
  const scoped = towns ?? [];
  const range = "hour >= ? AND hour < ?";
  const [days, sites, named] = await db.batch<CountRow>([
    db
      .prepare(
        `SELECT hour AS key, metric, sum(n) AS n FROM outcome_counts WHERE ${scope} AND ${range} GROUP BY hour, metric`,
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
