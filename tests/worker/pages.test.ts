import { beforeAll, describe, expect, it } from "vitest";
import { get, HOSTILE_TITLE, seedFixture } from "./fixtures.ts";

beforeAll(seedFixture);

function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1] ?? ""),
  );
}

describe("GET /jobs/:id", () => {
  it("renders a crawlable page with valid JobPosting JSON-LD", async () => {
    const res = await get("/jobs/4");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain("<h1>Softwareentwickler/-in TypeScript</h1>");
    expect(html).toContain('<link rel="canonical" href="https://api.test/jobs/4">');
    const [posting] = jsonLdBlocks(html) as Record<string, unknown>[];
    expect(posting).toMatchObject({
      "@context": "https://schema.org/",
      "@type": "JobPosting",
      title: "Softwareentwickler/-in TypeScript",
      hiringOrganization: { "@type": "Organization", name: "Quellgrund Software GmbH" },
      jobLocation: {
        "@type": "Place",
        address: { addressLocality: "Arnsberg", postalCode: "59755", addressCountry: "DE" },
      },
      employmentType: ["FULL_TIME"],
      jobLocationType: "TELECOMMUTE",
      baseSalary: { currency: "EUR", value: { minValue: 52000, maxValue: 68000, unitText: "YEAR" } },
    });
    // Google requires these to be present and parseable.
    for (const field of ["description", "datePosted", "validThrough"]) expect(posting?.[field]).toBeTruthy();
    expect(Date.parse(String(posting?.datePosted))).toBeLessThan(Date.parse(String(posting?.validThrough)));
  });

  it("renders a hostile title inert: escaped in HTML, unable to close the JSON-LD script", async () => {
    const html = await (await get("/jobs/8")).text();
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain('href="javascript:');
    const [posting] = jsonLdBlocks(html) as Record<string, unknown>[];
    expect(posting?.title).toBe(HOSTILE_TITLE);
    // The description is HTML for Google: the job's text in it is escaped, only our <p> and <br> are tags.
    expect(String(posting?.description)).toMatch(/^<p>&#60;\/script&#62;&#60;script&#62;alert\(3\)/);
  });

  it("answers 410 without any JobPosting for a closed job", async () => {
    const res = await get("/jobs/7");
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain("nicht mehr ausgeschrieben");
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(jsonLdBlocks(html)).toEqual([]);
    expect(html).not.toContain("JobPosting");
  });

  it("answers 404 for an unknown or malformed id, in English when asked", async () => {
    expect((await get("/jobs/424242")).status).toBe(404);
    const res = await get("/jobs/abc", { "Accept-Language": "en-US" });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
  });
});

describe("GET /", () => {
  it("shows the demo page from live data", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('href="/jobs/1"');
    expect(html).toContain("Rückkehrer-Stammtisch Brilon");
    expect(html).toContain("webcal://api.test/v1/events.ics");
    const css = await get("/assets/site.css");
    expect(css.headers.get("Content-Type")).toMatch(/^text\/css/);
  });
});
