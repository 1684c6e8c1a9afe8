/**
 * <hv-events-admin>: the events the team runs. The coming dates (a town account: its towns'), a form for
 * one date or a series ("every third Thursday, 19:00"), changing a date, cancelling it (it stays in the
 * public calendar, marked cancelled) and ending a series. Imported events are shown with their source
 * and change only there.
 */
import { html, LitElement, nothing } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { SeriesRule, StaffEventDto } from "../../shared/schemas/staff-events.ts";
import { EVENT_KIND_IDS, EVENT_KINDS } from "../../shared/taxonomy.ts";
import { TOWNS, townById } from "../../shared/towns.ts";
import { ApiFailure, api } from "./api.ts";
import { runsOf } from "./groups.ts";
import { dateOnly, t } from "./messages.ts";
import { base } from "./styles.ts";

type Mode = { form: "none" } | { form: "event" } | { form: "series" } | { form: "edit"; event: StaffEventDto };

const WEEKDAYS = {
  de: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
} as const;
const NTH = {
  de: { 1: "ersten", 2: "zweiten", 3: "dritten", 4: "vierten", [-1]: "letzten" },
  en: { 1: "first", 2: "second", 3: "third", 4: "fourth", [-1]: "last" },
} as const;

/** "jeden dritten Donnerstag im Monat" / "every second week on Tuesday". */
export function ruleText(lang: Lang, rule: SeriesRule): string {
  const day = WEEKDAYS[lang][rule.weekday];
  if (rule.every === "month") return t(lang, "ruleMonth", { nth: NTH[lang][rule.nth], day: day ?? "" });
  return rule.interval === 1
    ? t(lang, "ruleWeek", { day: day ?? "" })
    : t(lang, "ruleWeeks", { n: rule.interval, day: day ?? "" });
}

