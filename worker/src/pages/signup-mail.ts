/**
 * The signup's mails, plain text, in the person's language. They go to addresses nobody may have confirmed
 * yet, so they carry no text from the request (not even the first name): a stranger cannot use them to send
 * their words to someone else.
 */
import type { Lang } from "../../../shared/i18n.ts";
import type { Mail } from "../mail/mailer.ts";
import { plainMail as mail } from "./plain-mail.ts";

export function confirmationMail(to: string, lang: Lang, link: string, dataLink: string): Mail {
  return lang === "en"
    ? mail(to, "Please confirm your Heimvorteil signup", [
        "Hello,",
        "thank you for thinking about coming back to the Hochsauerland. Please confirm that this address is yours:",
        link,
        "The link works for 7 days. If you did not sign up, simply ignore this e-mail: without confirmation your details are deleted after 7 days.",
        "See, download, change or delete everything we store about you:",
        dataLink,
      ])
    : mail(to, "Bitte bestätige deine Anmeldung bei Heimvorteil", [
        "Hallo,",
        "schön, dass du über eine Rückkehr ins Hochsauerland nachdenkst. Bitte bestätige, dass diese Adresse dir gehört:",
        link,
        "Der Link gilt 7 Tage. Wenn du dich nicht angemeldet hast, ignoriere diese E-Mail einfach: Ohne Bestätigung werden die Angaben nach 7 Tagen gelöscht.",
        "Alles, was wir über dich speichern, ansehen, herunterladen, ändern oder löschen:",
        dataLink,
      ]);
}

/** Someone signed up with an address that is already confirmed: the person gets their data page, nothing else. */
export function alreadySignedUpMail(to: string, lang: Lang, dataLink: string): Mail {
  return lang === "en"
    ? mail(to, "You are already signed up at Heimvorteil", [
        "Hello,",
        "someone (probably you) just signed up with this address, which is already signed up and confirmed. Nothing has changed.",
        "To see or change your details, or to delete them:",
        dataLink,
        "If that was not you, you need not do anything.",
      ])
    : mail(to, "Du bist bei Heimvorteil schon angemeldet", [
        "Hallo,",
        "gerade hat sich jemand (vermutlich du) mit dieser Adresse angemeldet, die schon angemeldet und bestätigt ist. Geändert hat sich nichts.",
        "Deine Angaben ansehen, ändern oder löschen:",
        dataLink,
        "Wenn du das nicht warst, musst du nichts tun.",
      ]);
}

/** After "invalidate all my links": the one link that works now. */
export function newLinkMail(to: string, lang: Lang, dataLink: string): Mail {
  return lang === "en"
    ? mail(to, "Your new link to your Heimvorteil details", [
        "Hello,",
        "as you asked, all earlier links to your details no longer work. This is your new link:",
        dataLink,
      ])
    : mail(to, "Dein neuer Link zu deinen Angaben bei Heimvorteil", [
        "Hallo,",
        "wie gewünscht funktionieren alle bisherigen Links zu deinen Angaben nicht mehr. Das ist dein neuer Link:",
        dataLink,
      ]);
}
