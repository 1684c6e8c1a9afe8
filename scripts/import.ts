// `npm run import [-- --source ID]`: runs the import sources on the running dev server (`npm start`)
// through the admin API and its queue, the path the cron trigger takes, and prints their health.
import { healthTable, runImports } from "./imports.ts";

const origin = process.env.ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
const args = process.argv.slice(2);
const ids = args.flatMap((a, i) => (a === "--source" && args[i + 1] ? [args[i + 1] as string] : []));

try {
  const sources = await runImports(origin, ids.length > 0 ? ids : undefined);
  console.log(healthTable(sources));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`Is the dev server running (npm start) on ${origin}?`);
  process.exit(1);
}
