import { html, LitElement, nothing, type PropertyValues } from "lit";
import type { Lang } from "../../../shared/i18n.ts";
import { safeHref } from "../../../shared/links.ts";
import type { JobFacets, JobList, JobSummary } from "../../../shared/schemas/jobs.ts";
import { EMPLOYMENT_TYPES, type EmploymentId } from "../../../shared/taxonomy.ts";
import { fetchJobs, hasEarlyAnswer, takeArrived, withDeadline } from "../lib/api.ts";
import { withOpened } from "../lib/disclosure.ts";
import { formatNumber, postingAge } from "../lib/format.ts";
import { langOf } from "../lib/messages.ts";
import { headingLevel } from "../lib/theme.ts";
import {
  activeCount,
  configuredFilters,
  hashKey,
  type JobFilters,
  jobsUrl,
  list,
  pageSizeOf,
  RADII,
  radius,
  toHash,
} from "./filters.ts";
import { msg, plural } from "./messages.ts";
import { styles } from "./styles.ts";

type Status = "loading" | "ready" | "error";
type FacetKey = "town" | "category" | "employment" | "employer";

// Badges worth a glance in a list; the rest (fixed-term, dual study …) is on the job's page.
const BADGES: EmploymentId[] = ["full_time", "part_time", "apprenticeship", "mini_job", "temp_agency"];

/**
 * The region's open jobs, with search, filters built from the API's facet counts and "load more".
 *
 * @tag hv-jobs
 * @summary Jobs in the Hochsauerlandkreis for any web page.
 *
 * @fires hv-filter-change - The reader changed the search or a filter. `detail` holds the filters.
 *
 * @csspart base - The element's frame.
 * @csspart search - The search form.
 * @csspart search-input - The search box.
 * @csspart filters - The filter row.
 * @csspart filter - One filter's disclosure (town, field, employment type, employer).
 * @csspart chips - The active filters, each removable.
 * @csspart count - The result count (announced to screen readers).
 * @csspart list - The list of jobs.
 * @csspart job - One job.
 * @csspart job-title - A job's title, linking to its page.
 * @csspart job-meta - Employer, town and posting age.
 * @csspart radius - The radius select, inside the town filter once a town is chosen.
 * @csspart badge - An employment badge.
 * @csspart apply-link - The link to the employer's application page.
 * @csspart region-link - "All jobs in the region" (with `region-link`), and the way back to the employer's own.
 * @csspart more-button - "Load more".
 * @csspart state - The empty and error messages.
 *
 * @cssprop --hv-color-accent - Links, buttons and focus ring. Default #0a6847 (dark: #7dd8b0).
 * @cssprop --hv-color-on-accent - Text on accent-coloured buttons.
 * @cssprop --hv-color-text - Body text.
 * @cssprop --hv-color-muted - Secondary text.
 * @cssprop --hv-color-background - Background.
 * @cssprop --hv-color-surface - Background of jobs and filters.
 * @cssprop --hv-color-border - Lines and input borders.
 * @cssprop --hv-color-danger - Error messages.
 * @cssprop --hv-color-focus - The focus ring (defaults to the accent).
 * @cssprop --hv-font-family - Font; inherits the page's by default.
 * @cssprop --hv-font-size - Base font size. Default 1rem.
 * @cssprop --hv-radius - Corner radius. Default 0.5rem.
 * @cssprop --hv-spacing - Gap between jobs. Default 1rem.
 */
export class HvJobs extends LitElement {
  static override styles = styles;

  static override properties = {
    employer: { type: String },
    regionLink: { type: Boolean, attribute: "region-link" },
    headingLevel: { type: Number, attribute: "heading-level" },
    town: { type: String },
    radiusKm: { type: Number, attribute: "radius-km" },
    category: { type: String },
    employment: { type: String },
    q: { type: String },
    pageSize: { type: Number, attribute: "page-size" },
    lang: { type: String },
    layout: { type: String, reflect: true },
    hideSearch: { type: Boolean, attribute: "hide-search" },
    hideFilters: { type: Boolean, attribute: "hide-filters" },
    deepLink: { type: Boolean, attribute: "deep-link" },
    api: { type: String },
    theme: { type: String, reflect: true },
    filters: { state: true },
    status: { state: true },
    slow: { state: true },
    jobs: { state: true },
    total: { state: true },
    facets: { state: true },
    nextCursor: { state: true },
    loadingMore: { state: true },
    reservedRows: { state: true },
    widened: { state: true },
    opened: { state: true },
  };

