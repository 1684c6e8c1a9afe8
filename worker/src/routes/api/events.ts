/** `GET /v1/events`, `GET /v1/events/:id` and their iCalendar feeds. */
import { type Context, Hono } from "hono";
import { CALENDAR_TEXTS } from "../../../../shared/calendar.ts";
import { decodeCursor, encodeCursor, idParamSchema } from "../../../../shared/schemas/common.ts";
import { type EventsFeedQuery, eventsFeedQuerySchema, eventsQuerySchema } from "../../../../shared/schemas/events.ts";
import { berlinDayStart } from "../../../../shared/time.ts";
import { countEvents, type EventFilters, getEvent, listEvents } from "../../db/events.ts";
import type { AppEnv } from "../../env.ts";
import { publicCache } from "../../lib/cache.ts";
import { ApiError } from "../../lib/errors.ts";
import { renderCalendar } from "../../lib/ical.ts";
import { publicOrigin } from "../../lib/origin.ts";
import { validate } from "../../lib/validate.ts";
import { toEvent, toIcsEvent } from "../../present/events.ts";

// A feed holds at most this many events; a calendar asks again in a few hours anyway.
const FEED_LIMIT = 500;

/** A `from`/`to` value as an instant: a date means the start of that Berlin day. */
function instant(value: string): Date {
  return value.length === 10 ? berlinDayStart(value) : new Date(value);
}

function range(query: EventsFeedQuery): Pick<EventFilters, "from" | "before"> {
  const from = query.from ? instant(query.from) : new Date();
  // `to` is inclusive: a date takes in the whole day, a date-time the events starting at that instant.
  const before = query.to
    ? query.to.length === 10
      ? berlinDayStart(query.to, 1)
      : new Date(instant(query.to).getTime() + 1)
    : undefined;
  return { from: from.toISOString(), before: before?.toISOString() };
}

function sendCalendar(c: Context<AppEnv>, body: string, filename: string) {
  c.header("Content-Type", "text/calendar; charset=utf-8");
  c.header("Content-Disposition", `inline; filename="${filename}"`);
  return c.body(body);
}

export const events = new Hono<AppEnv>();

// Registered before "/:id" so the feed is not taken for an id.
events.get("/events.ics", publicCache(900), validate("query", eventsFeedQuerySchema), async (c) => {
  const query = c.req.valid("query");
  const rows = await listEvents(c.env.DB, { ...range(query), towns: query.town, kinds: query.kind, limit: FEED_LIMIT });
  const lang = c.get("language");
  const origin = publicOrigin(c);
  const texts = CALENDAR_TEXTS[lang];
  return sendCalendar(
    c,
    renderCalendar({
      name: texts.name,
      description: texts.description,
      events: rows.map((r) => toIcsEvent(r, lang, origin)),
    }),
    "heimvorteil-termine.ics",
  );
});

events.get("/events", publicCache(300), validate("query", eventsQuerySchema), async (c) => {
  const query = c.req.valid("query");
  const filters = { ...range(query), towns: query.town, kinds: query.kind };
  const [rows, total] = await Promise.all([
    listEvents(c.env.DB, {
      ...filters,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    }),
    countEvents(c.env.DB, filters),
  ]);
  const lang = c.get("language");
  const origin = publicOrigin(c);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next =
    rows.length > query.limit && last ? encodeCursor({ sort: "start", key: last.starts_at, id: last.id }) : null;
  return c.json({ data: page.map((r) => toEvent(r, lang, origin)), total, next_cursor: next });
});

events.get("/events/:id{[0-9]+\\.ics}", publicCache(900), async (c) => {
  const parsed = idParamSchema.safeParse({ id: c.req.param("id").replace(/\.ics$/, "") });
  const row = parsed.success ? await getEvent(c.env.DB, parsed.data.id) : null;
  if (!row) throw new ApiError(404, "not_found");
  const lang = c.get("language");
  const texts = CALENDAR_TEXTS[lang];
  return sendCalendar(
    c,
    renderCalendar({
      name: texts.name,
      description: texts.description,
      events: [toIcsEvent(row, lang, publicOrigin(c))],
    }),
    `heimvorteil-termin-${row.id}.ics`,
  );
});

events.get("/events/:id", publicCache(300), validate("param", idParamSchema), async (c) => {
  const row = await getEvent(c.env.DB, c.req.valid("param").id);
  if (!row) throw new ApiError(404, "not_found");
  return c.json(toEvent(row, c.get("language"), publicOrigin(c)));
});
