/** Machine tokens (migration 0015): read-only export tokens an admin makes for a tool, stored as hashes. */
import type { StaffRow } from "./staff.ts";

export interface MachineTokenRow {
  id: string;
  staff_id: string;
  staff_name: string;
  name: string;
  scope: "export";
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export function addMachineTokenStatement(
  db: D1Database,
  t: { id: string; staff_id: string; name: string; token_hash: string },
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      "INSERT INTO machine_tokens (id, staff_id, name, token_hash, scope, created_at) VALUES (?, ?, ?, ?, 'export', ?)",
    )
    .bind(t.id, t.staff_id, t.name, t.token_hash, now);
}

export async function listMachineTokens(db: D1Database): Promise<MachineTokenRow[]> {
  const { results } = await db
    .prepare(
      `SELECT m.id, m.staff_id, a.name AS staff_name, m.name, m.scope, m.created_at, m.last_used_at, m.revoked_at
       FROM machine_tokens m JOIN staff a ON a.id = m.staff_id ORDER BY m.revoked_at IS NOT NULL, m.created_at DESC`,
    )
    .all<MachineTokenRow>();
  return results;
}

export function revokeMachineTokenStatement(db: D1Database, id: string, now: string): D1PreparedStatement {
  return db.prepare("UPDATE machine_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").bind(now, id);
}

/** The admin a live token acts for: not revoked, the account an enabled admin's. */
export function machineTokenOwner(db: D1Database, tokenHash: string) {
  return db
    .prepare(
      `SELECT m.id AS token_id, a.id, a.email, a.name, a.role, a.towns, a.disabled, a.created_at, a.last_sign_in_at
       FROM machine_tokens m JOIN staff a ON a.id = m.staff_id
       WHERE m.token_hash = ? AND m.revoked_at IS NULL AND a.disabled = 0 AND a.role = 'admin'`,
    )
    .bind(tokenHash)
    .first<StaffRow & { token_id: string }>();
}

export function touchMachineToken(db: D1Database, id: string, now: string): D1PreparedStatement {
  return db.prepare("UPDATE machine_tokens SET last_used_at = ? WHERE id = ?").bind(now, id);
}
