/**
 * The Bundesagentur für Arbeit's Jobbörse (Jobsuche API v6; facts in shared/docs/job-sources.md §1).
 * The district is searched around each of its twelve towns, one query per kind of offer (work, training,
 * internships), at most 100 per page; only jobs whose place is in one of the towns are kept. The search
 * has no description: run.ts fetches it per new or changed job from the v4 details in later steps.
 */
import { z } from "zod";
import type { Text } from "../../../shared/i18n.ts";
import { CATEGORIES, EMPLOYMENT_TYPES, type EmploymentId } from "../../../shared/taxonomy.ts";
import { TOWNS, type TownId } from "../../../shared/towns.ts";
import { OPEN_ENDED } from "../db/rows.ts";
import type { SourceJob } from "../db/source-jobs.ts";
import { expectShape, type JobAdapter, type ReadContext } from "./adapter.ts";
import { counted } from "./counted.ts";
import { fetchJson, SourceFailure } from "./fetch-source.ts";
import { categoryOf, cut, instant, line, MAX_DESCRIPTION, MAX_NAME, MAX_TITLE, townOf, webUrl } from "./job-fields.ts";
import { inParallel } from "./parallel.ts";
import { plainText, sanitiseHtml } from "./sanitise.ts";

const DEFAULT_URL = "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service";
const DEFAULT_KEY = "jobboerse-jobsuche";
const PAGE_SIZE = 100;
// The Jobbörse hands out at most this many results of one query, whatever the paging.
const RESULT_CAP = 10_000;
// angebotsart: 1 work, 4 training and dual study, 34 internship and trainee.
const OFFER_KINDS = [1, 4, 34] as const;
const DEFAULT_RADIUS_KM = 10;
// The search's working-time filter (arbeitszeit), for slicing a query over the cap.
const WORKING_TIMES = ["vz", "tz", "snw", "mj", "ho"] as const;
// Search pages in flight at once: the Jobbörse answers 403 to bursts.
const PARALLEL = 3;

const flag = z.boolean().optional().catch(undefined);
const text = z.string().optional().catch(undefined);

const itemSchema = z.looseObject({
  referenznummer: z.string().min(1).max(100),
  stellenangebotsTitel: text,
  hauptberuf: text,
  alleBerufe: z.array(z.string()).optional().catch(undefined),
  firma: z.string().min(1),
  stellenangebotsart: text,
  stellenlokationen: z
    .array(
      z.looseObject({
        adresse: z
          .looseObject({ plz: z.union([z.string(), z.number()]).optional(), ort: text, region: text })
          .optional(),
      }),
    )
    .optional()
    .catch(undefined),
  arbeitszeitVollzeit: flag,
  arbeitszeitSchichtNachtWochenende: flag,
  istGeringfuegigeBeschaeftigung: flag,
  istArbeitnehmerUeberlassung: flag,
  zeitarbeit: flag,
  vertragsdauer: text,
  homeofficemoeglich: flag,
  homeofficetyp: text,
  verguetungsangabe: text,
  gehaltsspanneVon: z.number().optional().catch(undefined),
  gehaltsspanneBis: z.number().optional().catch(undefined),
  veroeffentlichungszeitraum: z.looseObject({ von: text, bis: text }).optional().catch(undefined),
  datumErsteVeroeffentlichung: text,
  aenderungsdatum: text,
  externeURL: text,
});
type Item = z.infer<typeof itemSchema>;

// `ergebnisliste` is absent when nothing matched; then `maxErgebnisse` must say 0. Reading v4's names
// (`stellenangebote`) from a v6 answer would otherwise import nothing without a word.
const pageSchema = z
  .looseObject({
    maxErgebnisse: z.coerce.number().int().min(0),
    ergebnisliste: z.array(z.unknown()).optional(),
  })
  .refine((p) => p.ergebnisliste !== undefined || p.maxErgebnisse === 0, {
    message: "no ergebnisliste although maxErgebnisse is above 0",
    path: ["ergebnisliste"],
  });

const detailSchema = z.looseObject({ stellenangebotsBeschreibung: z.string().optional() });

function config(ctx: ReadContext) {
  // A source's own URL wins: several Jobbörse sources can point at different services (tests, a proxy).
  const base = (ctx.source.url || ctx.env.BA_JOBSUCHE_URL || DEFAULT_URL).replace(/\/+$/, "");
  return { base, headers: { "X-API-Key": ctx.env.BA_JOBSUCHE_KEY || DEFAULT_KEY } };
}

const ALL_FLAGS_PART_TIME = (item: Item) =>
  Object.entries(item).some(([k, v]) => k.startsWith("arbeitszeitTeilzeit") && v === true);

