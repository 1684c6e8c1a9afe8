/** Towns and employers: the region's fixed places and the companies that post jobs. */
import { z } from "zod";
import { TOWN_IDS, TOWNS, townIdOf } from "../towns.ts";
import { DOCUMENTED_AS, slugSchema } from "./common.ts";

export const townIdSchema = z.enum(TOWN_IDS);

/**
 * A town where a request names one: its id or its name, case-insensitively (`meschede`, `Meschede`,
 * `MESCHEDE`); what comes out, and what answers carry, is the id.
 */
export const townInputSchema = z
  .string()
  .transform((text) => townIdOf(text) ?? text)
  .pipe(townIdSchema);
DOCUMENTED_AS.set(
  townInputSchema,
  z
    .enum([...TOWN_IDS, ...TOWNS.map((t) => t.name)])
    .describe("A town's id or its name; names are matched in any case (`Meschede`, `MESCHEDE`)."),
);

export const townSchema = z
  .object({
    id: townIdSchema,
    name: z.string(),
    postal_code: z.string(),
    lat: z.number(),
    lon: z.number(),
    open_jobs: z.number().int().describe("Open jobs located in this town."),
  })
  .meta({ id: "Town" });
export type TownDto = z.infer<typeof townSchema>;

export const townListSchema = z.object({ data: z.array(townSchema) }).meta({ id: "TownList" });

export const employerSchema = z
  .object({
    id: slugSchema,
    name: z.string(),
    town: z.object({ id: townIdSchema, name: z.string() }),
    industry: z.string(),
    website: z.url().nullable(),
    open_jobs: z.number().int(),
  })
  .meta({ id: "Employer" });
export type EmployerDto = z.infer<typeof employerSchema>;

export const employerListSchema = z.object({ data: z.array(employerSchema) }).meta({ id: "EmployerList" });

export const employersQuerySchema = z.strictObject({
  town: townInputSchema.optional().describe("Only employers based in this town (its id or name)."),
});
