/** Dates, times and money for people, in Europe/Berlin and the reader's language. */
import type { Lang } from "../../../shared/i18n.ts";
import { TIME_ZONE } from "../../../shared/time.ts";
import { townById } from "../../../shared/towns.ts";

const LOCALES: Record<Lang, string> = { de: "de-DE", en: "en-GB" };

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, dateStyle: "long" }).format(new Date(iso));
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, dateStyle: "full", timeStyle: "short" }).format(
    new Date(iso),
  );
}

export function formatEuro(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(
    amount,
  );
}

/** A salary range as "46.000 – 54.000 €", kept on one line (no-break spaces); null unless both ends are given. */
export function formatEuroRange(min: number | null, max: number | null, lang: Lang): string | null {
  if (min === null || max === null) return null;
  const n = new Intl.NumberFormat(LOCALES[lang]);
  return `${n.format(min)}\u00a0–\u00a0${n.format(max)}\u00a0€`;
}

/** Venue, address and town of an event, the town left out when the address names it ("…, 59909 Bestwig"). */
export function placeLine(e: { venue: string; address: string | null; town_id: string }): string {
  const town = townById(e.town_id)?.name ?? e.town_id;
  return [e.venue, e.address, e.address?.includes(town) ? "" : town].filter(Boolean).join(", ");
}