function employmentOf(item: Item, title: string): number {
  const ids = new Set<EmploymentId>();
  if (item.arbeitszeitVollzeit) ids.add("full_time");
  if (ALL_FLAGS_PART_TIME(item)) ids.add("part_time");
  if (item.istGeringfuegigeBeschaeftigung) ids.add("mini_job");
  if (item.stellenangebotsart === "AUSBILDUNG") ids.add(/dual|studium/i.test(title) ? "dual_study" : "apprenticeship");
  if (item.stellenangebotsart === "PRAKTIKUM_TRAINEE") ids.add("internship");
  if (item.vertragsdauer === "BEFRISTET") ids.add("fixed_term");
  if (item.istArbeitnehmerUeberlassung ?? item.zeitarbeit) ids.add("temp_agency");
  // A job that states no working time is taken as full-time, the Jobbörse's own default.
  if (ids.size === 0 || [...ids].every((id) => id === "fixed_term" || id === "temp_agency")) ids.add("full_time");
  return [...ids].reduce((bits, id) => bits | EMPLOYMENT_TYPES[id].bit, 0);
}

function remoteOf(item: Item): string {
  if (item.homeofficetyp === "VOLLSTAENDIG") return "remote";
  return item.homeofficemoeglich ? "hybrid" : "onsite";
}

function salaryOf(item: Item): [number | null, number | null] {
  const factor = item.verguetungsangabe === "JAHRESGEHALT" ? 1 : item.verguetungsangabe === "MONATSGEHALT" ? 12 : 0;
  const min = item.gehaltsspanneVon;
  const max = item.gehaltsspanneBis ?? min;
  if (!factor || min === undefined || max === undefined || min <= 0 || max < min) return [null, null];
  return [Math.round(min * factor), Math.round(max * factor)];
}

/** Our job for an item of the search, or null when its place is not in the district. */
function toJob(item: Item, unmapped: Set<string>): SourceJob | null {
  const town = (item.stellenlokationen ?? [])
    .map((l) => townOf({ postcode: l.adresse?.plz, city: l.adresse?.ort, region: l.adresse?.region }))
    .find((t): t is TownId => t !== null);
  if (!town) return null;
  const title = line(item.stellenangebotsTitel || item.hauptberuf, MAX_TITLE);
  if (!title) return null;
  const category = categoryOf(item.hauptberuf, ...(item.alleBerufe ?? []), title);
  if (!category && item.hauptberuf) unmapped.add(item.hauptberuf);
  const [salaryMin, salaryMax] = salaryOf(item);
  const page = `https://www.arbeitsagentur.de/jobsuche/jobdetail/${encodeURIComponent(item.referenznummer)}`;
  const until = instant(item.veroeffentlichungszeitraum?.bis, true);
  return {
    source_key: item.referenznummer,
    employer_name: line(item.firma, MAX_NAME),
    town_id: town,
    title,
    description: null,
    description_html: null,
    category: category ?? "other",
    employment: employmentOf(item, title),
    remote: remoteOf(item),
    salary_min: salaryMin,
    salary_max: salaryMax,
    apply_url: webUrl(item.externeURL) ?? page,
    source_url: page,
    posted_at: instant(item.veroeffentlichungszeitraum?.von) ?? instant(item.datumErsteVeroeffentlichung),
    valid_through: until ?? OPEN_ENDED,
    // Never null: a null version would never count as "details due" (NULL IS NOT NULL is false).
    source_version:
      item.aenderungsdatum ?? item.veroeffentlichungszeitraum?.von ?? item.datumErsteVeroeffentlichung ?? "-",
  };
}

/** The searches that together reach every job in the district: around each town, per kind of offer. */
function queries(ctx: ReadContext): URLSearchParams[] {
  const radius = Number(ctx.params.radius_km ?? DEFAULT_RADIUS_KM);
  return TOWNS.flatMap((town) =>
    OFFER_KINDS.map(
      (kind) =>
        new URLSearchParams({
          wo: town.name,
          umkreis: String(radius),
          angebotsart: String(kind),
          size: String(PAGE_SIZE),
        }),
    ),
  );
}

