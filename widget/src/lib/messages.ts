/** How the widgets speak: German or English, with counts in the right singular or plural (tables per element). */
import { DEFAULT_LANG, isLang, type Lang } from "../../../shared/i18n.ts";
import { formatNumber, isSingular } from "./format.ts";

type Plural = { one: string; other: string };

type Table = Record<Lang, Record<string, string | Plural>>;
type TextKey<T extends Table> = { [K in keyof T[Lang]]: T[Lang][K] extends string ? K : never }[keyof T[Lang]];
type PluralKey<T extends Table> = { [K in keyof T[Lang]]: T[Lang][K] extends Plural ? K : never }[keyof T[Lang]];

/**
 * `msg` and `plural` over one element's own table: each element ships only its texts, so a page with
 * <hv-jobs> does not download the calendar's words, nor the other way round.
 */
export function translator<T extends Table>(table: T) {
  return {
    msg(lang: Lang, key: TextKey<T>, vars: Record<string, string | number> = {}): string {
      return fill(lang, table[lang][key] as string, vars);
    },
    plural(lang: Lang, key: PluralKey<T>, n: number): string {
      const forms = table[lang][key] as Plural;
      return fill(lang, forms[isSingular(n) ? "one" : "other"], { n });
    },
  };
}

/** The element's `lang` attribute when we speak it, else German. */
export function langOf(attribute: string | null | undefined): Lang {
  const short = attribute?.slice(0, 2).toLowerCase();
  return isLang(short) ? short : DEFAULT_LANG;
}

function fill(lang: Lang, text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    return typeof value === "number" ? formatNumber(value, lang) : (value ?? "");
  });
}
