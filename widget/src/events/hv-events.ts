import { html, LitElement, nothing, type PropertyValues } from "lit";
import type { Lang } from "../../../shared/i18n.ts";
import { safeHref, webcalHref } from "../../../shared/links.ts";
import { ROUTES } from "../../../shared/routes.ts";
import type { EventDto } from "../../../shared/schemas/events.ts";
import { EVENT_KIND_IDS, EVENT_KINDS } from "../../../shared/taxonomy.ts";
import { TOWNS } from "../../../shared/towns.ts";
import {
  apiBase,
  type EventPage,
  fetchEvents,
  hasEarlyAnswer,
  type Params,
  takeArrived,
  withDeadline,
  withParams,
} from "../lib/api.ts";
import { withOpened } from "../lib/disclosure.ts";
import { berlinYmd } from "../lib/format.ts";
import { langOf } from "../lib/messages.ts";
import { headingLevel } from "../lib/theme.ts";
import { googleCalendarHref, outlookCalendarHref, whereText } from "./calendar-links.ts";
import { formatDay, formatDays, formatMonth, formatTimeRange } from "./dates.ts";
import { eventsJsonLd } from "./json-ld.ts";
import { msg, plural } from "./messages.ts";
import { isoDate, lastDay, shiftMonth } from "./month.ts";
import { chosenKind, chosenTown, eventsPageSize, eventsUrl } from "./request.ts";
import { styles } from "./styles.ts";

type Status = "loading" | "ready" | "error";

// The month grid, a chunk of its own (most pages show the list): loaded once, when a month is shown.
let monthView: typeof import("./month-view.ts") | undefined;
let monthViewLoading: Promise<void> | undefined;
function loadMonthView(): Promise<void> {
  monthViewLoading ??= import("./month-view.ts").then((module) => {
    monthView = module;
  });
  return monthViewLoading;
}
type View = "list" | "month";

/**
 * Returnee meet-ups, job fairs and information evenings in the region, as a list or a month, with
 * "add to calendar" per event and a subscribable feed of the filtered calendar.
 *
 * @tag hv-events
 * @summary The region’s events calendar for any web page.
 *
 * @fires hv-filter-change - The reader changed the town, the kind, the view or the month. `detail` holds them.
 *
 * @csspart base - The element's frame.
 * @csspart filters - The town and kind selects and the view switch.
 * @csspart subscribe - "Subscribe to calendar": the webcal:// link and the feed's address to copy.
 * @csspart subscribe-link - The webcal:// link to the feed of the current filters.
 * @csspart count - The event count (announced to screen readers).
 * @csspart month - The month grid (wide screens only).
 * @csspart day - A day of the month grid (`today` on today's).
 * @csspart day-event - An event (or a group of alike events) in a day; opens its details below the grid.
 * @csspart day-more - "+N more" in a day with more events than fit.
 * @csspart list - The list of events.
 * @csspart event - One event.
 * @csspart event-title - An event's title.
 * @csspart event-when - Date and time (Europe/Berlin).
 * @csspart event-where - Venue, address and town.
 * @csspart add-to-calendar - "Add to calendar": the .ics file, Google Calendar and Outlook.com.
 * @csspart ics-link - The event's .ics file.
 * @csspart description-toggle - "More"/"less" for a description longer than three lines.
 * @csspart more-button - "Load more".
 * @csspart state - The empty and error messages.
 *
 * @cssprop --hv-color-accent - Links, buttons and focus ring. Default #0a6847 (dark: #7dd8b0).
 * @cssprop --hv-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --hv-color-text - Body text.
 * @cssprop --hv-color-muted - Secondary text.
 * @cssprop --hv-color-background - Background.
 * @cssprop --hv-color-surface - Background of events and days.
 * @cssprop --hv-color-border - Lines and input borders.
 * @cssprop --hv-color-danger - Error messages.
 * @cssprop --hv-color-focus - The focus ring (defaults to the accent).
 * @cssprop --hv-font-family - Font; inherits the page's by default.
 * @cssprop --hv-font-size - Base font size. Default 1rem.
 * @cssprop --hv-radius - Corner radius. Default 0.5rem.
 * @cssprop --hv-spacing - Gap between events. Default 1rem.
 */
