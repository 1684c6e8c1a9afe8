/** Fixed-window rate-limit counters (keys are HMACs; see lib/rate-limit.ts). */

/** Counts one more hit for `key` in the window starting at `windowStart`; returns the count so far. */
export async function hit(db: D1Database, key: string, windowStart: string): Promise<number> {
  const count = await db
    .prepare(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1
       RETURNING count`,
    )
    .bind(key, windowStart)
    .first<number>("count");
  return count ?? 1;
}

/** Drops windows that ended before `before`. */
export async function purgeRateLimits(db: D1Database, before: string): Promise<void> {
  await db.prepare("DELETE FROM rate_limits WHERE window_start < ?").bind(before).run();
}
