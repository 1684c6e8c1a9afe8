/**
 * `GET /v1/staff/outcomes` and `/outcomes.csv`: what came of the programme in a period of Berlin days, for
 * the console's Outcomes view and the funders' report. Counts only (Berlin days, migration 0016), so no audit entry: nobody's data
 * is read. A town account gets its towns' counts.
 */
import { type Context, Hono } from "hono";
import { berlinDate } from "../../../../shared/berlin-clock.ts";
import { CUSTOM_MESSAGES } from "../../../../shared/errors.ts";
import type { Lang } from "../../../../shared/i18n.ts";
import { OUTCOME_LABELS, OUTCOME_METRICS } from "../../../../shared/outcome-metrics.ts";
import {
  MAX_OUTCOME_DAYS,
  type OutcomeCounts,
  type OutcomesDto,
  outcomesQuerySchema,
} from "../../../../shared/schemas/outcomes.ts";
import { townById } from "../../../../shared/towns.ts";
import { readOutcomeCounts } from "../../db/outcomes.ts";
import { csvBody, csvHeaders, csvSeparator } from "../../lib/csv.ts";
import { ApiError } from "../../lib/errors.ts";
import { type StaffEnv, scopeOf } from "../../lib/staff-session.ts";
import { validate } from "../../lib/validate.ts";
import { defaultPeriod, toOutcomes } from "../../present/outcomes.ts";

export const staffOutcomes = new Hono<StaffEnv>();

const outcomes = validate("query", outcomesQuerySchema);

async function read(c: Context<StaffEnv>, from?: string, to?: string) {
  const period = defaultPeriod(berlinDate(), from, to);
  // The limits once more with the defaults filled in: `from` alone may reach back too far.
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (days < 0 || days >= MAX_OUTCOME_DAYS)
    throw new ApiError(400, "invalid_query", {
      [days < 0 ? "to" : "from"]:
        CUSTOM_MESSAGES[days < 0 ? "to_before_from" : "period_too_long"][c.get("language") as Lang],
    });
  const towns = scopeOf(c.get("staff")) ?? null;
  return toOutcomes(await readOutcomeCounts(c.env.DB, period, towns), period, towns);
}

staffOutcomes.get("/outcomes", outcomes, async (c) => {
  const q = c.req.valid("query");
  return c.json(await read(c, q.from, q.to));
});

const SLICES = {
  total: { de: "Zeitraum", en: "Period" },
  week: { de: "Woche", en: "Week" },
  site: { de: "Website", en: "Website" },
  town: { de: "Genannter Ort", en: "Town named" },
} as const;

const germanDate = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
const shownDate = (day: string, lang: Lang) => (lang === "de" ? germanDate(day) : day);

/** Confirmed per signup, in per cent with one decimal, written as the reader's spreadsheet expects it. */
function rate(counts: OutcomeCounts, lang: Lang): string {
  if (!counts.signup) return "";
  const value = (Math.round((counts.confirmed / counts.signup) * 1000) / 10).toFixed(1);
  return lang === "de" ? value.replace(".", ",") : value;
}

export function outcomesCsv(o: OutcomesDto, lang: Lang): string {
  const header = [
    lang === "de" ? "Gliederung" : "Breakdown",
    lang === "de" ? "Wert" : "Value",
    ...OUTCOME_METRICS.flatMap((m) => [
      OUTCOME_LABELS[m][lang],
      ...(m === "confirmed" ? [lang === "de" ? "Bestätigungsquote (%)" : "Confirmation rate (%)"] : []),
    ]),
  ];
  const line = (slice: keyof typeof SLICES, value: string, counts: OutcomeCounts) => [
    SLICES[slice][lang],
    value,
    ...OUTCOME_METRICS.flatMap((m) => [counts[m], ...(m === "confirmed" ? [rate(counts, lang)] : [])]),
  ];
  const weekLabel = (w: OutcomesDto["weeks"][number]) => {
    const [year, number] = w.week.split("-W");
    return lang === "de" ? `KW ${number}/${year} (ab ${germanDate(w.starts)})` : `${w.week} (from ${w.starts})`;
  };
  const unknownSite = lang === "de" ? "(unbekannt)" : "(unknown)";
  return csvBody(
    header,
    [
      line("total", `${shownDate(o.from, lang)} – ${shownDate(o.to, lang)}`, o.totals),
      ...o.weeks.map((w) => line("week", weekLabel(w), w)),
      ...o.sites.map((s) => line("site", s.site || unknownSite, s)),
      ...o.towns_named.map((t) => line("town", townById(t.town)?.name ?? t.town, t)),
    ],
    csvSeparator(lang),
  );
}

staffOutcomes.get("/outcomes.csv", outcomes, async (c) => {
  const q = c.req.valid("query");
  const o = await read(c, q.from, q.to);
  const lang = c.get("language") as Lang;
  csvHeaders(c, `heimvorteil-${lang === "de" ? "ergebnisse" : "outcomes"}-${o.from}-${o.to}.csv`);
  return c.body(outcomesCsv(o, lang));
});