const LOCALE = { de: "de-DE", en: "en-GB" } as const;
const berlin = (lang: Lang, iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(LOCALE[lang], { timeZone: "Europe/Berlin", ...options }).format(new Date(iso));

/** "Dezember 2026", in Berlin's calendar, for the list's month headings. */
const monthOf = (lang: Lang, iso: string) => (iso ? berlin(lang, iso, { month: "long", year: "numeric" }) : "");

function when(lang: Lang, e: StaffEventDto): string {
  const day = berlin(lang, e.starts_at, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
  if (e.all_day) {
    const last = new Date(Date.parse(e.ends_at) - 60_000).toISOString();
    const lastDay = berlin(lang, last, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
    return lastDay === day ? `${day}, ${t(lang, "allDay")}` : `${day} – ${lastDay}`;
  }
  const time = (iso: string) => berlin(lang, iso, { hour: "2-digit", minute: "2-digit" });
  return `${day}, ${time(e.starts_at)}–${time(e.ends_at)}`;
}

/** Berlin day and time of an instant, for a form's date and time inputs. */
function dayAndTime(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Berlin",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export class HvEventsAdmin extends LitElement {
  static override styles = base;
  static override properties = {
    lang: { type: String },
    scope: { type: Array },
    state: { state: true },
  };

  declare lang: Lang;
  declare scope: string[];
  declare state: {
    events: StaffEventDto[] | null;
    mode: Mode;
    fields: Record<string, string>;
    notice: string | null;
    error: string | null;
    allDay: boolean;
    every: "week" | "month";
    town: string;
    madeHere: boolean;
  };

  constructor() {
    super();
    this.lang = "de";
    this.scope = [];
    this.state = {
      events: null,
      mode: { form: "none" },
      fields: {},
      notice: null,
      error: null,
      allDay: false,
      every: "month",
      town: "",
      madeHere: false,
    };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const q = new URLSearchParams();
      if (this.state.town) q.set("town", this.state.town);
      if (this.state.madeHere) q.set("made_here", "true");
      const { data } = await api<{ data: StaffEventDto[] }>(`/events?${q}`, this.lang);
      this.state = { ...this.state, events: data, error: null };
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
  }

  #open(mode: Mode) {
    this.state = {
      ...this.state,
      mode,
      fields: {},
      notice: null,
      allDay: mode.form === "edit" ? mode.event.all_day : false,
    };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>("form.event-form input, form.event-form select")?.focus(),
    );
  }

  /** The form's fields as the API takes them: empty ones left out, numbers as numbers. */
  #body(form: HTMLFormElement): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [key, value] of new FormData(form)) {
      if (typeof value !== "string" || value.trim() === "" || key.startsWith("rule_")) continue;
      body[key] = value.trim();
    }
    if (this.state.mode.form === "event") body.all_day = this.state.allDay;
    if (this.state.mode.form === "series") {
      const data = new FormData(form);
      const weekday = Number(data.get("rule_weekday"));
      body.rule =
        this.state.every === "week"
          ? { every: "week", interval: Number(data.get("rule_interval")), weekday }
          : { every: "month", nth: Number(data.get("rule_nth")), weekday };
    }
    return body;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    const lang = this.lang;
    const mode = this.state.mode;
    const body = this.#body(event.target as HTMLFormElement);
    try {
      if (mode.form === "event") {
        await api("/events", lang, { method: "POST", body });
        this.state = { ...this.state, notice: t(lang, "eventCreated") };
      } else if (mode.form === "series") {
        const made = await api<{ dates: string[] }>("/event-series", lang, { method: "POST", body });
        this.state = { ...this.state, notice: t(lang, "seriesCreated", { n: made.dates.length }) };
      } else if (mode.form === "edit") {
        // An edit sends what the form holds; fields emptied are cleared where they may be.
        const patch = { ...body, address: body.address ?? null, url: body.url ?? null };
        await api(`/events/${mode.event.id}`, lang, { method: "PATCH", body: patch });
        this.state = { ...this.state, notice: t(lang, "eventSaved") };
      }
      this.state = { ...this.state, mode: { form: "none" }, fields: {} };
      await this.#load();
    } catch (error) {
      this.state = {
        ...this.state,
        fields: error instanceof ApiFailure ? error.fields : {},
        notice:
          error instanceof ApiFailure && Object.keys(error.fields).length ? null : String((error as Error).message),
      };
    }
  }

  async #cancel(e: StaffEventDto) {
    const lang = this.lang;
    if (!confirm(t(lang, "cancelConfirm", { title: e.title, when: when(lang, e) }))) return;
    try {
      await api(`/events/${e.id}/cancel`, lang, { method: "POST" });
      this.state = { ...this.state, notice: t(lang, "eventCancelled", { title: e.title }) };
      await this.#load();
    } catch (error) {
      this.state = { ...this.state, notice: String((error as Error).message) };
    }
  }

  async #endSeries(e: StaffEventDto) {
    const lang = this.lang;
    if (!e.series || !confirm(t(lang, "endSeriesConfirm", { title: e.title }))) return;
    try {
      const ended = await api<{ cancelled: number }>(`/event-series/${e.series.id}/end`, lang, { method: "POST" });
      this.state = { ...this.state, notice: t(lang, "seriesEnded", { n: ended.cancelled }) };
      await this.#load();
    } catch (error) {
      this.state = { ...this.state, notice: String((error as Error).message) };
    }
  }

  #field(name: string) {
    const message = this.state.fields[name];
    return message ? html`<span class="error" id="error-${name}">${message}</span>` : nothing;
  }

  #form() {
    const lang = this.lang;
    const mode = this.state.mode;
    if (mode.form === "none") return nothing;
    const e = mode.form === "edit" ? mode.event : undefined;
    const start = e ? dayAndTime(e.starts_at) : undefined;
    const end = e ? dayAndTime(e.ends_at) : undefined;
    const towns = TOWNS.filter((town) => !this.scope.length || this.scope.includes(town.id));
    const input = (
      name: string,
      label: string,
      attrs: { type?: string; value?: string; required?: boolean; max?: number; wide?: boolean } = {},
    ) =>
      html`<label class=${attrs.wide ? "wide" : ""}>${label}<input name=${name} type=${attrs.type ?? "text"} .value=${attrs.value ?? ""} ?required=${attrs.required ?? false} maxlength=${attrs.max ?? 200} aria-invalid=${this.state.fields[name] ? "true" : "false"} />${this.#field(name)}</label>`;
    const title = mode.form === "series" ? t(lang, "newSeries") : e ? t(lang, "editEvent") : t(lang, "newEvent");
    return html`<section class="card" aria-labelledby="event-form-title">
      <h2 id="event-form-title">${title}</h2>
      ${mode.form === "series" ? html`<p class="muted">${t(lang, "seriesHint")}</p>` : nothing}
      <form class="form-grid event-form" @submit=${(ev: SubmitEvent) => this.#submit(ev)}>
        <label>${t(lang, "eventKind")}
          <select name="kind">${EVENT_KIND_IDS.map((k) => html`<option value=${k} ?selected=${(e?.kind ?? "stammtisch") === k}>${EVENT_KINDS[k][lang]}</option>`)}</select></label>
        ${input("title", t(lang, "eventTitle"), { value: e?.title ?? "", required: true, max: 120 })}
        ${
          e
            ? nothing
            : html`<label>${t(lang, "town")}
              <select name="town">${towns.map((town) => html`<option value=${town.id}>${town.name}</option>`)}</select>${this.#field("town")}</label>`
        }
        ${input("venue", t(lang, "venue"), { value: e?.venue ?? "", required: true, max: 120 })}
        ${input("address", t(lang, "address"), { value: e?.address ?? "", max: 160 })}
        ${input("organizer", t(lang, "organizer"), { value: e?.organizer ?? "", required: true, max: 120 })}
        ${input("url", t(lang, "eventUrl"), { type: "url", value: e?.url ?? "", max: 500 })}
        ${
          mode.form === "series"
            ? html`<fieldset class="wide repeat"><legend>${t(lang, "repeats")}</legend>
                <div class="form-grid">
                  <label>${t(lang, "every")}
                    <select name="rule_every" @change=${(ev: Event) => {
                      this.state = { ...this.state, every: (ev.target as HTMLSelectElement).value as "week" | "month" };
                    }}>
                      <option value="month" ?selected=${this.state.every === "month"}>${t(lang, "everyMonth")}</option>
                      <option value="week" ?selected=${this.state.every === "week"}>${t(lang, "everyWeek")}</option>
                    </select></label>
                  ${
                    this.state.every === "month"
                      ? html`<label>${t(lang, "nth")}<select name="rule_nth">${([1, 2, 3, 4, -1] as const).map((n) => html`<option value=${n} ?selected=${n === 3}>${NTH[lang][n]}</option>`)}</select></label>`
                      : html`<label>${t(lang, "interval")}<select name="rule_interval">${[1, 2, 3, 4].map((n) => html`<option value=${n}>${n === 1 ? t(lang, "eachWeek") : t(lang, "everyNthWeek", { n })}</option>`)}</select></label>`
                  }
                  <label>${t(lang, "weekday")}<select name="rule_weekday">${WEEKDAYS[lang].map((d, i) => html`<option value=${i} ?selected=${i === 3}>${d}</option>`)}</select></label>
                  ${input("first_date", t(lang, "firstDate"), { type: "date", required: true })}
                  ${input("until_date", t(lang, "untilDate"), { type: "date", required: true })}
                  ${this.#field("rule")}${this.#field("rule.nth")}
                </div>
              </fieldset>`
            : html`${input("date", this.state.allDay ? t(lang, "firstDay") : t(lang, "date"), { type: "date", value: start?.date ?? "", required: mode.form === "event" })}
              ${
                mode.form === "event"
                  ? html`<fieldset><label><input type="checkbox" ?checked=${this.state.allDay} @change=${(
                      ev: Event,
                    ) => {
                      this.state = { ...this.state, allDay: (ev.target as HTMLInputElement).checked };
                    }} /> ${t(lang, "allDayLabel")}</label></fieldset>`
                  : nothing
              }
              ${this.state.allDay && mode.form === "event" ? input("end_date", t(lang, "lastDay"), { type: "date" }) : nothing}`
        }
        ${
          this.state.allDay
            ? nothing
            : html`${input("start_time", t(lang, "startTime"), { type: "time", value: start?.time ?? "19:00", required: mode.form !== "edit" })}
              ${input("end_time", t(lang, "endTime"), { type: "time", value: end?.time ?? "21:00", required: mode.form !== "edit" })}`
        }
        <label class="wide">${t(lang, "description")}<textarea name="description" rows="4" maxlength="2000" required .value=${e?.description ?? ""}></textarea>${this.#field("description")}</label>
        <p class="wide actions"><button class="primary" type="submit">${mode.form === "series" ? t(lang, "createSeries") : t(lang, "save")}</button>
          <button type="button" @click=${() => this.#open({ form: "none" })}>${t(lang, "cancel")}</button></p>
      </form>
    </section>`;
  }

  #row(e: StaffEventDto) {
    const lang = this.lang;
    const cancelled = e.status === "cancelled";
    return html`<tr>
      <td>${when(lang, e)}</td>
      <td><strong>${e.title}</strong><br /><span class="muted">${EVENT_KINDS[e.kind][lang]} · ${e.venue}, ${townById(e.town)?.name ?? e.town}</span>
        ${e.series ? html`<br /><span class="muted">${t(lang, "seriesOf", { rule: ruleText(lang, e.series.rule) })}</span>` : nothing}</td>
      <td><span class=${cancelled ? "badge bad" : "badge good"}>${cancelled ? t(lang, "eventIsCancelled") : t(lang, "eventIsScheduled")}</span>
        ${e.invitations.invited > 0 ? html`<br /><span class="muted">${t(lang, "invitationCounts", { invited: e.invitations.invited, yes: e.invitations.yes, no: e.invitations.no })}</span>` : nothing}</td>
      <td>${
        e.editable
          ? cancelled
            ? html`<span class="muted">${t(lang, "cancelledOn", { date: dateOnly(lang, e.cancelled_at) })}</span>`
            : html`<div class="actions">
                <button @click=${() => this.#open({ form: "edit", event: e })} aria-label="${t(lang, "edit")}: ${e.title}, ${when(lang, e)}">${t(lang, "edit")}</button>
                <button @click=${() => this.#cancel(e)} aria-label="${t(lang, "cancelEvent")}: ${e.title}, ${when(lang, e)}">${t(lang, "cancelEvent")}</button>
                ${e.series && !e.series.ended ? html`<button @click=${() => this.#endSeries(e)} aria-label="${t(lang, "endSeries")}: ${e.title}">${t(lang, "endSeries")}</button>` : nothing}
              </div>`
          : html`<span class="muted">${e.source ? t(lang, "fromSource", { source: e.source }) : t(lang, "otherTown")}</span>`
      }</td>
    </tr>`;
  }

  override render() {
    const lang = this.lang;
    const s = this.state;
    return html`<h1>${t(lang, "events")}</h1>
      <p class="muted">${t(lang, "eventsIntro")}</p>
      <p class="actions">
        <button class="primary" @click=${() => this.#open({ form: "event" })}>${t(lang, "newEvent")}</button>
        <button @click=${() => this.#open({ form: "series" })}>${t(lang, "newSeries")}</button>
      </p>
      <p role="status" class="notice">${s.notice ?? ""}</p>
      ${this.#form()}
      <form class="filters" role="search" @submit=${(ev: SubmitEvent) => {
        ev.preventDefault();
        const data = new FormData(ev.target as HTMLFormElement);
        this.state = { ...this.state, town: String(data.get("town") ?? ""), madeHere: data.get("made_here") === "1" };
        void this.#load();
      }}>
        ${
          this.scope.length === 1
            ? nothing
            : html`<label>${t(lang, "town")}<select name="town">
                <option value="">${t(lang, "any")}</option>
                ${TOWNS.filter((town) => !this.scope.length || this.scope.includes(town.id)).map((town) => html`<option value=${town.id} ?selected=${s.town === town.id}>${town.name}</option>`)}
              </select></label>`
        }
        <label class="check"><span><input type="checkbox" name="made_here" value="1" ?checked=${s.madeHere} /> ${t(lang, "madeHere")}</span></label>
        <button type="submit">${t(lang, "apply")}</button>
      </form>
      ${s.error ? html`<p class="error" role="alert">${t(lang, "error")} ${s.error} <button @click=${() => this.#load()}>${t(lang, "retry")}</button></p>` : nothing}
      ${
        s.events === null
          ? html`<p aria-live="polite">${t(lang, "loading")}</p>`
          : s.events.length
            ? html`<table>
                <thead><tr><th>${t(lang, "when")}</th><th>${t(lang, "eventTitle")}</th><th>${t(lang, "status")}</th><th>${t(lang, "actions")}</th></tr></thead>
                ${runsOf(s.events, (e) => monthOf(lang, e.starts_at)).map(
                  // One group per month: 150 dates read as months, not as one long list.
                  (month) =>
                    html`<tbody><tr class="group"><th colspan="4" scope="rowgroup">${month.key}</th></tr>${month.items.map((e) => this.#row(e))}</tbody>`,
                )}
              </table>`
            : html`<p>${t(lang, "eventsNone")}</p>`
      }`;
  }
}
customElements.define("hv-events-admin", HvEventsAdmin);
