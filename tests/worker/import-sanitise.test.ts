// Descriptions from feeds: what survives the allow-list, and what never can.
import { describe, expect, it } from "vitest";
import { sanitiseEscapedHtml, sanitiseHtml } from "../../worker/src/import/sanitise.ts";

describe("a feed's description HTML", () => {
  it("keeps paragraphs, lists, emphasis, small headings and plain links, and nothing else", async () => {
    const { html, text } = await sanitiseHtml(
      `<h2 style="color:red">Deine Aufgaben</h2><div class="x"><p>Montage &amp; <b>Service</b> in <i>Brilon</i></p>
       <ul><li>Schicht<br>arbeit</li><li><a href="https://firma.example/job?a=1&amp;b=2" target="_blank" onclick="x()">Mehr</a></li></ul>
       <table><tr><td>Zelle</td></tr></table></div>`,
    );
    expect(html).toBe(
      '<h3>Deine Aufgaben</h3><p>Montage &amp; <strong>Service</strong> in <em>Brilon</em></p>\n       <ul><li>Schicht<br>arbeit</li><li><a href="https://firma.example/job?a=1&amp;b=2" rel="nofollow noopener">Mehr</a></li></ul>\n       Zelle<br>',
    );
    // Paragraphs as blank lines, as the API's plain-text descriptions have them.
    expect(text).toBe("Deine Aufgaben\n\nMontage & Service in Brilon\n\nSchicht\narbeit\nMehr\n\nZelle");
  });

  it("drops script, style, frames, images and event handlers, with their content", async () => {
    const { html, text } = await sanitiseHtml(
      `<p onmouseover="steal()">Gut</p><script>document.cookie</script><style>p{}</style><img src="https://t.example/p.gif" onerror="x()">
       <iframe src="https://evil.example">innen</iframe><svg><script>alert(1)</script></svg><noscript><img src=x></noscript>
       <object data="x.swf"></object><form><button>Los</button></form><textarea><p>nicht</p></textarea><!-- Kommentar -->`,
    );
    expect(html).toBe("<p>Gut</p>");
    expect(text).toBe("Gut");
    for (const bad of [
      "script",
      "style",
      "img",
      "iframe",
      "svg",
      "onmouseover",
      "onerror",
      "cookie",
      "Kommentar",
      "nicht",
    ])
      expect(html).not.toContain(bad);
  });

  it("keeps only http(s) and mailto links", async () => {
    const { html } = await sanitiseHtml(
      `<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="data:text/html,x">c</a><a href="/relativ">d</a><a href="mailto:jobs@firma.example">e</a><a href="http://firma.example">f</a><a href="&#106;avascript:alert(1)">g</a>`,
    );
    expect(html).toBe(
      'abcd<a href="mailto:jobs@firma.example" rel="nofollow noopener">e</a><a href="http://firma.example/" rel="nofollow noopener">f</a>g',
    );
  });

  it("keeps escaped markup as text, and closes what broken markup leaves open", async () => {
    expect((await sanitiseHtml("a &lt;script&gt;alert(1)&lt;/script&gt; b < c")).html).toBe(
      "a &lt;script&gt;alert(1)&lt;/script&gt; b &lt; c",
    );
    expect((await sanitiseHtml("<ul><li><strong>offen<li>zwei")).html).toBe(
      "<ul><li><strong>offen<li>zwei</li></strong></li></ul>",
    );
    expect((await sanitiseHtml("<p>eins<p>zwei</p>")).html).toBe("<p>eins</p><p>zwei</p>");
    expect((await sanitiseHtml("</p></ul>nur Text</strong>")).html).toBe("nur Text");
    expect((await sanitiseHtml("<script>unclosed <p>x</p>")).html).toBe("");
  });

  it("reads HTML that arrives escaped (Greenhouse) the same way", async () => {
    const { html } = await sanitiseEscapedHtml(
      "&lt;p&gt;Hallo &amp;amp; willkommen&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;",
    );
    expect(html).toBe("<p>Hallo &amp; willkommen</p>");
  });

  it("takes self-closing foreign elements without failing", async () => {
    expect((await sanitiseHtml("<p>a<svg/>b<math/>c</p><svg><path/></svg><p/>d<strong/>e")).html).toBe(
      "<p>abc</p><p>d<strong>e</strong></p>",
    );
  });

  it("stays bounded for a huge description", async () => {
    const { html } = await sanitiseHtml(`<p>${"Sehr lang. ".repeat(100_000)}</p>`);
    expect(html.length).toBeLessThan(210_000);
  });
});
