/**
 * Words the demo data is made of. Employer names are composed from nature words and trades, so they name
 * no real company; people are never named.
 */
import type { CategoryId, EmploymentId } from "../../shared/taxonomy.ts";

// The demo region has no "other" jobs: that category is for imported occupations nothing else fits.
export type SeedCategory = Exclude<CategoryId, "other">;

export const NAME_STEMS = [
  "Fichtenhang",
  "Buchenquell",
  "Nebelhöhe",
  "Eichenwerk",
  "Hochheide",
  "Lichtungstal",
  "Steinquell",
  "Tannengrund",
  "Bachlauf",
  "Birkenhain",
  "Ahornstein",
  "Grauwacke",
  "Schieferberg",
  "Wiesental",
  "Hirschsprung",
  "Falkenstein",
  "Moosgrund",
  "Quellenhof",
  "Waldrand",
  "Rotbuche",
  "Sonnenhang",
  "Kiefernweg",
  "Talsperre",
  "Heidekamm",
] as const;

export interface Industry {
  id: string;
  label: string;
  suffixes: readonly string[];
  forms: readonly string[];
  categories: readonly SeedCategory[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    id: "metal",
    label: "Metallverarbeitung",
    suffixes: ["Präzisionstechnik", "Metallbau", "Umformtechnik", "Drehteile"],
    forms: ["GmbH", "GmbH & Co. KG"],
    categories: ["production", "engineering", "crafts", "office", "logistics"],
  },
  {
    id: "lighting",
    label: "Leuchten & Elektrotechnik",
    suffixes: ["Leuchten", "Lichttechnik", "Elektrosysteme"],
    forms: ["GmbH", "AG"],
    categories: ["electrical", "engineering", "production", "it", "sales"],
  },
  {
    id: "plastics",
    label: "Kunststofftechnik",
    suffixes: ["Kunststofftechnik", "Formenbau", "Polymerwerk"],
    forms: ["GmbH", "KG"],
    categories: ["production", "engineering", "logistics", "office"],
  },
  {
    id: "software",
    label: "Software & IT-Dienstleistungen",
    suffixes: ["Software", "IT-Systeme", "Digital", "Datenwerk"],
    forms: ["GmbH", "UG (haftungsbeschränkt)"],
    categories: ["it", "sales", "office"],
  },
  {
    id: "health",
    label: "Gesundheit & Pflege",
    suffixes: ["Pflegedienst", "Seniorenzentrum", "Klinik", "Therapiezentrum"],
    forms: ["gGmbH", "GmbH"],
    categories: ["healthcare", "social", "office"],
  },
  {
    id: "tourism",
    label: "Tourismus & Gastronomie",
    suffixes: ["Hotel", "Berggasthof", "Ferienpark", "Landhotel"],
    forms: ["GmbH", "KG"],
    categories: ["tourism", "office", "crafts"],
  },
  {
    id: "crafts",
    label: "Handwerk & Bau",
    suffixes: ["Holzbau", "Haustechnik", "Dachdeckerei", "Elektroinstallation"],
    forms: ["GmbH", "GmbH & Co. KG"],
    categories: ["crafts", "electrical", "office"],
  },
  {
    id: "logistics",
    label: "Logistik & Handel",
    suffixes: ["Logistik", "Spedition", "Großhandel"],
    forms: ["GmbH", "GmbH & Co. KG"],
    categories: ["logistics", "sales", "office"],
  },
  {
    id: "public",
    label: "Öffentliche Verwaltung & Bildung",
    suffixes: ["Bildungswerk", "Zweckverband", "Stadtwerke"],
    forms: ["AöR", "e. V.", "GmbH"],
    categories: ["public", "social", "office", "it"],
  },
  {
    id: "forestry",
    label: "Forst & Holz",
    suffixes: ["Sägewerk", "Holzindustrie", "Forstservice"],
    forms: ["GmbH", "KG"],
    categories: ["production", "crafts", "logistics"],
  },
];

export interface TitleTemplate {
  title: string;
  employment?: readonly EmploymentId[];
}

