/**
 * `/me`: a person's own data, from the signed link in every mail. See it all, download it as JSON,
 * change the answers, withdraw a purpose, or delete everything at once.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { fieldErrors } from "../../../shared/errors.ts";
import { isLang, type Lang } from "../../../shared/i18n.ts";
import { QUALIFICATION_IDS, QUALIFICATIONS, signupSchema, WANT_IDS, WANTS } from "../../../shared/schemas/signup.ts";
import { CATEGORIES, CATEGORY_IDS } from "../../../shared/taxonomy.ts";
import { TOWNS } from "../../../shared/towns.ts";
import { eraseSignup, getSignup, type SignupRecord, updateSignup } from "../db/signups.ts";
import type { AppEnv } from "../env.ts";
import { verifyId } from "../lib/signed-links.ts";
import { page, privatePage } from "../pages/layout.ts";

export const me = new Hono<AppEnv>();

const T = {
  de: {
    title: "Meine Daten",
    intro: "Das ist alles, was Heimvorteil über Sie gespeichert hat.",
    download: "Als JSON herunterladen",
    change: "Angaben ändern",
    save: "Speichern",
    saved: "Gespeichert.",
    wants: "Was Sie bekommen möchten (abwählen = Zweck widerrufen)",
    towns: "Wunschorte",
    firstName: "Vorname",
    occupation: "Beruf",
    field: "Berufsfeld",
    qualification: "Abschluss",
    earliest: "Frühestens zurück (JJJJ-MM oder „open“)",
    erase: "Alles löschen",
    eraseConfirm: "Ja, alle meine Daten sofort löschen",
    erased: "Alle Ihre Daten sind gelöscht. Nur ein anonymer Zähler bleibt.",
    invalid: "Dieser Link ist ungültig, oder die Daten sind schon gelöscht.",
    none: "–",
  },
  en: {
    title: "My data",
    intro: "This is everything Heimvorteil has stored about you.",
    download: "Download as JSON",
    change: "Change my answers",
    save: "Save",
    saved: "Saved.",
    wants: "What you want to receive (untick to withdraw that purpose)",
    towns: "Towns",
    firstName: "First name",
    occupation: "Occupation",
    field: "Field",
    qualification: "Qualification",
    earliest: "Earliest return (YYYY-MM or “open”)",
    erase: "Delete everything",
    eraseConfirm: "Yes, delete all my data now",
    erased: "All your data is deleted. Only an anonymous counter remains.",
    invalid: "This link is invalid, or the data has already been deleted.",
    none: "–",
  },
} as const;

me.use(privatePage);

/** The signup the signed link names, or undefined (then the caller answers with the invalid page). */
async function person(c: Context<AppEnv>, id: unknown, sig: unknown): Promise<SignupRecord | undefined> {
  if (typeof id !== "string" || typeof sig !== "string" || id.length > 64) return undefined;
  if (!(await verifyId(c.env.SIGNING_KEY ?? "", id, sig))) return undefined;
  return (await getSignup(c.env.DB, id)) ?? undefined;
}

function langOf(record: SignupRecord | undefined, fallback: Lang): Lang {
  return record && isLang(record.lang) ? record.lang : fallback;
}

function invalid(c: Context<AppEnv>) {
  const t = T[c.get("language")];
  return c.html(
    page({
      lang: c.get("language"),
      title: t.title,
      description: t.title,
      robots: "noindex",
      body: html`<h1>${t.title}</h1><p>${t.invalid}</p>`,
    }),
    404,
  );
}

function exportOf(r: SignupRecord) {
  return {
    ...r,
    towns: JSON.parse(r.towns) as string[],
    wants: JSON.parse(r.wants) as string[],
  };
}

