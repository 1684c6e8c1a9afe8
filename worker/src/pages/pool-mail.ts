/**
 * The pool's mails to a member ("du", plain text, in their language): an employer's request, and after
 * their yes the employer's contact. The request's text is the employer's own; the mail names who sends it.
 */
import type { Lang } from "../../../shared/i18n.ts";
import type { Mail } from "../mail/mailer.ts";
import { formatDate } from "./format.ts";
import { plainMail } from "./plain-mail.ts";

export interface RequestMail {
  employer: string;
  role: string;
  expiresAt: string;
  dataLink: string;
}

export function poolRequestMail(to: string, lang: Lang, r: RequestMail): Mail {
  return lang === "en"
    ? plainMail(to, `${r.employer} would like to get in touch`, [
        "Hello,",
        `you are in the Heimvorteil applicant pool, and ${r.employer} has found your anonymous card. They would like to get in touch about this role: “${r.role}”.`,
        `Their message is on your page, where you accept or decline until ${formatDate(r.expiresAt, lang)}. They learn who you are only if you accept; if you decline or do not answer, they learn only that.`,
        `${r.dataLink}#pool`,
      ])
    : plainMail(to, `${r.employer} möchte dich kennenlernen`, [
        "Hallo,",
        `du bist im Heimvorteil-Bewerberpool, und ${r.employer} hat deine anonyme Karte gefunden. Es geht um diese Stelle: „${r.role}“.`,
        `Die Nachricht steht auf deiner Seite; dort nimmst du bis zum ${formatDate(r.expiresAt, lang)} an oder lehnst ab. Wer du bist, erfährt der Arbeitgeber nur, wenn du annimmst; lehnst du ab oder antwortest nicht, erfährt er nur das.`,
        `${r.dataLink}#pool`,
      ]);
}

export function poolAcceptedMail(
  to: string,
  lang: Lang,
  o: { employer: string; role: string; contactName: string; contactEmail: string },
): Mail {
  return lang === "en"
    ? plainMail(to, `Your contact at ${o.employer}`, [
        "Hello,",
        `you accepted the request of ${o.employer} for “${o.role}”. They now see your name, e-mail address and profile, and will get in touch. Their contact:`,
        `${o.contactName}, ${o.contactEmail}`,
      ])
    : plainMail(to, `Dein Kontakt bei ${o.employer}`, [
        "Hallo,",
        `du hast die Anfrage von ${o.employer} zu „${o.role}“ angenommen. Der Arbeitgeber sieht jetzt deinen Namen, deine E-Mail-Adresse und deinen Steckbrief und meldet sich bei dir. Dein Kontakt dort:`,
        `${o.contactName}, ${o.contactEmail}`,
      ]);
}
