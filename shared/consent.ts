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

/**
 * The pool's own consent, asked on the person's page when they join the anonymous applicant pool: a
 * purpose of its own, so it has its own text and version, and leaving it changes nothing else.
 */
export const POOL_CONSENT_TEXT: Text = {
  de: "Ich bin einverstanden, dass Arbeitgeber der Region meine Karte im anonymen Bewerberpool sehen: nur die Angaben, die ich dafür wähle, und nur so grob, dass dieselben Angaben auch auf mehrere andere zutreffen. Name, E-Mail-Adresse und Steckbrief sieht ein Arbeitgeber erst, wenn ich seine Anfrage annehme. Ich kann den Pool jederzeit pausieren oder verlassen.",
  en: "I agree that employers in the region see my card in the anonymous applicant pool: only the details I choose for it, and only so coarsely that the same details are true of several others too. An employer sees my name, e-mail address and profile only when I accept its request. I can pause or leave the pool at any time.",
};

export function poolConsentVersion(lang: Lang): Promise<string> {
  return sha256Hex(POOL_CONSENT_TEXT[lang]);
}

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