async function searchAll(ctx: ReadContext) {
  const { base, headers } = config(ctx);
  // A source parameter should the Jobbörse change it (and so the tests can reach it with few jobs).
  const cap = Number(ctx.params.result_cap ?? RESULT_CAP);
  const items = new Map<string, Item>();
  const capped: string[] = [];
  const bad: { count: number; example?: string } = { count: 0 };
  const seen = { count: 0 };
  const fetchPage = async (q: URLSearchParams, page: number) => {
    q.set("page", String(page));
    const answer = expectShape(pageSchema, await fetchJson(`${base}/pc/v6/jobs?${q}`, headers), {
      de: "Die Suche der Jobbörse",
      en: "The Jobbörse's search",
    });
    for (const raw of answer.ergebnisliste ?? []) {
      // One odd item (no employer) is skipped and counted; a shape that fails for most is drift (below).
      const item = itemSchema.safeParse(raw);
      if (!item.success) {
        bad.count++;
        bad.example ??= expectShapeMessage(item.error);
        continue;
      }
      seen.count++;
      // The same job turns up around several towns, and a live index can list it on two pages.
      items.set(item.data.referenznummer, item.data);
    }
    return answer.maxErgebnisse;
  };
  const readAll = async (q: URLSearchParams, total: number) => {
    for (let page = 2; page <= Math.ceil(total / PAGE_SIZE); page++) await fetchPage(new URLSearchParams(q), page);
  };
  // First pages of every query, a few at a time; then the further pages each one needs. A query over the
  // cap is read again per working time (full-time, part-time, shifts, mini-job, home office): the slices
  // overlap, which the reference numbers sort out, and together they must reach the query's total.
  const pending = queries(ctx).map((q) => async () => {
    const total = await fetchPage(q, 1);
    if (total <= cap) return readAll(q, total);
    let reached = 0;
    for (const arbeitszeit of WORKING_TIMES) {
      const slice = new URLSearchParams(q);
      slice.set("arbeitszeit", arbeitszeit);
      const part = await fetchPage(slice, 1);
      reached += Math.min(part, cap);
      if (part > cap) capped.push(`${q.get("wo")} (angebotsart ${q.get("angebotsart")}, ${arbeitszeit}): ${part}`);
      await readAll(slice, Math.min(part, cap));
    }
    if (reached < total) capped.push(`${q.get("wo")} (angebotsart ${q.get("angebotsart")}): ${total}`);
  });
  await inParallel(pending, PARALLEL);
  if (bad.count > 0 && bad.count >= seen.count)
    throw new SourceFailure({
      de: `die meisten Stellen in der Suche der Jobbörse haben nicht mehr die Form, die der Import liest (${bad.example})`,
      en: `most jobs in the Jobbörse's search no longer have the shape we read (${bad.example})`,
    });
  return { items, capped, bad: bad.count };
}

/** Standard Base64 of the UTF-8 bytes: btoa alone throws on a character beyond Latin-1. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

const expectShapeMessage = (error: z.ZodError) => {
  const issue = error.issues[0];
  return `${issue?.path.join(".") || "the item"}: ${issue?.message ?? "invalid"}`;
};

export const baJobsuche: JobAdapter = {
  target: "jobs",
  async read(ctx) {
    const { items, capped, bad } = await searchAll(ctx);
    const unmapped = new Set<string>();
    const jobs = [...items.values()].flatMap((item) => toJob(item, unmapped) ?? []);
    const notes: Text[] = [];
    if (unmapped.size > 0) {
      const names = [...unmapped].sort().slice(0, 30).join("; ");
      notes.push({
        de: `Berufe ohne Berufsfeld (gezeigt als „${CATEGORIES.other.de}“): ${names}`,
        en: `Occupations with no category yet (shown as "${CATEGORIES.other.en}"): ${names}`,
      });
    }
    if (bad > 0)
      notes.push({
        de: `${counted(bad, "jobs", "de")} der Suche übersprungen: Titel, Arbeitgeber oder Referenznummer fehlt`,
        en: `${counted(bad, "jobs", "en")} in the search skipped: title, employer or reference missing`,
      });
    if (capped.length > 0)
      notes.push({
        de: `Suchen über der Obergrenze der Jobbörse (10.000 Treffer), auch aufgeteilt; darum wurde keine Stelle beendet: ${capped.join("; ")}`,
        en: `Searches over the Jobbörse's result cap (10,000) even when sliced, so nothing was closed: ${capped.join("; ")}`,
      });
    return { jobs, complete: capped.length === 0, notes };
  },
  async details(ctx, referenznummer) {
    const { base, headers } = config(ctx);
    // The details want the reference number in standard Base64 (job-sources.md §1.2).
    const answer = expectShape(
      detailSchema,
      await fetchJson(`${base}/pc/v4/jobdetails/${encodeURIComponent(base64(referenznummer))}`, headers),
      { de: "Die Detailantwort der Jobbörse", en: "The Jobbörse's details answer" },
    );
    const raw = answer.stellenangebotsBeschreibung ?? "";
    if (/<[a-z][^>]*>/i.test(raw)) {
      const clean = await sanitiseHtml(raw);
      return { description: cut(clean.text, MAX_DESCRIPTION), description_html: clean.html };
    }
    return { description: cut(plainText(raw), MAX_DESCRIPTION), description_html: null };
  },
};
