/** The choices of the "Komm zurück" form, without zod, for the form's bundle and the schema alike. */
import type { Text } from "./i18n.ts";

export const QUALIFICATIONS = {
  none: { de: "Ohne Berufsabschluss", en: "No formal qualification" },
  apprenticeship: { de: "Berufsausbildung", en: "Vocational training" },
  master_craftsman: { de: "Meister*in / Techniker*in", en: "Master craftsman / technician" },
  bachelor: { de: "Bachelor", en: "Bachelor's degree" },
  master: { de: "Master / Diplom", en: "Master's degree / Diplom" },
  doctorate: { de: "Promotion", en: "Doctorate" },
} as const satisfies Record<string, Text>;
export const QUALIFICATION_IDS = /* @__PURE__ */ Object.keys(QUALIFICATIONS) as [
  keyof typeof QUALIFICATIONS,
  ...(keyof typeof QUALIFICATIONS)[],
];

export const WANTS = {
  job_offers: { de: "Passende Stellenangebote", en: "Matching job offers" },
  meetups: { de: "Einladungen zu Treffen", en: "Invitations to meet-ups" },
  newsletter: { de: "Newsletter „Heimatpost“", en: "The “Heimatpost” newsletter" },
} as const satisfies Record<string, Text>;
export const WANT_IDS = /* @__PURE__ */ Object.keys(WANTS) as [keyof typeof WANTS, ...(keyof typeof WANTS)[]];

/** How often the job digest comes; chosen on the person's data page, weekly unless changed. */
export const DIGEST_EVERY = {
  weekly: { de: "Einmal in der Woche", en: "Once a week" },
  daily: { de: "Täglich, wenn es Neues gibt", en: "Daily, when there is something new" },
} as const satisfies Record<string, Text>;
export const DIGEST_EVERY_IDS = /* @__PURE__ */ Object.keys(DIGEST_EVERY) as [
  keyof typeof DIGEST_EVERY,
  ...(keyof typeof DIGEST_EVERY)[],
];
