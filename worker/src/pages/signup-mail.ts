/**
 * The confirmation e-mail, plain text, in the signup's language. It goes to an address nobody has
 * confirmed yet, so it carries no text from the request (not even the first name): a stranger cannot use
 * it to send their words to someone else. Paragraphs are single lines, so every mail client wraps them to
 * its own width, and each link stands on a line of its own.
 */
import type { Lang } from "../../../shared/i18n.ts";
import type { Mail } from "../mail/mailer.ts";

export function confirmationMail(to: string, lang: Lang, link: string, dataLink: string): Mail {
  const paragraphs =
    lang === "en"
      ? {
          subject: "Please confirm your Heimvorteil signup",
          lines: [
            "Hello,",
            "thank you for thinking about coming back to the Hochsauerland. Please confirm that this address is yours:",
            link,
            "The link works for 7 days. If you did not sign up, simply ignore this e-mail: without confirmation your details are deleted after 7 days.",
            "See, download, change or delete everything we store about you:",
            dataLink,
            "Heimvorteil – Wirtschaftsförderung Hochsauerlandkreis",
          ],
        }
      : {
          subject: "Bitte bestätige deine Anmeldung bei Heimvorteil",
          lines: [
            "Hallo,",
            "schön, dass du über eine Rückkehr ins Hochsauerland nachdenkst. Bitte bestätige, dass diese Adresse dir gehört:",
            link,
            "Der Link gilt 7 Tage. Wenn du dich nicht angemeldet hast, ignoriere diese E-Mail einfach: Ohne Bestätigung werden die Angaben nach 7 Tagen gelöscht.",
            "Alles, was wir über dich speichern, ansehen, herunterladen, ändern oder löschen:",
            dataLink,
            "Heimvorteil – Wirtschaftsförderung Hochsauerlandkreis",
          ],
        };
  return { to, subject: paragraphs.subject, text: `${paragraphs.lines.join("\n\n")}\n` };
}
