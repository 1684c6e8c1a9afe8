/**
 * Events the team runs from the console (`/v1/staff/events`, `/v1/staff/event-series`): one date, or a
 * series expanded into dated events; times are Berlin wall-clock times, as the team thinks of them.
 */
import { z } from "zod";
import { EVENT_KIND_IDS, TOWN_IDS } from "../ids.ts";
import { isoDateSchema, isoDateTimeSchema } from "./common.ts";
import { townInputSchema } from "./region.ts";
import { plain, prose } from "./signup.ts";

/** A series reaches at most this far ahead of its first date, and has at most this many dates. */
export const SERIES_MAX_DAYS = 550;
export const SERIES_MAX_DATES = 80;

const clock = z
  .string()
  .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { params: { key: "clock_time" } })
  .describe("HH:MM, Berlin time.");

const link = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }))
  .describe("More about the event (http or https).");

const details = {
  kind: z.enum(EVENT_KIND_IDS),
  title: plain(120).pipe(z.string().min(3)),
  description: prose(2000).pipe(z.string().min(1)),
  town: townInputSchema,
  venue: plain(120).pipe(z.string().min(2)),
  address: plain(160).optional(),
  organizer: plain(120).pipe(z.string().min(2)),
  url: link.optional(),
};

/** What a change may give, of one date or of a series; null clears an address or a link. */
const changes = {
  title: details.title.optional(),
  description: details.description.optional(),
  venue: details.venue.optional(),
  address: plain(160).nullable().optional(),
  organizer: details.organizer.optional(),
  url: link.nullable().optional(),
};

const times = {
  start_time: clock.optional().describe("HH:MM, Berlin time; not for whole-day events."),
  end_time: clock.optional().describe("HH:MM, Berlin time, after start_time (a time before it ends the next day)."),
};

function needTimes(
  e: { all_day?: boolean; start_time?: string | undefined; end_time?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (e.all_day) return;
  for (const key of ["start_time", "end_time"] as const)
    if (!e[key]) ctx.addIssue({ code: "custom", path: [key], params: { key: "clock_time" } });
  if (e.start_time && e.start_time === e.end_time)
    ctx.addIssue({ code: "custom", path: ["end_time"], params: { key: "to_before_from" } });
}

export const staffEventInputSchema = z
  .strictObject({
    ...details,
    date: isoDateSchema.describe("The (first) day, YYYY-MM-DD."),
    end_date: isoDateSchema.optional().describe("The last day of a whole-day event over several days."),
    all_day: z.boolean().default(false),
    ...times,
  })
  .superRefine(
    (e, ctx) => {
      needTimes(e, ctx);
      if (e.end_date && e.end_date < e.date)
        ctx.addIssue({ code: "custom", path: ["end_date"], params: { key: "to_before_from" } });
    },
    { when: () => true },
  )
  .meta({ id: "StaffEventInput" });
export type StaffEventInput = z.output<typeof staffEventInputSchema>;

/** A change to one date: the fields given change; the rest stay. */
export const staffEventPatchSchema = z
  .strictObject({ kind: details.kind.optional(), ...changes, date: isoDateSchema.optional(), ...times })
  .meta({ id: "StaffEventPatch" });
export type StaffEventPatch = z.output<typeof staffEventPatchSchema>;

export const seriesRuleSchema = z
  .discriminatedUnion("every", [
    z.strictObject({
      every: z.literal("week"),
      interval: z.number().int().min(1).max(4).default(1).describe("Every 1st, 2nd, 3rd or 4th week."),
      weekday: z.number().int().min(0).max(6).describe("0 Monday … 6 Sunday."),
    }),
    z.strictObject({
      every: z.literal("month"),
      nth: z
        .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
        .describe("The 1st … 4th such weekday of the month, or -1 for the last."),
      weekday: z.number().int().min(0).max(6).describe("0 Monday … 6 Sunday."),
    }),
  ])
  .meta({ id: "SeriesRule" });
export type SeriesRule = z.output<typeof seriesRuleSchema>;

export const staffSeriesInputSchema = z
  .strictObject({
    ...details,
    rule: seriesRuleSchema,
    first_date: isoDateSchema.describe("The series starts on its first date on or after this day."),
    until_date: isoDateSchema.describe("The last day a date may fall on."),
    start_time: clock,
    end_time: clock,
  })
  .superRefine(
    (s, ctx) => {
      if (s.start_time === s.end_time)
        ctx.addIssue({ code: "custom", path: ["end_time"], params: { key: "to_before_from" } });
      const days = (Date.parse(s.until_date) - Date.parse(s.first_date)) / 86_400_000;
      if (days < 0) ctx.addIssue({ code: "custom", path: ["until_date"], params: { key: "to_before_from" } });
      else if (days > SERIES_MAX_DAYS)
        ctx.addIssue({ code: "custom", path: ["until_date"], params: { key: "series_too_long" } });
    },
    { when: () => true },
  )
  .meta({ id: "StaffSeriesInput" });
export type StaffSeriesInput = z.output<typeof staffSeriesInputSchema>;

/** A change to a series: applies to its dates from today on that are not cancelled. */
export const staffSeriesPatchSchema = z
  .strictObject({ ...changes, start_time: clock.optional(), end_time: clock.optional() })
  .meta({ id: "StaffSeriesPatch" });
export type StaffSeriesPatch = z.output<typeof staffSeriesPatchSchema>;

export const staffEventsQuerySchema = z
  .strictObject({
    from: isoDateSchema.optional().describe("Events ending on or after this day. Default: today."),
    town: townInputSchema.optional(),
    made_here: z.enum(["true", "false"]).optional().describe("true: only events made in the console."),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .meta({ id: "StaffEventsQuery" });

export const staffEventSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(EVENT_KIND_IDS),
    title: z.string(),
    description: z.string(),
    town: z.enum(TOWN_IDS),
    venue: z.string(),
    address: z.string().nullable(),
    organizer: z.string(),
    url: z.string().nullable(),
    starts_at: isoDateTimeSchema,
    ends_at: isoDateTimeSchema,
    all_day: z.boolean(),
    status: z.enum(["scheduled", "cancelled"]),
    cancelled_at: isoDateTimeSchema.nullable(),
    series: z
      .object({ id: z.string(), rule: seriesRuleSchema, ended: z.boolean() })
      .nullable()
      .describe("The series this date belongs to."),
    source: z
      .string()
      .nullable()
      .describe(
        "The import source it came from (then it changes with its source, not here); null: made in the console.",
      ),
    editable: z.boolean().describe("Whether this account may change it: made in the console, in its towns."),
    invitations: z
      .object({ invited: z.number().int(), yes: z.number().int(), no: z.number().int() })
      .describe("People invited by mail and their answers: counts only, never who."),
  })
  .meta({ id: "StaffEvent" });
export type StaffEventDto = z.infer<typeof staffEventSchema>;

export const staffEventListSchema = z.object({ data: z.array(staffEventSchema) }).meta({ id: "StaffEventList" });

export const seriesCreatedSchema = z
  .object({ id: z.string(), dates: z.array(isoDateSchema).describe("The series' dates, Berlin days.") })
  .meta({ id: "SeriesCreated" });
export const seriesChangedSchema = z
  .object({ id: z.string(), changed: z.number().int().describe("Dates changed with it.") })
  .meta({ id: "SeriesChanged" });
export const seriesEndedSchema = z
  .object({ id: z.string(), cancelled: z.number().int().describe("Dates cancelled.") })
  .meta({ id: "SeriesEnded" });
