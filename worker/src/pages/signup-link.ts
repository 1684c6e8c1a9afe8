/** The signup page ("Komm zurück") and the links our pages put to it: in the reader's language, naming where the signup came from when it matters. */
import type { Lang } from "../../../shared/i18n.ts";

export const SIGNUP_PAGE = "/komm-zurueck";

export function signupHref(lang: Lang, source?: string): string {
  const query = new URLSearchParams({ lang, ...(source ? { source } : {}) });
  return `${SIGNUP_PAGE}?${query}`;
}
