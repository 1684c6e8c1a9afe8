// The newsletter's Markdown as the mail's plain text and the archive's HTML, and what the editor refuses.
import { describe, expect, it } from "vitest";
import { markupProblems, toArchiveHtml, toMailText } from "../../shared/newsletter-markup.ts";

const ORIGIN = "https://heimvorteil.example";

describe("newsletter markup", () => {
  it("refuses links to scripts and data, and pictures from anywhere but our own site", () => {
    expect(markupProblems("[hier](javascript:alert(1))")).toEqual(["newsletter_link"]);
    expect(markupProblems("[x](data:text/html,hi)")).toEqual(["newsletter_link"]);
    expect(markupProblems("![Pixel](https://tracker.example/p.gif)")).toEqual(["newsletter_image"]);
    expect(markupProblems("![Pixel](//tracker.example/p.gif)")).toEqual(["newsletter_image"]);
    expect(
      markupProblems("[Stellen](/jobs) · [Mail](mailto:team@kreis.example) · ![Bild](/heimatpost/bilder/ab)"),
    ).toEqual([]);
  });

  it("writes the mail as readable plain text, with our own links made absolute", () => {
    const text = toMailText(
      "# Neues\n\nEin *kurzer*\nText.\n\n- [Alle Stellen](/jobs)\n- zwei\n\n1. eins\n2. zwei\n\n> Zitat\n\n![Der Marktplatz](/heimatpost/bilder/ab)",
      ORIGIN,
      "Bild",
    );
    expect(text).toEqual([
      "Neues\n=====",
      "Ein kurzer Text.",
      `– Alle Stellen (${ORIGIN}/jobs)\n– zwei`,
      "1. eins\n2. zwei",
      "> Zitat",
      "[Bild: Der Marktplatz]",
    ]);
  });

  it("renders the archive's HTML escaped, its headings under the page's h1 whatever level the text began with", () => {
    expect(toArchiveHtml("## Oben\n\n### Darunter")).toBe("<h2>Oben</h2>\n<h3>Darunter</h3>\n");
    expect(toArchiveHtml("# Oben")).toBe("<h2>Oben</h2>\n");
    expect(toArchiveHtml("<script>alert(1)</script>")).toContain("&lt;script&gt;");
    expect(toArchiveHtml("![Bild](/heimatpost/bilder/ab)")).toContain(
      '<img src="/heimatpost/bilder/ab" alt="Bild" loading="lazy"',
    );
    expect(toArchiveHtml("![Pixel](https://tracker.example/p.gif)")).not.toContain("<img");
  });
});