export class HvEvents extends LitElement {
  static override styles = styles;

  static override properties = {
    town: { type: String },
    kind: { type: String },
    view: { type: String },
    showPast: { type: Boolean, attribute: "show-past" },
    pageSize: { type: Number, attribute: "page-size" },
    lang: { type: String },
    hideFilters: { type: Boolean, attribute: "hide-filters" },
    api: { type: String },
    theme: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: "heading-level" },
    chosenTown: { state: true },
    chosenKind: { state: true },
    chosenView: { state: true },
    month: { state: true },
    status: { state: true },
    slow: { state: true },
    events: { state: true },
    nextCursor: { state: true },
    loadingMore: { state: true },
    total: { state: true },
    selection: { state: true },
    expanded: { state: true },
    calendarMenus: { state: true },
    copied: { state: true },
  };

  /** A town id to start with, e.g. `brilon`. */
  declare town: string;
  /** A kind to start with: stammtisch, fair, info_evening, company_visit, workshop, leisure. */
  declare kind: string;
  /** `list` (default) or `month`. Narrow screens always get the list. */
  declare view: string;
  /** Also shows events that are over. */
  declare showPast: boolean;
  /** Events per page in the list view, 1–100. Default 10. */
  declare pageSize: number;
  /** `de` (default) or `en`. */
  declare lang: string;
  /** Hides the town and kind selects and the view switch. */
  declare hideFilters: boolean;
  /** The API: an origin, optionally with a path prefix. Default: where the script was loaded from. */
  declare api: string;
  /** `light` (default), `dark`, or `auto` to follow the reader's system setting. */
  declare theme: string;
  /** The heading level of the event titles, 1–6, to fit the host page's outline. Default 2. */
  declare headingLevel: number;

  declare private chosenTown: string;
  declare private chosenKind: string;
  declare private chosenView: View;
  declare private month: [number, number];
  declare private status: Status;
  declare private slow: boolean;
  declare private events: EventDto[];
  declare private nextCursor: string | null;
  declare private loadingMore: boolean;
  declare private total: number;
  /** In the month view: the day (and the events of it) the reader opened; the list shows only those. */
  declare private selection: { day: string; ids: number[] } | undefined;
  declare private expanded: ReadonlySet<number>;
  /** The events whose "add to calendar" menu was opened: only theirs have links yet. */
  declare private calendarMenus: ReadonlySet<number>;
  declare private copied: boolean;

  #controller: AbortController | undefined;
  #jsonLd: HTMLScriptElement | undefined;

  constructor() {
    super();
    this.town = "";
    this.kind = "";
    this.view = "list";
    this.showPast = false;
    this.pageSize = 10;
    this.lang = "de";
    this.hideFilters = false;
    this.api = "";
    this.theme = "";
    this.chosenTown = "";
    this.chosenKind = "";
    this.chosenView = "list";
    const [y, m] = berlinYmd(new Date());
    this.month = [y, m];
    this.status = "loading";
    this.slow = false;
    this.events = [];
    this.nextCursor = null;
    this.loadingMore = false;
    this.total = 0;
    this.selection = undefined;
    this.expanded = new Set();
    this.calendarMenus = new Set();
    this.copied = false;
    this.headingLevel = 2;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
    this.#jsonLd?.remove();
    this.#jsonLd = undefined;
    this.#resizes.disconnect();
  }

  // Whether a description is longer than its three lines depends on the width and the text. It is measured
  // when a ResizeObserver on the descriptions reports, which is after the frame's own layout; measuring in
  // updated() forced a layout of everything just drawn in the middle of the task (10–12 ms on the first
  // page). The descriptions, not the element: their width follows the element's, and the "more" buttons
  // this shows change the element's height, which the observer would then have to report in the same frame
  // (a "ResizeObserver loop" error on the host page).
  #resizes = new ResizeObserver(() => this.#markOverflow());

  // Observed anew after each render: a description reused for another event keeps its clamped size, and
  // only a new observation reports it again.
  #observeDescriptions(): void {
    for (const text of this.renderRoot.querySelectorAll(".description")) {
      this.#resizes.unobserve(text);
      this.#resizes.observe(text);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: disconnecting stopped the observer.
    if (this.hasUpdated) this.#observeDescriptions();
  }

  protected override updated(): void {
    this.#observeDescriptions();
    if (this.#focusSelection) {
      this.#focusSelection = false;
      this.renderRoot.querySelector<HTMLElement>(".selection-title")?.focus();
    }
  }

  #focusSelection = false;

  #markOverflow(): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>("li.event[data-id]")];
    // All the reading first, then the writing: a write between two reads would lay the list out again.
    const long = items.map((item) => {
      const text = item.querySelector<HTMLElement>(".description");
      return !!text && (this.expanded.has(Number(item.dataset.id)) || text.scrollHeight > text.clientHeight + 1);
    });
    for (const [i, item] of items.entries()) item.toggleAttribute("data-long", long[i]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configured = ["town", "kind", "view", "showPast", "pageSize", "lang", "api"];
    if (configured.some((key) => changed.has(key as keyof HvEvents))) {
      this.chosenTown = chosenTown(this.town);
      this.chosenKind = chosenKind(this.kind);
      this.chosenView = this.view === "month" ? "month" : "list";
      this.#load(false);
    }
  }

  get #lang(): Lang {
    return langOf(this.lang);
  }

  get #pageSize(): number {
    return eventsPageSize(this.pageSize);
  }

  #filterParams(): Params {
    return { town: this.chosenTown || undefined, kind: this.chosenKind || undefined };
  }

  #rangeParams(): Params {
    const now = new Date();
    if (this.chosenView === "month") {
      const [y, m] = this.month;
      const start = isoDate(y, m, 1);
      const today = isoDate(...berlinYmd(now));
      // Past events stay hidden unless asked for; a month that is over then simply shows none.
      const from = this.showPast || start > today ? start : now.toISOString();
      return { from, to: isoDate(y, m, lastDay(y, m)), limit: 200 };
    }
    const size = this.#pageSize;
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
    return { from: this.showPast ? yearAgo : undefined, limit: size };
  }

  async #load(append: boolean): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.slow = false;
    const url = eventsUrl(this.api, this.chosenTown, this.chosenKind, {
      ...this.#rangeParams(),
      cursor: append ? (this.nextCursor ?? undefined) : undefined,
    });
    if (!append) {
      this.selection = undefined;
      this.copied = false;
      // The loader's answer (a list's first page), when it is here already, is shown in this very render.
      const arrived = this.chosenView === "list" ? takeArrived<EventPage>(this, url, this.#lang) : undefined;
      if (arrived) {
        this.#show(arrived, false);
        return;
      }
    }
    if (append) this.loadingMore = true;
    else this.status = "loading";
    try {
      // The first request starts in a task of its own, after the element's first frame is drawn, unless
      // the loader asked already: then the answer is on its way and waiting would only delay it.
      if (!this.hasUpdated && !hasEarlyAnswer(this)) await new Promise((resolve) => setTimeout(resolve));
      if (controller.signal.aborted) return;
      // The month grid's code comes only to pages that show a month, loaded alongside the data.
      const [page] = await Promise.all([
        withDeadline(
          controller.signal,
          () => {
            this.slow = true;
          },
          (signal) => fetchEvents(this, url, this.#lang, signal),
        ),
        this.chosenView === "month" ? loadMonthView() : undefined,
      ]);
      if (controller.signal.aborted) return;
      this.#show(page, append);
    } catch {
      if (controller.signal.aborted) return;
      this.status = "error";
    } finally {
      if (this.#controller === controller) {
        this.loadingMore = false;
        this.slow = false;
      }
    }
  }

  #show(page: EventPage, append: boolean): void {
    this.events = append ? [...this.events, ...page.data] : page.data;
    this.nextCursor = this.chosenView === "list" ? page.next_cursor : null;
    this.total = page.total;
    this.status = "ready";
    this.#scheduleJsonLd();
  }

  /**
   * Writes the markup once the events are on screen: nobody sees it, and building it (and the host page's
   * DOM taking it) cost 2 to 7 ms ahead of the first results on a slow machine.
   */
  #scheduleJsonLd(): void {
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.isConnected) this.#writeJsonLd();
      }),
    );
  }

  /** The events as schema.org markup, in a data block inside the element (outside its shadow root). */
  #writeJsonLd(): void {
    if (!this.#jsonLd) {
      this.#jsonLd = document.createElement("script");
      this.#jsonLd.type = "application/ld+json";
      this.append(this.#jsonLd);
    }
    this.#jsonLd.textContent = JSON.stringify(eventsJsonLd(this.events));
  }

  #changed(): void {
    this.dispatchEvent(
      new CustomEvent("hv-filter-change", {
        detail: { town: this.chosenTown, kind: this.chosenKind, view: this.chosenView, month: [...this.month] },
        bubbles: true,
        composed: true,
      }),
    );
    this.#load(false);
  }

  #moveMonth(by: number): void {
    this.month = shiftMonth(this.month[0], this.month[1], by);
    this.#changed();
  }

  /** Reloads after an error. */
  retry(): void {
    this.#load(false);
  }

  // ——— rendering ———

  #renderFilters() {
    if (this.hideFilters) return nothing;
    const lang = this.#lang;
    return html`<div part="filters" class="filters">
      <label
        >${msg(lang, "town")}
        <select
          @change=${(e: Event) => {
            this.chosenTown = (e.target as HTMLSelectElement).value;
            this.#changed();
          }}
        >
          <option value="" ?selected=${!this.chosenTown}>${msg(lang, "allTowns")}</option>
          ${TOWNS.map((t) => html`<option value=${t.id} ?selected=${this.chosenTown === t.id}>${t.name}</option>`)}
        </select></label
      >
      <label
        >${msg(lang, "kind")}
        <select
          @change=${(e: Event) => {
            this.chosenKind = (e.target as HTMLSelectElement).value;
            this.#changed();
          }}
        >
          <option value="" ?selected=${!this.chosenKind}>${msg(lang, "allKinds")}</option>
          ${EVENT_KIND_IDS.map(
            (k) => html`<option value=${k} ?selected=${this.chosenKind === k}>${EVENT_KINDS[k][lang]}</option>`,
          )}
        </select></label
      >
      <div class="views" role="group" aria-label=${msg(lang, "view")}>
        ${(["list", "month"] as const).map(
          (v) =>
            html`<button
              type="button"
              class=${this.chosenView === v ? "" : "secondary"}
              aria-pressed=${this.chosenView === v ? "true" : "false"}
              @click=${() => {
                if (this.chosenView === v) return;
                this.chosenView = v;
                this.#changed();
              }}
            >
              ${msg(lang, v === "list" ? "listView" : "monthView")}
            </button>`,
        )}
      </div>
    </div>`;
  }

  #feedUrl(): URL {
    return withParams(apiBase(this.api), ROUTES.eventsFeed, this.#filterParams());
  }

  async #copyFeed(): Promise<void> {
    const href = this.#feedUrl().href;
    try {
      await navigator.clipboard.writeText(href);
    } catch {
      // No clipboard permission (an insecure host page, a frame without it): select the text to copy by hand.
      this.renderRoot.querySelector<HTMLInputElement>(".feed-url")?.select();
      return;
    }
    this.copied = true;
  }

  #renderSubscribe() {
    const lang = this.#lang;
    const feed = this.#feedUrl();
    const webcal = webcalHref(feed.href);
    if (!webcal) return nothing;
    return html`<details part="subscribe" class="subscribe">
      <summary>${msg(lang, "subscribe")}</summary>
      <div class="menu">
        <a part="subscribe-link" href=${webcal}>${msg(lang, "subscribeApp")}</a>
        <label class="feed">
          <span>${msg(lang, "feedUrl")}</span>
          <input class="feed-url" type="text" readonly .value=${feed.href} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        </label>
        <button type="button" class="secondary" @click=${this.#copyFeed}>${msg(lang, this.copied ? "copied" : "copyLink")}</button>
        <span class="sr-only" role="status">${this.copied ? msg(lang, "copied") : ""}</span>
      </div>
    </details>`;
  }

  #renderMonthNav() {
    const lang = this.#lang;
    const [y, m] = this.month;
    return html`<div class="month-nav">
      <button type="button" class="secondary" @click=${() => this.#moveMonth(-1)}>
        <span aria-hidden="true">‹</span><span class="sr-only">${msg(lang, "previousMonth")}</span>
      </button>
      <p class="month-title" aria-live="polite">${formatMonth(y, m, lang)}</p>
      <button type="button" class="secondary" @click=${() => this.#moveMonth(1)}>
        <span aria-hidden="true">›</span><span class="sr-only">${msg(lang, "nextMonth")}</span>
      </button>
    </div>`;
  }

  #select(day: string, ids: number[]): void {
    this.selection = { day, ids };
    this.#focusSelection = true;
  }

  #toggleDescription(id: number): void {
    const next = new Set(this.expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.expanded = next;
  }

  #renderEvent(e: EventDto) {
    const lang = this.#lang;
    const ics = safeHref(e.ics_url);
    const more = safeHref(e.url);
    const open = this.expanded.has(e.id);
    const descriptionId = `description-${e.id}`;
    const cancelled = e.status === "cancelled";
    return html`<li part="event" class=${`event${open ? " open" : ""}${cancelled ? " cancelled" : ""}`} data-id=${e.id}>
      <p class="kind">${cancelled ? html`<span part="event-cancelled" class="cancelled-mark">${msg(lang, "cancelled")}</span> · ` : nothing}${e.kind_label}</p>
      <div part="event-title" class="title" role="heading" aria-level=${headingLevel(this.headingLevel)}>
        <bdi>${e.title}</bdi>
      </div>
      <p part="event-when" class="when">
        ${
          e.all_day
            ? html`<time datetime=${e.starts_at}>${formatDays(e.starts_at, e.ends_at, lang)},
                <span class="nowrap">${msg(lang, "allDay")}</span></time
              >`
            : html`<time datetime=${e.starts_at}>${formatDay(e.starts_at, lang)},
                <span class="nowrap">${formatTimeRange(e.starts_at, e.ends_at, lang)}</span></time
              >`
        }
      </p>
      <p part="event-where" class="where"><bdi>${whereText(e)}</bdi></p>
      <p class="description" id=${descriptionId}>${e.description}</p>
      <button
        part="description-toggle"
        type="button"
        class="link description-toggle"
        aria-expanded=${open ? "true" : "false"}
        aria-controls=${descriptionId}
        @click=${() => this.#toggleDescription(e.id)}
      >
        ${msg(lang, open ? "less" : "more")}<span class="sr-only">: <bdi>${e.title}</bdi></span>
      </button>
      <div class="actions">
        ${
          // A cancelled event is not offered for a calendar: Google's and Outlook's links carry no status.
          ics && !cancelled
            ? // The menu's links are made when it is first opened: a page of events drew ten closed menus.
              html`<details part="add-to-calendar" class="add" @toggle=${(t: Event) => {
                this.calendarMenus = withOpened(this.calendarMenus, e.id, t);
              }}>
                <summary>${msg(lang, "addToCalendar")}<span class="sr-only">: <bdi>${e.title}</bdi></span></summary>
                ${
                  this.calendarMenus.has(e.id)
                    ? html`<div class="menu">
                      <a part="ics-link" href=${ics} download>${msg(lang, "icsFile")}</a>
                      <a href=${googleCalendarHref(e)} target="_blank" rel="noopener noreferrer"
                        >Google Calendar<span class="sr-only"> ${msg(lang, "openInNewTab")}</span></a
                      >
                      <a href=${outlookCalendarHref(e)} target="_blank" rel="noopener noreferrer"
                        >Outlook.com<span class="sr-only"> ${msg(lang, "openInNewTab")}</span></a
                      >
                    </div>`
                    : nothing
                }
              </details>`
            : nothing
        }
        ${
          more
            ? html`<a href=${more} target="_blank" rel="noopener"
              >${msg(lang, "moreInfo")}<span class="sr-only">: <bdi>${e.title}</bdi> ${msg(lang, "openInNewTab")}</span></a
            >`
            : nothing
        }
      </div>
    </li>`;
  }

  #renderSelection() {
    const selection = this.selection;
    if (!selection || this.chosenView !== "month") return nothing;
    const lang = this.#lang;
    return html`<div class="selection">
      <p class="selection-title" tabindex="-1">${formatDay(`${selection.day}T12:00:00Z`, lang)}</p>
      <button type="button" class="link" @click=${() => (this.selection = undefined)}>
        ${msg(lang, "wholeMonth", { month: formatMonth(this.month[0], this.month[1], lang) })}
      </button>
    </div>`;
  }

  #renderBody() {
    const lang = this.#lang;
    if (this.status === "error") {
      return html`<div part="state" class="state" role="alert">
        <p class="error">${msg(lang, "error")}</p>
        <button type="button" @click=${this.retry}>${msg(lang, "retry")}</button>
      </div>`;
    }
    if (this.status === "loading") {
      // As many placeholders as events are coming (a month: a week's worth), each about as tall as an event.
      const rows = this.chosenView === "month" ? 7 : this.#pageSize;
      return html`<ul part="list" class="list" aria-busy="true">
        ${Array.from(
          { length: rows },
          () =>
            html`<li class="event skeleton" aria-hidden="true">
              <span class="skeleton-bar w30"></span><span class="skeleton-bar w70"></span
              ><span class="skeleton-bar w50"></span><span class="skeleton-bar w90"></span
              ><span class="skeleton-bar w90"></span><span class="skeleton-bar w30"></span>
            </li>`,
        )}
      </ul>`;
    }
    if (this.events.length === 0) {
      return html`<p part="state" class="state">${msg(lang, "noEvents")}</p>`;
    }
    const selected = this.selection?.ids;
    const listed = selected ? this.events.filter((e) => selected.includes(e.id)) : this.events;
    const grid =
      this.chosenView === "month" && monthView
        ? monthView.renderMonthGrid({
            events: this.events,
            month: this.month,
            lang,
            select: (day, ids) => this.#select(day, ids),
          })
        : nothing;
    return html`${grid} ${this.#renderSelection()}
      <ul part="list" class="list" aria-busy=${this.loadingMore ? "true" : "false"}>
        ${listed.map((e) => this.#renderEvent(e))}
      </ul>
      ${
        this.nextCursor
          ? html`<p class="more">
            <button part="more-button" type="button" ?disabled=${this.loadingMore} @click=${() => this.#load(true)}>
              ${msg(lang, "moreEvents")}
            </button>
          </p>`
          : nothing
      }`;
  }

  protected override render() {
    const lang = this.#lang;
    let count: string;
    if (this.slow) count = msg(lang, "slow");
    else if (this.status === "loading") count = msg(lang, "loadingEvents");
    else if (this.status === "error") count = msg(lang, "error");
    else if (this.events.length < this.total)
      count = `${plural(lang, "eventsCount", this.total)} – ${msg(lang, "eventsShown", { n: this.events.length })}`;
    else count = plural(lang, "eventsCount", this.total);
    return html`<div part="base" class="base" lang=${lang}>
      ${this.#renderFilters()}
      ${this.chosenView === "month" ? this.#renderMonthNav() : nothing}
      <div class="bar">
        <p part="count" class="count" role="status" aria-live="polite" aria-atomic="true">${count}</p>
        ${this.#renderSubscribe()}
      </div>
      ${this.#renderBody()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "hv-events": HvEvents;
  }
}