// Real-looking German titles, with the gender markers job ads use.
export const TITLES: Record<SeedCategory, readonly TitleTemplate[]> = {
  it: [
    { title: "Softwareentwickler*in Java (m/w/d)" },
    { title: "Fullstack-Entwickler (m/w/d) TypeScript" },
    { title: "IT-Systemadministrator:in" },
    { title: "Fachinformatiker/-in für Systemintegration" },
    { title: "Data Engineer (w/m/d)" },
    { title: "IT-Support-Mitarbeiter (m/w/d)" },
    { title: "Ausbildung Fachinformatiker*in Anwendungsentwicklung", employment: ["apprenticeship"] },
    { title: "Werkstudent*in Softwareentwicklung", employment: ["working_student"] },
    { title: "SAP-Berater*in Logistik" },
    { title: "IT-Sicherheitsbeauftragte*r (m/w/d)" },
  ],
  engineering: [
    { title: "Konstrukteur*in Maschinenbau" },
    { title: "Entwicklungsingenieur (m/w/d) Mechatronik" },
    { title: "Qualitätsingenieur:in Automotive" },
    { title: "Technische*r Produktdesigner*in" },
    { title: "Projektingenieur (m/w/d) Anlagenbau" },
    { title: "Duales Studium Maschinenbau (B.Eng.)", employment: ["dual_study"] },
    { title: "Prozessingenieur*in Kunststofftechnik" },
    { title: "Versuchstechniker (m/w/d)" },
  ],
  production: [
    { title: "Maschinen- und Anlagenführer*in" },
    { title: "Zerspanungsmechaniker (m/w/d) CNC-Fräsen" },
    { title: "Produktionshelfer*in (m/w/d)", employment: ["temp_agency"] },
    { title: "Industriemechaniker:in Instandhaltung" },
    { title: "Schichtleiter*in Fertigung" },
    { title: "Verfahrensmechaniker*in Kunststoff- und Kautschuktechnik" },
    { title: "Ausbildung Industriemechaniker/-in", employment: ["apprenticeship"] },
    { title: "Fachkraft für Lagerlogistik (m/w/d) in der Produktion" },
    { title: "Werkzeugmechaniker (m/w/d)" },
  ],
  crafts: [
    { title: "Tischler*in / Schreiner*in" },
    { title: "Anlagenmechaniker*in SHK" },
    { title: "Zimmerer (m/w/d)" },
    { title: "Dachdecker:in" },
    { title: "Ausbildung Zimmerer/Zimmerin", employment: ["apprenticeship"] },
    { title: "Kfz-Mechatroniker*in" },
    { title: "Maler- und Lackierer*in" },
    { title: "Metallbauer (m/w/d) Konstruktionstechnik" },
  ],
  electrical: [
    { title: "Elektroniker*in für Betriebstechnik (m/w/d)" },
    { title: "Elektroniker (m/w/d) für Energie- und Gebäudetechnik" },
    { title: "Elektrotechniker:in Steuerungstechnik" },
    { title: "Ausbildung Elektroniker*in für Geräte und Systeme", employment: ["apprenticeship"] },
    { title: "Servicetechniker*in Elektrotechnik" },
    { title: "Elektroingenieur (w/m/d) Lichttechnik" },
  ],
  healthcare: [
    { title: "Pflegefachkraft (m/w/d)" },
    { title: "Gesundheits- und Krankenpfleger*in" },
    { title: "Medizinische*r Fachangestellte*r" },
    { title: "Physiotherapeut:in" },
    { title: "Altenpfleger/-in" },
    { title: "Ausbildung Pflegefachfrau/Pflegefachmann", employment: ["apprenticeship"] },
    { title: "Pflegehelfer*in (Minijob)", employment: ["mini_job"] },
    { title: "Stationsleitung Pflege (m/w/d)" },
  ],
  social: [
    { title: "Erzieher*in Kita" },
    { title: "Sozialarbeiter:in / Sozialpädagog:in" },
    { title: "Heilerziehungspfleger*in" },
    { title: "Kinderpfleger (m/w/d)" },
    { title: "Praktikum Soziale Arbeit", employment: ["internship"] },
    { title: "Schulbegleiter*in (m/w/d)", employment: ["part_time"] },
  ],
  office: [
    { title: "Industriekaufmann/-frau (m/w/d)" },
    { title: "Buchhalter*in" },
    { title: "Personalreferent:in" },
    { title: "Sachbearbeiter*in Einkauf" },
    { title: "Controller (m/w/d)" },
    { title: "Assistenz der Geschäftsführung (m/w/d)" },
    { title: "Ausbildung Kaufmann/Kauffrau für Büromanagement", employment: ["apprenticeship"] },
    { title: "Lohnbuchhalter*in (Teilzeit)", employment: ["part_time"] },
  ],
  sales: [
    { title: "Vertriebsmitarbeiter*in Innendienst" },
    { title: "Außendienstmitarbeiter (m/w/d) Region NRW" },
    { title: "Key Account Manager*in" },
    { title: "Verkäufer:in im Einzelhandel" },
    { title: "Technische*r Vertriebsberater*in" },
    { title: "Aushilfe Verkauf (Minijob)", employment: ["mini_job"] },
  ],
  logistics: [
    { title: "Berufskraftfahrer*in CE Nahverkehr" },
    { title: "Fachkraft für Lagerlogistik (m/w/d)" },
    { title: "Disponent:in Spedition" },
    { title: "Staplerfahrer (m/w/d)", employment: ["temp_agency"] },
    { title: "Ausbildung Kaufmann/-frau für Spedition und Logistikdienstleistung", employment: ["apprenticeship"] },
    { title: "Logistikmitarbeiter*in Wareneingang" },
  ],
  tourism: [
    { title: "Koch / Köchin (m/w/d)" },
    { title: "Hotelfachmann/-frau" },
    { title: "Servicekraft (Minijob)", employment: ["mini_job"] },
    { title: "Rezeptionist*in" },
    { title: "Küchenchef*in" },
    { title: "Skilehrer*in Wintersaison", employment: ["fixed_term", "part_time"] },
    { title: "Ausbildung Hotelfachmann/Hotelfachfrau", employment: ["apprenticeship"] },
  ],
  public: [
    { title: "Verwaltungsfachangestellte*r" },
    { title: "Bauingenieur:in Tiefbau (TVöD)" },
    { title: "Sachbearbeiter (m/w/d) Bürgerbüro" },
    { title: "Stadtplaner*in" },
    { title: "Klimaschutzmanager*in", employment: ["full_time", "fixed_term"] },
    { title: "Duales Studium Verwaltungsinformatik", employment: ["dual_study"] },
  ],
};

