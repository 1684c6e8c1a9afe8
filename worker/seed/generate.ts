/**
 * The deterministic demo region: fictional employers spread over the twelve towns, their jobs, and a year
 * of events with a returnee Stammtisch every third Thursday in most towns. The same seed, size and day
 * give the same rows on every machine; the size scales to the benchmark's 100k jobs.
 */

import { foldGerman } from "../../shared/search-text.ts";
import { type EmploymentId, type EventKind, employmentToBits } from "../../shared/taxonomy.ts";
import { berlinParts, berlinToUtc } from "../../shared/time.ts";
import { TOWNS, type Town, type TownId, townById } from "../../shared/towns.ts";
import type { EmployerRow, EventRow, JobRow, Region } from "../src/db/rows.ts";
import { Random } from "./random.ts";
import {
  INDUSTRIES,
  type Industry,
  NAME_STEMS,
  PERKS,
  type SeedCategory,
  STREETS,
  TASKS,
  TITLES,
  VENUES,
} from "./vocabulary.ts";

export interface SeedOptions {
  jobs: number;
  /** The day the data is generated for; dates are relative to it. */
  today: Date;
  seed?: number;
}

const DAY = 86_400_000;

// Bigger towns get more employers: Arnsberg, Meschede, Sundern, Brilon, Schmallenberg lead.
const TOWN_WEIGHTS: Record<TownId, number> = {
  arnsberg: 9,
  meschede: 6,
  sundern: 5,
  brilon: 5,
  schmallenberg: 5,
  marsberg: 4,
  olsberg: 3,
  winterberg: 3,
  bestwig: 2,
  eslohe: 2,
  medebach: 2,
  hallenberg: 1,
};
const WEIGHTED_TOWNS = TOWNS.flatMap((t) => Array<TownId>(TOWN_WEIGHTS[t.id]).fill(t.id));

