/**
 * A page of a staff list read by keyset (the rows after a cursor, at most `limit`): the rows presented, the
 * total of every match, and the cursor after the last row when the page is full (a full last page costs
 * one request that comes back empty, instead of reading a row more each time).
 */
export function keysetPage<Row, Out>(
  rows: Row[],
  total: number,
  limit: number,
  present: (row: Row) => Out,
  cursorAfter: (last: Row) => string,
): { data: Out[]; total: number; next_cursor: string | null } {
  const last = rows.at(-1);
  return { data: rows.map(present), total, next_cursor: rows.length === limit && last ? cursorAfter(last) : null };
}
