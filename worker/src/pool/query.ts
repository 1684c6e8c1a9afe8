/**
 * An employer's search as the pool's query string carries it (the search page, a saved search) and as the
 * cards are searched with it (pool-index.ts).
 */
import { type PoolSearchInput, poolSearchSchema } from "../../../shared/schemas/pool.ts";
import { occupationTerm } from "./cards.ts";
import { type PoolSearch, wordsOf } from "./pool-index.ts";

const SEARCH_KEYS = ["field", "occupation", "qualification", "town", "back_by", "language", "q"] as const;

/** The search's parameters as given, empty ones dropped (an empty select means "any"). */
export function searchParams(all: Record<string, string[]>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const key of SEARCH_KEYS) {
    const values = (all[key] ?? []).map((v) => v.trim()).filter(Boolean);
    if (values.length) raw[key] = values.join(",");
  }
  return raw;
}

/**
 * The schema's input as a search of the cards: a known occupation by its canonical term; words of an
 * occupation we have no term for are looked for in the headlines instead.
 */
export function toPoolSearch(input: PoolSearchInput): PoolSearch {
  const term = occupationTerm(input.occupation ?? null);
  return {
    ...(input.field && { fields: input.field }),
    ...(term && { occupations: [term] }),
    ...(input.qualification && { qualifications: input.qualification }),
    ...(input.town && { towns: input.town }),
    ...(input.back_by && { back_by: input.back_by }),
    ...(input.language && { languages: input.language.map((l) => l.toLowerCase()) }),
    words: [...(term ? [] : wordsOf(input.occupation)), ...wordsOf(input.q)],
  };
}

/**
 * A search as stored (a saved search's JSON, or the search page's parameters carried in a form): its
 * parameters, and what they ask once the schema has read them, or null where they are no search.
 */
export function storedSearch(json: unknown): { raw: Record<string, string>; input: PoolSearchInput | null } {
  let raw: Record<string, string> = {};
  try {
    const parsed = JSON.parse(typeof json === "string" ? json : "{}") as unknown;
    if (parsed && typeof parsed === "object")
      raw = searchParams(Object.fromEntries(Object.entries(parsed).map(([key, v]) => [key, [String(v)]])));
  } catch {
    raw = {};
  }
  const parsed = poolSearchSchema.safeParse(raw);
  return { raw, input: parsed.success ? parsed.data : null };
}
