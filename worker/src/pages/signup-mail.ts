/** The confirmation e-mail, plain text, in the signup's language. */
import type { Lang } from "../../../shared/i18n.ts";
import type { Mail } from "../mail/mailer.ts";

export function confirmationMail(to: string, lang: Lang, link: string, dataLink: string, firstName?: string): Mail {
  if (lang === "en") {
    return {
      to,
      subject: "Please confirm your Heimvorteil signup",
      text: `Hello${firstName ? ` ${firstName}` : ""},

thank you for your interest in coming back to the Hochsauerland. Please confirm that this address is yours:

${link}

The link works for 7 days. If you did not sign up, ignore this e-mail: without confirmation your details
are deleted after 7 days.

See, download, change or delete everything we store about you: ${dataLink}

Heimvorteil – Wirtschaftsförderung Hochsauerlandkreis
`,
    };
  }
  return {
    to,
    subject: "Bitte bestätigen Sie Ihre Anmeldung bei Heimvorteil",
    text: `Hallo${firstName ? ` ${firstName}` : ""},

schön, dass Sie über eine Rückkehr ins Hochsauerland nachdenken. Bitte bestätigen Sie, dass diese Adresse Ihnen gehört:

${link}

Der Link gilt 7 Tage. Wenn Sie sich nicht angemeldet haben, ignorieren Sie diese E-Mail: Ohne Bestätigung
werden Ihre Angaben nach 7 Tagen gelöscht.

Alles, was wir über Sie speichern, ansehen, herunterladen, ändern oder löschen: ${dataLink}

Heimvorteil – Wirtschaftsförderung Hochsauerlandkreis
`,
  };
}
