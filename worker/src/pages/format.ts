/** Dates, times and money for people, in Europe/Berlin and the reader's language. */
import type { Lang } from "../../../shared/i18n.ts";
import { TIME_ZONE } from "../../../shared/time.ts";

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
