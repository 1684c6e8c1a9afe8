/**
 * Fictional people for the demo's console: signups with names, towns, fields and consent, some confirmed,
 * some not yet. Addresses are on example.org (RFC 2606): no real person is ever written.
 */
import { TOWN_IDS } from "../../shared/ids.ts";
import { QUALIFICATION_IDS, WANT_IDS } from "../../shared/signup-options.ts";
import { CATEGORY_IDS } from "../../shared/taxonomy.ts";
import { insertsSql } from "../src/db/rows.ts";
import type { SignupRecord } from "../src/db/signups.ts";

const FIRST = [
  "Anna",
  "Jonas",
  "Lea",
  "Lukas",
  "Mia",
  "Finn",
  "Emma",
  "Paul",
  "Sophie",
  "Ben",
  "Hanna",
  "Elias",
  "Lina",
  "Noah",
  "Marie",
  "Tim",
  "Clara",
  "Jan",
  "Ida",
  "Max",
];
const OCCUPATIONS = [
  "Elektronikerin",
  "Softwareentwickler",
  "Pflegefachkraft",
  "Maschinenbauingenieurin",
  "Erzieher",
  "Bürokauffrau",
  "Tischler",
  "Logistikerin",
  "Koch",
  "Verwaltungsfachangestellte",
];
const SITES = [
  "Stadt Meschede",
  "Kreis-Website",
  "Karriereseite Ruhrquell",
  "Browser-Erweiterung",
  "Stammtisch Brilon",
];

/** A signup row as the seed writes it (the record the staff read, and when it was last mailed). */
export type DemoPerson = Omit<SignupRecord, "link_version"> & { last_mail_at: string };

/** `count` people who signed up over the weeks before `today`, the same ones for the same arguments. */
export function demoPeople(count: number, today: Date, consentVersion: string): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const created = new Date(today.getTime() - (i * 37 + 5) * 3_600_000);
    const confirmed = i % 5 !== 3;
    const towns = [TOWN_IDS[i % 12], ...(i % 3 === 0 ? [TOWN_IDS[(i * 5 + 3) % 12]] : [])];
    const at = created.toISOString();
    const first = FIRST[i % FIRST.length] as string;
    return {
      id: `demo-${String(i + 1).padStart(4, "0")}`,
      email: `${first.toLowerCase()}.${i + 1}@example.org`,
      first_name: first,
      field: CATEGORY_IDS[i % 12] as string,
      occupation: OCCUPATIONS[i % OCCUPATIONS.length] as string,
      qualification: QUALIFICATION_IDS[(i * 3) % QUALIFICATION_IDS.length] as string,
      towns: JSON.stringify([...new Set(towns)]),
      earliest_return: i % 4 === 0 ? "open" : `2027-${String((i % 12) + 1).padStart(2, "0")}`,
      wants: JSON.stringify(WANT_IDS.filter((_, w) => w === 0 || (i + w) % 2 === 0)),
      lang: i % 7 === 0 ? "en" : "de",
      status: confirmed ? "confirmed" : "pending",
      consent_version: consentVersion,
      consent_given_at: at,
      confirmed_at: confirmed ? new Date(created.getTime() + 40 * 60_000).toISOString() : null,
      source: SITES[i % SITES.length] as string,
      claimed_origin: "https://www.example.org",
      created_at: at,
      last_mail_at: at,
    };
  });
}

// Where the demo people live now: the Steckbrief's "what I do" says it in the person's own words.
const NOW_IN = ["Köln", "Düsseldorf", "Dortmund", "Frankfurt", "Hamburg", "Berlin", "München"];
const LOOKING = [
  "Eine feste Stelle in der Nähe von Brilon, gern mit Verantwortung für ein kleines Team.",
  "Remote mit ein, zwei Tagen im Büro in Meschede oder Arnsberg.",
  "Teilzeit, ab Sommer, damit die Kinder hier zur Schule gehen können.",
  "Ein Mittelständler, bei dem ich nah an der Fertigung bin.",
];

/** Every third confirmed person has written a Steckbrief of their own. */
function demoSteckbriefe(people: DemoPerson[]) {
  return people
    .filter((p, i) => p.status === "confirmed" && i % 3 === 0)
    .map((p, i) => ({
      signup_id: p.id,
      headline: `${p.occupation} mit ${4 + (i % 9)} Jahren Berufserfahrung`,
      about: `Ich arbeite seit ${4 + (i % 9)} Jahren als ${p.occupation} in ${NOW_IN[i % NOW_IN.length]} und möchte zurück in die Nähe meiner Familie.`,
      looking_for: LOOKING[i % LOOKING.length] as string,
      languages: JSON.stringify(i % 2 ? ["Deutsch", "Englisch (fließend)"] : ["Deutsch", "Englisch", "Polnisch"]),
      cv_url: null,
      updated_at: p.confirmed_at ?? p.created_at,
    }));
}

/** The people as an SQL script for `wrangler d1 execute --file` (the seed, the browser tests, the bench). */
export function peopleSql(people: DemoPerson[]): string {
  const first = people[0];
  if (!first) return "";
  const columns = Object.keys(first);
  const steckbriefe = demoSteckbriefe(people);
  const steckbriefColumns = Object.keys(steckbriefe[0] ?? {});
  return insertsSql([
    { table: "signups", columns, rows: people.map((p) => columns.map((c) => p[c as keyof DemoPerson])) },
    {
      table: "steckbriefe",
      columns: steckbriefColumns,
      rows: steckbriefe.map((b) => steckbriefColumns.map((c) => b[c as keyof (typeof steckbriefe)[number]])),
    },
  ]);
}

/**
 * The first `count` employers (by name) get a fictional contact for forwards, on the reserved .example
 * domain, so the demo's forwards have somewhere to go.
 */
export function employerContactsSql(count: number): string {
  return `UPDATE employers SET contact_email = 'bewerbung@' || id || '.example', contact_name = 'Personalabteilung'
  WHERE id IN (SELECT id FROM employers ORDER BY name LIMIT ${count});\n`;
}
