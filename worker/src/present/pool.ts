/** The pool's rows as the staff API answers them (shared/schemas/pool.ts). */
import type { EmployerAccount } from "../../../shared/schemas/pool.ts";
import type { EmployerAccountRow } from "../db/employer-accounts.ts";

export function toEmployerAccount(row: EmployerAccountRow): EmployerAccount {
  return {
    id: row.id,
    employer_id: row.employer_id,
    employer_name: row.employer_name,
    email: row.email,
    name: row.name,
    disabled: row.disabled === 1,
    created_at: row.created_at,
    last_sign_in_at: row.last_sign_in_at,
  };
}
