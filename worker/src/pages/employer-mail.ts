/**
 * The pool's mails to employers' contact persons ("Sie", plain text, in the language they used): the
 * sign-in link, a member's answer to a request, and a saved search's weekly news.
 */
import type { Lang } from "../../../shared/i18n.ts";
import type { Mail } from "../mail/mailer.ts";
import { plainMail } from "./plain-mail.ts";

export function employerSignInMail(to: string, lang: Lang, link: string): Mail {
  return lang === "en"
    ? plainMail(to, "Your sign-in link for the Heimvorteil applicant pool", [
        "Hello,",
        "this link signs you in to the Heimvorteil applicant pool. It works for 15 minutes, once:",
        link,
        "If you did not ask for it, simply ignore this e-mail: without the link nobody signs in.",
      ])
    : plainMail(to, "Ihr Anmeldelink für den Heimvorteil-Bewerberpool", [
        "Guten Tag,",
        "mit diesem Link melden Sie sich im Heimvorteil-Bewerberpool an. Er gilt 15 Minuten und nur einmal:",
        link,
        "Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail einfach: Ohne den Link meldet sich niemand an.",
      ]);
}

/** A member answered: on a yes the page now shows who it is; on a no only that. */
export function requestAnsweredMail(to: string, lang: Lang, role: string, accepted: boolean, link: string): Mail {
  if (lang === "en")
    return plainMail(to, accepted ? `Request accepted: ${role}` : `Request declined: ${role}`, [
      "Hello,",
      accepted
        ? `a person in the applicant pool has accepted your request for “${role}”. Their name, e-mail address and profile are now on your requests page:`
        : `a person in the applicant pool has declined your request for “${role}”. We do not pass on anything more; thank you for asking.`,
      link,
    ]);
  return plainMail(to, accepted ? `Anfrage angenommen: ${role}` : `Anfrage abgelehnt: ${role}`, [
    "Guten Tag,",
    accepted
      ? `eine Person aus dem Bewerberpool hat Ihre Anfrage „${role}“ angenommen. Name, E-Mail-Adresse und Steckbrief stehen jetzt auf Ihrer Seite der Anfragen:`
      : `eine Person aus dem Bewerberpool hat Ihre Anfrage „${role}“ abgelehnt. Mehr geben wir nicht weiter; danke für Ihre Anfrage.`,
    link,
  ]);
}

/** A saved search's weekly news: how many new cards (at least k: fewer are no news yet). */
export function savedSearchMail(to: string, lang: Lang, name: string, count: number, link: string): Mail {
  if (lang === "en")
    return plainMail(to, `New cards for your search “${name}”`, [
      "Hello,",
      `${count} new cards in the Heimvorteil applicant pool match your saved search “${name}”:`,
      link,
      "You get this mail at most once a week per saved search; delete the search on the pool page to stop it.",
    ]);
  return plainMail(to, `Neue Karten zu Ihrer Suche „${name}“`, [
    "Guten Tag,",
    `zu Ihrer gespeicherten Suche „${name}“ gibt es ${count} neue Karten im Heimvorteil-Bewerberpool:`,
    link,
    "Sie bekommen diese E-Mail höchstens einmal pro Woche und Suche; löschen Sie die Suche auf der Pool-Seite, um sie abzubestellen.",
  ]);
}

/** The account's first mail: who set it up, what the pool is, where to sign in (no link that signs in). */
export function employerWelcomeMail(to: string, name: string, employer: string, signInPage: string): Mail {
  return plainMail(to, "Ihr Zugang zum Heimvorteil-Bewerberpool / Your access to the applicant pool", [
    `Guten Tag ${name},`,
    `das Heimvorteil-Team hat für ${employer} einen Zugang zum Bewerberpool eingerichtet. Dort finden Sie Menschen, die in den Hochsauerlandkreis zurückkommen möchten – anonym, bis die Person Ihre Anfrage annimmt. Zum Anmelden geben Sie auf dieser Seite Ihre E-Mail-Adresse ein; Sie bekommen dann einen Anmeldelink:`,
    signInPage,
    `Hello ${name}, the Heimvorteil team has set up access to the applicant pool for ${employer}. To sign in, enter your e-mail address on the page above (?lang=en for English); you then get a sign-in link.`,
  ]);
}
