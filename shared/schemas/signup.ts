/** `POST /v1/signups`: the "Komm zurück" profile, validated the same way in the form and on the server. */
import { z } from "zod";
import { LANGS, type Text } from "../i18n.ts";
import { CATEGORY_IDS } from "../taxonomy.ts";
import { townIdSchema } from "./region.ts";

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
  newsletter: { de: "Den Newsletter", en: "The newsletter" },
} as const satisfies Record<string, Text>;
export const WANT_IDS = /* @__PURE__ */ Object.keys(WANTS) as [keyof typeof WANTS, ...(keyof typeof WANTS)[]];

// Text a person typed: no control characters (they have no business in a name and break mails and CSV).
const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => /^[^\p{Cc}\p{Cs}\u2028\u2029]*$/u.test(text), { params: { key: "control_characters" } });

export const signupSchema = z
  .strictObject({
    email: z.string().trim().max(254).pipe(z.email()),
    first_name: plain(60).optional(),
    field: z.enum(CATEGORY_IDS).optional(),
    occupation: plain(100).optional(),
    qualification: z.enum(QUALIFICATION_IDS).optional(),
    towns: z.array(townIdSchema).max(12).default([]),
    earliest_return: z
      .string()
      .refine((text) => /^(open|\d{4}-(0[1-9]|1[0-2]))$/.test(text), { params: { key: "month_or_open" } })
      .default("open"),
    wants: z.array(z.enum(WANT_IDS)).min(1).max(3),
    consent: z.boolean().refine((given) => given, { params: { key: "consent_required" } }),
    consent_version: z.string().regex(/^[0-9a-f]{64}$/),
    lang: z.enum(LANGS).default("de"),
    source: plain(100).optional(),
    // The honeypot: hidden from people, filled in by bots.
    website: z.string().max(500).optional(),
    turnstile_token: z.string().min(1).max(2048),
  })
  .meta({ id: "Signup" });
export type SignupInput = z.output<typeof signupSchema>;

export const signupAcceptedSchema = z
  .object({ status: z.literal("pending").describe("A confirmation e-mail is on its way (or was sent recently).") })
  .meta({ id: "SignupAccepted" });
