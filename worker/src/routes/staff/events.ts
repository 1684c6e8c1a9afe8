/**
 * Events the team runs (`/v1/staff/events`, `/v1/staff/event-series`): single dates and series, changed
 * and cancelled. A town account lists, creates and changes its towns' events only; imported events are
 * shown but belong to their source. A cancelled date stays in the public feeds as STATUS:CANCELLED with
 * the same UID. Every change is audited in the same batch.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import { berlinClock, berlinDate } from "../../../../shared/berlin-clock.ts";
import { idParamSchema } from "../../../../shared/schemas/common.ts";
import {
  type StaffEventInput,
  staffEventInputSchema,
  staffEventPatchSchema,
  staffEventsQuerySchema,
  staffSeriesInputSchema,
  staffSeriesPatchSchema,
} from "../../../../shared/schemas/staff-events.ts";
import { berlinDayStart } from "../../../../shared/time.ts";
import { auditIfChangedStatement, auditStatement } from "../../db/staff.ts";
import {
  cancelEventStatement,
  cancellationMailStatements,
  createEvent,
  createSeries,
  type EventChanges,
  endSeriesStatements,
  futureDates,
  futureDatesWithGuests,
  getSeries,
  getStaffEvent,
  listStaffEvents,
  type StaffEventRow,
  updateEventStatement,
  updateSeriesStatement,
} from "../../db/staff-events.ts";
import { ApiError } from "../../lib/errors.ts";
import { instantsOf, seriesDates, wholeDays } from "../../lib/series.ts";
import { type StaffEnv, scopeOf } from "../../lib/staff-session.ts";
import { jsonBody, validate } from "../../lib/validate.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import { cancellationMail } from "../../pages/cancellation-mail.ts";
import { toStaffEvent } from "../../present/staff-events.ts";

export const staffEvents = new Hono<StaffEnv>();

/** Today in Berlin: the list starts at its first minute, Berlin time. */
const today = () => berlinDate();
const pad = (n: number) => String(n).padStart(2, "0");
/** The Berlin calendar day and wall-clock time of an instant: what the team typed when it made the event. */
function berlinDayAndTime(iso: string): { date: string; time: string } {
  const w = berlinClock(new Date(iso));
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A new start or end time must leave an event that still makes sense: an end equal to the start would be a
 * 24-hour event, and moving only the start past the old end would silently make it run overnight.
 */
function checkTimes(c: Context<StaffEnv>, start: string, end: string, endGiven: boolean): void {
  const en = c.get("language") === "en";
  if (minutes(start) === minutes(end))
    throw new ApiError(400, "invalid_body", {
      end_time: en ? "The end is the same as the start." : "Das Ende ist gleich dem Beginn.",
    });
  if (!endGiven && minutes(start) > minutes(end))
    throw new ApiError(400, "invalid_body", {
      end_time: en
        ? "Please give the end too: the new start is after the old end."
        : "Bitte auch das Ende angeben: Der neue Beginn liegt nach dem bisherigen Ende.",
    });
}

/** A town account may act in its towns only; elsewhere it gets the same answer as for a missing event. */
function inScope(c: Context<StaffEnv>, townId: string): boolean {
  const scope = scopeOf(c.get("staff"));
  return !scope || scope.includes(townId);
}

async function eventInScope(c: Context<StaffEnv>, raw: string): Promise<StaffEventRow> {
  const parsed = idParamSchema.safeParse({ id: raw });
  const row = parsed.success ? await getStaffEvent(c.env.DB, parsed.data.id) : null;
  if (!row || !inScope(c, row.town_id)) throw new ApiError(404, "not_found");
  return row;
}

function notEditable(c: Context<StaffEnv>): ApiError {
  return new ApiError(409, "not_open", {
    id:
      c.get("language") === "en"
        ? "This event comes from an imported source and changes only there."
        : "Dieser Termin kommt aus einer importierten Quelle und ändert sich nur dort.",
  });
}

const detailsOf = (
  e: Pick<StaffEventInput, "kind" | "title" | "description" | "town" | "venue" | "address" | "organizer" | "url">,
) => ({
  kind: e.kind,
  title: e.title,
  description: e.description,
  town_id: e.town,
  venue: e.venue,
  address: e.address || null,
  organizer: e.organizer,
  url: e.url ?? null,
});

/**
 * One change to one event with its audit entry, in one batch; the entry is written only when the change
 * was (a cancelled or imported event changes not, and answers 409). Answers the event as it is now.
 */
async function changeEvent(
  c: Context<StaffEnv>,
  id: number,
  change: D1PreparedStatement,
  action: string,
  now: string,
  after: D1PreparedStatement[] = [],
) {
  const [changed] = await c.env.DB.batch([
    change,
    auditIfChangedStatement(c.env.DB, { staff_id: c.get("staff").id, action, detail: { event: id } }, now),
    ...after,
  ]);
  if (!changed?.meta.changes) throw new ApiError(409, "not_open");
  const fresh = await getStaffEvent(c.env.DB, id);
  return c.json(fresh && toStaffEvent(fresh, scopeOf(c.get("staff"))));
}

staffEvents.get("/events", validate("query", staffEventsQuerySchema), async (c) => {
  const q = c.req.valid("query");
  const scope = scopeOf(c.get("staff"));
  if (q.town && scope && !scope.includes(q.town)) return c.json({ data: [] });
  const rows = await listStaffEvents(c.env.DB, {
    from: berlinDayStart(q.from ?? today()).toISOString(),
    towns: q.town ? [q.town] : scope,
    madeHere: q.made_here === "true",
    limit: q.limit,
  });
  return c.json({ data: rows.map((r) => toStaffEvent(r, scope)) });
});

staffEvents.post("/events", async (c) => {
  const e = await jsonBody(c, staffEventInputSchema);
  if (!inScope(c, e.town)) throw new ApiError(403, "not_allowed");
  const when = e.all_day
    ? wholeDays(e.date, e.end_date)
    : instantsOf(e.date, e.start_time as string, e.end_time as string);
  const id = await createEvent(
    c.env.DB,
    { ...detailsOf(e), ...when, all_day: e.all_day },
    c.get("staff").id,
    new Date().toISOString(),
  );
  const row = await getStaffEvent(c.env.DB, id);
  return c.json(row && toStaffEvent(row, scopeOf(c.get("staff"))), 201);
});

staffEvents.patch("/events/:id", async (c) => {
  const row = await eventInScope(c, c.req.param("id"));
  if (row.source_id !== null) throw notEditable(c);
  const p = await jsonBody(c, staffEventPatchSchema);
  const changes: EventChanges = {
    kind: p.kind,
    title: p.title,
    description: p.description,
    venue: p.venue,
    address: p.address === undefined ? undefined : p.address || null,
    organizer: p.organizer,
    url: p.url,
  };
  // A new day or time: from what is given, the rest kept as it was (in Berlin time).
  if (row.all_day === 0 && (p.date || p.start_time || p.end_time)) {
    const start = berlinDayAndTime(row.starts_at);
    const end = berlinDayAndTime(row.ends_at);
    checkTimes(c, p.start_time ?? start.time, p.end_time ?? end.time, p.end_time !== undefined);
    Object.assign(changes, instantsOf(p.date ?? start.date, p.start_time ?? start.time, p.end_time ?? end.time));
  } else if (row.all_day === 1 && p.date) {
    const days = Math.round((Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 86_400_000);
    const last = new Date(Date.parse(p.date) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
    Object.assign(changes, wholeDays(p.date, last));
  }
  const now = new Date().toISOString();
  return changeEvent(c, row.id, updateEventStatement(c.env.DB, row.id, changes, now), "event.update", now);
});

staffEvents.post("/events/:id/cancel", async (c) => {
  const row = await eventInScope(c, c.req.param("id"));
  if (row.source_id !== null) throw notEditable(c);
  const now = new Date().toISOString();
  // Those who said yes are told, in the same batch (only if the cancelling was this one).
  const mails = cancellationMailStatements(c.env.DB, row.id, now, {
    de: cancellationMail("de", row),
    en: cancellationMail("en", row),
  });
  const answer = await changeEvent(c, row.id, cancelEventStatement(c.env.DB, row.id, now), "event.cancel", now, mails);
  if (row.said_yes > 0) deliverSoon(c.executionCtx, c.env);
  return answer;
});

staffEvents.post("/event-series", async (c) => {
  const s = await jsonBody(c, staffSeriesInputSchema);
  if (!inScope(c, s.town)) throw new ApiError(403, "not_allowed");
  const dates = seriesDates(s.rule, s.first_date, s.until_date);
  if (!dates.length)
    throw new ApiError(400, "invalid_body", {
      until_date:
        c.get("language") === "en"
          ? "No date of this series falls in that period."
          : "In diesem Zeitraum fällt kein Termin der Reihe.",
    });
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await createSeries(
    c.env.DB,
    {
      id,
      rule: s.rule,
      start_time: s.start_time,
      end_time: s.end_time,
      first_date: s.first_date,
      until_date: s.until_date,
    },
    detailsOf(s),
    dates.map((d) => instantsOf(d, s.start_time, s.end_time)),
    { staff_id: c.get("staff").id, action: "series.create", detail: { series: id, dates: dates.length } },
    now,
  );
  return c.json({ id, dates }, 201);
});

async function seriesInScope(c: Context<StaffEnv>, id: string) {
  const series = id.length <= 100 ? await getSeries(c.env.DB, id) : null;
  if (!series || !inScope(c, series.town_id)) throw new ApiError(404, "not_found");
  if (series.ended_at) throw new ApiError(409, "not_open");
  return series;
}

/** Changes a series and, with it, each of its dates still to come that is not cancelled. */
staffEvents.patch("/event-series/:id", async (c) => {
  const series = await seriesInScope(c, c.req.param("id"));
  const p = await jsonBody(c, staffSeriesPatchSchema);
  const now = new Date().toISOString();
  const dates = await futureDates(c.env.DB, series.id, now);
  const start = p.start_time ?? series.start_time;
  const end = p.end_time ?? series.end_time;
  const retime = p.start_time !== undefined || p.end_time !== undefined;
  if (retime) checkTimes(c, start, end, p.end_time !== undefined);
  const details: EventChanges = {
    title: p.title,
    description: p.description,
    venue: p.venue,
    address: p.address === undefined ? undefined : p.address || null,
    organizer: p.organizer,
    url: p.url,
  };
  await c.env.DB.batch([
    updateSeriesStatement(c.env.DB, series.id, { ...p, address: details.address }, now),
    ...dates.map((d) =>
      updateEventStatement(
        c.env.DB,
        d.id,
        retime ? { ...details, ...instantsOf(berlinDayAndTime(d.starts_at).date, start, end) } : details,
        now,
      ),
    ),
    auditStatement(
      c.env.DB,
      { staff_id: c.get("staff").id, action: "series.update", detail: { series: series.id, dates: dates.length } },
      now,
    ),
  ]);
  return c.json({ id: series.id, changed: dates.length });
});

/** Ends a series: its dates still to come are cancelled, and stay in the feeds as cancelled. */
staffEvents.post("/event-series/:id/end", async (c) => {
  const series = await seriesInScope(c, c.req.param("id"));
  const now = new Date().toISOString();
  // The dates someone said yes to: their guests are told, in the same batch as the cancelling.
  const guests = await futureDatesWithGuests(c.env.DB, series.id, now);
  const [, cancelled] = await c.env.DB.batch([
    ...endSeriesStatements(c.env.DB, series.id, now, now),
    auditStatement(c.env.DB, { staff_id: c.get("staff").id, action: "series.end", detail: { series: series.id } }, now),
    ...guests.flatMap((e) =>
      cancellationMailStatements(c.env.DB, e.id, now, { de: cancellationMail("de", e), en: cancellationMail("en", e) }),
    ),
  ]);
  if (guests.length) deliverSoon(c.executionCtx, c.env);
  return c.json({ id: series.id, cancelled: cancelled?.meta.changes ?? 0 });
});
