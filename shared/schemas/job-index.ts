/**
 * `GET /v1/jobs/index`: every open job in a compact form, the same for every user, which the browser
 * extension downloads and matches against locally (so no request ever says what anyone searched for).
 */
import { z } from "zod";
import { JOB_INDEX_VERSION, type JobIndex } from "../job-index.ts";
import { isoDateTimeSchema } from "./common.ts";

export { JOB_INDEX_VERSION, type JobIndex };

export const jobIndexSchema = z
  .object({
    version: z.literal(JOB_INDEX_VERSION),
    generated_at: isoDateTimeSchema,
    employers: z.array(z.string()).describe("Employer names; jobs refer to them by position."),
    jobs: z
      .array(
        z.tuple([
          z.number().int().describe("id"),
          z.string().describe("title"),
          z.number().int().describe("position in `employers`"),
          z.string().describe("town id"),
          z.string().describe("posted at (ISO date)"),
        ]),
      )
      .describe("Newest first: [id, title, employer, town, posted]."),
  })
  .meta({ id: "JobIndex" }) satisfies z.ZodType<JobIndex>;
