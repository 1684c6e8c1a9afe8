/**
 * <hv-outcomes>: what came of the programme in a period, for the team and its funders' report. Every
 * chart is a list of labelled rows whose numbers are written out: the SVG bars only help the eye, so the
 * figures read the same without colour, in high contrast and to a screen reader. The CSV has the same counts.
 */

import { html, LitElement, svg } from "lit";
import { berlinDate } from "../../shared/berlin-clock.ts";
import type { Lang } from "../../shared/i18n.ts";
import type { OutcomeCounts, OutcomesDto } from "../../shared/schemas/outcomes.ts";
import { townById } from "../../shared/towns.ts";
import { api } from "./api.ts";
import { t } from "./messages.ts";
import { base } from "./styles.ts";

interface Row {
  label: string;
  /** The whole bar (drawn as an outline) and the part of it drawn solid. */
  value: number;
  part?: number;
  text: string;
}

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

function presets(today: string): Record<"weeks" | "year" | "lastYear", { from: string; to: string }> {
  const year = Number(today.slice(0, 4));
  const monday = Date.parse(today) - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
  return {
    weeks: { from: isoDay(monday - 11 * 7 * DAY_MS), to: today },
    year: { from: `${year}-01-01`, to: today },
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  };
}

const percent = (part: number, whole: number, lang: Lang) =>
  whole ? `${(Math.round((part / whole) * 1000) / 10).toLocaleString(lang, { maximumFractionDigits: 1 })} %` : "–";

/** "KW 49" / "Week 49" with the Monday's date, for a row's label. */
function weekLabel(lang: Lang, w: OutcomesDto["weeks"][number]): string {
  const number = Number(w.week.split("-W")[1]);
  const date = new Date(`${w.starts}T12:00:00Z`).toLocaleDateString(lang === "de" ? "de-DE" : "en-GB", {
    day: "numeric",
    month: "short",
  });
  return `${t(lang, "weekShort", { n: number })} · ${date}`;
}

const answered = (c: OutcomeCounts) => c.replied + c.interview + c.hired + c.no_fit;

export class HvOutcomes extends LitElement {
  static override styles = base;
  static override properties = {
    lang: { type: String },
    scope: { type: Array },
    state: { state: true },
  };

  declare lang: Lang;
  /** A town account's towns (the server limits the counts; this only says so). */
  declare scope: string[];
  declare state: { data: OutcomesDto | null; loading: boolean; error: string | null; from: string; to: string };