function render(c: Context<AppEnv>, r: SignupRecord, sig: string, note?: string, errors: Record<string, string> = {}) {
  const lang = langOf(r, c.get("language"));
  const t = T[lang];
  const data = exportOf(r);
  const hidden = html`<input type="hidden" name="id" value="${r.id}"><input type="hidden" name="sig" value="${sig}">`;
  const checked = (on: boolean) => (on ? html` checked` : "");
  const err = (field: string) => (errors[field] ? html`<strong role="alert">${errors[field]}</strong>` : "");
  const body = html`<h1>${t.title}</h1>
${note ? html`<p role="status">${note}</p>` : ""}
<p>${t.intro}</p>
<dl class="meta">${Object.entries(data).map(([k, v]) => html`<dt>${k}</dt><dd>${Array.isArray(v) ? v.join(", ") || t.none : (v ?? t.none)}</dd>`)}</dl>
<p><a class="button" href="/me.json?id=${r.id}&sig=${sig}" download="heimvorteil-meine-daten.json">${t.download}</a></p>
<h2>${t.change}</h2>
<form method="post" action="/me">${hidden}
<p><label>${t.firstName} <input name="first_name" maxlength="60" value="${r.first_name ?? ""}"></label> ${err("first_name")}</p>
<p><label>${t.occupation} <input name="occupation" maxlength="100" value="${r.occupation ?? ""}"></label> ${err("occupation")}</p>
<p><label>${t.field} <select name="field"><option value="">${t.none}</option>${CATEGORY_IDS.map((id) => html`<option value="${id}"${r.field === id ? html` selected` : ""}>${CATEGORIES[id][lang]}</option>`)}</select></label></p>
<p><label>${t.qualification} <select name="qualification"><option value="">${t.none}</option>${QUALIFICATION_IDS.map((id) => html`<option value="${id}"${r.qualification === id ? html` selected` : ""}>${QUALIFICATIONS[id][lang]}</option>`)}</select></label></p>
<fieldset><legend>${t.towns}</legend>${TOWNS.map((town) => html`<label><input type="checkbox" name="towns" value="${town.id}"${checked(data.towns.includes(town.id))}> ${town.name}</label> `)}</fieldset>
<p><label>${t.earliest} <input name="earliest_return" value="${r.earliest_return}"></label> ${err("earliest_return")}</p>
<fieldset><legend>${t.wants}</legend>${WANT_IDS.map((id) => html`<label><input type="checkbox" name="wants" value="${id}"${checked(data.wants.includes(id))}> ${WANTS[id][lang]}</label> `)} ${err("wants")}</fieldset>
<p><button class="button" type="submit">${t.save}</button></p>
</form>
<h2>${t.erase}</h2>
<form method="post" action="/me/delete">${hidden}
<p><label><input type="checkbox" name="confirm" value="yes" required> ${t.eraseConfirm}</label></p>
<p><button class="button" type="submit">${t.erase}</button></p>
</form>`;
  return c.html(
    page({ lang, title: t.title, description: t.intro, robots: "noindex", body }),
    Object.keys(errors).length ? 400 : 200,
  );
}

me.get("/", async (c) => {
  const sig = c.req.query("sig");
  const r = await person(c, c.req.query("id"), sig);
  return r && sig ? render(c, r, sig) : invalid(c);
});

const changesSchema = signupSchema.pick({
  first_name: true,
  field: true,
  occupation: true,
  qualification: true,
  towns: true,
  earliest_return: true,
  wants: true,
});

me.post("/", async (c) => {
  const form = await c.req.parseBody({ all: true });
  const sig = form.sig;
  const r = await person(c, form.id, sig);
  if (!r || typeof sig !== "string") return invalid(c);
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
  const parsed = changesSchema.safeParse({
    first_name: text(form.first_name),
    field: text(form.field),
    occupation: text(form.occupation),
    qualification: text(form.qualification),
    towns: list(form.towns),
    earliest_return: text(form.earliest_return) ?? "open",
    wants: list(form.wants),
  });
  const lang = langOf(r, c.get("language"));
  if (!parsed.success) return render(c, r, sig, undefined, fieldErrors(parsed.error.issues, lang));
  const v = parsed.data;
  await updateSignup(c.env.DB, r.id, {
    first_name: v.first_name ?? null,
    field: v.field ?? null,
    occupation: v.occupation ?? null,
    qualification: v.qualification ?? null,
    towns: v.towns,
    earliest_return: v.earliest_return,
    wants: v.wants,
  });
  const updated = await getSignup(c.env.DB, r.id);
  return updated ? render(c, updated, sig, T[lang].saved) : invalid(c);
});

me.post("/delete", async (c) => {
  const form = await c.req.parseBody();
  const r = await person(c, form.id, form.sig);
  if (!r || form.confirm !== "yes") return invalid(c);
  await eraseSignup(c.env.DB, r.id);
  const lang = langOf(r, c.get("language"));
  const t = T[lang];
  return c.html(
    page({
      lang,
      title: t.title,
      description: t.erased,
      robots: "noindex",
      body: html`<h1>${t.title}</h1><p>${t.erased}</p>`,
    }),
  );
});
