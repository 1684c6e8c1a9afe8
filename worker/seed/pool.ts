/**
 * The demo's applicant pool: fictional members in clusters, so that cards show at every level of the
 * k rule (exact occupations; occupations given way to fields, months to half-years, towns to the district;
 * and a few too rare to show), plus Anna (`demo-0001`) of the console's demo people, and one demo
 * employer's account. Addresses are on example.org / .example (RFC 2606).
 */
import { insertsSql, type Value } from "../src/db/rows.ts";

interface Cluster {
  field: string;
  occupation: string;
  /** Per member, so a cluster can spread over towns. */
  towns: (i: number) => string[];
  back: (i: number) => string;
  lines: (i: number) => string | null;
  size: number;
}

const CLUSTERS: Cluster[] = [
  // Alike Anna (demo-0001): electronics in Arnsberg and Eslohe, back whenever. Shown exactly.
  {
    field: "it",
    occupation: "Elektroniker/in",
    towns: () => ["arnsberg", "eslohe"],
    back: () => "open",
    lines: (i) => (i < 5 ? "SPS-Programmierung und Inbetriebnahme, Schaltschrankbau" : "Wartung und Störungssuche"),
    size: 7,
  },
  // Nurses wanting Brilon, back in the first half of 2027 in different months: shown with the half-year.
  {
    field: "healthcare",
    occupation: "Pflegefachkraft",
    towns: () => ["brilon"],
    back: (i) => `2027-0${(i % 6) + 1}`,
    lines: (i) => (i % 2 ? "Intensivpflege, Praxisanleitung" : "Ambulante Pflege, Führerschein B"),
    size: 8,
  },
  // Software developers, each wanting another town: shown as "somewhere in the Hochsauerlandkreis".
  {
    field: "it",
    occupation: "Softwareentwickler/in",
    towns: (i) => [["meschede", "arnsberg", "sundern", "olsberg", "winterberg", "brilon"][i % 6] as string],
    back: () => "2027-09",
    lines: () => "TypeScript, Cloud, gern hybrid",
    size: 6,
  },
  // Educators in Sundern, back whenever: shown exactly.
  {
    field: "social",
    occupation: "Erzieher/in",
    towns: () => ["sundern"],
    back: () => "open",
    lines: () => "Kita, Sprachförderung",
    size: 6,
  },
  // Rare: a farrier, a luthier and an organ builder. Too few alike: shown to no one.
  {
    field: "crafts",
    occupation: "Hufschmied",
    towns: (i) => [["medebach", "hallenberg", "marsberg"][i] as string],
    back: (i) => `2028-0${i + 1}`,
    lines: () => null,
    size: 3,
  },
];

const FIRST = ["Alex", "Sam", "Kim", "Robin", "Luca", "Jana", "Tom", "Nele", "Ole", "Pia", "Mats", "Zoe"];

export const DEMO_EMPLOYER_EMAIL = "personal@arbeitgeber-demo.example";

/** The columns of a pool member's signup and membership rows, in order (the demo's and bench:pool's). */
export const POOL_SIGNUP_COLUMNS = [
  "id",
  "email",
  "first_name",
  "field",
  "occupation",
  "qualification",
  "towns",
  "earliest_return",
  "wants",
  "lang",
  "status",
  "consent_version",
  "consent_given_at",
  "confirmed_at",
  "source",
  "created_at",
  "last_mail_at",
] as const;
export const POOL_MEMBER_COLUMNS = [
  "signup_id",
  "details",
  "consent_version",
  "joined_at",
  "updated_at",
  "headline",
] as const;

/** The pool's demo as SQL, after the demo people and the staff exist (the account is made by the first admin). */
export function demoPoolSql(today: Date, consentVersion: string, poolConsentVersion: string): string {
  const people: Value[][] = [];
  const members: Value[][] = [];
  let n = 0;
  for (const cluster of CLUSTERS)
    for (let i = 0; i < cluster.size; i++) {
      n++;
      const id = `pool-${String(n).padStart(4, "0")}`;
      const first = FIRST[n % FIRST.length] as string;
      const at = new Date(today.getTime() - (n * 11 + 30) * 3_600_000).toISOString();
      people.push([
        id,
        `${first.toLowerCase()}.pool${n}@example.org`,
        first,
        cluster.field,
        cluster.occupation,
        null,
        JSON.stringify(cluster.towns(i)),
        cluster.back(i),
        JSON.stringify(["job_offers"]),
        "de",
        "confirmed",
        consentVersion,
        at,
        at,
        "Demo-Pool",
        at,
        at,
      ]);
      members.push([id, JSON.stringify(["occupation", "towns", "back"]), poolConsentVersion, at, at, cluster.lines(i)]);
    }
  const joined = new Date(today.getTime() - 3 * 86_400_000).toISOString();
  members.push([
    "demo-0001",
    JSON.stringify(["occupation", "towns", "back"]),
    poolConsentVersion,
    joined,
    joined,
    "SPS und Schaltschrankbau, 8 Jahre",
  ]);
  return `${insertsSql([
    {
      table: "signups",
      columns: [...POOL_SIGNUP_COLUMNS],
      rows: people,
    },
    {
      table: "pool_members",
      columns: [...POOL_MEMBER_COLUMNS],
      rows: members,
    },
  ])}INSERT INTO employer_accounts (id, employer_id, email, name, created_by, created_at)
  SELECT 'demo-employer-account', (SELECT id FROM employers ORDER BY name LIMIT 1), '${DEMO_EMPLOYER_EMAIL}',
    'Petra Personal (Demo)', (SELECT id FROM staff WHERE role = 'admin' ORDER BY created_at LIMIT 1), '${today.toISOString()}'
  WHERE EXISTS (SELECT 1 FROM staff WHERE role = 'admin');
`;
}
