/**
 * Invitations to the meet-ups of the coming days in a person's towns, bundled in one mail: each with its
 * calendar file and a one-click answer (the link's page asks; only its button answers).
 */
import type { Lang } from "../../../shared/i18n.ts";
import { townById } from "../../../shared/towns.ts";
import type { InvitationEvent } from "../db/keep-in-touch.ts";
import type { Mail } from "../mail/mailer.ts";
import { formatDateTime, placeLine } from "./format.ts";
import { keepInTouchMail } from "./keep-in-touch-mail.ts";

export interface InvitationItem {
  event: InvitationEvent;
  rsvp: string;
}

export interface Invitations {
  to: string;
  lang: Lang;
  firstName: string | null;
  items: readonly InvitationItem[];
  origin: string;
  dataLink: string;
  unsubscribe: string;
}

const T = {
  de: {
    one: (title: string, town: string) => `Einladung: ${title} in ${town}`,
    oneNamed: (title: string) => `Einladung: ${title}`,
    many: (n: number) => `Einladung zu ${n} Treffen in deiner Heimat`,
    intro: (n: number) =>
      n === 1
        ? "In den nächsten Tagen gibt es dieses Treffen in deiner Nähe:"
        : `In den nächsten Tagen gibt es ${n} Treffen in deiner Nähe:`,
    calendar: "In den Kalender:",
    answer: "Kommst du? Sag es uns mit einem Klick (das hilft bei der Planung; niemand sonst sieht es):",
  },
  en: {
    one: (title: string, town: string) => `Invitation: ${title} in ${town}`,
    oneNamed: (title: string) => `Invitation: ${title}`,
    many: (n: number) => `Invitation to ${n} meet-ups back home`,
    intro: (n: number) =>
      n === 1 ? "This meet-up is coming up near you:" : `These ${n} meet-ups are coming up near you:`,
    calendar: "Add to your calendar:",
    answer: "Are you coming? Tell us with one click (it helps us plan; nobody else sees it):",
  },
} as const;

const townName = (id: string) => townById(id)?.name ?? id;

export function invitationMail(m: Invitations): Mail {
  const t = T[m.lang];
  const first = m.items[0]?.event;
  const subject =
    m.items.length === 1 && first
      ? first.title.includes(townName(first.town_id))
        ? t.oneNamed(first.title)
        : t.one(first.title, townName(first.town_id))
      : t.many(m.items.length);
  return keepInTouchMail({
    to: m.to,
    lang: m.lang,
    firstName: m.firstName,
    want: "meetups",
    subject,
    lines: [
      t.intro(m.items.length),
      ...m.items.map(({ event: e, rsvp }) =>
        [
          e.title,
          `${formatDateTime(e.starts_at, m.lang)} · ${placeLine(e)}`,
          `${t.calendar} ${m.origin}/v1/events/${e.id}.ics`,
          `${t.answer}\n${rsvp}`,
        ].join("\n"),
      ),
    ],
    dataLink: m.dataLink,
    unsubscribe: m.unsubscribe,
  });
}
