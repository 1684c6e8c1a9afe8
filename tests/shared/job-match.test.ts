import { describe, expect, it } from "vitest";
import { matchScore, rankJobs, titleTerms } from "../../shared/job-match.ts";

const matches = (query: string, job: string) => matchScore(titleTerms(query), titleTerms(job)) > 0;

// What a person searched for or looked at on a job board → a regional job title. Real-looking titles.
const MUST_MATCH: [string, string][] = [
  ["Elektroniker (m/w/d)", "Elektroniker*in für Energie- und Gebäudetechnik"],
  ["Elektroniker", "Elektronikerin Automatisierungstechnik"],
  ["Elektriker", "Elektroniker (m/w/d) Betriebstechnik"],
  ["Kfz-Mechatroniker (m/w/d)", "Mechatroniker*in"],
  ["Mechatroniker", "Kfz-Mechatroniker:in Nutzfahrzeuge"],
  ["Pflegefachkraft (m/w/d)", "Gesundheits- und Krankenpfleger/in"],
  ["Krankenschwester", "Pflegefachkraft Intensivstation"],
  ["Altenpfleger", "Pflegefachfrau / Pflegefachmann (m/w/d)"],
  ["Pflegefachmann", "Examinierte Pflegekraft im Nachtdienst"],
  ["Softwareentwickler", "Developer (m/w/d)"],
  ["Software Engineer", "Softwareentwickler*in Java"],
  ["Senior Java Developer (m/w/d) – Remote", "Softwareentwickler Java"],
  ["Anwendungsentwickler", "Fachinformatiker Anwendungsentwicklung (m/w/d)"],
  ["Entwickler", "Softwareentwickler/-in"],
  ["Bäcker", "Baecker/in"],
  ["Baecker", "Bäcker (m/w/d) Frühschicht"],
  ["Erzieher:in", "Erzieherin"],
  ["Erzieherin", "Erzieher (m/w/d) Kita Sonnenschein"],
  ["Pädagogische Fachkraft", "Erzieher*in"],
  ["Industriemechaniker", "Industriemechaniker*in Instandhaltung"],
  ["Industriemechanikerin", "Industriemechaniker (m/w/d)"],
  ["Lagerist", "Fachkraft für Lagerlogistik (m/w/d)"],
  ["Fachkraft für Lagerlogistik", "Lagermitarbeiter (m/w/d)"],
  ["Warehouse Worker", "Lagerist*in"],
  ["LKW-Fahrer", "Berufskraftfahrer*in CE Nahverkehr"],
  ["Berufskraftfahrer", "Kraftfahrer (m/w/d) Klasse CE"],
  ["Koch", "Koch / Köchin (m/w/d)"],
  ["Köchin", "Jungkoch (m/w/d)"],
  ["Buchhalter", "Finanzbuchhalter*in"],
  ["Accountant", "Bilanzbuchhalter (m/w/d)"],
  ["Verkäuferin", "Kaufmann im Einzelhandel (m/w/d)"],
  ["Industriekauffrau", "Industriekaufmann/-frau (m/w/d)"],
  ["Kauffrau für Büromanagement", "Bürokaufmann (m/w/d)"],
  ["Zerspanungsmechaniker", "CNC-Fräser (m/w/d)"],
  ["CNC-Dreher", "Zerspanungsmechaniker*in Drehtechnik"],
  ["Schreiner", "Tischler (m/w/d)"],
  ["Tischlerin", "Tischler*in / Schreiner*in"],
  ["Lehrerin", "Lehrkraft für Mathematik"],
  ["Physiotherapeutin", "Physiotherapeut (m/w/d)"],
  ["Sozialpädagogin", "Sozialarbeiter*in Jugendhilfe"],
  ["Projektleiter", "Projektmanager (m/w/d) Anlagenbau"],
  ["Techniker", "Servicetechniker*in Elektrotechnik"],
  ["Servicetechniker", "Servicetechniker (m/w/d) Außendienst"],
  ["Systemadministrator", "IT-Administrator (m/w/d)"],
  ["Fachinformatiker Systemintegration", "Systemadministrator*in"],
  ["Ingenieur", "Bauingenieur*in Tiefbau"],
  ["Kaufmann Spedition", "Ausbildung Kaufmann/-frau für Spedition und Logistikdienstleistung"],
  ["Metallbauer", "Metallbauer (m/w/d) Konstruktionstechnik"],
  ["Controller", "Controller (m/w/d)"],
  ["Sachbearbeiterin Einkauf", "Sachbearbeiter*in Einkauf"],
  ["Disponent", "Disponent:in Spedition"],
  ["Straßenbauer", "Straßenbauer*in"],
];

const MUST_NOT_MATCH: [string, string][] = [
  ["Pflegefachkraft", "Fachkraft für Lagerlogistik"],
  ["Bäcker", "Bankkaufmann (m/w/d)"],
  ["Elektroniker", "Industriemechaniker (m/w/d)"],
  ["Softwareentwickler", "Entwickler Elektronik Hardware"],
  ["Koch", "Kochschule Assistenz"],
  ["Lehrer", "Lehrling Metallbau"],
  ["Erzieher", "Kfz-Mechatroniker (m/w/d)"],
  ["Berufskraftfahrer", "Fahrradmechaniker (m/w/d)"],
  ["Lagerist", "Lageplaner Vermessung"],
  ["Tischler", "Tierpfleger (m/w/d)"],
  ["Buchhalter", "Buchhändler (m/w/d)"],
  ["Servicetechniker", "Medizintechniker (m/w/d)"],
  ["Physiotherapeut", "Psychotherapeut (m/w/d)"],
  ["Arzt", "Arzthelferin / MFA"],
  ["Mechatroniker", "Mechaniker Landmaschinen"],
  ["Controller", "Content Manager"],
  ["Sachbearbeiter Einkauf", "Sachbearbeiter Personal"],
  ["Projektleiter", "Bauleiter (m/w/d)"],
  ["Metallbauer", "Maurer (m/w/d)"],
  ["Verkäufer", "Verkehrsplaner (m/w/d)"],
];

describe("matching job titles across boards and the region", () => {
  it.each(MUST_MATCH)("%s finds %s", (query, job) => {
    expect(matches(query, job)).toBe(true);
  });

  it.each(MUST_NOT_MATCH)("%s does not find %s", (query, job) => {
    expect(matches(query, job)).toBe(false);
  });

  it("has at least 50 pairs in its tables", () => {
    expect(MUST_MATCH.length + MUST_NOT_MATCH.length).toBeGreaterThanOrEqual(50);
  });

  it("ranks the closest titles first, and keeps the given order among equals", () => {
    const jobs = [
      "Kaufmann im Einzelhandel (m/w/d)",
      "Ausbildung Kaufmann für Spedition und Logistikdienstleistung",
      "Fachkraft für Lagerlogistik",
      "Industriekaufmann (m/w/d)",
      "Kaufmann für Spedition (m/w/d)",
    ].map((title, id) => ({ id, title, terms: titleTerms(title) }));
    // "Kaufmann" alone is too broad: the query's "Spedition" must be there too.
    expect(rankJobs("Kaufmann Spedition", jobs).map((j) => j.id)).toEqual([1, 4]);
    expect(rankJobs("Kaufmann", jobs).map((j) => j.id)).toEqual([0, 1, 3, 4]);
    expect(rankJobs("(m/w/d)", jobs)).toEqual([]);
  });
});
