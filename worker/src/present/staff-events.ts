/** Events as the staff API gives them (shared/schemas/staff-events.ts). */
import type { SeriesRule, StaffEventDto } from "../../../shared/schemas/staff-events.ts";
import type { StaffEventRow } from "../db/staff-events.ts";

export function toStaffEvent(row: StaffEventRow, scope: readonly string[] | undefined): StaffEventDto {
  return {
    id: row.id,
    kind: row.kind as StaffEventDto["kind"],
    title: row.title,
    description: row.description,
    town: row.town_id as StaffEventDto["town"],
    venue: row.venue,
    address: row.address,
    organizer: row.organizer,
    url: row.url,
    starts_at: row.starts_at,
    ends_at: row.ends_at,
    all_day: row.all_day === 1,
    status: row.cancelled_at ? "cancelled" : "scheduled",
    cancelled_at: row.cancelled_at,
    series:
      row.series_id && row.series_rule
        ? { id: row.series_id, rule: JSON.parse(row.series_rule) as SeriesRule, ended: row.series_ended_at !== null }
        : null,
    source: row.source_id === null ? null : (row.source_name ?? row.source_id),
    editable: row.source_id === null && (!scope || scope.includes(row.town_id)),
    invitations: { invited: row.invited, yes: row.said_yes, no: row.said_no },
  };
}
