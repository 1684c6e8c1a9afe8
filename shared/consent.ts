/**
 * The consent text a person agrees to, per language, and its version: the SHA-256 of the exact text, so
 * the stored proof names what was shown. Changing a word makes a new version; the server refuses a
 * signup that agreed to a text it no longer shows.
 */
import type { Lang, Text } from "./i18n.ts";

export const CONSENT_TEXT: Text = {
  de: "Ich bin einverstanden, dass die Wirtschaftsförderung des Hochsauerlandkreises meine Angaben speichert, um mir die gewählten Informationen zu schicken. Meinen Steckbrief gibt sie nur an Arbeitgeber weiter, die sie mir vorher nennt und denen ich einzeln zustimme. Ich kann das jederzeit über den Link in jeder E-Mail ändern oder widerrufen. Details in der Datenschutzerklärung.",
  en: "I agree that the Hochsauerlandkreis economic development office stores my details to send me the information I chose. It passes my profile only to employers it names to me first and that I agree to one by one. I can change or withdraw this at any time through the link in every e-mail. Details in the privacy notice.",
};

/**
 * Texts shown before, newest first, so a person's proof still names the words they agreed to. The first
 * one allowed forwarding the profile to "suitable employers" at large; since 2026-12 every forward is
 * asked for per employer, of everyone, whichever text they agreed to.
 */
export const EARLIER_CONSENT_TEXTS: readonly Text[] = [
  {
    de: "Ich bin einverstanden, dass die Wirtschaftsförderung des Hochsauerlandkreises meine Angaben speichert, um mir die gewählten Informationen zu schicken und meinen Steckbrief an passende Arbeitgeber der Region weiterzugeben. Ich kann das jederzeit über den Link in jeder E-Mail ändern oder widerrufen. Details in der Datenschutzerklärung.",
    en: "I agree that the Hochsauerlandkreis economic development office stores my details to send me the information I chose and to pass my profile on to suitable employers in the region. I can change or withdraw this at any time through the link in every e-mail. Details in the privacy notice.",
  },
];

/** The words at the end of the consent text that link to the privacy notice (the link is part of the text). */
export const CONSENT_LINK_WORDS: Text = { de: "Datenschutzerklärung", en: "privacy notice" };

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function consentVersion(lang: Lang): Promise<string> {
  return sha256Hex(CONSENT_TEXT[lang]);
}

/** The exact text a stored version names, in either language, current or earlier; null when unknown. */
export async function consentTextOf(version: string): Promise<{ text: string; current: boolean } | null> {
  for (const [i, texts] of [CONSENT_TEXT, ...EARLIER_CONSENT_TEXTS].entries())
    for (const text of Object.values(texts)) if ((await sha256Hex(text)) === version) return { text, current: i === 0 };
  return null;
}
