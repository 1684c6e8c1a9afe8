/**
 * The applicant pool's inputs: an employer's search (the query string of its search page and of a saved
 * search), a contact request, a saved search's name, and the staff's employer accounts.
 */
import { z } from "zod";
import { TOWN_IDS } from "../ids.ts";
import { QUALIFICATION_IDS } from "../signup-options.ts";
import { CATEGORY_IDS } from "../taxonomy.ts";
import { listParam } from "./common.ts";
import { plain, prose } from "./signup.ts";

const month = z.string().refine((text) => /^\d{4}-(0[1-9]|1[0-2])$/.test(text), { params: { key: "month" } });

/** What an employer can ask of the pool; every part optional, an empty search lists every card. */
export const poolSearchSchema = z
  .object({
    field: listParam(z.enum(CATEGORY_IDS), "Fields (category ids).").optional(),
    occupation: plain(80).optional(),
    qualification: listParam(z.enum(QUALIFICATION_IDS), "Qualifications.").optional(),
    town: listParam(z.enum(TOWN_IDS), "Towns the person wants to live or work in.").optional(),
    back_by: month.optional().or(z.literal("").transform(() => undefined)),
    language: listParam(plain(40), "Languages the card must show, every one.").optional(),
    q: plain(100).optional(),
  })
  .meta({ id: "PoolSearch" });
export type PoolSearchInput = z.output<typeof poolSearchSchema>;

const euros = z.coerce.number<string>().int().min(10_000).max(500_000).optional();

/** A contact request as the employer's form sends it; a salary range is optional, both ends or neither. */
export const poolRequestSchema = z
  .object({
    card: z.string().min(20).max(2000),
    role: plain(120).pipe(z.string().min(3)),
    message: prose(1000).pipe(z.string().min(20)),
    salary_min: z
      .literal("")
      .transform(() => undefined)
      .or(euros),
    salary_max: z
      .literal("")
      .transform(() => undefined)
      .or(euros),
  })
  .superRefine((r, ctx) => {
    if ((r.salary_min === undefined) !== (r.salary_max === undefined) || (r.salary_min ?? 0) > (r.salary_max ?? 0))
      ctx.addIssue({ code: "custom", path: ["salary_max"], params: { key: "salary_range" } });
  })
  .meta({ id: "PoolRequest" });
export type PoolRequestInput = z.output<typeof poolRequestSchema>;

/** The line a member writes for employers' full-text search; searched, never shown before their yes. */
export const poolHeadlineSchema = plain(120);

export const poolSavedSearchSchema = z.object({ name: plain(80).pipe(z.string().min(1)) });

/** `POST /v1/staff/employers/:id/accounts`: a contact person of that employer. */
export const employerAccountInputSchema = z
  .strictObject({ email: z.email().max(320), name: plain(120).pipe(z.string().min(1)) })
  .meta({ id: "EmployerAccountInput" });

export const employerAccountPatchSchema = z
  .strictObject({ disabled: z.boolean() })
  .meta({ id: "EmployerAccountPatch" });

export const employerAccountSchema = z
  .object({
    id: z.string(),
    employer_id: z.string(),
    employer_name: z.string(),
    email: z.string(),
    name: z.string(),
    disabled: z.boolean(),
    created_at: z.string(),
    last_sign_in_at: z.string().nullable(),
  })
  .meta({ id: "EmployerAccount" });
export type EmployerAccount = z.output<typeof employerAccountSchema>;

export const employerAccountListSchema = z
  .object({ data: z.array(employerAccountSchema) })
  .meta({ id: "EmployerAccountList" });

const requestFigures = {
  sent: z.number().int(),
  open: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  expired: z.number().int(),
};

/** The pool in numbers for staff: no card, no person. Response rates over the last 90 days per employer. */
export const poolStatisticsSchema = z
  .object({
    k: z.number().int(),
    members: z.number().int(),
    paused: z.number().int(),
    shown: z.number().int().describe("Active members whose card is shown: the rest are too rare to show for now."),
    requests: z.object(requestFigures),
    employers: z.array(
      z.object({
        employer_id: z.string(),
        employer_name: z.string(),
        ...requestFigures,
        response_rate: z.number().nullable().describe("Answered (yes or no) of the decided requests; null before any."),
        slowed: z.boolean().describe("Whether the employer may send only the slowed number of requests a week."),
      }),
    ),
  })
  .meta({ id: "PoolStatistics" });
export type PoolStatistics = z.output<typeof poolStatisticsSchema>;

/** `POST /v1/admin/pool-searches/run`: the saved searches looked at, and the mails written. */
export const savedSearchRunSchema = z
  .object({ looked: z.number().int(), mailed: z.number().int() })
  .meta({ id: "SavedSearchRun" });
