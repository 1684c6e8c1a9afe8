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
export type DemoPerson = Omit<
  SignupRecord,
  | "link_version"
  | "renew_due_at"
  | "renewal_asked_at"
  | "renewal_mailed_at"
  | "consent_renewed_at"
  | "consent_history"
  | "digest_every"
  | "mail_stopped_at"
  | "mail_stop_reason"
> & {
  last_mail_at: string;
};

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
      // Every fourth wants all three (the first among them), the others jobs and one more.
      wants: JSON.stringify(WANT_IDS.filter((_, w) => w === 0 || i % 4 === 0 || (i + w) % 2 === 0)),
      lang: i % 7 === 0 ? "en" : "de",
      status: confirmed ? "confirmed" : "pending",
      consent_version: consentVersion,
      consent_given_at: at,
      confirmed_at: confirmed ? new Date(created.getTime() + 40 * 60_000).toISOString() : null,
      // Every site has confirmed and unconfirmed people (the unconfirmed are every fifth).
      source: SITES[Math.floor(i / 2) % SITES.length] as string,
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

/**
 * Forwards the demo's team made over the weeks, so the console's Outcomes and the people's pages show the
 * whole way: some still asked, some declined, most shared and opened, a few with a reply, an interview or a
 * hire. Proposed by the first admin account, to employers with a contact (employerContactsSql first).
 */
export function demoForwardsSql(people: DemoPerson[], today: Date): string {
  const withSteckbrief = new Set(demoSteckbriefe(people).map((b) => b.signup_id));
  // Only those confirmed long enough ago that every step lies in the past.
  const before = today.getTime() - 10 * 86_400_000;
  const chosen = people.filter(
    (p) => withSteckbrief.has(p.id) && p.confirmed_at && Date.parse(p.confirmed_at) < before,
  );
  // What came of the opened ones, in turn.
  const OUTCOMES = ["interview", "replied", "hired", null, "no_fit", "hired"] as const;
  let openedSoFar = 0;
  const statements = chosen.flatMap((p, i) =>
    [0, 1].slice(0, i % 3 === 0 ? 2 : 1).map((k) => {
      const proposed = Date.parse(p.confirmed_at as string) + (2 + k) * 86_400_000;
      const answered = proposed + 86_400_000;
      const state = (i + k) % 5 === 4 ? "asked" : (i + k) % 4 === 3 ? "declined" : "shared";
      const opened = state === "shared" && (i + k) % 3 !== 2 ? new Date(answered + 5 * 3_600_000).toISOString() : null;
      const outcome = opened ? OUTCOMES[openedSoFar++ % OUTCOMES.length] : null;
      const iso = (t: number) => `'${new Date(t).toISOString()}'`;
      const q = (v: string | null) => (v === null ? "NULL" : `'${v}'`);
      return `INSERT INTO forwards (id, signup_id, employer_id, proposed_by, proposed_at, state, fields, answered_at,
  expires_at, token_hash, opens, first_opened_at, last_opened_at, outcome, outcome_at)
SELECT 'demo-forward-${p.id}-${k}', '${p.id}',
  (SELECT id FROM employers WHERE contact_email IS NOT NULL ORDER BY name LIMIT 1 OFFSET ${(i * 2 + k) % 24}),
  (SELECT id FROM staff WHERE role = 'admin' ORDER BY created_at LIMIT 1), ${iso(proposed)}, 'asked', '[]', NULL,
  NULL, NULL, 0, NULL, NULL, NULL, NULL
WHERE EXISTS (SELECT 1 FROM staff WHERE role = 'admin');
${
  state === "asked"
    ? ""
    : `UPDATE forwards SET state = '${state}', answered_at = ${iso(answered)}${
        state === "shared"
          ? `, fields = '["first_name","headline","about","looking_for","towns","qualification"]', expires_at = ${iso(answered + 30 * 86_400_000)}, token_hash = lower(hex(randomblob(32)))`
          : ""
      } WHERE id = 'demo-forward-${p.id}-${k}';`
}
${opened ? `UPDATE forwards SET opens = 1, first_opened_at = ${q(opened)}, last_opened_at = ${q(opened)} WHERE id = 'demo-forward-${p.id}-${k}';` : ""}
${outcome ? `UPDATE forwards SET outcome = '${outcome}', outcome_at = ${iso(Date.parse(opened as string) + 3 * 86_400_000)} WHERE id = 'demo-forward-${p.id}-${k}';` : ""}`;
    }),
  );
  return `${statements.join("\n")}\n`;
}
