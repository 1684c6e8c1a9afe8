/**
 * <hv-newsletters>: the newsletter "Heimatpost". The issues (drafts, scheduled, sent), and one issue's
 * editor: a German and an optional English version in Markdown, pictures uploaded to our own site, the
 * audience by town, field and language, a preview of the mail in both languages with how many it
 * reaches, a test to oneself, and sending now or at a set time (Berlin time). A sent issue is read-only,
 * with its archive page.
 */
import { html, LitElement, nothing } from "lit";
import type { Lang } from "../../shared/i18n.ts";
import { LANGS } from "../../shared/i18n.ts";
import type { NewsletterDto, NewsletterPreview } from "../../shared/schemas/newsletter.ts";
import { CATEGORIES, CATEGORY_IDS } from "../../shared/taxonomy.ts";
import { berlinToUtc } from "../../shared/time.ts";
import { TOWNS, townById } from "../../shared/towns.ts";
import { ApiFailure, api } from "./api.ts";
import { count, dateOnly, dateTime, t } from "./messages.ts";
import { base } from "./styles.ts";

type Draft = Pick<NewsletterDto, "subject_de" | "body_de" | "subject_en" | "body_en" | "towns" | "fields" | "langs">;

const EMPTY: Draft = { subject_de: "", body_de: "", subject_en: "", body_en: "", towns: [], fields: [], langs: [] };
const LANG_NAMES = { de: { de: "Deutsch", en: "Englisch" }, en: { de: "German", en: "English" } } as const;

/** The audience in words: "Meschede, Brilon · IT · English", or everyone. */
/** A status in words, its mark for the eye; the sentence ("sent on … to …") may wrap on a phone. */
const badge = (status: NewsletterDto["status"]) =>
  `badge wraps${status === "sent" ? " good" : status === "draft" ? "" : " wait"}`;

