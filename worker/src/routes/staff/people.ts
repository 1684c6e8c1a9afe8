/**
 * The people who signed up, for the staff: the filtered list, one person with everything the team holds
 * about them, and the list as CSV for a spreadsheet. A town account reaches only the confirmed people who
 * named its towns, by list, by id and by export alike. Every read is written to the audit log.
 */
import { Hono } from "hono";
import { berlinClock } from "../../../../shared/berlin-clock.ts";
import { consentTextOf, sha256Hex } from "../../../../shared/consent.ts";
import type { Lang } from "../../../../shared/i18n.ts";
import { monthLabel } from "../../../../shared/months.ts";
import { decodeCursor, encodeCursor } from "../../../../shared/schemas/common.ts";
import { peopleExportQuerySchema, peopleQuerySchema } from "../../../../shared/schemas/staff.ts";
import { QUALIFICATIONS, WANTS } from "../../../../shared/signup-options.ts";
import { CATEGORIES } from "../../../../shared/taxonomy.ts";
import { townById } from "../../../../shared/towns.ts";
import { listForwards } from "../../db/forwards.ts";
import { liftStopStatements } from "../../db/mail-stops.ts";
import { listPeople, type PeopleFilters } from "../../db/people.ts";
import type { SignupRecord } from "../../db/signups.ts";
import { auditStatement } from "../../db/staff.ts";
import { getSteckbrief, listMailLog, listNotes, listSuggestions } from "../../db/steckbriefe.ts";
import { CSV_BOM, csvHeaders, csvLine, csvSeparator } from "../../lib/csv.ts";
import { ApiError } from "../../lib/errors.ts";
import { type Staff, type StaffEnv, scopeOf } from "../../lib/staff-session.ts";
import { validate } from "../../lib/validate.ts";
import { keysetPage } from "../../present/page.ts";
import { toForward, toNote, toPerson, toSteckbrief, toSuggestion } from "../../present/staff.ts";
import { eraseAtOf } from "../../retention.ts";
import { personInScope } from "./scope.ts";

export const staffPeople = new Hono<StaffEnv>();

type Filters = Pick<
  ReturnType<typeof peopleExportQuerySchema.parse>,
  "status" | "town" | "field" | "qualification" | "wants" | "q" | "return_by" | "source"
>;

const filtersOf = (q: Filters, staff: Staff): PeopleFilters => ({
  status: q.status,
  towns: q.town,
  fields: q.field,
  qualifications: q.qualification,
  wants: q.wants,
  q: q.q,
  returnBy: q.return_by,
  source: q.source,
  scope: scopeOf(staff),
});

// The filters, not the search words: those may be part of someone's name or address.
const auditedFilters = (q: Filters) => ({ ...q, q: q.q === undefined ? undefined : "…" });

staffPeople.get("/people", validate("query", peopleQuerySchema), async (c) => {
  const q = c.req.valid("query");
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const [createdAt, id] = typeof cursor?.key === "string" && cursor.sort === "people" ? cursor.key.split("|") : [];
  if (q.cursor && (!createdAt || !id)) throw new ApiError(400, "invalid_query", { cursor: "?" });
  const staff = c.get("staff");
  const { rows, total } = await listPeople(
    c.env.DB,
    filtersOf(q, staff),
    createdAt && id ? { created_at: createdAt, id } : undefined,
    q.limit,
  );
  await auditStatement(
    c.env.DB,
    {
      staff_id: staff.id,
      action: "people.list",
      detail: { ...auditedFilters(q), cursor: undefined, shown: rows.length },
    },
    new Date().toISOString(),
  ).run();
  return c.json(
    keysetPage(rows, total, q.limit, toPerson, (last) =>
      encodeCursor({ sort: "people", key: `${last.created_at}|${last.id}`, id: 0 }),
    ),
  );
});

staffPeople.get("/people/:id", async (c) => {
  const staff = c.get("staff");
  const row = await personInScope(c, c.req.param("id"));
  await auditStatement(
    c.env.DB,
    { staff_id: staff.id, action: "person.read", person_id: row.id },
    new Date().toISOString(),
  ).run();
  const db = c.env.DB;
  const [steckbrief, forwards, notes, suggestions, mails, consentText] = await Promise.all([
    getSteckbrief(db, row.id),
    listForwards(db, row.id),
    listNotes(db, row.id),
    listSuggestions(db, row.id),
    listMailLog(db, row.id),
    consentTextOf(row.consent_version),
  ]);
  const now = new Date().toISOString();
  return c.json({
    ...toPerson(row),
    consent: {
      version: row.consent_version,
      given_at: row.consent_given_at,
      page_origin: row.claimed_origin,
      text: consentText?.text ?? null,
      current: consentText?.current ?? false,
    },
    steckbrief: toSteckbrief(steckbrief),
    forwards: forwards.map((f) => toForward(f, now)),
    notes: notes.map(toNote),
    suggestions: suggestions.map(toSuggestion),
    mails,
    retention: {
      renew_due_at: row.renew_due_at,
      renewal_asked_at: row.renewal_asked_at,
      erase_at: eraseAtOf(row.renewal_mailed_at),
      renewed_at: row.consent_renewed_at,
    },
    mail_stopped:
      row.mail_stopped_at && row.mail_stop_reason ? { at: row.mail_stopped_at, reason: row.mail_stop_reason } : null,
    digest_every: row.digest_every,
  });
});

