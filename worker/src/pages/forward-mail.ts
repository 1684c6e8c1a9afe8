/**
 * The mails of a forward: the person is asked (one mail naming every employer, "du" as everywhere the
 * person is spoken to), and after their yes the employer gets the link ("Sie", as to any business).
 * The team's suggestion for a Steckbrief is announced to the person the same way.
 */
import type { Lang } from "../../../shared/i18n.ts";
import { TOWNS } from "../../../shared/towns.ts";
import type { Mail } from "../mail/mailer.ts";
import { formatDate } from "./format.ts";
import { plainMail } from "./plain-mail.ts";

const townName = (id: string) => TOWNS.find((t) => t.id === id)?.name ?? id;

export function forwardAskMail(
  to: string,
  lang: Lang,
  employers: readonly { name: string; town_id: string }[],
  dataLink: string,
): Mail {
  const list = employers.map((e) => `– ${e.name}, ${townName(e.town_id)}`).join("\n");
  return lang === "en"
    ? plainMail(to, "May we pass your profile on?", [
        "Hello,",
        `the Heimvorteil team would like to send your profile (Steckbrief) to ${employers.length === 1 ? "this employer" : "these employers"}:`,
        list,
        "Nothing goes out without your yes. On your page you say yes or no for each one and choose what they may see; an employer you say yes to gets a link that works for 30 days and that you can revoke at any time:",
        `${dataLink}#forwards`,
      ])
    : plainMail(to, "Dürfen wir deinen Steckbrief weitergeben?", [
        "Hallo,",
        `das Heimvorteil-Team möchte deinen Steckbrief gern an ${employers.length === 1 ? "diesen Arbeitgeber" : "diese Arbeitgeber"} schicken:`,
        list,
        "Ohne dein Ja geht nichts raus. Auf deiner Seite sagst du zu jedem einzeln ja oder nein und wählst, was er sehen darf; wem du zustimmst, der bekommt einen Link, der 30 Tage gilt und den du jederzeit zurückziehen kannst:",
        `${dataLink}#forwards`,
      ]);
}

export function forwardEmployerMail(
  to: string,
  o: { contactName: string | null; headline: string | null; link: string; expiresAt: string },
): Mail {
  const greeting = o.contactName ? `Guten Tag ${o.contactName},` : "Guten Tag,";
  const who = o.headline ? `: ${o.headline}` : "";
  return plainMail(to, "Ein Steckbrief aus dem Heimvorteil-Programm für Sie", [
    greeting,
    `jemand, der ins Hochsauerland zurückkehren möchte, hat zugestimmt, dass wir Ihnen den eigenen Steckbrief zeigen${who}.`,
    `Der Link gilt bis zum ${formatDate(o.expiresAt, "de")} und nur für Sie; bitte geben Sie ihn nicht weiter. Die Person kann ihn jederzeit zurückziehen.`,
    o.link,
    "Ob Sie sich melden, sagt der Steckbrief: mit der E-Mail-Adresse, wenn die Person sie freigegeben hat, sonst antworten Sie einfach auf diese E-Mail und wir stellen den Kontakt her.",
  ]);
}

export function suggestionMail(to: string, lang: Lang, dataLink: string): Mail {
  return lang === "en"
    ? plainMail(to, "A suggestion for your profile", [
        "Hello,",
        "the Heimvorteil team suggests a few changes to your profile (Steckbrief). Nothing changes unless you accept them:",
        `${dataLink}#steckbrief`,
      ])
    : plainMail(to, "Ein Vorschlag für deinen Steckbrief", [
        "Hallo,",
        "das Heimvorteil-Team schlägt dir ein paar Änderungen an deinem Steckbrief vor. Es ändert sich nur etwas, wenn du sie übernimmst:",
        `${dataLink}#steckbrief`,
      ]);
}
