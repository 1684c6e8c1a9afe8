// What the adapters make of a feed's words: categories, employment types, deadlines, redirects.
import { afterEach, describe, expect, it, vi } from "vitest";
import { employmentFromBits } from "../../shared/taxonomy.ts";
import { employmentOf } from "../../worker/src/import/feed-job.ts";
import { fetchSource } from "../../worker/src/import/fetch-source.ts";
import { categoryOf, instant, townOf } from "../../worker/src/import/job-fields.ts";

afterEach(() => vi.restoreAllMocks());

describe("the words of a posting", () => {
  it.each([
    ["Pflegefachkraft Vollzeit", "healthcare"],
    ["Koch (m/w/d) Vollzeit", "tourism"],
    ["Verkäufer in Teilzeit", "sales"],
    ["IT-Systemadministrator:in", "it"],
    ["Fachinformatiker Systemintegration", "it"],
    ["Kfz-Mechatroniker (m/w/d)", "crafts"],
    ["Mechatroniker (m/w/d) Instandhaltung", "production"],
    ["Verwaltungsfachangestellte Bürgerbüro", "public"],
    ["Tierpfleger (m/w/d)", null],
  ])("%s is %s", (title, category) => {
    expect(categoryOf(title)).toBe(category);
  });

  it("reads employment words as whole words", () => {
    expect(employmentFromBits(employmentOf(["International Sales Manager"], "International Sales Manager"))).toEqual([
      "full_time",
    ]);
    expect(employmentFromBits(employmentOf(["Individual Support Worker"], "Individual Support Worker"))).toEqual([
      "full_time",
    ]);
    expect(employmentFromBits(employmentOf(["intern"], "Praktikum Marketing"))).toEqual(["internship"]);
    expect(employmentFromBits(employmentOf(["full-or-part-time"], "Koch"))).toEqual(["full_time", "part_time"]);
  });

  it("takes a bare deadline date to the end of that day in Berlin", () => {
    expect(instant("2027-01-31", true)).toBe("2027-01-31T22:59:59.000Z");
    expect(instant("2027-01-31")).toBe("2027-01-30T23:00:00.000Z");
    expect(instant("2027-07-01T10:00:00+02:00", true)).toBe("2027-07-01T08:00:00.000Z");
  });

  it("places a job by postcode, and 59969 in Hallenberg only in NRW", () => {
    expect(townOf({ postcode: "59759", city: "Arnsberg-Hüsten" })).toBe("arnsberg");
    expect(townOf({ postcode: "59969", city: "Bromskirchen", region: "HESSEN" })).toBeNull();
    expect(townOf({ postcode: "59969", city: "Hallenberg" })).toBe("hallenberg");
    expect(townOf({ postcode: "10589", city: "Berlin" })).toBeNull();
    expect(townOf({ city: "Meschede" })).toBe("meschede");
  });
});

describe("fetching a source", () => {
  it("refuses a redirect from a public host to an IP address or a local name", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(
      async () => new Response(null, { status: 302, headers: { Location: "http://169.254.169.254/latest/meta-data" } }),
    );
    await expect(fetchSource("https://feeds.example.org/jobs.xml", { accept: "*/*" })).rejects.toThrow(
      "redirected to an address the import may not fetch",
    );
  });

  it("follows a redirect to another public https address", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) =>
      String(input instanceof Request ? input.url : input).includes("alt")
        ? new Response(null, { status: 301, headers: { Location: "https://neu.example.org/jobs.xml" } })
        : new Response("<ok/>"),
    );
    expect(await fetchSource("https://alt.example.org/jobs.xml", { accept: "*/*" })).toBe("<ok/>");
  });
});