// The most one download holds; a larger list is narrowed by its filters first.
export const EXPORT_MAX = 50_000;
const EXPORT_PAGE = 1_000;

const COLUMNS = {
  de: [
    "E-Mail",
    "Vorname",
    "Stand",
    "Berufsfeld",
    "Beruf",
    "Abschluss",
    "Orte",
    "Rückkehr ab",
    "Möchte",
    "Sprache",
    "Über die Seite",
    "Angemeldet am",
    "Bestätigt am",
    "Einwilligung gegeben am",
  ],
  en: [
    "E-mail",
    "First name",
    "Status",
    "Field",
    "Occupation",
    "Qualification",
    "Towns",
    "Returning from",
    "Wants",
    "Language",
    "Via the site",
    "Signed up",
    "Confirmed",
    "Consent given",
  ],
} as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** Berlin wall-clock time as a spreadsheet reads it: "02.12.2026 19:03" in German, "2026-12-02 19:03" otherwise. */
export function berlinCell(iso: string | null, lang: Lang): string {
  if (!iso) return "";
  const w = berlinClock(new Date(iso));
  const time = `${pad(w.hour)}:${pad(w.minute)}`;
  return lang === "de"
    ? `${pad(w.day)}.${pad(w.month)}.${w.year} ${time}`
    : `${w.year}-${pad(w.month)}-${pad(w.day)} ${time}`;
}

function exportRow(r: SignupRecord, lang: Lang): unknown[] {
  const list = (json: string) => JSON.parse(json) as string[];
  const status = {
    de: { confirmed: "bestätigt", pending: "unbestätigt" },
    en: { confirmed: "confirmed", pending: "not confirmed" },
  };
  return [
    r.email,
    r.first_name,
    status[lang][r.status as "confirmed" | "pending"] ?? r.status,
    r.field ? CATEGORIES[r.field as keyof typeof CATEGORIES]?.[lang] : "",
    r.occupation,
    r.qualification ? QUALIFICATIONS[r.qualification as keyof typeof QUALIFICATIONS]?.[lang] : "",
    list(r.towns).map((id) => townById(id)?.name ?? id),
    r.earliest_return === "open" ? (lang === "de" ? "offen" : "open") : monthLabel(r.earliest_return, lang),
    list(r.wants).map((w) => WANTS[w as keyof typeof WANTS]?.[lang] ?? w),
    r.lang,
    r.source ?? r.claimed_origin,
    berlinCell(r.created_at, lang),
    berlinCell(r.confirmed_at, lang),
    berlinCell(r.consent_given_at, lang),
  ];
}

/**
 * Lifts a bounce stop after the person wrote that the address works again. A spam complaint is the person's
 * own word: only they take it back, on their page.
 */
staffPeople.post("/people/:id/mail-stop/lift", async (c) => {
  const row = await personInScope(c, c.req.param("id"));
  if (row.mail_stop_reason !== "bounce") throw new ApiError(409, "not_open");
  const hashes = [...new Set([await sha256Hex(row.email), await sha256Hex(row.email.toLowerCase())])];
  await c.env.DB.batch([
    ...liftStopStatements(c.env.DB, hashes, row.email),
    auditStatement(
      c.env.DB,
      { staff_id: c.get("staff").id, action: "mail_stop.lift", person_id: row.id },
      new Date().toISOString(),
    ),
  ]);
  return c.body(null, 204);
});

staffPeople.get("/people.csv", validate("query", peopleExportQuerySchema), async (c) => {
  const q = c.req.valid("query");
  const staff = c.get("staff");
  const lang: Lang = q.lang ?? (c.get("language") as Lang);
  const db = c.env.DB;
  const filters = filtersOf(q, staff);
  const first = await listPeople(db, filters, undefined, EXPORT_PAGE);
  if (first.total > EXPORT_MAX)
    throw new ApiError(400, "invalid_query", {
      status:
        lang === "en"
          ? `${first.total} people match; one download holds at most ${EXPORT_MAX}. Please narrow the filters.`
          : `${first.total} Personen passen; ein Download fasst höchstens ${EXPORT_MAX}. Bitte die Filter enger fassen.`,
    });
  // One entry for the whole download, before it starts: who took how many people, with which filters.
  await auditStatement(
    db,
    {
      staff_id: staff.id,
      action: "people.export",
      detail: { ...auditedFilters(q), rows: first.total, token: staff.machine },
    },
    new Date().toISOString(),
  ).run();
  const separator = csvSeparator(lang);
  const encoder = new TextEncoder();
  // Page by page along the same keyset as the list, each one read when the client has taken the last
  // (pull), so a large export never sits in memory at once.
  let page: SignupRecord[] | null = first.rows;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(COLUMNS[lang], separator)));
    },
    async pull(controller) {
      if (!page?.length) return controller.close();
      controller.enqueue(encoder.encode(page.map((r) => csvLine(exportRow(r, lang), separator)).join("")));
      const last = page.at(-1);
      page =
        page.length < EXPORT_PAGE || !last
          ? null
          : (await listPeople(db, filters, { created_at: last.created_at, id: last.id }, EXPORT_PAGE)).rows;
    },
  });
  csvHeaders(c, lang === "de" ? "heimvorteil-personen.csv" : "heimvorteil-people.csv");
  return c.body(body);
});
