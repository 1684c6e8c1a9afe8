// A console session for this machine's own scripts (`npm start` registering the demo sources, `npm run
// import`, bench:import): written into the local D1 the dev server reads, for an admin account named as
// such, so the scripts go through the same session and CSRF checks as the console. One hour, then it ends.
import { sha256Hex } from "../shared/consent.ts";
import { newToken } from "../worker/src/lib/tokens.ts";
import { DEFAULT_PERSIST } from "./local-db.ts";
import { staffSql } from "./staff-add.ts";
import { runWrangler, WRANGLER_CONFIG } from "./wrangler.ts";

export const SCRIPTS_ACCOUNT = { email: "skripte@localhost.example", name: "Lokale Skripte", role: "admin", towns: [] };

/** The headers of a fresh one-hour session of the scripts' admin account, for requests to `origin`. */
export async function devSession(origin: string, persistTo = DEFAULT_PERSIST): Promise<Record<string, string>> {
  const id = newToken();
  const now = new Date();
  const iso = (t: number) => `'${new Date(t).toISOString()}'`;
  const sql = `${staffSql(SCRIPTS_ACCOUNT)}
INSERT INTO staff_sessions (id_hash, staff_id, created_at, last_seen_at, expires_at)
  SELECT '${await sha256Hex(id)}', id, ${iso(now.getTime())}, ${iso(now.getTime())}, ${iso(now.getTime() + 3_600_000)}
  FROM staff WHERE email = '${SCRIPTS_ACCOUNT.email}';`;
  await runWrangler(
    [
      "d1",
      "execute",
      "DB",
      "--local",
      "--config",
      WRANGLER_CONFIG,
      "--persist-to",
      persistTo,
      "--yes",
      "--command",
      sql,
    ],
    { quiet: true },
  );
  return { Cookie: `__Host-hv-staff=${id}`, Origin: origin };
}
