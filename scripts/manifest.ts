// `npm run manifest` writes widget/custom-elements.json from the elements' JSDoc (see
// custom-elements-manifest.config.mjs); with --check it only fails when the committed file is out of date.
import { execFileSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./wrangler.ts";

const CEM = path.join(ROOT, "node_modules", "@custom-elements-manifest", "analyzer", "cem.js");
const TARGET = path.join(ROOT, "widget", "custom-elements.json");

function analyze(outdir: string) {
  execFileSync(process.execPath, [CEM, "analyze"], {
    cwd: ROOT,
    env: { ...process.env, CEM_OUTDIR: outdir },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

if (process.argv.includes("--check")) {
  // The analyzer takes its outdir relative to the working directory, so the scratch copy stays in the repo.
  const dir = path.join(".cache", "cem-check");
  try {
    analyze(dir);
    const fresh = await readFile(path.join(ROOT, dir, "custom-elements.json"), "utf8");
    const committed = await readFile(TARGET, "utf8").catch(() => "");
    if (fresh !== committed) {
      console.error("widget/custom-elements.json is out of date: run `npm run manifest` and commit it.");
      process.exit(1);
    }
    console.log("widget/custom-elements.json is up to date.");
  } finally {
    await rm(path.join(ROOT, dir), { recursive: true, force: true });
  }
} else {
  analyze(path.relative(ROOT, path.dirname(TARGET)));
  console.log("wrote widget/custom-elements.json");
}
