/** The programme's outcomes (`/v1/staff/outcomes`): counts for a period, never people. */
import { z } from "zod";
import { LANGS } from "../i18n.ts";
import { TOWN_IDS } from "../ids.ts";
import { OUTCOME_METRICS, type OutcomeMetric } from "../outcome-metrics.ts";
import { isoDateSchema } from "./common.ts";

/** The longest period one request may span: three years, enough for any funding period's report. */
export const MAX_OUTCOME_DAYS = 3 * 366;

export const outcomesQuerySchema = z
  .strictObject({
    from: isoDateSchema
      .optional()
      .describe("First day (Europe/Berlin), YYYY-MM-DD. Default: the Monday 11 weeks before `to`."),
    to: isoDateSchema.optional().describe("Last day (Europe/Berlin), YYYY-MM-DD, included. Default: today."),
    lang: z.enum(LANGS).optional().describe("The CSV's language (column names, separator); else Accept-Language."),
  })
  .superRefine(
    (q, ctx) => {
      if (!q.from || !q.to) return;
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
      if (days < 0) ctx.addIssue({ code: "custom", path: ["to"], params: { key: "to_before_from" } });
      else if (days >= MAX_OUTCOME_DAYS)
        ctx.addIssue({ code: "custom", path: ["from"], params: { key: "period_too_long" } });
    },
    { when: () => true },
  )
  .meta({ id: "OutcomesQuery" });

const countsSchema = z
  .object(Object.fromEntries(OUTCOME_METRICS.map((m) => [m, z.number().int()])) as Record<OutcomeMetric, z.ZodNumber>)
  .describe(
    "signup: new signups; confirmed: confirmations; withdrawn: confirmed people who withdrew or were erased; proposed, accepted, declined: forwards and the person's answers; opened: forwards whose link the employer opened; replied, interview, hired, no_fit: what came of forwards, as the team recorded it.",
  );
export type OutcomeCounts = z.infer<typeof countsSchema>;

export const outcomesSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
    towns: z
      .array(z.enum(TOWN_IDS))
      .nullable()
      .describe(
        "A town account's towns, which all counts are limited to (a person who named two of them counts in each); null: the whole district.",
      ),
    totals: countsSchema,
    weeks: z
      .array(
        z.object({ starts: isoDateSchema.describe("The week's Monday."), week: z.string() }).extend(countsSchema.shape),
      )
      .describe("Monday to Sunday, oldest first, every week of the period (also those with nothing)."),
    sites: z
      .array(
        z
          .object({ site: z.string().describe("The site's label, else its host; empty when unknown.") })
          .extend(countsSchema.shape),
      )
      .describe("Most signups first."),
    towns_named: z
      .array(z.object({ town: z.enum(TOWN_IDS) }).extend(countsSchema.shape))
      .describe("Per town named; a person who named several counts in each. Most signups first."),
  })
  .meta({ id: "Outcomes" });
export type OutcomesDto = z.infer<typeof outcomesSchema>;
