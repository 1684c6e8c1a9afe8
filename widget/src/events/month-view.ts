/**
 * The month grid of <hv-events>, in a chunk of its own: most pages show the list, and only those that
 * show a month load this. It renders into the element's shadow root (styled by its styles); every event
 * is a button that opens its details below the grid, alike events at the same hour are one entry, and a
 * day with more than fits says "+N more".
 */
import { html, nothing } from "lit";
import type { Lang } from "../../../shared/i18n.ts";
import type { EventDto } from "../../../shared/schemas/events.ts";
import { berlinYmd } from "../lib/format.ts";
import { formatDay, formatMonth, formatTime, weekdayNames } from "./dates.ts";
import { msg, plural } from "./messages.ts";
import { isoDate, monthWeeks } from "./month.ts";

export interface MonthGrid {
  events: EventDto[];
  month: [number, number];
  lang: Lang;
  /** Opens the details of `ids`, the events of `day` the reader chose. */
  select: (day: string, ids: number[]) => void;
}

// A day of the month grid shows this many entries; one more becomes "+N more".
const DAY_ROWS = 3;

/** A day's events with alike ones (same kind, same start, e.g. every town's Stammtisch) together. */
function groupAlike(events: EventDto[]): EventDto[][] {
  const groups = new Map<string, EventDto[]>();
  for (const e of events) {
    const key = `${e.kind}|${e.starts_at}|${e.status}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}

export function renderMonthGrid({ events, month, lang, select }: MonthGrid) {
  const [y, m] = month;
  const byDay = new Map<string, EventDto[]>();
  for (const e of events) {
    const day = isoDate(...berlinYmd(new Date(e.starts_at)));
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }
  const today = isoDate(...berlinYmd(new Date()));
  const short = weekdayNames(lang, "short");
  const long = weekdayNames(lang, "long");
  return html`<table part="month" class="month">
      <caption class="sr-only">${formatMonth(y, m, lang)}</caption>
      <thead>
        <tr>
          ${short.map((d, i) => html`<th scope="col"><abbr title=${long[i] ?? d}>${d}</abbr></th>`)}
        </tr>
      </thead>
      <tbody>
        ${monthWeeks(y, m).map(
          (week) =>
            html`<tr>
              ${week.map((day) => {
                if (!day) return html`<td class="outside"></td>`;
                const groups = groupAlike(byDay.get(day) ?? []);
                const shown = groups.length > DAY_ROWS ? groups.slice(0, DAY_ROWS - 1) : groups;
                const hidden = groups.slice(shown.length);
                const isToday = day === today;
                return html`<td
                  part=${isToday ? "day today" : "day"}
                  class=${[groups.length ? "has-events" : "", isToday ? "today" : ""].join(" ")}
                  aria-current=${isToday ? "date" : nothing}
                >
                  <span class="day-number"
                    >${Number(day.slice(8))}${isToday ? html`<span class="sr-only"> (${msg(lang, "today")})</span>` : nothing}</span
                  >
                  ${shown.map((g) => renderDayEntry(day, g, lang, select))}
                  ${
                    hidden.length
                      ? html`<button
                          part="day-more"
                          type="button"
                          class="day-more"
                          @click=${() =>
                            select(
                              day,
                              (byDay.get(day) ?? []).map((e) => e.id),
                            )}
                        >
                          ${plural(
                            lang,
                            "moreInDay",
                            hidden.reduce((n, g) => n + g.length, 0),
                          )}<span class="sr-only">
                            – ${formatDay(`${day}T12:00:00Z`, lang)}</span
                          >
                        </button>`
                      : nothing
                  }
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** One event, or alike events at the same time (the Stammtische of several towns) as one entry. */
function renderDayEntry(day: string, group: EventDto[], lang: Lang, select: MonthGrid["select"]) {
  const first = group[0] as EventDto;
  const label = `${first.status === "cancelled" ? `${msg(lang, "cancelled")}: ` : ""}${
    group.length > 1 ? `${first.kind_label} · ${msg(lang, "townsCount", { n: group.length })}` : first.title
  }`;
  const tooltip = group.map((e) => e.title).join("\n");
  return html`<button
      part="day-event"
      type="button"
      class="day-event"
      title=${tooltip}
      @click=${() =>
        select(
          day,
          group.map((e) => e.id),
        )}
    >
      ${first.all_day ? "" : html`<time datetime=${first.starts_at}>${formatTime(first.starts_at)}</time> `}<bdi>${label}</bdi>
    </button>`;
}
