/**
 * A stand-in for the Jobbörse's Jobsuche API, answering as job-sources.md §1 records it (v6 search, v4
 * details), over a made-up, deterministic set of jobs with fictional employers. `npm start` serves it under
 * /dev/fixtures/ba (routes/dev/dev-fixtures.ts), the tests answer the importer's fetches with it, and the import
 * benchmark serves 10,000 of its jobs. Never used in production: the routes answer 404 unless DEV.
 */

import { POSTCODES } from "../../../shared/postcodes.ts";
import { TOWNS, type Town, townsWithin } from "../../../shared/towns.ts";

// Fictional employers, each with the jobs (indexes into JOBS) such an employer posts.
const EMPLOYERS: [name: string, jobs: number[]][] = [
  ["Lennetal Metallbau GmbH & Co. KG", [1, 13, 10]],
  ["Ruhrquell Kunststofftechnik GmbH", [1, 11, 7]],
  ["Pflegedienst Hochsauerland-Mitte e. V.", [2, 12]],
  ["Bäckerei Vogelsang e.K.", [3, 7]],
  ["Sauerländer Elektroanlagen GmbH", [0, 10]],
  ["Kreiskliniken Ostsauerland gGmbH", [2, 12, 5]],
  ["Rothaarsteig Logistik GmbH", [4, 7]],
  ["Hennesee Hotel & Tagungshaus GmbH", [5, 7]],
  ["Fichtenhang Software AG", [6, 7]],
  ["Autohaus am Kahlen Asten GmbH", [8, 7]],
  ["Gemeinde Musterwald", [9, 14, 15]],
  ["Personalservice Ruhrbogen GmbH", [1, 4, 0, 3]],
];
// BERUFENET-style occupation labels with a job title written the way ads write them.
const JOBS: [hauptberuf: string, title: string, art: "ARBEIT" | "AUSBILDUNG" | "PRAKTIKUM_TRAINEE"][] = [
  ["Elektroniker/in - Energie- und Gebäudetechnik", "Elektroniker für Energie- und Gebäudetechnik (m/w/d)", "ARBEIT"],
  ["Industriemechaniker/in", "Industriemechaniker (m/w/d) im Schichtbetrieb", "ARBEIT"],
  ["Pflegefachmann/-frau", "Pflegefachkraft (m/w/d) ambulant", "ARBEIT"],
  ["Bäcker/in", "Bäcker/in (m/w/d) für die Frühschicht", "ARBEIT"],
  ["Berufskraftfahrer/in (Güterverkehr/LKW)", "LKW-Fahrer CE (m/w/d) Nahverkehr", "ARBEIT"],
  ["Koch/Köchin", "Koch / Köchin (m/w/d) à la carte", "ARBEIT"],
  ["Softwareentwickler/in", "Softwareentwickler*in TypeScript", "ARBEIT"],
  ["Kaufmann/-frau - Büromanagement", "Kaufmann/-frau für Büromanagement (m/w/d)", "ARBEIT"],
  ["Kfz-Mechatroniker/in - PKW-Technik", "Kfz-Mechatroniker (m/w/d) PKW", "ARBEIT"],
  ["Verwaltungsfachangestellte/r - Kommunalverwaltung", "Verwaltungsfachangestellte (m/w/d) Bürgerbüro", "ARBEIT"],
  ["Elektroniker/in - Betriebstechnik", "Ausbildung zum Elektroniker für Betriebstechnik (m/w/d) 2027", "AUSBILDUNG"],
  [
    "Kaufmann/-frau - Groß- und Außenhandelsmanagement",
    "Ausbildung Kaufmann im Groß- und Außenhandel (m/w/d)",
    "AUSBILDUNG",
  ],
  ["Pflegefachmann/-frau", "Ausbildung Pflegefachfrau/-mann 2027", "AUSBILDUNG"],
  ["Maschinenbauingenieur/in", "Praktikum Konstruktion (m/w/d)", "PRAKTIKUM_TRAINEE"],
  // Labels our categories do not cover: imported as "other", and named in the source's health.
  ["Tierpfleger/in - Zoo", "Tierpfleger (m/w/d) Wildpark", "ARBEIT"],
  ["Bestatter/in", "Bestattungsfachkraft (m/w/d)", "ARBEIT"],
];
const ART_CODE = { ARBEIT: "1", AUSBILDUNG: "4", PRAKTIKUM_TRAINEE: "34" } as const;
// The search's arbeitszeit filter, as the items' flags say.
const WORKING_TIME: Record<string, (item: BaItem) => boolean> = {
  vz: (i) => i.arbeitszeitVollzeit === true,
  tz: (i) => i.arbeitszeitTeilzeitFlexibel === true,
  snw: (i) => i.arbeitszeitSchichtNachtWochenende === true,
  mj: (i) => i.istGeringfuegigeBeschaeftigung === true,
  ho: (i) => i.homeofficemoeglich === true,
};

