/** Writing a region (employers, jobs with their full-text rows, events) into D1 in one atomic batch. */
import { chunks, insertSql, type Region, regionInserts } from "./rows.ts";

// D1 allows at most 100 bound parameters per statement.
const D1_MAX_PARAMS = 100;

/** Prepared statements for D1; run them with `db.batch()` so the whole region lands or none of it. */
function regionStatements(db: D1Database, region: Partial<Region>): D1PreparedStatement[] {
  return regionInserts(region).flatMap((insert) =>
    chunks(insert.rows, Math.floor(D1_MAX_PARAMS / insert.columns.length)).map((rows) =>
      db.prepare(insertSql(insert, rows.length)).bind(...rows.flat()),
    ),
  );
}

/** Inserts the rows all-or-nothing: D1 runs a batch as one transaction. */
export async function importRegion(db: D1Database, region: Partial<Region>): Promise<void> {
  await db.batch(regionStatements(db, region));
}
