/** Requests and answers of the event calendar (`GET /v1/events`, its iCalendar feeds). */
import { z } from "zod";
import { EVENT_KIND_IDS } from "../taxonomy.ts";
import { cursorParam, decodeCursor, intParam, isoDateSchema, isoDateTimeSchema, listParam } from "./common.ts";
import { townIdSchema, townInputSchema } from "./region.ts";

const dateOrDateTime = z
  .union([isoDateSchema, isoDateTimeSchema])
  .describe("A date (YYYY-MM-DD, a whole day in Europe/Berlin) or an ISO 8601 date-time with offset.");

const eventFilters = {
  town: listParam(townInputSchema, "Towns the events take place in, by id or name.").optional(),
  kind: listParam(z.enum(EVENT_KIND_IDS), "Kinds of event.").optional(),
  from: dateOrDateTime.optional().describe("Events still running at or after this point. Default: now."),
  to: dateOrDateTime.optional().describe("Events starting up to this point (a date includes the whole day)."),
};

function refineRange(query: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  const { from, to } = query;
  if (typeof from === "string" && typeof to === "string" && to.slice(0, 10) < from.slice(0, 10)) {
    ctx.addIssue({ code: "custom", path: ["to"], params: { key: "to_before_from" } });
  }
}

export const eventsQuerySchema = z
  .strictObject({
    ...eventFilters,
    cursor: cursorParam.optional(),
    limit: intParam(1, 200).default(50).describe("Events per page."),
  })
  .superRefine(
    (query, ctx) => {
      refineRange(query, ctx);
      if (query.cursor !== undefined && decodeCursor(String(query.cursor))?.sort !== "start") {
        ctx.addIssue({ code: "custom", path: ["cursor"], params: { key: "bad_cursor" } });
      }
    },
    { when: () => true },
  );
export type EventsQuery = z.output<typeof eventsQuerySchema>;

/** The feed has no pages: a calendar app fetches it whole. */
export const eventsFeedQuerySchema = z.strictObject(eventFilters).superRefine(refineRange, { when: () => true });
export type EventsFeedQuery = z.output<typeof eventsFeedQuerySchema>;

export const eventSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(EVENT_KIND_IDS),
    kind_label: z.string(),
    title: z.string(),
    description: z.string(),
    town: z.object({ id: townIdSchema, name: z.string() }),
    venue: z.string(),
    address: z.string().nullable(),
    starts_at: isoDateTimeSchema.describe("UTC; show it in Europe/Berlin."),
    ends_at: isoDateTimeSchema,
    all_day: z
      .boolean()
      .describe(
        "A whole-day event: it runs from Berlin midnight on its first day to Berlin midnight after its last (ends_at, exclusive).",
      ),
    status: z
      .enum(["scheduled", "cancelled"])
      .describe(
        "cancelled: called off; it stays listed (and in the feeds as STATUS:CANCELLED) so nobody comes in vain.",
      ),
    organizer: z.string(),
    url: z.string().nullable().describe("More about the event: an http(s) link, or null."),
    ics_url: z.url().describe("This event as an iCalendar file."),
  })
  .meta({ id: "Event" });
export type EventDto = z.infer<typeof eventSchema>;

export const eventListSchema = z
  .object({
    data: z.array(eventSchema),
    total: z.number().int().describe("Events matching the filters in all, over every page."),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: "EventList" });
