// A small, hand-made region for the worker tests: every job and event here exists to prove something.
import { env, SELF } from "cloudflare:test";
import { employmentToBits } from "../../shared/taxonomy.ts";
import { berlinParts, berlinToUtc } from "../../shared/time.ts";
import { importRegion } from "../../worker/src/db/import.ts";
import type { EmployerRow, EventRow, JobRow } from "../../worker/src/db/rows.ts";

const DAY = 86_400_000;
export const NOW = Date.now();
const iso = (offsetDays: number) => new Date(NOW + offsetDays * DAY).toISOString();

export const EMPLOYERS: EmployerRow[] = [
  {
    id: "nebelhoehe-elektro",
    name: "Nebelhöhe Elektro GmbH",
    town_id: "meschede",
    industry: "Elektro",
    website: "https://nebelhoehe.example",
    created_at: iso(-400),
  },
  {
    id: "quellgrund-software",
    name: "Quellgrund Software GmbH",
    town_id: "arnsberg",
    industry: "Software",
    website: null,
    created_at: iso(-400),
  },
  {
    id: "tannenbaeck",
    name: "Tannenbäck KG",
    town_id: "winterberg",
    industry: "Handwerk",
    website: "javascript:alert(1)",
    created_at: iso(-400),
  },
  {
    id: "heidekamm-pflege",
    name: "Heidekamm Pflege gGmbH",
    town_id: "marsberg",
    industry: "Pflege",
    website: null,
    created_at: iso(-400),
  },
  {
    id: "lagerwerk-eslohe",
    name: "Lagerwerk Eslohe GmbH",
    town_id: "eslohe",
    industry: "Logistik",
    website: null,
    created_at: iso(-400),
  },
];

type JobInput = Partial<JobRow> & Pick<JobRow, "id" | "title" | "employer_id" | "town_id" | "category">;

function job(j: JobInput & { types?: Parameters<typeof employmentToBits>[0] }): JobRow {
  const { types, ...rest } = j;
  return {
    description: `Wir suchen Verstärkung als ${j.title}.\n\nIhre Aufgaben:\n– Dinge tun`,
    employment: employmentToBits(types ?? ["full_time"]),
    remote: "onsite",
    salary_min: null,
    salary_max: null,
    apply_url: `https://jobs.example/${j.id}`,
    posted_at: iso(-j.id),
    valid_through: iso(60 + j.id),
    updated_at: iso(-j.id),
    ...rest,
  };
}

export const HOSTILE_TITLE = `<img src=x onerror=alert(1)></script><script>alert(2)</script>\u202Eevil`;

export const JOBS: JobRow[] = [
  job({
    id: 1,
    title: "Elektroniker*in für Betriebstechnik (m/w/d)",
    employer_id: "nebelhoehe-elektro",
    town_id: "meschede",
    category: "electrical",
  }),
  job({
    id: 2,
    title: "Elektronikerin Energie- und Gebäudetechnik",
    employer_id: "nebelhoehe-elektro",
    town_id: "bestwig",
    category: "electrical",
    types: ["full_time", "part_time"],
  }),
  job({
    id: 3,
    title: "Bäcker:in (m/w/d)",
    employer_id: "tannenbaeck",
    town_id: "winterberg",
    category: "crafts",
    types: ["part_time", "mini_job"],
  }),
  job({
    id: 4,
    title: "Softwareentwickler/-in TypeScript",
    employer_id: "quellgrund-software",
    town_id: "arnsberg",
    category: "it",
    remote: "remote",
    salary_min: 52000,
    salary_max: 68000,
  }),
  job({
    id: 5,
    title: "Pflegefachkraft (m/w/d)",
    employer_id: "heidekamm-pflege",
    town_id: "marsberg",
    category: "healthcare",
    apply_url: "mailto:bewerbung@heidekamm.example",
  }),
  job({
    id: 6,
    title: "Ausbildung Kaufmann/-frau für Büromanagement",
    employer_id: "quellgrund-software",
    town_id: "olsberg",
    category: "office",
    types: ["apprenticeship"],
    remote: "hybrid",
    apply_url: null,
  }),
  job({
    id: 7,
    title: "Elektroniker (m/w/d) Altvertrag",
    employer_id: "nebelhoehe-elektro",
    town_id: "meschede",
    category: "electrical",
    valid_through: iso(-1),
  }),
  job({
    id: 8,
    title: HOSTILE_TITLE,
    employer_id: "tannenbaeck",
    town_id: "winterberg",
    category: "crafts",
    apply_url: "javascript:alert(1)",
    description: `</script><script>alert(3)</script>\n\n${"x".repeat(10_000)}`,
  }),
  job({ id: 9, title: "Straßenbauer*in", employer_id: "tannenbaeck", town_id: "eslohe", category: "crafts" }),
  // A batch of alike jobs for pagination; some share a posting time to exercise the id tie-break.
  ...Array.from({ length: 41 }, (_, i) =>
    job({
      id: 100 + i,
      title: `Lagerist*in Schicht ${i % 3 === 0 ? "Früh" : "Spät"}`,
      employer_id: "lagerwerk-eslohe",
      town_id: "eslohe",
      category: "logistics",
      posted_at: iso(-3 - Math.floor(i / 4)),
      valid_through: iso(30 + (i % 5)),
    }),
  ),
];

