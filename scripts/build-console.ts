// Builds the programme console (console/) into dist/public/console: app.js (Lit and the views, one file)
// and console.css (the page around it). The worker serves /console only to signed-in staff; these files
// hold no data, only code.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "vite";
import { config } from "./build-widget.ts";
import { ROOT } from "./wrangler.ts";

export const CONSOLE_DIR = path.join(ROOT, "dist", "public", "console");

const PAGE_CSS = `html { color-scheme: light dark; }
body { margin: 0; background: #ffffff; }
@media (prefers-color-scheme: dark) { body { background: #14181c; } }
`;

export async function buildConsole(): Promise<void> {
  await rm(CONSOLE_DIR, { recursive: true, force: true });
  await build(
    config(
      path.join(ROOT, "console", "src", "app.ts"),
      { entryFileNames: "app.js", codeSplitting: false },
      CONSOLE_DIR,
    ),
  );
  await mkdir(CONSOLE_DIR, { recursive: true });
  await writeFile(path.join(CONSOLE_DIR, "console.css"), PAGE_CSS);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildConsole();
  console.log(`console: built into ${path.relative(ROOT, CONSOLE_DIR)}`);
}
