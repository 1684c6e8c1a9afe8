/** Newsletters as the staff API gives them (shared/schemas/newsletter.ts). */
import type { NewsletterDto } from "../../../shared/schemas/newsletter.ts";
import type { NewsletterRow } from "../db/newsletters.ts";
import { ARCHIVE_PATH } from "../keep-in-touch/newsletter.ts";

/**
 * A town account may change an issue only when its whole audience lies in the account's towns; an
 * issue for the whole district is the district team's.
 */
export function inTownScope(towns: readonly string[], scope: readonly string[] | undefined): boolean {
  return !scope || (towns.length > 0 && towns.every((t) => scope.includes(t)));
}

export function toNewsletter(row: NewsletterRow, scope: readonly string[] | undefined): NewsletterDto {
  const towns = JSON.parse(row.towns) as NewsletterDto["towns"];
  const open = row.status === "draft" || row.status === "scheduled";
  return {
    id: row.id,
    subject_de: row.subject_de,
    body_de: row.body_de,
    subject_en: row.subject_en,
    body_en: row.body_en,
    towns,
    fields: JSON.parse(row.fields) as NewsletterDto["fields"],
    langs: JSON.parse(row.langs) as NewsletterDto["langs"],
    status: row.status,
    send_at: row.send_at,
    sent_at: row.sent_at,
    recipients: row.recipients,
    author: row.author,
    updated_at: row.updated_at,
    editable: open && inTownScope(towns, scope),
    archive_url: open ? null : `${ARCHIVE_PATH}/${row.id}`,
  };
}
