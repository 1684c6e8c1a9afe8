// When two sources carry the same job, it is shown once. Each row: two postings (employer, title, town)
// and whether they are one job. A false merge hides a real job, so the "must not" rows matter most.
import { describe, expect, it } from "vitest";
import { employerSlug, matchKey, normaliseEmployer } from "../../worker/src/import/identity.ts";

type Posting = [employer: string, title: string, town: string];
const SAME: [Posting, Posting][] = [
  [
    ["Muster GmbH & Co. KG", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH & Co KG", "Elektroniker (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["MUSTER GMBH", "Elektroniker (w/m/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster", "Elektroniker*in", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker:in", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektronikerin", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker m/w/d", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker (gn)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker (all genders)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker (d/m/w)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker (m|w|d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "  Elektroniker   (m/w/d) ", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker (M/W/D)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker (m/f/x)", "brilon"],
  ],
  [
    ["Muster GmbH", "Mitarbeiter/-in Vertrieb", "brilon"],
    ["Muster GmbH", "Mitarbeiter Vertrieb (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Mitarbeiter/in Vertrieb", "brilon"],
    ["Muster GmbH", "Mitarbeiter_in Vertrieb", "brilon"],
  ],
  [
    ["Bäckerei Schütte e.K.", "Bäcker (m/w/d)", "olsberg"],
    ["Baeckerei Schuette", "Baecker (m/w/d)", "olsberg"],
  ],
  [
    ["Caritasverband Brilon e. V.", "Pflegefachkraft (m/w/d)", "brilon"],
    ["Caritasverband Brilon e.V.", "Pflegefachkraft (w/m/d)", "brilon"],
  ],
  [
    ["Müller UG (haftungsbeschränkt)", "Koch (m/w/d)", "winterberg"],
    ["Müller UG", "Koch (m/w/d)", "winterberg"],
  ],
  [
    ["Sauerland Metall AG", "CNC-Fräser (m/w/d)", "meschede"],
    ["Sauerland Metall", "CNC-Fräser (m/w/d)", "meschede"],
  ],
  [
    ["Kreiskliniken Ostsauerland gGmbH", "Gesundheits- und Krankenpfleger (m/w/d) Intensivstation", "marsberg"],
    ["Kreiskliniken Ostsauerland gGmbH", "Gesundheits- und Krankenpfleger*in Intensivstation", "marsberg"],
  ],
  [
    ["Hennesee Hotel & Tagungshaus GmbH", "Koch / Köchin (m/w/d)", "meschede"],
    ["Hennesee Hotel & Tagungshaus", "Koch/Köchin (m/w/d)", "meschede"],
  ],
  [
    ["Stadt Meschede", "Erzieher (m/w/d)", "meschede"],
    ["Stadt Meschede", "Erzieher:innen", "meschede"],
  ],
  [
    ["Lennetal Metallbau GmbH & Co. KG", "Metallbauer (m/w/d)", "schmallenberg"],
    ["Lennetal Metallbau", "Metallbauer*in", "schmallenberg"],
  ],
  [
    ["A. B. C. Bau GmbH", "Maurer (m/w/d)", "sundern"],
    ["ABC Bau GmbH", "Maurer (m/w/d)", "sundern"],
  ],
];
const DIFFERENT: [Posting, Posting][] = [
  // Seniority and leadership are different jobs.
  [
    ["Muster GmbH", "Softwareentwickler (m/w/d)", "brilon"],
    ["Muster GmbH", "Senior Softwareentwickler (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Softwareentwickler (m/w/d)", "brilon"],
    ["Muster GmbH", "Junior Softwareentwickler (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Junior Softwareentwickler (m/w/d)", "brilon"],
    ["Muster GmbH", "Senior Softwareentwickler (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Pflegefachkraft (m/w/d)", "brilon"],
    ["Muster GmbH", "Leitung Pflege (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Pflegefachkraft (m/w/d)", "brilon"],
    ["Muster GmbH", "Stellvertretende Pflegefachkraft (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Teamleiter Produktion (m/w/d)", "brilon"],
    ["Muster GmbH", "Mitarbeiter Produktion (m/w/d)", "brilon"],
  ],
  // Another town, another employer.
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker (m/w/d)", "olsberg"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster Bau GmbH", "Elektroniker (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Musterer GmbH", "Elektroniker (m/w/d)", "brilon"],
  ],
  [
    ["Stadt Meschede", "Erzieher (m/w/d)", "meschede"],
    ["Gemeinde Bestwig", "Erzieher (m/w/d)", "meschede"],
  ],
  [
    ["Caritasverband Brilon e. V.", "Pflegefachkraft (m/w/d)", "brilon"],
    ["Caritasverband Arnsberg e. V.", "Pflegefachkraft (m/w/d)", "brilon"],
  ],
  // Another kind of work or subject.
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Ausbildung Elektroniker (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker (m/w/d) Teilzeit", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektroniker für Betriebstechnik (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Elektroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Elektriker (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Kaufmann für Büromanagement (m/w/d)", "brilon"],
    ["Muster GmbH", "Kaufmann im Einzelhandel (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Koch (m/w/d)", "brilon"],
    ["Muster GmbH", "Jungkoch (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Werkstudent Marketing (m/w/d)", "brilon"],
    ["Muster GmbH", "Praktikum Marketing (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Lehrer (m/w/d)", "brilon"],
    ["Muster GmbH", "Lehrerin Mathematik", "brilon"],
  ],
  [
    ["Muster GmbH", "Fahrer CE (m/w/d)", "brilon"],
    ["Muster GmbH", "Fahrer C1 (m/w/d)", "brilon"],
  ],
  [
    ["Muster GmbH", "Servicetechniker (m/w/d) Region Nord", "brilon"],
    ["Muster GmbH", "Servicetechniker (m/w/d) Region Süd", "brilon"],
  ],
  [
    ["Muster GmbH", "Mechatroniker (m/w/d)", "brilon"],
    ["Muster GmbH", "Kfz-Mechatroniker (m/w/d)", "brilon"],
  ],
];

const key = ([e, t, town]: Posting) => matchKey(e, t, town);

describe("the same job from two sources", () => {
  it(`has at least 40 pairs (${SAME.length + DIFFERENT.length})`, () => {
    expect(SAME.length + DIFFERENT.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SAME)("merges %j and %j", (a, b) => {
    expect(key(a)).not.toBeNull();
    expect(key(a)).toBe(key(b));
  });

  it.each(DIFFERENT)("keeps %j apart from %j", (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });

  it("gives employers an id from their name", () => {
    expect(employerSlug("Lennetal Metallbau GmbH & Co. KG")).toBe("lennetal-metallbau");
    expect(employerSlug("Bäckerei Schütte e.K.")).toBe("baeckerei-schuette");
    expect(normaliseEmployer("GmbH")).toBe("gmbh");
  });
});