export interface FixtureOptions {
  /** How many jobs in the district (plus a few outside it, which the importer must drop). */
  count: number;
  /** Jobs whose change stamp and title differ, as after an edit: the ones with index % 1000 < changed‰. */
  changedPerMille?: number;
  /** Leave out every job whose index % 1000 is below this (they "left" the Jobbörse). */
  removedPerMille?: number;
  /** Add the jobs the demo feeds carry too, and a few just outside the district. */
  extras?: boolean;
}

export type BaItem = Record<string, unknown> & { referenznummer: string; __town: string; __index: number };

const codesOf = (town: Town) => Object.keys(POSTCODES).filter((code) => POSTCODES[code] === town.id);

/** The fixture's jobs. Index i is stable across options, so a re-import sees the same jobs. */
export function baItems(o: FixtureOptions): BaItem[] {
  const items: BaItem[] = [];
  for (let i = 0; i < o.count; i++) {
    if (i % 1000 < (o.removedPerMille ?? 0)) continue;
    const town = TOWNS[i % TOWNS.length] as Town;
    const [employer, offers] = EMPLOYERS[(i * 5 + Math.floor(i / 12)) % EMPLOYERS.length] as [string, number[]];
    const offer = offers[Math.floor(i / 12) % offers.length] as number;
    const [hauptberuf, title, art] = JOBS[offer] as (typeof JOBS)[number];
    const changed = i % 1000 < (o.changedPerMille ?? 0);
    const codes = codesOf(town);
    const day = 1 + (i % 28);
    items.push({
      __town: town.id,
      __index: i,
      referenznummer: `10001-${String(1_000_000_000 + i)}-S`,
      stellenangebotsart: art,
      stellenangebotsTitel: changed ? `${title} – neu ausgeschrieben` : i % 97 === 0 ? `${title} Standort ${i}` : title,
      hauptberuf,
      alleBerufe: [hauptberuf],
      firma: employer,
      // By i / 12, not i: the town is i % 12, and a town's jobs should not all share their hours.
      arbeitszeitVollzeit: Math.floor(i / 12) % 3 !== 0,
      arbeitszeitTeilzeitFlexibel: Math.floor(i / 12) % 3 !== 1,
      arbeitszeitSchichtNachtWochenende: i % 5 === 0,
      istGeringfuegigeBeschaeftigung: i % 41 === 0,
      istArbeitnehmerUeberlassung: employer.startsWith("Personalservice"),
      vertragsdauer: i % 4 === 0 ? "BEFRISTET" : "UNBEFRISTET",
      homeofficemoeglich: i % 6 === 0,
      homeofficetyp: i % 6 === 0 ? (i % 12 === 0 ? "VOLLSTAENDIG" : "NACH_VEREINBARUNG") : undefined,
      verguetungsangabe: i % 2 === 0 ? "JAHRESGEHALT" : "KEINE_ANGABE",
      artDerVerguetung: "GEHALTSSPANNE",
      gehaltsspanneVon: i % 2 === 0 ? 36_000 + (i % 20) * 1000 : undefined,
      gehaltsspanneBis: i % 2 === 0 ? 44_000 + (i % 20) * 1000 : undefined,
      stellenlokationen: [
        {
          adresse: {
            strasse: "Musterweg",
            hausnummer: String(1 + (i % 90)),
            plz: codes[i % codes.length],
            ort: town.name,
            region: "NORDRHEIN_WESTFALEN",
            land: "DEUTSCHLAND",
          },
          breite: town.lat,
          laenge: town.lon,
        },
      ],
      veroeffentlichungszeitraum: { von: `2026-11-${String(day).padStart(2, "0")}` },
      datumErsteVeroeffentlichung: `2026-10-${String(day).padStart(2, "0")}`,
      aenderungsdatum: `2026-11-${String(day).padStart(2, "0")}T07:${String(i % 60).padStart(2, "0")}:00.000${changed ? "1" : ""}`,
      externeURL: i % 4 === 1 ? `https://karriere.example/stellen/${i}?utm_source=arbeitsagentur` : undefined,
      eintrittszeitraum: { von: "2027-01-01" },
    });
  }
  if (!o.extras) return items;
  // Jobs the employers' demo feeds (dev/feeds.ts) carry too: shown once, from the employer's own feed.
  items.push(
    copy(
      -10,
      "Ruhrquell Kunststofftechnik GmbH",
      "Industriemechaniker/in",
      "Industriemechaniker (m/w/d) im Schichtbetrieb",
      "meschede",
    ),
    copy(
      -11,
      "Kreiskliniken Ostsauerland gGmbH",
      "Gesundheits- und Krankenpfleger/in",
      "Gesundheits- und Krankenpfleger*in Intensivstation",
      "marsberg",
    ),
  );
  // Outside the district, found by the radius searches near its edge: the importer must drop them.
  items.push(
    outside("Bromskirchen", "59969", "HESSEN", "hallenberg", -1),
    outside("Willingen (Upland)", "34508", "HESSEN", "winterberg", -2),
    outside("Lennestadt", "57368", "NORDRHEIN_WESTFALEN", "schmallenberg", -3),
  );
  return items;
}

