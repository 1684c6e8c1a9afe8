/**
 * The frame of every keep-in-touch mail (digest, invitations, newsletter): who sends it and why in the
 * first lines, then the content, then the way to the person's page and the one-click way out of this
 * purpose, which the List-Unsubscribe headers (RFC 2369, RFC 8058) offer mail clients as a button too.
 */
import type { Lang } from "../../../shared/i18n.ts";
import { WANTS } from "../../../shared/signup-options.ts";
import type { Want } from "../keep-in-touch/links.ts";
import type { Mail } from "../mail/mailer.ts";
import { plainMail } from "./plain-mail.ts";

export interface KeepInTouchFrame {
  to: string;
  lang: Lang;
  firstName: string | null;
  want: Want;
  /** Words after the purpose's name in the reason line, e.g. "(weekly)". */
  detail?: string;
  subject: string;
  lines: readonly string[];
  dataLink: string;
  unsubscribe: string;
}

const T = {
  de: {
    hello: (name: string | null) => (name ? `Hallo ${name},` : "Hallo,"),
    reason: (purpose: string, detail: string) =>
      `diese E-Mail schickt dir Heimvorteil, die Rückkehr-Initiative der Wirtschaftsförderung Hochsauerlandkreis, weil du bei deiner Anmeldung „${purpose}“ gewählt hast${detail}.`,
    page: "Deine Angaben, wie oft und was du bekommst, und alles über dich findest du auf deiner Seite:",
    leave: (purpose: string) => `Keine E-Mails „${purpose}“ mehr (ein Klick, ohne Anmeldung):`,
  },
  en: {
    hello: (name: string | null) => (name ? `Hello ${name},` : "Hello,"),
    reason: (purpose: string, detail: string) =>
      `Heimvorteil, the Hochsauerland district's initiative for people coming home, sends you this e-mail because you chose “${purpose}” when you signed up${detail}.`,
    page: "Your details, what you receive and how often, and everything about you are on your page:",
    leave: (purpose: string) => `No more e-mails “${purpose}” (one click, no sign-in):`,
  },
} as const;

export function keepInTouchMail(f: KeepInTouchFrame): Mail {
  const t = T[f.lang];
  const purpose = WANTS[f.want][f.lang].replace(/[„“”]/g, "");
  const mail = plainMail(f.to, f.subject, [
    t.hello(f.firstName),
    t.reason(purpose, f.detail ? ` ${f.detail}` : ""),
    ...f.lines,
    `${t.page}\n${f.dataLink}`,
    `${t.leave(purpose)}\n${f.unsubscribe}`,
  ]);
  return {
    ...mail,
    headers: { "List-Unsubscribe": `<${f.unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
