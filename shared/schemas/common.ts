/** Building blocks of the request and response schemas. */
import { z } from "zod";

/**
 * A filter that takes one or several values, as `?town=brilon,olsberg` or `?town=brilon&town=olsberg`.
 * Duplicates are dropped; at most 20 values.
 */
/**
 * What the OpenAPI document shows for a schema whose input it cannot see through a transform: the item of a
 * list parameter, or the ids a town name resolves to. Set here, beside the schemas, so they cannot drift.
 */
export const DOCUMENTED_ITEMS = new WeakMap<z.ZodType, z.ZodType>();
export const DOCUMENTED_AS = new WeakMap<z.ZodType, z.ZodType>();

export function listParam<T extends z.ZodType<string, string>>(item: T, description: string) {
  const schema = z
    .union([z.string(), z.array(z.string())])
    .transform((raw) => {
      const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((s) => s.split(","));
      return [...new Set(parts.map((s) => s.trim()).filter((s) => s !== ""))];
    })
    .pipe(z.array(item).min(1).max(20))
    .describe(`${description} One value or several, comma-separated or repeated.`);
  DOCUMENTED_ITEMS.set(schema, item);
  return schema;
}

/** A whole number given in the query string. */
export function intParam(min: number, max: number) {
  return z.coerce.number<string>().int().min(min).max(max);
}

export const idParamSchema = z.strictObject({
  id: intParam(1, Number.MAX_SAFE_INTEGER).describe("The numeric id."),
});

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);

export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const labelledCountSchema = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
});

/** Opaque position for keyset pagination: the sort it belongs to, the last row's sort key and id. */
export interface Cursor {
  sort: string;
  key: string | number | null;
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify([cursor.sort, cursor.key, cursor.id]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

export function decodeCursor(raw: string): Cursor | undefined {
  try {
    const binary = atob(raw.replaceAll("-", "+").replaceAll("_", "/"));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [sort, key, id] = value as unknown[];
    if (typeof sort !== "string" || !Number.isSafeInteger(id)) return undefined;
    if (key !== null && typeof key !== "string" && !(typeof key === "number" && Number.isFinite(key))) return undefined;
    return { sort, key, id: id as number };
  } catch {
    return undefined;
  }
}

export const cursorParam = z
  .string()
  .max(300)
  .describe("The `next_cursor` of the previous page; pages continue in the same sort order.");
