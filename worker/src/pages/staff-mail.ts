/**
 * The staff's mails, plain text, in the language the sign-in form was used in. The console speaks to
 * colleagues in public administration, so it says "Sie".
 */
import type { Lang } from "../../../shared/i18n.ts";
import type { Mail } from "../mail/mailer.ts";
import { plainMail } from "./plain-mail.ts";

export function signInMail(to: string, lang: Lang, link: string): Mail {
  const lines =
    lang === "en"
      ? [
          "Hello,",
          "this link signs you in to the Heimvorteil console. It works for 15 minutes, once:",
          link,
          "If you did not ask for it, simply ignore this e-mail: without the link nobody signs in.",
        ]
      : [
          "Guten Tag,",
          "mit diesem Link melden Sie sich in der Heimvorteil-Konsole an. Er gilt 15 Minuten und nur einmal:",
          link,
          "Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail einfach: Ohne den Link meldet sich niemand an.",
        ];
  const subject =
    lang === "en" ? "Your sign-in link for the Heimvorteil console" : "Ihr Anmeldelink für die Heimvorteil-Konsole";
  return plainMail(to, subject, lines);
}