function copy(i: number, firma: string, hauptberuf: string, title: string, townId: string): BaItem {
  const town = TOWNS.find((t) => t.id === townId) as Town;
  return {
    __town: town.id,
    __index: i,
    referenznummer: `10001-88888888${-i}-S`,
    stellenangebotsart: "ARBEIT",
    stellenangebotsTitel: title,
    hauptberuf,
    firma,
    arbeitszeitVollzeit: true,
    stellenlokationen: [{ adresse: { plz: town.postalCode, ort: town.name, region: "NORDRHEIN_WESTFALEN" } }],
    veroeffentlichungszeitraum: { von: "2026-11-15" },
    aenderungsdatum: "2026-11-15T08:00:00.000",
  };
}

function outside(ort: string, plz: string, region: string, near: string, i: number): BaItem {
  return {
    __town: near,
    __index: i,
    referenznummer: `10001-99999999${-i}-S`,
    stellenangebotsart: "ARBEIT",
    stellenangebotsTitel: "Fachkraft für Lagerlogistik (m/w/d)",
    hauptberuf: "Fachkraft - Lagerlogistik",
    firma: "Nachbarkreis Spedition GmbH",
    arbeitszeitVollzeit: true,
    stellenlokationen: [{ adresse: { plz, ort, region, land: "DEUTSCHLAND" } }],
    veroeffentlichungszeitraum: { von: "2026-11-20" },
    aenderungsdatum: "2026-11-20T08:00:00.000",
  };
}

const strip = ({ __town, __index, ...item }: BaItem) => item;

/** The v6 search's answer for the query, as the Jobbörse would give it. */
export function baSearch(items: BaItem[], query: URLSearchParams): object {
  const town = TOWNS.find((t) => t.name === query.get("wo"));
  const radius = Number(query.get("umkreis") ?? "25");
  const near = new Set<string>(town ? townsWithin([town.id], radius) : []);
  const art = query.get("angebotsart");
  const time = query.get("arbeitszeit");
  const matches = items.filter(
    (item) =>
      near.has(item.__town) &&
      (!art || ART_CODE[item.stellenangebotsart as keyof typeof ART_CODE] === art) &&
      (!time || WORKING_TIME[time]?.(item) === true),
  );
  const size = Math.min(Number(query.get("size") ?? "25"), 100);
  const page = Math.max(Number(query.get("page") ?? "1"), 1);
  const list = matches.slice((page - 1) * size, page * size).map(strip);
  return {
    ...(list.length > 0 ? { ergebnisliste: list } : {}),
    maxErgebnisse: matches.length,
    page,
    size,
    woOutput: { bereinigterOrt: town?.name ?? "", suchmodus: "UMKREISSUCHE" },
  };
}

/** The v4 details' answer for a Base64 reference number, or null (404) for one it does not know. */
const byRefnr = new WeakMap<BaItem[], Map<string, BaItem>>();

export function baDetails(items: BaItem[], encoded: string): object | null {
  let refnr: string;
  try {
    refnr = atob(decodeURIComponent(encoded));
  } catch {
    return null;
  }
  let index = byRefnr.get(items);
  if (!index) {
    index = new Map(items.map((i) => [i.referenznummer, i]));
    byRefnr.set(items, index);
  }
  const item = index.get(refnr);
  if (!item) return null;
  const title = String(item.stellenangebotsTitel);
  return {
    ...strip(item),
    stellenangebotsBeschreibung: `Die ${item.firma} sucht zum nächstmöglichen Zeitpunkt Verstärkung.\n\nIhre Aufgaben:\n- ${title}: die tägliche Arbeit im Team\n- Sorgfalt und Verlässlichkeit\n\nWir bieten:\n- einen sicheren Arbeitsplatz im Sauerland\n- 30 Tage Urlaub`,
  };
}
