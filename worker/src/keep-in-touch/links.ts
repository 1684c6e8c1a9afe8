/**
 * The links in keep-in-touch mails: leave this purpose (one click, no sign-in, RFC 8058) and answer an
 * invitation. Each is signed for one person and one purpose or event (lib/signed-links.ts).
 */
import type { Lang } from "../../../shared/i18n.ts";
import type { WANT_IDS } from "../../../shared/signup-options.ts";
import { signAction } from "../lib/signed-links.ts";

export type Want = (typeof WANT_IDS)[number];
export const UNSUBSCRIBE_PATH = "/abmelden";
export const RSVP_PATH = "/antwort";

export async function unsubscribeUrl(origin: string, secret: string, id: string, want: Want, lang: Lang) {
  const sig = await signAction(secret, "unsubscribe", id, want);
  return `${origin}${UNSUBSCRIBE_PATH}?id=${encodeURIComponent(id)}&p=${want}&sig=${sig}&lang=${lang}`;
}

export async function rsvpUrl(origin: string, secret: string, id: string, eventId: number, lang: Lang) {
  const sig = await signAction(secret, "rsvp", id, String(eventId));
  return `${origin}${RSVP_PATH}?id=${encodeURIComponent(id)}&e=${eventId}&sig=${sig}&lang=${lang}`;
}
