/**
 * Staff accounts, people, audit entries, Steckbriefe and forwards as the staff API gives them
 * (shared/schemas/staff.ts, shared/schemas/steckbrief.ts).
 */
import type { AuditEntryDto, PersonDto, StaffDto } from "../../../shared/schemas/staff.ts";
import { type ForwardDto, isForwardField } from "../../../shared/schemas/steckbrief.ts";
import type { ForwardRow } from "../db/forwards.ts";
import type { StaffEmployerRow } from "../db/region.ts";
import type { SignupRecord } from "../db/signups.ts";
import type { AuditRow, StaffRow } from "../db/staff.ts";
import type { NoteRow, SteckbriefRow, SuggestionRow } from "../db/steckbriefe.ts";

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

export function toAuditEntry(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    at: row.at,
    staff: { id: row.staff_id, name: row.staff_name },
    action: row.action,
    person_id: row.person_id,
    person_name: row.person_name,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  };
}

/** A forward as the staff API and the person's page see it: a shared link past its 30 days is expired. */
export function toForward(row: ForwardRow, now: string): ForwardDto {
  const expired = row.state === "shared" && row.expires_at !== null && row.expires_at <= now;
  return {
    id: row.id,
    person_id: row.signup_id,
    employer: {
      id: row.employer_id,
      name: row.employer_name,
      town: row.employer_town as ForwardDto["employer"]["town"],
    },
    state: expired ? "expired" : row.state,
    fields: (JSON.parse(row.fields) as unknown[]).filter(isForwardField),
    proposed_at: row.proposed_at,
    proposed_by: row.staff_name,
    answered_at: row.answered_at,
    expires_at: row.expires_at,
    revoked_at: row.revoked_at,
    revoked_by: row.revoked_by,
    opens: row.opens,
    first_opened_at: row.first_opened_at,
    last_opened_at: row.last_opened_at,
    outcome: row.outcome,
    outcome_at: row.outcome_at,
  };
}

export function toSteckbrief(row: SteckbriefRow | null) {
  return {
    headline: row?.headline ?? null,
    about: row?.about ?? null,
    looking_for: row?.looking_for ?? null,
    languages: row ? (JSON.parse(row.languages) as string[]) : [],
    cv_url: row?.cv_url ?? null,
    updated_at: row?.updated_at ?? null,
  };
}

export const toNote = (n: NoteRow) => ({ id: n.id, text: n.text, staff: n.staff_name, created_at: n.created_at });

export const toSuggestion = (g: SuggestionRow) => ({
  id: g.id,
  changes: JSON.parse(g.changes) as Record<string, unknown>,
  staff: g.staff_name,
  created_at: g.created_at,
  answer: g.answer,
  answered_at: g.answered_at,
});

export const toStaffEmployer = (e: StaffEmployerRow) => ({
  id: e.id,
  name: e.name,
  town: e.town_id,
  industry: e.industry,
  website: e.website,
  contact_email: e.contact_email,
  contact_name: e.contact_name,
  forwards: e.forwards,
});
