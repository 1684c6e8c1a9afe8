// `npm run staff:add -- --email ADDRESS --role admin|town [--name NAME] [--towns meschede,brilon] [--remote]`:
// adds a staff account to the local D1 (`npm start`'s), or with --remote to the deployed one. This is how
// the first admin comes to be; admins add everyone else in the console.
import { parseArgs } from "node:util";
import { fieldErrors } from "../shared/errors.ts";
import { staffInputSchema } from "../shared/schemas/staff.ts";
import { DEFAULT_PERSIST } from "./local-db.ts";
import { runWrangler, WRANGLER_CONFIG } from "./wrangler.ts";

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The SQL that adds the account, or does nothing when the address has one already. */
export function staffSql(
  a: { email: string; name: string; role: string; towns: string[] },
  id = crypto.randomUUID(),
): string {
  return `INSERT INTO staff (id, email, name, role, towns, created_at)
VALUES (${sqlText(id)}, ${sqlText(a.email.toLowerCase())}, ${sqlText(a.name)}, ${sqlText(a.role)}, ${sqlText(JSON.stringify(a.towns))}, ${sqlText(new Date().toISOString())})
ON CONFLICT (email) DO NOTHING;`;
}

export async function addStaff(
  a: { email: string; name: string; role: string; towns: string[] },
  where: { remote: boolean; persistTo?: string } = { remote: false },
): Promise<void> {
  const target = where.remote ? ["--remote"] : ["--local", "--persist-to", where.persistTo ?? DEFAULT_PERSIST];
  await runWrangler(
    ["d1", "execute", "DB", "--config", WRANGLER_CONFIG, ...target, "--yes", "--command", staffSql(a)],
    {
      quiet: true,
    },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "admin" },
      name: { type: "string" },
      towns: { type: "string", default: "" },
      remote: { type: "boolean", default: false },
    },
  });
  const parsed = staffInputSchema.safeParse({
    email: values.email ?? "",
    name: values.name ?? values.email ?? "",
    role: values.role,
    towns: values.towns ? values.towns.split(",").map((t) => t.trim()) : [],
  });
  if (!parsed.success) {
    for (const [field, message] of Object.entries(fieldErrors(parsed.error.issues, "en")))
      console.error(`--${field}: ${message}`);
    process.exit(2);
  }
  await addStaff(parsed.data, { remote: values.remote });
  console.log(
    `Added ${parsed.data.role} account ${parsed.data.email}${values.remote ? " to the deployed D1" : ""} (an existing one is left as it is).`,
  );
}
