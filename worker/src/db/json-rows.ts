/**
 * Many rows in one statement as one JSON parameter, read back with json_each: D1 allows 100 bound
 * parameters and 1,000 statements per invocation, and an import writes thousands of rows.
 */

// A JSON parameter stays well below D1's 2 MB value limit.
const MAX_JSON_BYTES = 512 * 1024;

/** Splits rows into JSON arrays no larger than MAX_JSON_BYTES. */
export function jsonChunks(rows: object[]): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let bytes = 2;
  for (const row of rows) {
    const s = JSON.stringify(row);
    if (part.length > 0 && bytes + s.length + 1 > MAX_JSON_BYTES) {
      out.push(`[${part.join(",")}]`);
      part = [];
      bytes = 2;
    }
    part.push(s);
    bytes += s.length + 1;
  }
  if (part.length > 0) out.push(`[${part.join(",")}]`);
  return out;
}

/** A column of the JSON row `v` in SQL. The names are ours (column lists in the code), never input. */
export const pick = (column: string) => `v.value ->> '${column}'`;