  constructor() {
    super();
    this.lang = "de";
    this.scope = [];
    const weeks = presets(berlinDate()).weeks;
    this.state = { data: null, loading: true, error: null, ...weeks };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    this.state = { ...this.state, loading: true, error: null };
    try {
      const data = await api<OutcomesDto>(`/outcomes?from=${this.state.from}&to=${this.state.to}`, this.lang);
      this.state = { ...this.state, data, loading: false };
    } catch (error) {
      this.state = { ...this.state, loading: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  #choose(period: { from: string; to: string }) {
    this.state = { ...this.state, ...period };
    void this.#load();
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.#choose({ from: String(data.get("from")), to: String(data.get("to")) });
  }

  /** One chart: a row per label, the bar scaled to the largest value of the chart. */
  #bars(caption: string, rows: Row[], legend: boolean) {
    const lang = this.lang;
    const max = Math.max(1, ...rows.map((r) => r.value));
    return html`<figure class="chart">
      <figcaption>${caption}</figcaption>
      ${
        legend
          ? html`<p class="legend muted" aria-hidden="true">
              <span>${this.#swatch(false)} ${t(lang, "legendAll")}</span>
              <span>${this.#swatch(true)} ${t(lang, "legendConfirmed")}</span>
            </p>`
          : ""
      }
      ${
        rows.length
          ? html`<ul class="bars">
              ${rows.map(
                (r) => html`<li>
                  <span class="label">${r.label}</span>
                  <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    ${
                      r.part === undefined
                        ? svg`<rect x="0" y="0" width=${(r.value / max) * 100} height="10" class="solid"></rect>`
                        : svg`<rect x="0.5" y="0.5" width=${Math.max(0, (r.value / max) * 100 - 1)} height="9" class="outline" vector-effect="non-scaling-stroke"></rect>
                          <rect x="0" y="0" width=${(r.part / max) * 100} height="10" class="solid"></rect>`
                    }
                  </svg>
                  <span class="figure">${r.text}</span>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t(lang, "outcomesNoneHere")}</p>`
      }
    </figure>`;
  }

  #swatch(solid: boolean) {
    return html`<svg viewBox="0 0 16 10" width="16" height="10" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="9" class=${solid ? "solid" : "outline"}></rect>
    </svg>`;
  }

  #pair = (label: string, c: OutcomeCounts): Row => ({
    label,
    value: c.signup,
    part: Math.min(c.confirmed, c.signup),
    text: t(this.lang, "signupPair", { n: c.signup, c: c.confirmed }),
  });

  override render() {
    const lang = this.lang;
    const s = this.state;
    // The Berlin calendar day, as the counts are kept: in the hours after midnight in Berlin the UTC date
    // is still yesterday's, and today's counts would fall outside the period.
    const today = berlinDate();
    const p = presets(today);
    const csv = `/v1/staff/outcomes.csv?from=${s.from}&to=${s.to}&lang=${lang}`;
    return html`<h1>${t(lang, "outcomes")}</h1>
      <p class="muted">${
        this.scope.length
          ? t(lang, "outcomesScope", { towns: this.scope.map((id) => townById(id)?.name ?? id).join(", ") })
          : t(lang, "outcomesIntro")
      }</p>
      <form class="filters" @submit=${(e: SubmitEvent) => this.#submit(e)}>
        <label>${t(lang, "from")}<input type="date" name="from" required .value=${s.from} max=${today} /></label>
        <label>${t(lang, "to")}<input type="date" name="to" required .value=${s.to} max=${today} /></label>
        <button class="primary" type="submit">${t(lang, "show")}</button>
        <span class="presets">
          <button type="button" @click=${() => this.#choose(p.weeks)}>${t(lang, "last12Weeks")}</button>
          <button type="button" @click=${() => this.#choose(p.year)}>${t(lang, "thisYear")}</button>
          <button type="button" @click=${() => this.#choose(p.lastYear)}>${t(lang, "lastYear")}</button>
        </span>
      </form>
      ${s.error ? html`<p class="error" role="alert">${t(lang, "error")} ${s.error} <button @click=${() => this.#load()}>${t(lang, "retry")}</button></p>` : ""}
      <p aria-live="polite" class="muted">${s.loading ? t(lang, "loading") : ""}</p>
      ${s.data ? this.#report(s.data, csv) : ""}`;
  }

  #report(o: OutcomesDto, csv: string) {
    const lang = this.lang;
    const c = o.totals;
    const n = (v: number) => v.toLocaleString(lang);
    const nothing = Object.values(c).every((v) => v === 0);
    const tiles: [string, string, string?][] = [
      [t(lang, "tileSignups"), n(c.signup)],
      [t(lang, "tileConfirmed"), n(c.confirmed), t(lang, "rateOf", { rate: percent(c.confirmed, c.signup, lang) })],
      [t(lang, "tileProposed"), n(c.proposed)],
      [t(lang, "tileAccepted"), n(c.accepted), t(lang, "rateOf", { rate: percent(c.accepted, c.proposed, lang) })],
      [t(lang, "tileOpened"), n(c.opened)],
      [t(lang, "tileHired"), n(c.hired)],
    ];
    return html`<p><a href=${csv} download>${t(lang, "outcomesCsv")}</a></p>
      <dl class="tiles">
        ${tiles.map(([label, value, note]) => html`<div><dt>${label}</dt><dd><strong>${value}</strong>${note ? html`<span class="muted">${note}</span>` : ""}</dd></div>`)}
      </dl>
      ${nothing ? html`<p>${t(lang, "outcomesNone")}</p>` : ""}
      <div class="charts">
        ${this.#bars(
          t(lang, "chartWeeks"),
          o.weeks.map((w) => this.#pair(weekLabel(lang, w), w)),
          true,
        )}
        ${this.#bars(
          t(lang, "chartForwards"),
          [
            ["proposed", c.proposed],
            ["accepted", c.accepted],
            ["declined", c.declined],
            ["opened", c.opened],
            ["answered", answered(c)],
            ["interviewOrHired", c.interview + c.hired],
            ["hired", c.hired],
          ].map(([key, value]) => ({
            label: t(lang, `funnel:${key}` as Parameters<typeof t>[1]),
            value: value as number,
            text: n(value as number),
          })),
          false,
        )}
        ${this.#bars(
          t(lang, "chartSites"),
          o.sites.map((site) => this.#pair(site.site || t(lang, "unknownSite"), site)),
          true,
        )}
        ${this.#bars(
          t(lang, "chartTowns"),
          o.towns_named.map((town) => this.#pair(townById(town.town)?.name ?? town.town, town)),
          true,
        )}
      </div>
      <p class="muted small">${t(lang, "outcomesFootnote", { withdrawn: n(c.withdrawn) })}</p>`;
  }
}
customElements.define("hv-outcomes", HvOutcomes);