  /**
   * Employer ids, space- or comma-separated, or `all` (default). On an employer's own career page this is a
   * fixed scope, not a filter the reader removes: "reset filters" keeps it.
   */
  declare employer: string;
  /** With `employer`: offers "Alle Stellen der Region", widening the list to every employer (and back). */
  declare regionLink: boolean;
  /** The heading level of the job titles, 1–6, to fit the host page's outline. Default 2. */
  declare headingLevel: number;
  /** Town ids, e.g. `meschede`; several separated by commas. */
  declare town: string;
  /** Widens `town` to every town within this many km. */
  declare radiusKm: number | undefined;
  /** Job field ids, e.g. `it`, `healthcare`. */
  declare category: string;
  /** Employment types: full_time, part_time, mini_job, apprenticeship, dual_study, internship, working_student, temp_agency, fixed_term. */
  declare employment: string;
  /** A search to start with. */
  declare q: string;
  /** Jobs per page, 1–50. Default 10. */
  declare pageSize: number;
  /** `de` (default) or `en`. */
  declare lang: string;
  /** `list` (default), `cards` or `compact`. */
  declare layout: "list" | "cards" | "compact";
  /** Hides the search box. */
  declare hideSearch: boolean;
  /** Hides the filters (the attributes still apply). */
  declare hideFilters: boolean;
  /** Mirrors the reader's filters in the page's URL hash, so a link or reload restores them. */
  declare deepLink: boolean;
  /** The API: an origin, optionally with a path prefix. Default: where the script was loaded from. */
  declare api: string;
  /** `light` (default), `dark`, or `auto` to follow the reader's system setting. */
  declare theme: string;

  declare private filters: JobFilters;
  declare private status: Status;
  declare private slow: boolean;
  declare private jobs: JobSummary[];
  declare private total: number;
  declare private facets: JobFacets | undefined;
  declare private nextCursor: string | null;
  declare private loadingMore: boolean;
  declare private reservedRows: number;
  declare private widened: boolean;
  /** The filters opened so far: only their options exist (see #renderFacet). */
  declare private opened: ReadonlySet<FacetKey>;

  #controller: AbortController | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #focusIndex: number | undefined;

  constructor() {
    super();
    this.employer = "";
    this.regionLink = false;
    this.headingLevel = 2;
    this.town = "";
    this.radiusKm = undefined;
    this.category = "";
    this.employment = "";
    this.q = "";
    this.pageSize = 10;
    this.lang = "de";
    this.layout = "list";
    this.hideSearch = false;
    this.hideFilters = false;
    this.deepLink = false;
    this.api = "";
    this.theme = "";
    this.filters = { q: "", town: [], radius: undefined, category: [], employment: [], employer: [] };
    this.status = "loading";
    this.slow = false;
    this.jobs = [];
    this.total = 0;
    this.facets = undefined;
    this.nextCursor = null;
    this.loadingMore = false;
    this.reservedRows = 0;
    this.widened = false;
    this.opened = new Set();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configured = [
      "employer",
      "regionLink",
      "town",
      "radiusKm",
      "category",
      "employment",
      "q",
      "pageSize",
      "lang",
      "api",
    ];
    if (configured.some((key) => changed.has(key as keyof HvJobs))) {
      this.widened = false;
      this.filters = configuredFilters(this);
      this.#load(false);
    }
  }

  protected override updated(): void {
    // The results area (see styles.ts) keeps the height of the rows it expects until the reader acts again,
    // so results that arrive shorter than the skeleton move nothing below the widget. Set through the
    // CSSOM, which a strict CSP allows (a style attribute it would block).
    this.renderRoot.querySelector<HTMLElement>(".results")?.style.setProperty("--_rows", String(this.reservedRows));
    if (this.#focusIndex === undefined || this.status !== "ready") return;
    const links = this.renderRoot.querySelectorAll<HTMLAnchorElement>("[part~='job-title']");
    links[this.#focusIndex]?.focus();
    this.#focusIndex = undefined;
  }

  get #lang(): Lang {
    return langOf(this.lang);
  }

  get #pageSize(): number {
    return pageSizeOf(this.pageSize);
  }

