/** The closed vocabularies of jobs and events: categories, employment types, remote modes, event kinds. */
import type { Text } from "./i18n.ts";
import { EVENT_KIND_IDS, type EventKind } from "./ids.ts";

// The id lists are marked pure so that bundles (the widgets) drop the vocabularies they never use.
export const CATEGORIES = {
  it: { de: "IT & Software", en: "IT & software" },
  engineering: { de: "Ingenieurwesen & Technik", en: "Engineering" },
  production: { de: "Produktion & Fertigung", en: "Production & manufacturing" },
  crafts: { de: "Handwerk", en: "Skilled trades" },
  electrical: { de: "Elektrotechnik", en: "Electrical engineering" },
  healthcare: { de: "Gesundheit & Pflege", en: "Healthcare & nursing" },
  social: { de: "Soziales & Erziehung", en: "Social work & education" },
  office: { de: "Kaufmännisch & Verwaltung", en: "Business & administration" },
  sales: { de: "Vertrieb & Handel", en: "Sales & retail" },
  logistics: { de: "Logistik & Transport", en: "Logistics & transport" },
  tourism: { de: "Tourismus & Gastronomie", en: "Tourism & hospitality" },
  public: { de: "Öffentlicher Dienst", en: "Public sector" },
  // Imported jobs whose occupation maps to none of the above (worker/src/import/categories.ts): never dropped.
  other: { de: "Sonstige Berufe", en: "Other occupations" },
} as const satisfies Record<string, Text>;
export type CategoryId = keyof typeof CATEGORIES;
export const CATEGORY_IDS = /* @__PURE__ */ Object.keys(CATEGORIES) as [CategoryId, ...CategoryId[]];

/**
 * Employment types. A job often has several (full-time or part-time, fixed-term agency work), so the
 * database stores them as a bit set; `bit` is that bit and `schemaOrg` the closest Google for Jobs value.
 */
export const EMPLOYMENT_TYPES = {
  full_time: { bit: 1, schemaOrg: "FULL_TIME", de: "Vollzeit", en: "Full-time" },
  part_time: { bit: 2, schemaOrg: "PART_TIME", de: "Teilzeit", en: "Part-time" },
  mini_job: { bit: 4, schemaOrg: "PART_TIME", de: "Minijob", en: "Mini-job" },
  apprenticeship: { bit: 8, schemaOrg: "OTHER", de: "Ausbildung", en: "Apprenticeship" },
  dual_study: { bit: 16, schemaOrg: "OTHER", de: "Duales Studium", en: "Dual study programme" },
  internship: { bit: 32, schemaOrg: "INTERN", de: "Praktikum", en: "Internship" },
  working_student: { bit: 64, schemaOrg: "PART_TIME", de: "Werkstudium", en: "Working student" },
  temp_agency: { bit: 128, schemaOrg: "TEMPORARY", de: "Zeitarbeit", en: "Temporary agency work" },
  fixed_term: { bit: 256, schemaOrg: "TEMPORARY", de: "Befristet", en: "Fixed-term" },
} as const satisfies Record<string, Text & { bit: number; schemaOrg: string }>;
export type EmploymentId = keyof typeof EMPLOYMENT_TYPES;
export const EMPLOYMENT_IDS = /* @__PURE__ */ Object.keys(EMPLOYMENT_TYPES) as [EmploymentId, ...EmploymentId[]];

export function employmentToBits(ids: readonly EmploymentId[]): number {
  return ids.reduce((bits, id) => bits | EMPLOYMENT_TYPES[id].bit, 0);
}

export function employmentFromBits(bits: number): EmploymentId[] {
  return EMPLOYMENT_IDS.filter((id) => (bits & EMPLOYMENT_TYPES[id].bit) !== 0);
}

export const REMOTE_MODES = {
  onsite: { de: "Vor Ort", en: "On site" },
  hybrid: { de: "Hybrid (teils Homeoffice)", en: "Hybrid (partly from home)" },
  remote: { de: "Homeoffice", en: "Remote" },
} as const satisfies Record<string, Text>;
export type RemoteMode = keyof typeof REMOTE_MODES;
export const REMOTE_IDS = /* @__PURE__ */ Object.keys(REMOTE_MODES) as [RemoteMode, ...RemoteMode[]];

export const EVENT_KINDS = {
  stammtisch: { de: "Rückkehrer-Stammtisch", en: "Returnee meet-up" },
  fair: { de: "Jobmesse", en: "Job fair" },
  info_evening: { de: "Infoabend", en: "Information evening" },
  company_visit: { de: "Betriebsbesichtigung", en: "Company visit" },
  workshop: { de: "Workshop", en: "Workshop" },
  leisure: { de: "Freizeit & Gruppen", en: "Leisure & groups" },
} as const satisfies Record<EventKind, Text>;
export { EVENT_KIND_IDS, type EventKind };
