/** Staff accounts, people and audit entries as the staff API gives them (shared/schemas/staff.ts). */
import type { PersonDto, StaffDto } from "../../../shared/schemas/staff.ts";
import type { SignupRecord } from "../db/signups.ts";
import type { AuditRow, StaffRow } from "../db/staff.ts";

export function toStaffDto(row: StaffRow): StaffDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    towns: JSON.parse(row.towns) as StaffDto["towns"],
    disabled: row.disabled === 1,
    created_at: row.created_at,
    last_sign_in_at: row.last_sign_in_at,
  };
}

export function toPerson(row: SignupRecord): PersonDto {
  return {
    id: row.id,
    email: row.email,
    first_name: row.first_name,
    status: row.status,
    field: row.field as PersonDto["field"],
    occupation: row.occupation,
    qualification: row.qualification as PersonDto["qualification"],
    towns: JSON.parse(row.towns) as PersonDto["towns"],
    earliest_return: row.earliest_return,
    wants: JSON.parse(row.wants) as PersonDto["wants"],
    lang: row.lang,
    source: row.source,
    created_at: row.created_at,
    confirmed_at: row.confirmed_at,
  };
}

export function toAuditEntry(row: AuditRow) {
  return {
    id: row.id,
    at: row.at,
    staff: { id: row.staff_id, name: row.staff_name },
    action: row.action,
    person_id: row.person_id,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}