export const OPEN_JOBS = JOBS.filter((j) => j.valid_through > new Date().toISOString());

/** The third Thursday of the month after next, 19:00 in Berlin. */
function nextStammtisch(): Date {
  const p = berlinParts(new Date(NOW + 45 * DAY));
  const firstWeekday = new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay();
  return berlinToUtc(p.year, p.month, 1 + ((4 - firstWeekday + 7) % 7) + 14, 19, 0);
}

export const STAMMTISCH_START = nextStammtisch();
export const TRICKY_DESCRIPTION =
  'Bring: Wanderschuhe, Regenjacke; Proviant.\nTreffpunkt \\ Parkplatz "Kahler Asten" – Grüße aus Österreich! '.repeat(
    3,
  );

function event(e: Partial<EventRow> & Pick<EventRow, "id" | "title" | "town_id" | "kind" | "starts_at">): EventRow {
  return {
    description: "Eine Veranstaltung.",
    venue: "Gasthof zur Linde",
    address: "Hauptstraße 1, 59872 Meschede",
    organizer: "Rückkehrer-Netzwerk",
    url: null,
    ends_at: new Date(new Date(e.starts_at).getTime() + 2 * 3_600_000).toISOString(),
    updated_at: iso(-3),
    ...e,
  };
}

export const EVENTS: EventRow[] = [
  event({ id: 1, title: "Stammtisch vom letzten Monat", town_id: "meschede", kind: "stammtisch", starts_at: iso(-30) }),
  event({
    id: 2,
    title: "Rückkehrer-Stammtisch Brilon",
    town_id: "brilon",
    kind: "stammtisch",
    starts_at: STAMMTISCH_START.toISOString(),
    url: "https://netzwerk.example/brilon",
  }),
  event({
    id: 3,
    title: "Jobmesse Südwestfalen",
    town_id: "arnsberg",
    kind: "fair",
    starts_at: iso(10),
    url: "javascript:alert(1)",
  }),
  event({
    id: 4,
    title: "Wanderung, Picknick; und mehr",
    town_id: "winterberg",
    kind: "leisure",
    starts_at: iso(20),
    description: TRICKY_DESCRIPTION,
  }),
  event({ id: 5, title: "Infoabend Wohnen & Kita", town_id: "meschede", kind: "info_evening", starts_at: iso(40) }),
  event({
    id: 6,
    title: "Rückkehrer-Stammtisch Meschede",
    town_id: "meschede",
    kind: "stammtisch",
    starts_at: iso(70),
  }),
  // Started an hour ago and still running: "upcoming" means not yet over.
  event({
    id: 7,
    title: "Laufende Betriebsbesichtigung",
    town_id: "sundern",
    kind: "company_visit",
    starts_at: new Date(NOW - 3_600_000).toISOString(),
  }),
];

export async function seedFixture(): Promise<void> {
  await importRegion(env.DB, { employers: EMPLOYERS, jobs: JOBS, events: EVENTS });
}

export const ORIGIN = "https://api.test";

export function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, { headers });
}

export async function getJson<T>(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; res: Response }> {
  const res = await get(path, headers);
  return { status: res.status, body: (await res.json()) as T, res };
}
