/** The staff API (`/v1/staff/…`): accounts, the people who signed up, the audit log. */
import { z } from "zod";
import { LANGS } from "../i18n.ts";
import { TOWN_IDS } from "../ids.ts";
import { QUALIFICATION_IDS, WANT_IDS } from "../signup-options.ts";
import { CATEGORY_IDS } from "../taxonomy.ts";
import { isoDateTimeSchema, listParam } from "./common.ts";
import { townInputSchema } from "./region.ts";
import { forwardSchema, mailLogSchema, noteSchema, steckbriefSchema, suggestionSchema } from "./steckbrief.ts";

export const STAFF_ROLES = ["admin", "town"] as const;

export const staffSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z
      .enum(STAFF_ROLES)
      .describe("admin: the district's team, everything; town: the people and events of its towns."),
    towns: z.array(z.enum(TOWN_IDS)),
    disabled: z.boolean(),
    created_at: isoDateTimeSchema,
    last_sign_in_at: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "Staff" });
export type StaffDto = z.infer<typeof staffSchema>;

export const staffMeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    towns: z.array(z.enum(TOWN_IDS)),
  })
  .meta({ id: "StaffMe" });

export const staffListSchema = z.object({ data: z.array(staffSchema) }).meta({ id: "StaffList" });

const name = z.string().trim().min(2).max(120);

export const staffInputSchema = z
  .strictObject({
    email: z.string().trim().max(254).pipe(z.email()),
    name,
    role: z.enum(STAFF_ROLES),
    towns: z.array(townInputSchema).max(12).default([]),
  })
  .superRefine(
    (s, ctx) => {
      if (s.role === "town" && s.towns.length === 0)
        ctx.addIssue({ code: "custom", path: ["towns"], params: { key: "town_account_needs_towns" } });
    },
    { when: () => true },
  )
  .meta({ id: "StaffInput" });

export const staffPatchSchema = z
  .strictObject({
    name: name.optional(),
    role: z.enum(STAFF_ROLES).optional(),
    towns: z.array(townInputSchema).max(12).optional(),
    disabled: z.boolean().optional().describe("true ends the account's sessions at once."),
  })
  .meta({ id: "StaffPatch" });

export const PERSON_STATUSES = ["pending", "confirmed"] as const;

export const peopleQuerySchema = z
  .strictObject({
    status: z.enum(PERSON_STATUSES).optional(),
    town: listParam(townInputSchema, "People who named any of these towns.").optional(),
    field: listParam(z.enum(CATEGORY_IDS), "Fields of work.").optional(),
    qualification: listParam(z.enum(QUALIFICATION_IDS), "Qualifications.").optional(),
    wants: listParam(z.enum(WANT_IDS), "What they want from us.").optional(),
    q: z.string().trim().min(1).max(100).optional().describe("Part of the name, the address or the occupation."),
    return_by: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional()
      .describe("People who can return by this month (YYYY-MM) at the latest; those without a date are left out."),
    source: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("The label of the site whose form they used, exactly."),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .meta({ id: "PeopleQuery" });
export type PeopleQuery = z.output<typeof peopleQuerySchema>;

/** The people list's filters for a download: all who match, no pages. */
export const peopleExportQuerySchema = peopleQuerySchema
  .omit({ cursor: true, limit: true })
  .extend({
    lang: z
      .enum(LANGS)
      .optional()
      .describe("de: semicolons and German column names, for German Excel; en: commas. Else Accept-Language."),
  })
  .meta({ id: "PeopleExportQuery" });

export const personSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    first_name: z.string().nullable(),
    status: z.enum(PERSON_STATUSES),
    field: z.enum(CATEGORY_IDS).nullable(),
    occupation: z.string().nullable(),
    qualification: z.enum(QUALIFICATION_IDS).nullable(),
    towns: z.array(z.enum(TOWN_IDS)),
    earliest_return: z.string().describe("`open` or YYYY-MM."),
    wants: z.array(z.enum(WANT_IDS)),
    lang: z.string(),
    source: z.string().nullable().describe("The label of the site whose form they used."),
    created_at: isoDateTimeSchema,
    confirmed_at: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "Person" });
export type PersonDto = z.infer<typeof personSchema>;

export const personDetailSchema = personSchema
  .extend({
    consent: z.object({
      version: z
        .string()
        .describe("SHA-256 of the exact text the person agreed to (GET /v1/consent has the current one)."),
      given_at: isoDateTimeSchema,
      page_origin: z.string().nullable().describe("The origin of the page the form sat on, as that page claimed."),
      text: z
        .string()
        .nullable()
        .describe("The exact text agreed to, when this deployment knows it (current or earlier); else null."),
      current: z.boolean().describe("Whether that is the text shown today."),
    }),
    steckbrief: steckbriefSchema,
    forwards: z.array(forwardSchema),
    notes: z.array(noteSchema).describe("The team's notes; the person sees them in their data."),
    suggestions: z.array(suggestionSchema),
    mails: z.array(mailLogSchema).describe("The mails sent to the person, newest first."),
    retention: z
      .object({
        renew_due_at: isoDateTimeSchema
          .nullable()
          .describe("When the person is asked to renew; null while unconfirmed."),
        renewal_asked_at: isoDateTimeSchema.nullable(),
        erase_at: isoDateTimeSchema
          .nullable()
          .describe(
            "When their data is erased unless they renew (30 days after the renewal mail was sent), else null.",
          ),
        renewed_at: isoDateTimeSchema.nullable().describe("The last renewal, if any."),
      })
      .describe(
        "The retention clock: asked to renew 12 months after confirming, erased 30 days later without an answer.",
      ),
    mail_stopped: z
      .object({ at: isoDateTimeSchema, reason: z.enum(["bounce", "complaint"]) })
      .nullable()
      .describe("All mail to the person stopped: their address bounced for good, or they reported a mail as spam."),
    digest_every: z.enum(["daily", "weekly"]).describe("How often their job digest comes."),
  })
  .meta({ id: "PersonDetail" });

export const peopleListSchema = z
  .object({ data: z.array(personSchema), total: z.number().int(), next_cursor: z.string().nullable() })
  .meta({ id: "PeopleList" });

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: isoDateTimeSchema,
    staff: z.object({ id: z.string(), name: z.string() }),
    action: z.string(),
    person_id: z.string().nullable(),
    /** The person's first name as it is now ("" if they gave none); null once they are erased, or for no person. */
    person_name: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditListSchema = z
  .object({ data: z.array(auditEntrySchema), next_before: z.number().int().nullable() })
  .meta({ id: "AuditList" });

export const auditQuerySchema = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  person: z.string().max(100).optional(),
});

export const machineTokenSchema = z
  .object({
    id: z.string(),
    name: z.string().describe("What the tool is."),
    scope: z.enum(["export"]).describe("export: GET of the exports only, acting for the admin who made it."),
    owner: z.object({ id: z.string(), name: z.string() }),
    created_at: isoDateTimeSchema,
    last_used_at: isoDateTimeSchema.nullable(),
    revoked_at: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "MachineToken" });
export type MachineTokenDto = z.infer<typeof machineTokenSchema>;

export const machineTokenListSchema = z.object({ data: z.array(machineTokenSchema) }).meta({ id: "MachineTokenList" });

export const machineTokenInputSchema = z.strictObject({ name }).meta({ id: "MachineTokenInput" });

export const machineTokenCreatedSchema = machineTokenSchema
  .extend({ token: z.string().describe("The token itself, shown this once: `Authorization: Bearer <token>`.") })
  .meta({ id: "MachineTokenCreated" });