export const TASKS: Record<SeedCategory, readonly string[]> = {
  it: [
    "Weiterentwicklung unserer Web- und Backend-Anwendungen",
    "Betreuung der Server- und Netzwerkinfrastruktur",
    "Zusammenarbeit mit den Fachabteilungen bei neuen Anforderungen",
    "Automatisierung von Tests und Deployments",
  ],
  engineering: [
    "Konstruktion neuer Baugruppen in CAD",
    "Begleitung von Prototypen bis zur Serienreife",
    "Auswertung von Versuchen und Messreihen",
    "Abstimmung mit Kunden und Lieferanten",
  ],
  production: [
    "Einrichten und Bedienen moderner CNC-Maschinen",
    "Qualitätskontrolle nach Zeichnung",
    "Wartung und Instandhaltung der Anlagen",
    "Mitarbeit an der kontinuierlichen Verbesserung",
  ],
  crafts: [
    "Montage bei unseren Kunden in der Region",
    "Fertigung in der eigenen Werkstatt",
    "Beratung von Bauherren vor Ort",
    "Wartungs- und Reparaturarbeiten",
  ],
  electrical: [
    "Installation und Prüfung elektrischer Anlagen",
    "Fehlersuche an Steuerungen",
    "Programmierung von SPS-Systemen",
    "Dokumentation nach VDE",
  ],
  healthcare: [
    "Pflege und Betreuung unserer Patientinnen und Patienten",
    "Dokumentation in der digitalen Pflegeakte",
    "Zusammenarbeit im multiprofessionellen Team",
    "Anleitung von Auszubildenden",
  ],
  social: [
    "Pädagogische Begleitung von Kindern und Jugendlichen",
    "Zusammenarbeit mit Eltern und Schulen",
    "Planung von Gruppenangeboten",
    "Dokumentation und Fallbesprechungen",
  ],
  office: [
    "Bearbeitung von Aufträgen und Rechnungen",
    "Pflege der Stammdaten im ERP-System",
    "Vorbereitung von Monats- und Jahresabschlüssen",
    "Ansprechpartner*in für interne Abteilungen",
  ],
  sales: [
    "Betreuung von Bestands- und Neukunden",
    "Erstellung von Angeboten",
    "Teilnahme an Messen",
    "Marktbeobachtung in der Region",
  ],
  logistics: [
    "Kommissionierung und Versand",
    "Touren in Südwestfalen",
    "Disposition der Fahrzeuge",
    "Wareneingangskontrolle",
  ],
  tourism: [
    "Betreuung unserer Gäste",
    "Zubereitung regionaler Gerichte",
    "Organisation von Veranstaltungen",
    "Mitarbeit an der Rezeption",
  ],
  public: [
    "Bearbeitung von Anträgen der Bürgerinnen und Bürger",
    "Planung kommunaler Projekte",
    "Abstimmung mit Ämtern und Politik",
    "Beratung im Bürgerbüro",
  ],
};

export const PERKS = [
  "Betriebliche Altersvorsorge",
  "Jobrad",
  "Flexible Arbeitszeiten",
  "30 Tage Urlaub",
  "Kostenlose Parkplätze",
  "Weiterbildung und Aufstiegschancen",
  "Unterstützung bei der Wohnungssuche",
  "Familienfreundliche Schichtmodelle",
  "Kantine mit regionalen Produkten",
  "Ein Team, das Rückkehrer*innen herzlich aufnimmt",
];

export const VENUES = [
  "Gasthof zur Linde",
  "Brauhaus am Markt",
  "Café am Kurpark",
  "Landgasthof Sonne",
  "Bürgerhaus",
  "Alte Schmiede",
  "Dorfkrug",
  "Schützenhalle",
];
export const STREETS = [
  "Hauptstraße",
  "Marktplatz",
  "Bahnhofstraße",
  "Kirchweg",
  "Am Kurpark",
  "Lindenallee",
  "Schulstraße",
];