function slugify(text: string): string {
  return foldGerman(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function employers(rnd: Random, count: number, today: number): EmployerRow[] {
  const out: EmployerRow[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const industry = INDUSTRIES[out.length % INDUSTRIES.length] as Industry;
    const stem = rnd.pick(NAME_STEMS);
    const suffix = rnd.pick(industry.suffixes);
    let name = `${stem} ${suffix} ${rnd.pick(industry.forms)}`;
    let id = slugify(`${stem} ${suffix}`);
    for (let n = 2; seen.has(id); n++) {
      id = slugify(`${stem} ${suffix} ${n}`);
      name = `${stem} ${suffix} ${n} ${rnd.pick(industry.forms)}`;
    }
    seen.add(id);
    out.push({
      id,
      name,
      town_id: rnd.pick(WEIGHTED_TOWNS),
      industry: industry.label,
      website: `https://www.${id}.example`,
      created_at: iso(today - rnd.int(200, 900) * DAY),
    });
  }
  return out;
}

function employmentFor(rnd: Random, given: readonly EmploymentId[] | undefined): number {
  if (given) return employmentToBits(given);
  const types: EmploymentId[] = ["full_time"];
  if (rnd.chance(0.3)) types.push("part_time");
  if (rnd.chance(0.08)) types.push("fixed_term");
  if (rnd.chance(0.04)) types.push("temp_agency");
  return employmentToBits(types);
}

function description(
  rnd: Random,
  category: SeedCategory,
  employer: EmployerRow,
  title: string,
  townName: string,
): string {
  const tasks = rnd.sample(TASKS[category], 3).map((t) => `– ${t}`);
  const perks = rnd.sample(PERKS, 3).map((p) => `– ${p}`);
  return [
    `${employer.name} sucht in ${townName} zum nächstmöglichen Zeitpunkt Verstärkung als ${title}.`,
    `Ihre Aufgaben:\n${tasks.join("\n")}`,
    `Was wir bieten:\n${perks.join("\n")}`,
    `Wir freuen uns besonders über Bewerbungen von Menschen, die ins Sauerland zurückkehren möchten.`,
  ].join("\n\n");
}

function jobs(rnd: Random, count: number, employerRows: EmployerRow[], today: number): JobRow[] {
  const industries = new Map(INDUSTRIES.map((i) => [i.label, i]));
  const out: JobRow[] = [];
  for (let id = 1; id <= count; id++) {
    // Skewed towards the first employers: a few large ones post many jobs, most post a handful.
    const employer = employerRows[Math.floor(rnd.next() ** 1.6 * employerRows.length)] as EmployerRow;
    const industry = industries.get(employer.industry) as Industry;
    const category = rnd.pick(industry.categories);
    const template = rnd.pick(TITLES[category]);
    // Most jobs are at the employer's seat; larger ones have sites in neighbouring towns.
    const town = rnd.chance(0.85) ? (townById(employer.town_id) as Town) : rnd.pick(TOWNS);
    const posted = today - rnd.int(0, 75) * DAY - rnd.int(0, 86_399) * 1000;
    // About one job in thirty has closed already: listed nowhere, its page answers 410.
    const validThrough = rnd.chance(0.033) ? today - rnd.int(1, 30) * DAY : posted + rnd.int(45, 150) * DAY;
    const remote =
      category === "it" ? rnd.pick(["hybrid", "hybrid", "remote", "onsite"]) : rnd.chance(0.12) ? "hybrid" : "onsite";
    const salaryBase = rnd.int(30, 70) * 1000;
    const withSalary = rnd.chance(0.4) && !template.employment?.includes("apprenticeship");
    const apply = rnd.next();
    out.push({
      id,
      employer_id: employer.id,
      town_id: town.id,
      title: template.title,
      description: description(rnd, category, employer, template.title, town.name),
      category,
      employment: employmentFor(rnd, template.employment),
      remote,
      salary_min: withSalary ? salaryBase : null,
      salary_max: withSalary ? salaryBase + rnd.int(4, 15) * 1000 : null,
      apply_url:
        apply < 0.75
          ? `https://karriere.${employer.id}.example/stellen/${id}`
          : apply < 0.92
            ? `mailto:bewerbung@${employer.id}.example`
            : null,
      posted_at: iso(posted),
      valid_through: iso(validThrough),
      updated_at: iso(posted),
    });
  }
  return out;
}

/** Third Thursday of a month, as Berlin (year, month, day). */
function thirdThursday(year: number, month: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((4 - firstWeekday + 7) % 7) + 14;
}

// Bestwig and Hallenberg have no Stammtisch of their own yet (their people go to Olsberg and Medebach).
const STAMMTISCH_TOWNS = TOWNS.filter((t) => t.id !== "bestwig" && t.id !== "hallenberg");

function events(rnd: Random, employerRows: EmployerRow[], today: number): EventRow[] {
  const out: EventRow[] = [];
  const now = berlinParts(new Date(today));
  // A place has one address, however often something happens there.
  const addresses = new Map<string, string>();
  const addressOf = (town: (typeof TOWNS)[number], venue: string) => {
    const key = `${town.id} ${venue}`;
    const known = addresses.get(key);
    if (known) return known;
    const address = `${rnd.pick(STREETS)} ${rnd.int(1, 40)}, ${town.postalCode} ${town.name}`;
    addresses.set(key, address);
    return address;
  };
  const add = (
    kind: EventKind,
    town: (typeof TOWNS)[number],
    start: Date,
    hours: number,
    fields: Pick<EventRow, "title" | "description" | "venue" | "organizer">,
  ) => {
    out.push({
      id: out.length + 1,
      kind,
      town_id: town.id,
      address: addressOf(town, fields.venue),
      url: rnd.chance(0.5) ? "https://www.heimvorteil.example/termine" : null,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + hours * 3_600_000).toISOString(),
      updated_at: new Date(today - rnd.int(1, 30) * DAY).toISOString(),
      ...fields,
    });
  };

  // Each town's Stammtisch meets in the same place every month.
  // Brilon's is picked too (the rest of the demo data stays as it was) but not added: the demo imports it from
  // the town's own calendar at start (src/dev/feeds.ts), on the second Thursday, and a second one a week
  // later would be the same Stammtisch twice.
  const stammtische = STAMMTISCH_TOWNS.map((town) => ({ town, venue: rnd.pick(VENUES) })).filter(
    ({ town }) => town.id !== "brilon",
  );
  // Two months back (for the archive) and six ahead.
  for (let offset = -2; offset <= 6; offset++) {
    const month0 = now.month - 1 + offset;
    const year = now.year + Math.floor(month0 / 12);
    const month = (((month0 % 12) + 12) % 12) + 1;
    const day = thirdThursday(year, month);
    for (const { town, venue } of stammtische) {
      add("stammtisch", town, berlinToUtc(year, month, day, 19, 0), 2.5, {
        title: `Rückkehrer-Stammtisch ${town.name}`,
        description: `Ob schon zurück, auf dem Sprung oder nur neugierig: Beim Stammtisch in ${town.name} triffst du Menschen, die (wieder) im Sauerland leben. Etwa ein Dutzend Leute, lockere Runde, jede*r zahlt selbst.`,
        venue,
        organizer: `Rückkehrer-Netzwerk ${town.name}`,
      });
    }
  }

  const kinds: {
    kind: Exclude<EventKind, "stammtisch">;
    title: (town: string, employer: string) => string;
    hours: number;
    hour: number;
  }[] = [
    { kind: "fair", title: (t) => `Jobmesse Südwestfalen in ${t}`, hours: 6, hour: 10 },
    {
      kind: "info_evening",
      title: () => "Infoabend: Zurück ins Sauerland – Wohnen, Kita, Jobs für Paare",
      hours: 2,
      hour: 18,
    },
    { kind: "company_visit", title: (_t, e) => `Blick hinter die Kulissen: ${e}`, hours: 2, hour: 16 },
    { kind: "workshop", title: () => "Workshop: Bewerben aus der Ferne", hours: 3, hour: 17 },
    { kind: "leisure", title: (t) => `Rückkehrer-Wanderung rund um ${t}`, hours: 4, hour: 10 },
  ];
  for (let i = 0; i < 30; i++) {
    const spec = kinds[i % kinds.length] as (typeof kinds)[number];
    const town = rnd.pick(TOWNS);
    const employer = rnd.pick(employerRows);
    const when = berlinParts(new Date(today + rnd.int(-20, 150) * DAY));
    add(spec.kind, town, berlinToUtc(when.year, when.month, when.day, spec.hour, 0), spec.hours, {
      title: spec.title(town.name, employer.name),
      description:
        spec.kind === "company_visit"
          ? `${employer.name} öffnet seine Türen für Rückkehrerinnen und Rückkehrer: Rundgang, Gespräche mit dem Team, offene Stellen.`
          : `Eine Veranstaltung des Rückkehrer-Programms im Hochsauerlandkreis. Anmeldung nicht nötig; Fragen gern vorab an das Programmteam.`,
      venue: spec.kind === "company_visit" ? employer.name : rnd.pick(VENUES),
      organizer: spec.kind === "company_visit" ? employer.name : "Wirtschaftsförderung Hochsauerland (Demo)",
    });
  }
  return out.sort((a, b) => a.starts_at.localeCompare(b.starts_at)).map((e, i) => ({ ...e, id: i + 1 }));
}

export function generateRegion({ jobs: jobCount, today, seed = 20261124 }: SeedOptions): Region {
  const rnd = new Random(seed);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const employerRows = employers(rnd, Math.max(64, Math.round(jobCount / 80)), start);
  return {
    employers: employerRows,
    jobs: jobs(rnd, jobCount, employerRows, start),
    events: events(rnd, employerRows, start),
  };
}
