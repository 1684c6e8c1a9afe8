import { describe, expect, it } from "vitest";
import { foldGerman, ftsQuery, indexText, tokenize } from "../../shared/search-text.ts";

describe("foldGerman", () => {
  it.each([
    ["Elektroniker*in (m/w/d)", "elektronikerin (m/w/d)"],
    ["Pfleger:innen", "pflegerinnen"],
    ["Mitarbeiter/-in", "mitarbeiterin"],
    ["Mitarbeiter/in", "mitarbeiterin"],
    ["Mitarbeiter_in", "mitarbeiterin"],
    ["Mitarbeiter(in)", "mitarbeiterin"],
    ["Kaufmann/-frau", "kaufmann/-frau"],
    ["Straße", "strasse"],
    ["BÄCKER Öl Übung", "baecker oel uebung"],
    ["Café Crème", "cafe creme"],
  ])("%s → %s", (input, folded) => {
    expect(foldGerman(input)).toBe(folded);
  });
});

describe("indexText", () => {
  it("adds the heads of compound job titles", () => {
    expect(indexText("Softwareentwickler*in Java")).toBe("softwareentwicklerin java entwickler");
    expect(indexText("Servicetechniker")).toBe("servicetechniker techniker");
    // A word that is only the head gets no duplicate.
    expect(tokenize("Entwickler")).toEqual(["entwickler"]);
    expect(indexText("Entwickler")).toBe("entwickler");
  });
});

describe("ftsQuery", () => {
  it("turns words into quoted prefix terms, so FTS5 syntax is inert", () => {
    expect(ftsQuery("Elektroniker")).toBe('"elektroniker"*');
    expect(ftsQuery('Bäcker" OR title:*')).toBe('"baecker"* "or"* "title"*');
    expect(ftsQuery("Kfz-Mechatroniker (m/w/d)")).toBe('"kfz"* "mechatroniker"*');
    expect(ftsQuery("a b c")).toBeUndefined();
    expect(ftsQuery("*** !!!")).toBeUndefined();
    expect(ftsQuery("C 3")).toBe('"3"*');
  });

  it("caps the number and length of words", () => {
    expect(ftsQuery(Array.from({ length: 20 }, (_, i) => `wort${i}`).join(" "))?.split(" ")).toHaveLength(8);
    expect(ftsQuery("x".repeat(500))).toBe(`"${"x".repeat(40)}"*`);
  });
});
