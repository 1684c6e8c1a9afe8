/** `POST /v1/signups`: the "Komm zurück" profile, validated the same way in the form and on the server. */
import { z } from "zod";
import { LANGS } from "../i18n.ts";
import { DIGEST_EVERY_IDS, QUALIFICATION_IDS, WANT_IDS } from "../signup-options.ts";
import { CATEGORY_IDS } from "../taxonomy.ts";
import { townInputSchema } from "./region.ts";

// Text a person typed: no control characters (they have no business in a name and break mails and CSV).
export const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => /^[^\p{Cc}\p{Cs}\u2028\u2029]*$/u.test(text), { params: { key: "control_characters" } });

// Several lines a person typed: line breaks allowed, other control characters not.
export const prose = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => /^[^\p{Cc}\p{Cs}\u2028\u2029]*$/u.test(text.replace(/\r?\n/g, " ")), {
      params: { key: "control_characters" },
    });

export const signupSchema = z
  .strictObject({
    email: z.string().trim().max(254).pipe(z.email()),
    first_name: plain(60).optional(),
    field: z.enum(CATEGORY_IDS).optional(),
    occupation: plain(100).optional(),
    qualification: z.enum(QUALIFICATION_IDS).optional(),
    towns: z.array(townInputSchema).max(12).default([]),
    earliest_return: z
      .string()
      .refine((text) => /^(open|\d{4}-(0[1-9]|1[0-2]))$/.test(text), { params: { key: "month_or_open" } })
      .default("open"),
    wants: z.array(z.enum(WANT_IDS)).min(1).max(3),
    consent: z.boolean().refine((given) => given, { params: { key: "consent_required" } }),
    consent_version: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("The `version` of the consent text shown, from GET /v1/consent in the signup's language."),
    lang: z.enum(LANGS).default("de"),
    source: plain(100).optional(),
    // The origin of the page the form sat on, as that page's loader told the form: a claim, recorded as such.
    page_origin: z
      .string()
      .max(200)
      .refine((text) => /^https?:\/\/[^/\s]+$/.test(text), { params: { key: "origin" } })
      .optional(),
    // The honeypot: hidden from people, filled in by bots.
    website: z.string().max(500).optional(),
    turnstile_token: z.string().min(1).max(2048),
  })
  .meta({ id: "Signup" });
export type SignupInput = z.output<typeof signupSchema>;

export const signupAcceptedSchema = z
  .object({ status: z.literal("pending").describe("A confirmation e-mail is on its way (or was sent recently).") })
  .meta({ id: "SignupAccepted" });

/** How often the job digest comes (the person's data page). */
export const digestEverySchema = z.enum(DIGEST_EVERY_IDS).default("weekly");

export {
  DIGEST_EVERY,
  DIGEST_EVERY_IDS,
  QUALIFICATION_IDS,
  QUALIFICATIONS,
  WANT_IDS,
  WANTS,
} from "../signup-options.ts";
