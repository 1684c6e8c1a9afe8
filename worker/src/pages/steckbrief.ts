/**
 * A Steckbrief as people read it: the person's own fields and the ones from their signup, labelled, in
 * the order of FORWARD_FIELDS. The employer's page shows the fields the person approved; the person's page
 * shows the same values beside the checkboxes of a yes, so they see what an employer would see.
 */
import type { Lang, Text } from "../../../shared/i18n.ts";
import { monthLabel } from "../../../shared/months.ts";
import { FORWARD_FIELDS, type ForwardField } from "../../../shared/schemas/steckbrief.ts";
import { QUALIFICATIONS } from "../../../shared/signup-options.ts";
import { CATEGORIES, type CategoryId } from "../../../shared/taxonomy.ts";
import { TOWNS } from "../../../shared/towns.ts";
import type { SignupRecord } from "../db/signups.ts";
import type { SteckbriefRow } from "../db/steckbriefe.ts";

export const FIELD_LABELS: Record<ForwardField, Text> = {
  first_name: { de: "Vorname", en: "First name" },
  headline: { de: "Kurz gesagt", en: "In a line" },
  about: { de: "Was ich mache", en: "What I do" },
  looking_for: { de: "Was ich suche", en: "What I am looking for" },
  field: { de: "Berufsfeld", en: "Field" },
  occupation: { de: "Beruf", en: "Occupation" },
  qualification: { de: "Höchster Abschluss", en: "Highest qualification" },
  languages: { de: "Sprachen", en: "Languages" },
  towns: { de: "Wunschorte", en: "Towns" },
  earliest_return: { de: "Frühestens zurück", en: "Earliest return" },
  cv_url: { de: "Lebenslauf", en: "CV" },
  email: { de: "E-Mail-Adresse, um mich direkt zu erreichen", en: "E-mail address, to reach me directly" },
};

const OPEN: Text = { de: "Noch offen", en: "Still open" };

export interface SteckbriefValue {
  field: ForwardField;
  label: string;
  value: string;
}

/** The Steckbrief's filled fields, labelled and in words, in the page's language. */
export function steckbriefValues(r: SignupRecord, s: SteckbriefRow | null, lang: Lang): SteckbriefValue[] {
  const towns = JSON.parse(r.towns) as string[];
  const languages = s ? (JSON.parse(s.languages) as string[]) : [];
  const values: Record<ForwardField, string | null> = {
    first_name: r.first_name,
    headline: s?.headline ?? null,
    about: s?.about ?? null,
    looking_for: s?.looking_for ?? null,
    field: r.field && r.field in CATEGORIES ? CATEGORIES[r.field as CategoryId][lang] : null,
    occupation: r.occupation,
    qualification:
      r.qualification && r.qualification in QUALIFICATIONS
        ? QUALIFICATIONS[r.qualification as keyof typeof QUALIFICATIONS][lang]
        : null,
    languages: languages.length ? languages.join(", ") : null,
    towns: towns.length
      ? TOWNS.filter((t) => towns.includes(t.id))
          .map((t) => t.name)
          .join(", ")
      : null,
    earliest_return: r.earliest_return === "open" ? OPEN[lang] : monthLabel(r.earliest_return, lang),
    cv_url: s?.cv_url ?? null,
    email: r.email,
  };
  return FORWARD_FIELDS.flatMap((field) => {
    const value = values[field];
    return value ? [{ field, label: FIELD_LABELS[field][lang], value }] : [];
  });
}
