/**
 * What every job adapter needs to turn a source's fields into ours: the town from a postcode or a place
 * name, the category from the occupation's words, dates, links and bounded texts.
 */
import { berlinOffsetMs } from "../../../shared/berlin-clock.ts";
import { POSTCODES, SHARED_POSTCODES } from "../../../shared/postcodes.ts";
import { foldGerman } from "../../../shared/search-text.ts";
import type { CategoryId } from "../../../shared/taxonomy.ts";
import { TOWNS, type TownId } from "../../../shared/towns.ts";

export const MAX_TITLE = 200;
export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 20_000;

export const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** A one-line text: control characters and runs of white space gone. */
export function line(text: unknown, max: number): string {
  return typeof text === "string"
    ? cut(
        text
          // Control characters (a tab, a NUL) and runs of white space become one space.
          .replace(/[\p{Cc}\s]+/gu, " ")
          .trim(),
        max,
      )
    : "";
}

export interface Place {
  postcode?: string | number | null | undefined;
  city?: string | null | undefined;
  /** The state, where the source says it ("NORDRHEIN_WESTFALEN", "NRW", "Nordrhein-Westfalen"). */
  region?: string | null | undefined;
}

const inNrw = (region: string | null | undefined) =>
  !region || /^(nrw|nordrhein[\s_-]*westfalen|north rhine[\s_-]*westphalia)$/i.test(region.trim());

const townByName = new Map(TOWNS.map((t) => [foldGerman(t.name), t.id as TownId]));

/** The town of the district a place lies in, or null for a place outside it. */
export function townOf(place: Place): TownId | null {
  const code = String(place.postcode ?? "").trim();
  const city = foldGerman(place.city ?? "").trim();
  // "Arnsberg-Neheim", "Meschede, Sauerland": the town's name first.
  const named = townByName.get(city.split(/[\s,/(-]+/)[0] ?? "") ?? null;
  if (/^\d{5}$/.test(code)) {
    const town = POSTCODES[code];
    if (!town) return null;
    if (SHARED_POSTCODES.has(code) && named !== town && !(place.region && inNrw(place.region))) return null;
    return town;
  }
  return inNrw(place.region) ? named : null;
}

// Word stems of occupations and job titles, first match wins: the more specific rules come first
// ("Kfz-Mechatroniker" is a trade before "Mechatroniker" is production, "Verwaltungsfachangestellte" the
// public sector before "Verwaltung" is office work). Folded text: ä is ae, ß is ss.
const RULES: [RegExp, CategoryId | null][] = [
  // Care for animals and the dead is not health care: no category of ours fits, so "other" (and noted).
  [/tierpfleg|tierarzt|tieraerzt|tiermedizin|bestatt/, null],
  [/verwaltungsfach|beamt|amtsinspekt|stadtverwaltung|gemeindeverwaltung|kommunal|feuerwehr|polizei/, "public"],
  [/kfz|karosserie|zweirad|land(?:maschinen|technik)|baumaschinen/, "crafts"],
  // " it " and "it-" as words only: "Vollzeit " and "Sicherheit " end in "it" too.
  [
    /informati|software|entwickler|developer|programmier|devops|administrator|\sit[\s-]|fachinformat|\bdata\b|\bweb/,
    "it",
  ],
  [/elektr/, "electrical"],
  [
    /pflege|kranken|arzt|aerzt|medizin|therap|apothe|pharma|hebamme|rettungs|zahn|physio|ergo|logopaed|altenpfl/,
    "healthcare",
  ],
  [/erzieh|sozial|paedagog|kita|kinderpfleg|heilerzieh|lehrer|lehrkraft|betreuungs|schulbegleit|jugend/, "social"],
  [
    /koch|koechin|kueche|hotel|gastro|restaurant|rezeption|kellner|hauswirtschaft|tourismus|touristik|barista|systemgastr/,
    "tourism",
  ],
  [/ingenieur|engineer|konstrukt|techniker|technisch|cad|qualitaetssich|arbeitsvorbereit/, "engineering"],
  [/lager|logist|fahrer|kraftfahr|spedition|zusteller|kommission|disponent|staplerfahr|versand/, "logistics"],
  [/verkaeuf|vertrieb|einzelhandel|handelsfach|sales|kundenberat|filial|kassier|aussendienst|key account/, "sales"],
  [
    /kaufm|kauffrau|buero|verwaltung|sachbearbeit|buchhalt|steuer|personal|assisten|controll|finanz|bank|sekretaer|empfang/,
    "office",
  ],
  [
    /tischler|schreiner|maurer|dachdecker|maler|zimmerer|anlagenmechaniker|sanitaer|heizung|installateur|klempner|metallbau|baecker|fleischer|friseur|gaertner|handwerk|bauhelfer|fliesen|glaser|elektroinstall|schornstein|bodenleger|stuckateur/,
    "crafts",
  ],
  [
    /produktion|maschinen|industriemechan|mechatroni|zerspan|fertigung|cnc|verfahrens|montage|werker|schweiss|operator|schicht|helfer|metall|kunststoff|chemikant/,
    "production",
  ],
];

/** The category for the first of the words that names one, or null when none does (or a rule says none). */
export function categoryOf(...words: (string | null | undefined)[]): CategoryId | null {
  for (const w of words) {
    if (!w) continue;
    const folded = ` ${foldGerman(w)} `;
    for (const [rule, category] of RULES) if (rule.test(folded)) return category;
  }
  return null;
}

/**
 * A date or date-time as an ISO instant; a bare date counts from Berlin's midnight, or with `endOfDay`
 * (a deadline: "apply by 31 January") to the end of that day.
 */
export function instant(value: unknown, endOfDay = false): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value).toISOString();
  if (typeof value !== "string" || value.trim() === "") return null;
  const v = value.trim();
  // A date alone, or a local time without zone (the Jobbörse's aenderungsdatum): Berlin time.
  const local = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/.exec(v);
  if (local) {
    const guess = new Date(`${local[1]}T${local[2] ?? (endOfDay ? "23:59:59" : "00:00")}Z`);
    if (Number.isNaN(guess.getTime())) return null;
    return new Date(guess.getTime() - berlinOffsetMs(guess.getTime())).toISOString();
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** An http(s) link, or null: a feed's `javascript:` or relative link is no link here. */
export function webUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
