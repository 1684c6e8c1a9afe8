/**
 * Addresses no mail goes to any more: a hard bounce or a spam complaint (the provider's webhook or a
 * delivery report), kept by the address's SHA-256 (migration 0018) and shown on the person's record.
 */

export type StopReason = "bounce" | "complaint";

/** The stop, and the person's record marked, in one batch; a second report changes nothing. */
export function stopAddress(db: D1Database, addressHash: string, email: string, reason: StopReason, now: string) {
  return db.batch([
    db
      .prepare("INSERT INTO mail_stops (address_hash, reason, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
      .bind(addressHash, reason, now),
    db
      .prepare(
        "UPDATE signups SET mail_stopped_at = ?, mail_stop_reason = ? WHERE email = ? AND mail_stopped_at IS NULL",
      )
      .bind(now, reason, email),
  ]);
}

/**
 * Lifts an address's stop (the person says it works again, or wants mail again; the team, after the person
 * wrote): the stop under either spelling's hash, and the person's record, in one batch.
 */
export function liftStopStatements(db: D1Database, hashes: readonly string[], email: string) {
  return [
    db
      .prepare("DELETE FROM mail_stops WHERE address_hash IN (SELECT value FROM json_each(?))")
      .bind(JSON.stringify(hashes)),
    db
      .prepare(
        "UPDATE signups SET mail_stopped_at = NULL, mail_stop_reason = NULL WHERE email = ? AND mail_stopped_at IS NOT NULL",
      )
      .bind(email),
  ];
}

/** Of these address hashes, the stopped ones with their reason. */
export async function stoppedAddresses(db: D1Database, hashes: readonly string[]): Promise<Map<string, StopReason>> {
  if (hashes.length === 0) return new Map();
  const { results } = await db
    .prepare("SELECT address_hash, reason FROM mail_stops WHERE address_hash IN (SELECT value FROM json_each(?))")
    .bind(JSON.stringify(hashes))
    .all<{ address_hash: string; reason: StopReason }>();
  return new Map(results.map((r) => [r.address_hash, r.reason]));
}
