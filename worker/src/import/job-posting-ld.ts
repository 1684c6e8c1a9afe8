/**
 * schema.org JobPosting, however a page or feed writes it (job-sources.md §4): one or many blocks, `@graph`,
 * top-level arrays, `@type` as an array, a malformed block next to a good one, scalar or array
 * `employmentType` and `jobLocation`. softgarden's DataFeed and career pages (jsonld_page) both read it.
 */
import { decodeHTML } from "entities";
import type { Posting } from "./feed-job.ts";
import type { Place } from "./job-fields.ts";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;

function isJobPosting(v: Json): boolean {
  return list(v["@type"]).some((t) => typeof t === "string" && /^(?:https?:\/\/schema\.org\/)?JobPosting$/.test(t));
}

/** Every JobPosting object in a parsed JSON-LD value: in arrays, @graph, DataFeed items; at most `max`. */
export function findJobPostings(value: unknown, max = 1000): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (out.length >= max || depth > 6) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObject(v)) {
      if (isJobPosting(v)) out.push(v);
      else
        for (const key of ["@graph", "dataFeedElement", "item", "itemListElement", "mainEntity"])
          visit(v[key], depth + 1);
    }
  };
  visit(value, 0);
  return out;
}

/** JSON-LD as pages write it: a trailing comma or a comment must not lose the block. */
export function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(
        text
          .replace(/^\s*<!--|-->\s*$/g, "")
          .replace(/\/\*[\s\S]*?\*\//g, "")
          .replace(/,\s*([}\]])/g, "$1"),
      );
    } catch {
      return undefined;
    }
  }
}

function placeOf(location: unknown): Place | null {
  if (!isObject(location)) return typeof location === "string" ? { city: location } : null;
  const address = isObject(location.address)
    ? location.address
    : typeof location.address === "string"
      ? { addressLocality: location.address }
      : location;
  return {
    postcode: str(address.postalCode),
    city: str(address.addressLocality) ?? str(location.name),
    region: str(address.addressRegion),
  };
}

/** A JobPosting object as our posting; `fallbackKey` when it has no identifier (its page's URL). */
export function postingFromLd(ld: Json, fallbackKey: string | undefined, fallbackUrl?: string): Posting {
  const identifier = list(ld.identifier)[0];
  // identifier.name is often the company's name: only the value identifies the posting.
  const key = isObject(identifier) ? str(identifier.value) : str(identifier);
  const remote = list(ld.jobLocationType).includes("TELECOMMUTE");
  const salary = isObject(ld.baseSalary) && isObject(ld.baseSalary.value) ? ld.baseSalary.value : undefined;
  const description = str(ld.description) ?? "";
  return {
    key: key ?? str(ld.url) ?? fallbackKey,
    title: ld.title,
    places: list(ld.jobLocation)
      .map(placeOf)
      .filter((p): p is Place => p !== null),
    // Some pages escape the HTML inside the JSON string once more: "&lt;p&gt;".
    html: /^\s*&lt;/.test(description) ? decodeHTML(description) : description,
    employment: list(ld.employmentType),
    remote: remote ? "remote" : null,
    field: [str(ld.occupationalCategory), str(ld.industry)],
    url: str(ld.url) ?? fallbackUrl,
    posted: ld.datePosted,
    validThrough: ld.validThrough,
    salary: salary
      ? { min: salary.minValue ?? salary.value, max: salary.maxValue, perMonth: salary.unitText === "MONTH" }
      : undefined,
  };
}
