/**
 * The renewal mail, a year after confirming: one button on the person's page keeps them in; doing nothing
 * erases their data on the day it names. "du", as everywhere the person is spoken to.
 */
import type { Lang } from "../../../shared/i18n.ts";
import type { Mail } from "../mail/mailer.ts";
import { formatDate } from "./format.ts";
import { plainMail } from "./plain-mail.ts";

export function renewalMail(to: string, lang: Lang, dataLink: string, eraseAt: string): Mail {
  const day = formatDate(eraseAt, lang);
  return lang === "en"
    ? plainMail(to, "Would you like to stay with Heimvorteil?", [
        "Hello,",
        "a year ago you signed up with Heimvorteil to hear about jobs and life back home in the Hochsauerland. We keep your details only as long as you want us to, so we ask once a year.",
        "To stay, open your page and press “Yes, keep me in” (one click):",
        `${dataLink}#renew`,
        `If you do nothing, we erase all your details on ${day}, and you will not hear from us again. You can also erase them yourself on that page at any time.`,
      ])
    : plainMail(to, "Möchtest du bei Heimvorteil bleiben?", [
        "Hallo,",
        "vor einem Jahr hast du dich bei Heimvorteil angemeldet, um von Stellen und vom Leben im Hochsauerland zu hören. Wir behalten deine Angaben nur, solange du das möchtest, und fragen deshalb einmal im Jahr nach.",
        "Wenn du dabei bleiben möchtest, öffne deine Seite und drücke „Ja, ich bleibe dabei“ (ein Klick):",
        `${dataLink}#renew`,
        `Tust du nichts, löschen wir am ${day} alle deine Angaben, und du hörst nichts mehr von uns. Löschen kannst du sie dort auch jederzeit selbst.`,
      ]);
}
