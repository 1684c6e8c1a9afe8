/**
 * The mail to those who said yes to a meet-up that is then cancelled ("du", plain text, in their language):
 * they had planned their evening on it. A service message about their own answer, so it goes whatever
 * purposes they chose and outside the weekly cap; mail stops (bounces, complaints) still hold at delivery.
 */
import type { Lang } from "../../../shared/i18n.ts";
import { formatDate, formatDateTime, placeLine } from "./format.ts";
import { SIGNATURE } from "./plain-mail.ts";

export interface CancelledEvent {
  title: string;
  starts_at: string;
  all_day: number;
  venue: string;
  address: string | null;
  town_id: string;
}

/** Subject and text, the same for every guest of one language (the outbox adds each address). */
export function cancellationMail(lang: Lang, e: CancelledEvent): { subject: string; text: string } {
  const when = e.all_day ? formatDate(e.starts_at, lang) : formatDateTime(e.starts_at, lang);
  const lines =
    lang === "en"
      ? [
          "Hello,",
          `the meet-up “${e.title}” on ${when} (${placeLine(e)}) is cancelled. You had said you would come, so we are letting you know.`,
          "We are sorry. The next meet-ups in your towns come with our invitations as usual.",
        ]
      : [
          "Hallo,",
          `das Treffen „${e.title}“ am ${when} (${placeLine(e)}) ist abgesagt. Du hattest zugesagt, darum sagen wir es dir.`,
          "Das tut uns leid. Die nächsten Treffen in deinen Orten kommen wie gewohnt mit unseren Einladungen.",
        ];
  return {
    subject: lang === "en" ? `Cancelled: ${e.title}` : `Abgesagt: ${e.title}`,
    text: `${[...lines, SIGNATURE].join("\n\n")}\n`,
  };
}