export function audienceText(lang: Lang, n: Pick<Draft, "towns" | "fields" | "langs">): string {
  const parts = [
    n.towns.map((id) => townById(id)?.name ?? id).join(", "),
    n.fields.map((id) => CATEGORIES[id][lang]).join(", "),
    n.langs.map((l) => LANG_NAMES[lang][l]).join(", "),
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : t(lang, "nlAll");
}

const people = (lang: Lang, n: number) => count(lang, n, "foundOne", "found");

export function statusText(lang: Lang, n: NewsletterDto): string {
  if (n.status === "scheduled") return t(lang, "nl:scheduled", { when: dateTime(lang, n.send_at) });
  if (n.status === "sending")
    return t(lang, "nl:sending", { mails: count(lang, n.recipients ?? 0, "mailsOne", "mails") });
  if (n.status === "sent")
    return t(lang, "nl:sent", { date: dateOnly(lang, n.sent_at), people: people(lang, n.recipients ?? 0) });
  return t(lang, "nl:draft");
}

export class HvNewsletters extends LitElement {
  static override styles = base;
  static override properties = {
    lang: { type: String },
    scope: { type: Array },
    issue: { type: String },
    state: { state: true },
  };

  declare lang: Lang;
  declare scope: string[];
  /** "" for the list, "new", or an issue's id. */
  declare issue: string;
  declare state: {
    list: NewsletterDto[] | null;
    current: NewsletterDto | null;
    draft: Draft;
    preview: NewsletterPreview | null;
    fields: Record<string, string>;
    notice: string | null;
    error: string | null;
    when: "now" | "at";
  };

  constructor() {
    super();
    this.lang = "de";
    this.scope = [];
    this.issue = "";
    this.state = {
      list: null,
      current: null,
      draft: EMPTY,
      preview: null,
      fields: {},
      notice: null,
      error: null,
      when: "now",
    };
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has("issue")) void this.#load();
  }

  #set(patch: Partial<HvNewsletters["state"]>) {
    this.state = { ...this.state, ...patch };
  }

  /** What the list says after an issue was deleted; any other notice ends with the view it was about. */
  #carry: string | null = null;

  async #load() {
    this.#set({ notice: this.#carry });
    this.#carry = null;
    try {
      if (!this.issue) {
        const { data } = await api<{ data: NewsletterDto[] }>("/newsletters", this.lang);
        this.#set({ list: data, error: null });
      } else if (this.issue === "new") {
        this.#set({
          current: null,
          draft: { ...EMPTY, towns: this.scope.length === 1 ? ([...this.scope] as Draft["towns"]) : [] },
          preview: null,
          fields: {},
          error: null,
        });
      } else {
        const current = await api<NewsletterDto>(`/newsletters/${encodeURIComponent(this.issue)}`, this.lang);
        this.#set({
          current,
          draft: { ...current, subject_en: current.subject_en ?? "", body_en: current.body_en ?? "" },
          preview: null,
          fields: {},
          error: null,
        });
      }
    } catch (error) {
      this.#set({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The form as the API takes it. */
  #read(): Draft {
    const form = this.renderRoot.querySelector<HTMLFormElement>("form.newsletter");
    if (!form) return this.state.draft;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    return {
      subject_de: text("subject_de"),
      body_de: text("body_de"),
      subject_en: text("subject_en"),
      body_en: text("body_en"),
      towns: data.getAll("towns").map(String) as Draft["towns"],
      fields: data.getAll("fields").map(String) as Draft["fields"],
      langs: data.getAll("langs").map(String) as Draft["langs"],
    };
  }

  #failed(error: unknown) {
    const fields = error instanceof ApiFailure ? error.fields : {};
    const message = Object.keys(fields).length ? t(this.lang, "nlNotSaved") : String((error as Error).message);
    this.#set({ fields, notice: message });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
  }

  /** Saves the form (a new issue is created), and answers the issue as saved. */
  async #save(): Promise<NewsletterDto> {
    const draft = this.#read();
    const id = this.state.current?.id;
    const saved = await api<NewsletterDto>(id ? `/newsletters/${id}` : "/newsletters", this.lang, {
      method: id ? "PUT" : "POST",
      body: draft,
    });
    this.#set({ current: saved, draft, fields: {} });
    if (!id) history.replaceState(null, "", `#/newsletters/${saved.id}`);
    return saved;
  }

  async #onSave(event: SubmitEvent) {
    event.preventDefault();
    try {
      await this.#save();
      this.#set({ notice: t(this.lang, "nlSaved") });
    } catch (error) {
      this.#failed(error);
    }
  }

  async #onPreview() {
    try {
      const draft = this.#read();
      const preview = await api<NewsletterPreview>("/newsletters/preview", this.lang, { method: "POST", body: draft });
      this.#set({ preview, draft, fields: {}, notice: null });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>("#preview")?.focus());
    } catch (error) {
      this.#failed(error);
    }
  }

  async #onTest() {
    try {
      const saved = await this.#save();
      const sent = await api<{ to: string; mails: number }>(`/newsletters/${saved.id}/test`, this.lang, {
        method: "POST",
      });
      this.#set({
        notice: t(this.lang, "nlTestSent", { to: sent.to, mails: count(this.lang, sent.mails, "mailsOne", "mails") }),
      });
    } catch (error) {
      this.#failed(error);
    }
  }

  /** The time the form names, Berlin time, as an instant; undefined for "now". */
  #sendAt(): string | undefined | null {
    if (this.state.when === "now") return undefined;
    const form = this.renderRoot.querySelector<HTMLFormElement>("form.send");
    const data = new FormData(form ?? undefined);
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(data.get("date") ?? ""));
    const time = /^(\d{2}):(\d{2})$/.exec(String(data.get("time") ?? ""));
    if (!day || !time) return null;
    return berlinToUtc(Number(day[1]), Number(day[2]), Number(day[3]), Number(time[1]), Number(time[2])).toISOString();
  }

  async #onSend(event: SubmitEvent) {
    event.preventDefault();
    const lang = this.lang;
    const at = this.#sendAt();
    if (at === null) return this.#set({ fields: { at: t(lang, "nlPickTime") } });
    try {
      const saved = await this.#save();
      const preview = await api<NewsletterPreview>("/newsletters/preview", lang, {
        method: "POST",
        body: this.state.draft,
      });
      const subject = saved.subject_de;
      // An issue nobody gets would still be published in the archive: say so instead of sending it.
      if (!at && preview.audience === 0) return this.#set({ notice: t(lang, "nlNobody") });
      const question = at
        ? t(lang, "nlConfirmSchedule", { subject, when: dateTime(lang, at) })
        : t(lang, "nlConfirmSend", { subject, people: people(lang, preview.audience) });
      if (!confirm(question)) return;
      const done = await api<NewsletterDto>(`/newsletters/${saved.id}/send`, lang, {
        method: "POST",
        body: at ? { at } : {},
      });
      this.#set({
        current: done,
        preview: null,
        notice:
          done.status === "scheduled"
            ? t(lang, "nlScheduledNotice", { subject, when: dateTime(lang, done.send_at) })
            : t(lang, "nlSentNotice", { subject, people: people(lang, done.recipients ?? 0) }),
      });
    } catch (error) {
      this.#failed(error);
    }
  }

  async #onUnschedule() {
    const id = this.state.current?.id;
    if (!id) return;
    try {
      const current = await api<NewsletterDto>(`/newsletters/${id}/unschedule`, this.lang, { method: "POST" });
      this.#set({ current, notice: t(this.lang, "nlUnscheduled") });
    } catch (error) {
      this.#failed(error);
    }
  }

  async #onDelete() {
    const current = this.state.current;
    if (!current || !confirm(t(this.lang, "nlConfirmDelete", { subject: current.subject_de }))) return;
    try {
      await api(`/newsletters/${current.id}`, this.lang, { method: "DELETE" });
      this.#carry = t(this.lang, "nlDeleted");
      location.hash = "#/newsletters";
    } catch (error) {
      this.#failed(error);
    }
  }

  /** Uploads a picture and puts its Markdown where the cursor is in that version's text. */
  async #onImage(event: Event, textarea: "body_de" | "body_en") {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const res = await fetch("/v1/staff/newsletter-images", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": file.type, "Accept-Language": this.lang },
        body: file,
      });
      const body = (await res.json()) as {
        markdown?: string;
        error?: { message: string; fields?: Record<string, string> };
      };
      if (!res.ok || !body.markdown)
        throw new ApiFailure(body.error?.message ?? `HTTP ${res.status}`, res.status, body.error?.fields ?? {});
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[name=${textarea}]`);
      if (area) {
        const at = area.selectionStart ?? area.value.length;
        const before = area.value.slice(0, at).replace(/\s*$/, "");
        area.value = `${before}${before ? "\n\n" : ""}${body.markdown}\n\n${area.value.slice(at).replace(/^\s*/, "")}`;
        area.focus();
      }
      this.#set({ notice: t(this.lang, "nlImageAdded"), fields: {} });
    } catch (error) {
      this.#set({
        fields: {
          [`image_${textarea}`]: error instanceof ApiFailure ? (error.fields.file ?? error.message) : String(error),
        },
      });
    } finally {
      input.value = "";
    }
  }

  #error(name: string) {
    const message = this.state.fields[name];
    return message ? html`<span class="error" id="error-${name}">${message}</span>` : nothing;
  }

  #list() {
    const lang = this.lang;
    const list = this.state.list;
    return html`<h1>${t(lang, "newsletters")}</h1>
      <p class="muted">${t(lang, "nlIntro")}</p>
      <p class="actions"><a class="button primary" href="#/newsletters/new">${t(lang, "nlNew")}</a>
        <a href="/heimatpost?lang=${lang}">${t(lang, "nlArchive")}</a></p>
      <p role="status" class="notice">${this.state.notice ?? ""}</p>
      ${
        list === null
          ? html`<p aria-live="polite">${t(lang, "loading")}</p>`
          : list.length
            ? html`<table>
                <thead><tr><th>${t(lang, "nlSubject")}</th><th>${t(lang, "nlAudience")}</th><th>${t(lang, "status")}</th></tr></thead>
                <tbody>${list.map(
                  (n) => html`<tr>
                    <td><a href="#/newsletters/${n.id}">${n.subject_de}</a>${n.subject_en ? html`<br /><span class="muted">${t(lang, "nlEnglishShort")} <span lang="en">${n.subject_en}</span></span>` : nothing}</td>
                    <td>${audienceText(lang, n)}</td>
                    <td><span class=${badge(n.status)}>${statusText(lang, n)}</span></td>
                  </tr>`,
                )}</tbody>
              </table>`
            : html`<p>${t(lang, "nlNone")}</p>`
      }`;
  }

  #version(key: "de" | "en", d: Draft, readOnly: boolean) {
    const lang = this.lang;
    const subject = `subject_${key}` as const;
    const body = `body_${key}` as const;
    return html`<fieldset class="wide version">
      <legend>${t(lang, key === "de" ? "nlGerman" : "nlEnglish")}</legend>
      ${key === "en" && !readOnly ? html`<p class="muted">${t(lang, "nlEnglishHint")}</p>` : nothing}
      <label>${t(lang, "nlSubject")}<input name=${subject} maxlength="150" .value=${d[subject] ?? ""} ?required=${key === "de"} ?readonly=${readOnly}
        aria-invalid=${this.state.fields[subject] ? "true" : "false"} aria-describedby=${this.state.fields[subject] ? `error-${subject}` : nothing} />${this.#error(subject)}</label>
      <label>${t(lang, "nlText")}<textarea name=${body} rows="14" maxlength="20000" .value=${d[body] ?? ""} ?required=${key === "de"} ?readonly=${readOnly}
        aria-invalid=${this.state.fields[body] ? "true" : "false"} aria-describedby="${readOnly ? "" : `hint-${key}`}${this.state.fields[body] ? ` error-${body}` : ""}"></textarea>${this.#error(body)}</label>
      ${readOnly ? nothing : html`<p class="muted small" id="hint-${key}">${t(lang, "nlMarkdownHint")}</p>`}
      ${
        readOnly
          ? nothing
          : html`<label class="upload">${t(lang, "nlImage")}<input type="file" accept="image/png,image/jpeg,image/webp,image/gif"
              @change=${(e: Event) => this.#onImage(e, body)} />${this.#error(`image_${body}`)}</label>`
      }
    </fieldset>`;
  }

  #checks(
    name: "towns" | "fields" | "langs",
    options: readonly { id: string; label: string }[],
    chosen: readonly string[],
    readOnly: boolean,
  ) {
    const lang = this.lang;
    const legend = { towns: "nlTowns", fields: "nlFields", langs: "nlLangs" } as const;
    return html`<fieldset class="wide checks" aria-describedby=${this.state.fields[name] ? `error-${name}` : nothing}>
      <legend>${t(lang, legend[name])}</legend>
      ${options.map((o) => html`<label><input type="checkbox" name=${name} value=${o.id} ?checked=${chosen.includes(o.id)} ?disabled=${readOnly} /> ${o.label}</label>`)}
      ${this.#error(name)}
    </fieldset>`;
  }

  #preview() {
    const lang = this.lang;
    const p = this.state.preview;
    if (!p) return nothing;
    const version = (key: "de" | "en") =>
      html`<section class="mail" lang=${key}>
        <h3>${t(lang, key === "de" ? "nlPreviewDe" : "nlPreviewEn")}</h3>
        <p><strong>${p[key].subject}</strong></p>
        <pre class="mail-text">${p[key].text}</pre>
      </section>`;
    return html`<section class="card" id="preview" tabindex="-1" aria-labelledby="preview-title">
      <h2 id="preview-title">${t(lang, "nlPreview")}</h2>
      <p class="notice">${t(lang, "nlReaches", { people: people(lang, p.audience) })}</p>
      <div class="two">${version("de")}${version("en")}</div>
    </section>`;
  }

  #editor() {
    const lang = this.lang;
    const s = this.state;
    const current = s.current;
    const readOnly = current !== null && !current.editable;
    const d = s.draft;
    const towns = TOWNS.filter((town) => !this.scope.length || this.scope.includes(town.id));
    const title = current ? current.subject_de : t(lang, "nlNew");
    return html`<p><a href="#/newsletters">${t(lang, "nlBack")}</a></p>
      <h1>${title}</h1>
      ${
        current
          ? html`<p class="muted"><span class=${badge(current.status)}>${statusText(lang, current)}</span>
        ${t(lang, "nlWroteBy", { date: dateTime(lang, current.updated_at), author: current.author ?? "–" })}</p>`
          : nothing
      }
      ${readOnly ? html`<p>${t(lang, "nlReadOnly")} ${current?.archive_url ? html`<a href="${current.archive_url}?lang=${lang}">${t(lang, "nlArchive")}</a>` : nothing}</p>` : nothing}
      <p role="status" class="notice">${s.notice ?? ""}</p>
      <form class="form-grid newsletter" @submit=${(e: SubmitEvent) => this.#onSave(e)}>
        ${this.#version("de", d, readOnly)}
        ${this.#version("en", d, readOnly)}
        <fieldset class="wide audience"><legend>${t(lang, "nlAudience")}</legend>
          ${readOnly ? html`<p>${audienceText(lang, d)}</p>` : html`<p class="muted">${t(lang, "nlAudienceHint")}</p>`}
          ${this.#checks(
            "towns",
            towns.map((town) => ({ id: town.id, label: town.name })),
            d.towns,
            readOnly,
          )}
          ${this.#checks(
            "fields",
            CATEGORY_IDS.map((id) => ({ id, label: CATEGORIES[id][lang] })),
            d.fields,
            readOnly,
          )}
          ${this.#checks(
            "langs",
            LANGS.map((l) => ({ id: l, label: LANG_NAMES[lang][l] })),
            d.langs,
            readOnly,
          )}
        </fieldset>
        ${
          readOnly
            ? nothing
            : html`<p class="wide actions">
                <button type="submit">${t(lang, "nlSave")}</button>
                <button type="button" @click=${() => this.#onPreview()}>${t(lang, "nlPreview")}</button>
                <button type="button" @click=${() => this.#onTest()}>${t(lang, "nlTest")}</button>
                ${current?.status === "draft" ? html`<button type="button" class="danger" @click=${() => this.#onDelete()}>${t(lang, "nlDelete")}</button>` : nothing}
              </p>`
        }
      </form>
      ${this.#preview()}
      ${readOnly ? nothing : this.#sending()}`;
  }

  #sending() {
    const lang = this.lang;
    const s = this.state;
    if (!s.current)
      return html`<section class="card" aria-labelledby="send-title"><h2 id="send-title">${t(lang, "nlSendTitle")}</h2>
        <p>${t(lang, "nlSaveFirst")}</p></section>`;
    if (s.current?.status === "scheduled")
      return html`<section class="card" aria-labelledby="send-title"><h2 id="send-title">${t(lang, "nlSendTitle")}</h2>
        <p>${statusText(lang, s.current)}</p>
        <p class="actions"><button @click=${() => this.#onUnschedule()}>${t(lang, "nlUnschedule")}</button></p></section>`;
    return html`<section class="card" aria-labelledby="send-title">
      <h2 id="send-title">${t(lang, "nlSendTitle")}</h2>
      <p class="muted">${t(lang, "nlSendHours")}</p>
      <form class="form-grid send" @submit=${(e: SubmitEvent) => this.#onSend(e)}>
        <fieldset class="wide"><legend>${t(lang, "nlWhen")}</legend>
          ${(["now", "at"] as const).map(
            (w) =>
              html`<label><input type="radio" name="when" value=${w} ?checked=${s.when === w} @change=${() => this.#set({ when: w })} /> ${t(lang, w === "now" ? "nlSendNow" : "nlSendAt")}</label>`,
          )}
        </fieldset>
        ${
          s.when === "at"
            ? html`<label>${t(lang, "nlDate")}<input type="date" name="date" required aria-invalid=${s.fields.at ? "true" : "false"} /></label>
              <label>${t(lang, "nlTime")}<input type="time" name="time" value="09:00" required /></label>${this.#error("at")}`
            : nothing
        }
        <p class="wide actions"><button class="primary" type="submit">${t(lang, s.when === "now" ? "nlSend" : "nlSchedule")}</button></p>
      </form>
    </section>`;
  }

  override render() {
    const lang = this.lang;
    if (this.state.error)
      return html`<p class="error" role="alert">${t(lang, "error")} ${this.state.error} <button @click=${() => this.#load()}>${t(lang, "retry")}</button></p>`;
    if (!this.issue) return this.#list();
    if (this.issue !== "new" && !this.state.current) return html`<p aria-live="polite">${t(lang, "loading")}</p>`;
    return this.#editor();
  }
}
customElements.define("hv-newsletters", HvNewsletters);
