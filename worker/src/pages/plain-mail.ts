/**
 * Every mail is plain text: paragraphs are single lines, so every mail client wraps them to its own width,
 * and each link stands on a line of its own; all end with the programme's signature.
 */
import type { Mail } from "../mail/mailer.ts";

export const SIGNATURE = "Heimvorteil – Wirtschaftsförderung Hochsauerlandkreis";

export function plainMail(to: string, subject: string, lines: readonly string[]): Mail {
  return { to, subject, text: `${[...lines, SIGNATURE].join("\n\n")}\n` };
}
