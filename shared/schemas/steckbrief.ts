/**
 * The Steckbrief (a person's own short profile) and its forwards to employers: what the person edits on
 * their data page, what the team suggests, which fields an employer may see, and the staff API's shapes.
 */
import { z } from "zod";
import { TOWN_IDS } from "../ids.ts";
import { FORWARD_OUTCOMES } from "../outcome-metrics.ts";
import { cursorParam, decodeCursor, encodeCursor, isoDateTimeSchema } from "./common.ts";
import { plain, prose } from "./signup.ts";

const cvUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain }))
  .describe("A link to the person's CV (https).");

const languages = z.array(plain(40).pipe(z.string().min(1))).max(8);
const steckbriefFields = {
  headline: plain(120).optional(),
  about: prose(1000).optional(),
  looking_for: prose(1000).optional(),
  languages: languages.optional(),
  cv_url: cvUrl.optional(),
};

/** What the person writes themselves; the rest of a Steckbrief comes from their signup. */
export const steckbriefInputSchema = z
  .strictObject({ ...steckbriefFields, languages: languages.default([]) })
  .meta({ id: "SteckbriefInput" });
export type SteckbriefInput = z.output<typeof steckbriefInputSchema>;

/** The team's suggestion: some of the same fields. */
export const suggestionInputSchema = z
  .strictObject(steckbriefFields)
  .refine((s) => Object.values(s).some((v) => v !== undefined), { params: { key: "nothing_suggested" } })
  .meta({ id: "SuggestionInput" });

/**
 * The fields a person can let an employer see, in the order the Steckbrief page shows them. The person
 * ticks them on their yes; the employer's page shows those only.
 */
export const FORWARD_FIELDS = [
  "first_name",
  "headline",
  "about",
  "looking_for",
  "field",
  "occupation",
  "qualification",
  "languages",
  "towns",
  "earliest_return",
  "cv_url",
  "email",
] as const;
export type ForwardField = (typeof FORWARD_FIELDS)[number];
export const isForwardField = (v: unknown): v is ForwardField => (FORWARD_FIELDS as readonly unknown[]).includes(v);

export const FORWARD_STATES = ["asked", "declined", "shared", "expired", "revoked"] as const;
export const OUTCOMES = FORWARD_OUTCOMES;

/** How long an employer's link works after the person's yes. */
export const FORWARD_DAYS = 30;

export const steckbriefSchema = z
  .object({
    headline: z.string().nullable(),
    about: z.string().nullable(),
    looking_for: z.string().nullable(),
    languages: z.array(z.string()),
    cv_url: z.string().nullable(),
    updated_at: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "Steckbrief" });

export const forwardSchema = z
  .object({
    id: z.string(),
    person_id: z.string(),
    employer: z.object({ id: z.string(), name: z.string(), town: z.enum(TOWN_IDS) }),
    state: z
      .enum(FORWARD_STATES)
      .describe(
        "asked: waiting for the person's answer; declined: they said no; shared: the employer's link works; expired: its 30 days are over; revoked: by the person or the team.",
      ),
    fields: z.array(z.enum(FORWARD_FIELDS)).describe("What the person let this employer see."),
    proposed_at: isoDateTimeSchema,
    proposed_by: z.string().describe("The staff member's name."),
    answered_at: isoDateTimeSchema.nullable(),
    expires_at: isoDateTimeSchema.nullable(),
    revoked_at: isoDateTimeSchema.nullable(),
    revoked_by: z.enum(["person", "staff"]).nullable(),
    opens: z.number().int(),
    first_opened_at: isoDateTimeSchema.nullable(),
    last_opened_at: isoDateTimeSchema.nullable(),
    outcome: z.enum(OUTCOMES).nullable().describe("What came of it, as the team recorded it."),
    outcome_at: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "Forward" });
export type ForwardDto = z.infer<typeof forwardSchema>;

export const forwardListSchema = z
  .object({
    data: z.array(forwardSchema).describe("All of the person's forwards, newest first."),
    asked: z.number().int().describe("How many were new and asked in this mail."),
  })
  .meta({ id: "ForwardList" });

export const forwardProposalSchema = z
  .strictObject({
    employers: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(10)
      .transform((ids) => [...new Set(ids)])
      .describe("The employers (ids) to ask the person about; one mail names them all."),
  })
  .meta({ id: "ForwardProposal" });

export const forwardPatchSchema = z.strictObject({ outcome: z.enum(OUTCOMES).nullable() }).meta({ id: "ForwardPatch" });

export const noteInputSchema = z.strictObject({ text: prose(2000).pipe(z.string().min(1)) }).meta({ id: "NoteInput" });

export const noteSchema = z
  .object({ id: z.number().int(), text: z.string(), staff: z.string(), created_at: isoDateTimeSchema })
  .meta({ id: "Note" });

export const suggestionSchema = z
  .object({
    id: z.string(),
    changes: z.record(z.string(), z.unknown()),
    staff: z.string(),
    created_at: isoDateTimeSchema,
    answer: z.enum(["accepted", "declined"]).nullable(),
    answered_at: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "Suggestion" });

export const mailLogSchema = z.object({ subject: z.string(), at: isoDateTimeSchema }).meta({ id: "MailLogEntry" });

export const staffEmployerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    town: z.enum(TOWN_IDS),
    industry: z.string(),
    website: z.string().nullable(),
    contact_email: z.string().nullable().describe("Where forwarded Steckbriefe go."),
    contact_name: z.string().nullable(),
    forwards: z.number().int().describe("Steckbriefe shared with this employer so far."),
  })
  .meta({ id: "StaffEmployer" });
export type StaffEmployerDto = z.infer<typeof staffEmployerSchema>;

export const staffEmployerListSchema = z
  .object({
    data: z.array(staffEmployerSchema),
    total: z.number().int().describe("Employers that match, on every page together."),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: "StaffEmployerList" });
export type StaffEmployerList = z.infer<typeof staffEmployerListSchema>;

export const employerContactSchema = z
  .strictObject({
    contact_email: z.string().trim().max(254).pipe(z.email()).nullable(),
    contact_name: plain(120).nullable().optional(),
  })
  .meta({ id: "EmployerContact" });

/** Where a page of the staff's employer list ended: the last row's place in its order. */
export interface StaffEmployerAfter {
  withoutContact: boolean;
  name: string;
  id: string;
}

export function encodeEmployerCursor(after: StaffEmployerAfter): string {
  return encodeCursor({ sort: "employers", key: JSON.stringify([after.withoutContact, after.name, after.id]), id: 0 });
}

/** The place a cursor of the employer list names; undefined for anything else. */
export function decodeEmployerCursor(raw: string): StaffEmployerAfter | undefined {
  const cursor = decodeCursor(raw);
  if (cursor?.sort !== "employers" || typeof cursor.key !== "string") return undefined;
  try {
    const [withoutContact, name, id] = JSON.parse(cursor.key) as unknown[];
    return typeof withoutContact === "boolean" && typeof name === "string" && typeof id === "string"
      ? { withoutContact, name, id }
      : undefined;
  } catch {
    return undefined;
  }
}

export const staffEmployersQuerySchema = z
  .strictObject({
    q: z.string().trim().min(1).max(100).optional().describe("Part of the employer's name."),
    with_contact: z.enum(["true", "false"]).optional().describe("true: only employers with a contact address."),
    cursor: cursorParam.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .superRefine((query, ctx) => {
    if (query.cursor !== undefined && !decodeEmployerCursor(query.cursor)) {
      ctx.addIssue({ code: "custom", path: ["cursor"], params: { key: "bad_cursor" } });
    }
  });
