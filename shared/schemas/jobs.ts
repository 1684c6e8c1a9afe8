/** Requests and answers of the job search (`GET /v1/jobs`, `GET /v1/jobs/:id`). */
import { z } from "zod";
import { ftsQuery } from "../search-text.ts";
import { CATEGORY_IDS, EMPLOYMENT_IDS, REMOTE_IDS } from "../taxonomy.ts";
import {
  cursorParam,
  decodeCursor,
  intParam,
  isoDateTimeSchema,
  labelledCountSchema,
  listParam,
  slugSchema,
} from "./common.ts";
import { townInputSchema } from "./region.ts";

export const JOB_SORTS = ["relevance", "newest", "deadline"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export const jobsQuerySchema = z
  .strictObject({
    q: z.string().trim().min(2).max(100).optional().describe("Full-text search in title, description and employer."),
    town: listParam(townInputSchema, "Towns the jobs are in, by id or name.").optional(),
    radius_km: intParam(0, 100).optional().describe("Widen `town` to every town within this many km."),
    category: listParam(z.enum(CATEGORY_IDS), "Job categories.").optional(),
    employer: listParam(slugSchema, "Employer ids.").optional(),
    employment: listParam(z.enum(EMPLOYMENT_IDS), "Employment types; a job matches if it has any of them.").optional(),
    remote: listParam(z.enum(REMOTE_IDS), "Where the work is done.").optional(),
    sort: z
      .enum(JOB_SORTS)
      .optional()
      .describe("`relevance` (default with `q`, else like `newest`), `newest`, `deadline` (closing soonest)."),
    cursor: cursorParam.optional(),
    limit: intParam(1, 100).default(20).describe("Jobs per page."),
    facets: z
      .enum(["1", "0"])
      .default("1")
      .describe("`0` leaves out the facet counts: for the pages after the first, whose facets the client has."),
  })
  // Runs even when a field failed, so one answer names every problem; hence the type guards.
  .superRefine(
    (query, ctx) => {
      if (query.radius_km !== undefined && query.town === undefined) {
        ctx.addIssue({ code: "custom", path: ["radius_km"], params: { key: "radius_needs_town" } });
      }
      if (typeof query.q === "string" && query.q.length >= 2 && ftsQuery(query.q) === undefined) {
        ctx.addIssue({ code: "custom", path: ["q"], params: { key: "nothing_searchable" } });
      }
      if (typeof query.cursor === "string") {
        const cursor = decodeCursor(query.cursor);
        if (!cursor || cursor.sort !== effectiveJobSort(query)) {
          ctx.addIssue({ code: "custom", path: ["cursor"], params: { key: "bad_cursor" } });
        }
      }
    },
    { when: () => true },
  );
export type JobsQuery = z.output<typeof jobsQuerySchema>;

/** The sort actually applied: relevance needs words to rank by. */
export function effectiveJobSort(query: { q?: string | undefined; sort?: JobSort | undefined }): JobSort {
  const sort = query.sort ?? (query.q ? "relevance" : "newest");
  return sort === "relevance" && !query.q ? "newest" : sort;
}

const ref = z.object({ id: z.string(), name: z.string() });

export const jobSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    summary: z.string().describe("The start of the description, plain text."),
    employer: ref,
    town: ref,
    category: z.enum(CATEGORY_IDS),
    category_label: z.string(),
    employment: z.array(z.enum(EMPLOYMENT_IDS)),
    remote: z.enum(REMOTE_IDS),
    salary: z
      .object({ min: z.number().int(), max: z.number().int(), currency: z.literal("EUR"), unit: z.literal("YEAR") })
      .nullable(),
    posted_at: isoDateTimeSchema,
    valid_through: isoDateTimeSchema.nullable().describe("The last day to apply; null when the employer names none."),
    url: z.url().describe("The job's own crawlable page."),
    apply_url: z.string().nullable().describe("Where to apply: an http(s) or mailto link, or null."),
  })
  .meta({ id: "JobSummary" });
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobSchema = jobSummarySchema
  .extend({
    description: z.string().describe("Plain text; paragraphs separated by blank lines."),
    description_html: z
      .string()
      .nullable()
      .describe(
        "The employer's formatting, when its feed sent HTML: only p, ul, ol, li, br, strong, em, h3, h4 and http(s)/mailto links remain.",
      ),
  })
  .meta({ id: "Job" });
export type Job = z.infer<typeof jobSchema>;

export const jobFacetsSchema = z
  .object({
    town: z.array(labelledCountSchema),
    category: z.array(labelledCountSchema),
    employer: z.array(labelledCountSchema),
    employment: z.array(labelledCountSchema),
    remote: z.array(labelledCountSchema),
  })
  .describe(
    "Counts per option under the current filters. Each facet ignores its own filter (so other options of the same facet stay visible) and honours all others; options with no jobs are left out.",
  )
  .meta({ id: "JobFacets" });
export type JobFacets = z.infer<typeof jobFacetsSchema>;

export const jobListSchema = z
  .object({
    data: z.array(jobSummarySchema),
    total: z.number().int().describe("Jobs matching all filters."),
    next_cursor: z.string().nullable(),
    facets: jobFacetsSchema.nullable().describe("null when asked with `facets=0`."),
  })
  .meta({ id: "JobList" });
export type JobList = z.infer<typeof jobListSchema>;
