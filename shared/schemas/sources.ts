/** The admin API's import sources (`/v1/admin/sources`): what a source is, and its health. */
import { z } from "zod";
import { EVENT_KIND_IDS } from "../ids.ts";
import { isoDateTimeSchema, slugSchema } from "./common.ts";
import { townInputSchema } from "./region.ts";

export const SOURCE_KINDS = [
  "ba_jobsuche",
  "personio_xml",
  "softgarden_feed",
  "dvinci_json",
  "recruitee_json",
  "greenhouse_json",
  "lever_json",
  "jsonld_page",
  "ics",
] as const;

const editable = {
  name: z.string().trim().min(2).max(120).describe("How the team and the events' organizer line name it."),
  url: z.url().max(2000).describe("https; no IP addresses or local names (development excepted)."),
  every_minutes: z.number().int().min(15).max(10_080).describe("How often it is imported."),
  default_kind: z.enum(EVENT_KIND_IDS).optional().describe("Calendars: the kind of an event whose words say none."),
};

export const sourceInputSchema = z
  .strictObject({
    id: slugSchema.describe("A name of your choice, lowercase with hyphens: `brilon-kalender`."),
    kind: z.enum(SOURCE_KINDS),
    town: townInputSchema.optional().describe("The town a calendar belongs to (required for `ics`)."),
    employer: slugSchema.optional().describe("The employer whose own feed this is."),
    ...editable,
    url: editable.url
      .optional()
      .describe(`${editable.url.description} Every kind but ba_jobsuche (set by BA_JOBSUCHE_URL).`),
    every_minutes: editable.every_minutes.default(360),
    radius_km: z
      .number()
      .int()
      .min(0)
      .max(50)
      .optional()
      .describe("ba_jobsuche: the search radius around each town (10)."),
  })
  .superRefine(
    (s, ctx) => {
      if (s.kind === "ics" && s.town === undefined)
        ctx.addIssue({ code: "custom", path: ["town"], params: { key: "calendar_needs_town" } });
      const feed = (SOURCE_KINDS as readonly string[]).includes(s.kind) && s.kind !== "ics" && s.kind !== "ba_jobsuche";
      if (feed && s.employer === undefined)
        ctx.addIssue({ code: "custom", path: ["employer"], params: { key: "feed_needs_employer" } });
      if (s.kind !== "ba_jobsuche" && s.url === undefined)
        ctx.addIssue({ code: "custom", path: ["url"], params: { key: "source_needs_url" } });
    },
    { when: () => true },
  )
  .meta({ id: "SourceInput" });
export type SourceInput = z.output<typeof sourceInputSchema>;

export const sourcePatchSchema = z
  .strictObject({
    name: editable.name.optional(),
    url: editable.url.optional(),
    every_minutes: editable.every_minutes.optional(),
    default_kind: editable.default_kind,
    enabled: z.boolean().optional().describe("false stops its imports; what it brought stays."),
  })
  .meta({ id: "SourcePatch" });
export type SourcePatch = z.output<typeof sourcePatchSchema>;

export const sourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum([...SOURCE_KINDS, "demo"]),
    name: z.string(),
    url: z.string().nullable(),
    town: z.string().nullable(),
    employer: z.string().nullable(),
    every_minutes: z.number().int(),
    enabled: z.boolean(),
    default_kind: z.string().nullable(),
    health: z.object({
      state: z.enum(["new", "healthy", "degraded", "failing"]),
      last_run_at: isoDateTimeSchema.nullable(),
      last_success_at: isoDateTimeSchema.nullable(),
      seen: z.number().int(),
      added: z.number().int(),
      updated: z.number().int(),
      closed: z.number().int(),
      last_error: z
        .string()
        .nullable()
        .describe(
          "Why the last run changed nothing, in words, in the language the request asked for (`Accept-Language`, `lang`).",
        ),
      rows_written: z.number().int().describe("D1 rows the last run wrote; 0 when nothing had changed."),
      notes: z
        .array(z.string())
        .describe(
          "What a run that succeeded wants the team to know (occupations with no category, descriptions still coming), in the language the request asked for.",
        ),
      details_pending: z
        .boolean()
        .describe(
          "true while the last run's job descriptions are still being fetched, in further steps of the run (a note says so too).",
        ),
    }),
  })
  .meta({ id: "Source" });
export type Source = z.infer<typeof sourceSchema>;

export const sourceListSchema = z.object({ data: z.array(sourceSchema) }).meta({ id: "SourceList" });

export const sourceIdParamSchema = z.strictObject({ id: slugSchema.describe("The source's id.") });
