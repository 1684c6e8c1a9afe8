/**
 * <hv-sources>: the import sources with their health (admins only): what each brought last time, why one
 * fails, and "import now", which queues a run like the schedule does.
 */
import { html, LitElement } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import type { Source } from "../../shared/schemas/sources.ts";
import { dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";

async function admin<T>(path: string, lang: string, method = "GET"): Promise<T> {
  const res = await fetch(`/v1/admin/sources${path}`, {
    method,
    credentials: "same-origin",
    headers: { "Accept-Language": lang },
  });
  if (res.status === 401) location.assign(`/console/sign-in?lang=${lang}`);
  const body = (await res.json().catch(() => null)) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

// What each kind is, in the words of the people who run the sources.
const KIND_NAMES: Record<string, string> = {
  ba_jobsuche: "Jobbörse der Bundesagentur",
  personio_xml: "Personio (XML-Feed)",
  softgarden_feed: "softgarden (Feed)",
  dvinci_json: "d.vinci (Liste)",
  recruitee_json: "Recruitee",
  greenhouse_json: "Greenhouse",
  lever_json: "Lever",
  jsonld_page: "Karriereseite (JobPosting)",
  ics: "Kalender (iCalendar)",
};

export class HvSources extends LitElement {
  static override styles = base;
  static override properties = { lang: { type: String }, state: { state: true } };

  declare lang: Lang;
  declare state: { sources: Source[]; error: string | null; queued: string | null };

  constructor() {
    super();
    this.lang = "de";
    this.state = { sources: [], error: null, queued: null };
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    try {
      const { data } = await admin<{ data: Source[] }>("", this.lang);
      this.state = { ...this.state, sources: data.filter((s) => s.kind !== "demo"), error: null };
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async #run(source: Source) {
    try {
      await admin(`/${encodeURIComponent(source.id)}/run`, this.lang, "POST");
      this.state = { ...this.state, queued: source.name };
      // The run takes a moment; the list shows its outcome when it is there.
      setTimeout(() => void this.#load(), 2000);
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
  }

  override render() {
    const lang = this.lang;
    const s = this.state;
    return html`<h1>${t(lang, "sources")}</h1>
      ${s.error ? html`<p class="error" role="alert">${t(lang, "error")} ${s.error}</p>` : ""}
      ${s.queued ? html`<p role="status">${t(lang, "queued", { name: s.queued })}</p>` : ""}
      <table>
        <thead><tr><th>${t(lang, "sourceName")}</th><th>${t(lang, "health")}</th><th>${t(lang, "lastRun")}</th><th>${t(lang, "counts")}</th><th></th></tr></thead>
        <tbody>
          ${s.sources.map(
            (x) => html`<tr>
              <td>${x.name}<br /><span class="muted">${KIND_NAMES[x.kind] ?? x.kind}</span></td>
              <td><span class=${x.health.state === "healthy" ? "badge good" : x.health.state === "new" ? "badge wait" : "badge bad"}>${t(lang, `state:${x.health.state}`)}</span>
                ${x.health.last_error ? html`<br /><span class="error">${x.health.last_error}</span>` : ""}
                ${x.health.notes.map((n) => html`<br /><span class="muted"><strong>${t(lang, "note")}</strong> ${n}</span>`)}</td>
              <td data-label=${t(lang, "lastRun")}>${dateTime(lang, x.health.last_run_at)}</td>
              <td data-label=${t(lang, "counts")}>${t(lang, "countsValue", { seen: x.health.seen, added: x.health.added, updated: x.health.updated, closed: x.health.closed })}</td>
              <td><button @click=${() => this.#run(x)} ?disabled=${!x.enabled}>${t(lang, "runNow")}</button></td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}
customElements.define("hv-sources", HvSources);
