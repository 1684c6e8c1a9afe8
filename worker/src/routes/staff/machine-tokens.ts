/**
 * Machine tokens (admins only): read-only tokens for the exports, one per tool, in place of a shared secret.
 * The token is shown once at creation; D1 keeps its hash. Creating and revoking are audited, and so is each
 * export a token makes (as its admin's).
 */
import { Hono } from "hono";
import { machineTokenInputSchema } from "../../../../shared/schemas/staff.ts";
import {
  addMachineTokenStatement,
  listMachineTokens,
  type MachineTokenRow,
  revokeMachineTokenStatement,
} from "../../db/machine-tokens.ts";
import { auditIfChangedStatement, auditStatement } from "../../db/staff.ts";
import { ApiError } from "../../lib/errors.ts";
import { MACHINE_TOKEN_PREFIX, type StaffEnv } from "../../lib/staff-session.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";
import { jsonBody } from "../../lib/validate.ts";
import { adminOnly } from "./scope.ts";

export const staffMachineTokens = new Hono<StaffEnv>();
staffMachineTokens.use(adminOnly);

const toDto = (r: MachineTokenRow) => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  owner: { id: r.staff_id, name: r.staff_name },
  created_at: r.created_at,
  last_used_at: r.last_used_at,
  revoked_at: r.revoked_at,
});

staffMachineTokens.get("/", async (c) => c.json({ data: (await listMachineTokens(c.env.DB)).map(toDto) }));

staffMachineTokens.post("/", async (c) => {
  // A token cannot make another: only a person at the console can.
  if (c.get("staff").machine) throw new ApiError(403, "not_allowed");
  const { name } = await jsonBody(c, machineTokenInputSchema);
  const id = crypto.randomUUID();
  const token = `${MACHINE_TOKEN_PREFIX}${newToken()}`;
  const now = new Date().toISOString();
  const staff = c.get("staff");
  await c.env.DB.batch([
    addMachineTokenStatement(c.env.DB, { id, staff_id: staff.id, name, token_hash: await hashToken(token) }, now),
    auditStatement(c.env.DB, { staff_id: staff.id, action: "token.create", detail: { token: id } }, now),
  ]);
  const row = (await listMachineTokens(c.env.DB)).find((r) => r.id === id);
  return c.json(row && { ...toDto(row), token }, 201);
});

staffMachineTokens.post("/:id/revoke", async (c) => {
  const id = c.req.param("id");
  const now = new Date().toISOString();
  const [revoked] = await c.env.DB.batch([
    revokeMachineTokenStatement(c.env.DB, id, now),
    auditIfChangedStatement(
      c.env.DB,
      { staff_id: c.get("staff").id, action: "token.revoke", detail: { token: id } },
      now,
    ),
  ]);
  if (!revoked?.meta.changes) throw new ApiError(404, "not_found");
  return c.body(null, 204);
});