  /** The employers the `employer` attribute fixes, unless the reader widened to the whole region. */
  get #scope(): string[] {
    return this.widened ? [] : list(this.employer);
  }

  #writeHash(): void {
    if (!this.deepLink) return;
    const hash = new URLSearchParams(location.hash.slice(1));
    const value = toHash(this.filters);
    if (value) hash.set(hashKey(this.id), value);
    else hash.delete(hashKey(this.id));
    const text = hash.toString();
    history.replaceState(history.state, "", text ? `#${text}` : location.pathname + location.search);
  }

  async #load(append: boolean): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const size = this.#pageSize;
    this.slow = false;
    // The facets of the first page still hold: the pages after it only add rows.
    const url = jobsUrl(
      this.api,
      this.filters,
      this.#scope,
      size,
      append ? { cursor: this.nextCursor ?? undefined, facets: "0" } : {},
    );
    // The loader's answer, when it is here already, is shown in this very render: no skeleton first.
    const arrived = append ? undefined : takeArrived<JobList>(this, url, this.#lang);
    if (arrived) {
      this.#show(arrived, false);
      return;
    }
    if (append) {
      this.loadingMore = true;
      this.reservedRows = this.jobs.length + size;
    } else {
      this.status = "loading";
      this.reservedRows = size;
    }
    try {
      // The first request starts in a task of its own, after the element's first frame is drawn, unless
      // the loader asked already: then the answer is on its way and waiting would only delay it.
      if (!this.hasUpdated && !hasEarlyAnswer(this)) await new Promise((resolve) => setTimeout(resolve));
      if (controller.signal.aborted) return;
      const list: JobList = await withDeadline(
        controller.signal,
        () => {
          this.slow = true;
        },
        (signal) => fetchJobs(this, url, this.#lang, signal),
      );
      if (controller.signal.aborted) return;
      this.#show(list, append);
    } catch {
      if (controller.signal.aborted) return;
      this.status = "error";
      this.reservedRows = 0;
    } finally {
      if (this.#controller === controller) {
        this.loadingMore = false;
        this.slow = false;
      }
    }
  }

  #show(list: JobList, append: boolean): void {
    if (append) this.#focusIndex = this.jobs.length;
    this.jobs = append ? [...this.jobs, ...list.data] : list.data;
    this.total = list.total;
    if (list.facets) this.facets = list.facets;
    this.nextCursor = list.next_cursor;
    this.status = "ready";
    // Room is reserved only while loading: once the answer is here, the widget is as tall as its content.
    this.reservedRows = 0;
  }

  #change(next: Partial<JobFilters>): void {
    this.filters = { ...this.filters, ...next };
    this.#writeHash();
    this.dispatchEvent(
      new CustomEvent("hv-filter-change", { detail: { ...this.filters }, bubbles: true, composed: true }),
    );
    this.#load(false);
  }

  #toggle(key: FacetKey, value: string, on: boolean): void {
    const current = this.filters[key];
    const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
    this.#change(key === "town" && next.length === 0 ? { town: next, radius: undefined } : { [key]: next });
  }

  #onSearchInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    // Search as the reader types, once they pause; a single letter finds nothing useful.
    this.#searchTimer = setTimeout(() => {
      if (value.trim().length !== 1 && value !== this.filters.q) this.#change({ q: value });
    }, 350);
  }

  #onSearchSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    const input = (event.target as HTMLFormElement).elements.namedItem("q") as HTMLInputElement;
    if (input.value !== this.filters.q) this.#change({ q: input.value });
  }

  /** Clears the reader's search and filters; the employer scope is the page's, not the reader's, and stays. */
  #reset(): void {
    this.#change({ q: "", town: [], radius: undefined, category: [], employment: [], employer: [] });
  }

  #widen(on: boolean): void {
    this.widened = on;
    this.#change({ employer: [] });
  }

  /** Reloads after an error. */
  retry(): void {
    this.#load(false);
  }

  // ——— rendering ———

  #renderSearch() {
    if (this.hideSearch) return nothing;
    const lang = this.#lang;
    return html`<form part="search" class="search" role="search" @submit=${this.#onSearchSubmit}>
      <label for="q" class="sr-only">${msg(lang, "search")}</label>
      <input
        id="q"
        name="q"
        part="search-input"
        type="search"
        maxlength="100"
        autocomplete="off"
        enterkeyhint="search"
        placeholder=${msg(lang, "searchPlaceholder")}
        .value=${this.filters.q}
        @input=${this.#onSearchInput}
      />
      <button type="submit">${msg(lang, "searchButton")}</button>
    </form>`;
  }

  #renderFacet(key: FacetKey, label: string) {
    const options = this.facets?.[key] ?? [];
    const selected = this.filters[key];
    // A chosen option without jobs under the other filters stays visible, so it can be unticked.
    const shown = [
      ...options,
      ...selected.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v, count: 0 })),
    ];
    // Always drawn, options or not, so the row keeps its height when the first answer arrives. The options
    // are made when the filter is first opened: a region's facets run to a hundred and more checkboxes,
    // which took most of the element's first render, all inside closed filters that show none of them.
    const lang = this.#lang;
    return html`<details part="filter" class="filter" @toggle=${(e: Event) => {
      this.opened = withOpened(this.opened, key, e);
    }}>
      <summary>${label}${selected.length ? html` <span class="pill">${selected.length}</span>` : nothing}</summary>
      <fieldset>
        <legend class="sr-only">${label}</legend>
        ${(this.opened.has(key) ? shown : []).map(
          (o) =>
            html`<label class="option"
              ><input
                type="checkbox"
                .checked=${selected.includes(o.value)}
                @change=${(e: Event) => this.#toggle(key, o.value, (e.target as HTMLInputElement).checked)}
              /><span class="option-label">${o.label}</span> <span class="muted">(${formatNumber(o.count, lang)})</span></label
            >`,
        )}
      </fieldset>
      ${key === "town" && selected.length > 0 ? this.#renderRadius() : nothing}
    </details>`;
  }

  #renderRadius() {
    const lang = this.#lang;
    const current = this.filters.radius;
    return html`<label class="radius"
      >${msg(lang, "radius")}
      <select
        part="radius"
        @change=${(e: Event) => this.#change({ radius: radius((e.target as HTMLSelectElement).value) })}
      >
        <option value="" ?selected=${!current}>${msg(lang, "radiusNone")}</option>
        ${RADII.map((km) => html`<option value=${km} ?selected=${current === km}>${km} km</option>`)}
      </select></label
    >`;
  }

  #labelOf(key: FacetKey, value: string): string {
    return this.facets?.[key].find((o) => o.value === value)?.label ?? value;
  }

  #renderChips() {
    const lang = this.#lang;
    const f = this.filters;
    const chips: { key: FacetKey; value: string }[] = (["town", "category", "employment", "employer"] as const).flatMap(
      (key) => f[key].map((value) => ({ key, value })),
    );
    if (chips.length === 0) return nothing;
    return html`<ul part="chips" class="chips">
      ${chips.map(
        ({ key, value }) =>
          html`<li>
            <button
              type="button"
              class="chip secondary"
              aria-label="${msg(lang, "removeFilter")} ${this.#labelOf(key, value)}"
              @click=${() => this.#toggle(key, value, false)}
            >
              ${this.#labelOf(key, value)}${key === "town" && f.radius ? ` + ${f.radius} km` : ""} <span aria-hidden="true">×</span>
            </button>
          </li>`,
      )}
      <li><button type="button" class="link" @click=${this.#reset}>${msg(lang, "resetFilters")}</button></li>
    </ul>`;
  }

  #renderFilters() {
    if (this.hideFilters) return nothing;
    const lang = this.#lang;
    return html`<div part="filters" class="filters" role="group" aria-label=${msg(lang, "filters")}>
        ${this.#renderFacet("town", msg(lang, "town"))} ${this.#renderFacet("category", msg(lang, "category"))}
        ${this.#renderFacet("employment", msg(lang, "employment"))}
        ${this.#scope.length > 0 ? nothing : this.#renderFacet("employer", msg(lang, "employer"))}
      </div>
      ${this.#renderChips()}`;
  }

  /** With `region-link` on a scoped page: the explicit way to every employer's jobs, and back. */
  #renderScope() {
    if (!this.regionLink || list(this.employer).length === 0) return nothing;
    const lang = this.#lang;
    return html`<p class="scope">
      <button part="region-link" type="button" class="link" @click=${() => this.#widen(!this.widened)}>
        ${msg(lang, this.widened ? "ownJobs" : "regionJobs")}
      </button>
    </p>`;
  }

  #renderCount() {
    const lang = this.#lang;
    let text: string;
    // Slowness is said in the count line, which has its room already, so nothing moves.
    if (this.slow) text = msg(lang, "slow");
    else if (this.status === "loading") text = msg(lang, "loadingJobs");
    else if (this.status === "error") text = msg(lang, "error");
    else text = plural(lang, "jobs", this.total);
    return html`<p part="count" class="count" role="status" aria-live="polite" aria-atomic="true">${text}</p>`;
  }

  #renderJob(job: JobSummary) {
    const lang = this.#lang;
    const page = safeHref(job.url);
    const apply = safeHref(job.apply_url);
    const badges: string[] = BADGES.filter((id) => job.employment.includes(id)).map((id) => EMPLOYMENT_TYPES[id][lang]);
    if (job.remote !== "onsite") badges.push(msg(lang, "homeOffice"));
    return html`<li part="job" class="job">
      <div class="title" role="heading" aria-level=${headingLevel(this.headingLevel)}>
        ${
          page
            ? html`<a part="job-title" href=${page} target="_blank" rel="noopener"
              ><bdi>${job.title}</bdi><span class="sr-only"> ${msg(lang, "openInNewTab")}</span></a
            >`
            : html`<bdi part="job-title">${job.title}</bdi>`
        }
      </div>
      <p part="job-meta" class="meta">
        <span class="town">${job.town.name}</span><span aria-hidden="true">·</span
        ><time datetime=${job.posted_at} title=${msg(lang, "posted")}>${postingAge(job.posted_at, lang)}</time
        >${
          // On one employer's own page every job is theirs: the name would only repeat.
          this.#scope.length === 1
            ? nothing
            : html`<span aria-hidden="true">·</span
                ><bdi class="employer" title=${job.employer.name}>${job.employer.name}</bdi>`
        }
      </p>
      <div class="row">
        <p class="badges">${badges.map((b) => html`<span part="badge" class="badge">${b}</span>`)}</p>
        ${
          apply
            ? html`<a part="apply-link" class="apply" href=${apply} target="_blank" rel="noopener"
              >${msg(lang, "apply")}<span class="sr-only"> – <bdi>${job.title}</bdi> ${msg(lang, "openInNewTab")}</span></a
            >`
            : nothing
        }
      </div>
    </li>`;
  }

  #renderSkeleton(rows: number) {
    return Array.from(
      { length: rows },
      () =>
        html`<li part="job" class="job skeleton" aria-hidden="true">
          <span class="skeleton-bar w70"></span><span class="skeleton-bar w40"></span
          ><span class="skeleton-bar w25"></span>
        </li>`,
    );
  }

  #renderState() {
    const lang = this.#lang;
    if (this.status === "error") {
      return html`<div part="state" class="state" role="alert">
        <p class="error">${msg(lang, "error")}</p>
        <button type="button" @click=${this.retry}>${msg(lang, "retry")}</button>
      </div>`;
    }
    if (this.status === "ready" && this.jobs.length === 0) {
      const f = this.filters;
      const wider = f.town.length > 0 ? RADII.find((km) => km > (f.radius ?? 0)) : undefined;
      return html`<div part="state" class="state">
        <p>${msg(lang, "noJobs")}</p>
        <p class="hints">
          ${
            wider
              ? html`<button type="button" class="secondary" @click=${() => this.#change({ radius: wider })}>
                ${msg(lang, "hintRadius", { km: wider })}
              </button>`
              : nothing
          }
          ${
            activeCount(f) > 0
              ? html`<button type="button" class="secondary" @click=${this.#reset}>
                  ${msg(lang, this.#scope.length > 0 ? "resetFilters" : "hintAll")}
                </button>`
              : nothing
          }
        </p>
      </div>`;
    }
    return nothing;
  }

  protected override render() {
    const lang = this.#lang;
    const loading = this.status === "loading";
    const rows = loading ? this.#renderSkeleton(this.reservedRows) : [];
    const more = this.loadingMore ? this.#renderSkeleton(Math.max(0, this.reservedRows - this.jobs.length)) : [];
    return html`<div part="base" class="base" lang=${lang}>
      ${this.#renderSearch()} ${this.#renderFilters()} ${this.#renderScope()} ${this.#renderCount()}
      <div class="results">
        ${this.#renderState()}
        <ul part="list" class="list" aria-busy=${loading || this.loadingMore ? "true" : "false"}>
          ${loading ? rows : this.jobs.map((job) => this.#renderJob(job))}${more}
        </ul>
      </div>
      <p class="more">
        ${
          this.status === "ready" && this.nextCursor
            ? html`<button
                part="more-button"
                type="button"
                ?disabled=${this.loadingMore}
                @click=${() => this.#load(true)}
              >
                ${msg(lang, "moreJobs")}
              </button>
              <span class="muted">${msg(lang, "shownOf", { shown: this.jobs.length, total: this.total })}</span>`
            : nothing
        }
      </p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "hv-jobs": HvJobs;
  }
}
