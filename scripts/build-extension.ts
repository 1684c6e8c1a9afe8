// `npm run build:extension`: extension/dist/chrome and extension/dist/firefox for development, against the
// local demo API (http://127.0.0.1:8787) unless HV_API_ORIGIN names another. With `-- --store`, the builds
// for the stores, each with its zip: they refuse any API origin but https, so no store package can talk to
// a development server in plain text.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { crx } from "@crxjs/vite-plugin";
import { zipSync } from "fflate";
import { build } from "vite";
import { contentFile, contentScript, manifest, type Target } from "../extension/manifest.ts";
import { BOARDS } from "../extension/src/boards/index.ts";
import { ROOT } from "./wrangler.ts";

export const EXTENSION_DIST = path.join(ROOT, "extension", "dist");
export const DEFAULT_API_ORIGIN = "http://127.0.0.1:8787";

async function files(dir: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full).split(path.sep).join("/")] = new Uint8Array(await readFile(full));
  }
  return out;
}

/**
 * crxjs ships a content script as a small loader that imports module chunks from web-accessible files;
 * on every board page that costs module fetching and compiling (and exposes the files to the page). Each
 * board's content script is small, so it is built again as one classic script, and the manifest points at it.
 */
async function singleFileContentScripts(outDir: string, origin: string): Promise<void> {
  for (const board of BOARDS) {
    await build({
      configFile: false,
      logLevel: "warn",
      root: ROOT,
      mode: "production",
      define: { __HV_API_ORIGIN__: JSON.stringify(origin) },
      build: {
        outDir,
        emptyOutDir: false,
        target: "es2022",
        reportCompressedSize: false,
        lib: { entry: path.join(ROOT, contentScript(board.id)), formats: ["iife"], name: "heimvorteil" },
        rolldownOptions: { output: { entryFileNames: contentFile(board.id), minify: true } },
      },
    });
  }
  const file = path.join(outDir, "manifest.json");
  const json = JSON.parse(await readFile(file, "utf8")) as {
    content_scripts: { js: string[]; matches: string[] }[];
    web_accessible_resources?: unknown;
  };
  const loaders = json.content_scripts.flatMap((c) => c.js);
  for (const script of json.content_scripts) {
    const board = BOARDS.find((b) => b.matches.join() === script.matches.join());
    if (!board) throw new Error(`no board matches ${script.matches.join()}`);
    script.js = [contentFile(board.id)];
  }
  // Only the content scripts' chunks were web-accessible; nothing needs to be now.
  delete json.web_accessible_resources;
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  for (const loader of loaders) await rm(path.join(outDir, loader), { force: true });
}

/** Why `origin` cannot go into a store build, or undefined when it can. */
export function storeOriginProblem(origin: string): string | undefined {
  try {
    return new URL(origin).protocol === "https:" ? undefined : `the API origin ${origin} is not https`;
  } catch {
    return `the API origin ${origin} is not a URL`;
  }
}

export async function buildExtension(
  target: Target,
  apiOrigin = process.env.HV_API_ORIGIN ?? DEFAULT_API_ORIGIN,
  outDir = path.join(EXTENSION_DIST, target),
  store = false,
): Promise<string> {
  const origin = new URL(apiOrigin).origin;
  const problem = store ? storeOriginProblem(origin) : undefined;
  if (problem) throw new Error(`No store build: ${problem}. Set HV_API_ORIGIN=https://… (see README).`);
  const { version } = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  await rm(outDir, { recursive: true, force: true });
  await build({
    configFile: false,
    logLevel: "warn",
    root: ROOT,
    mode: "production",
    resolve: { conditions: ["module", "browser", "production"] },
    define: { __HV_API_ORIGIN__: JSON.stringify(origin) },
    plugins: [crx({ manifest: manifest(target, origin, version), browser: target })],
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2022",
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: { output: { minify: true } },
    },
    // crxjs runs a dev server in watch mode only; a build opens no port.
    server: { host: "127.0.0.1" },
  });
  await singleFileContentScripts(outDir, origin);
  await rm(`${outDir}.zip`, { force: true });
  if (store) await writeFile(`${outDir}.zip`, zipSync(await files(outDir), { level: 9 }));
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const store = process.argv.includes("--store");
  try {
    for (const target of ["chrome", "firefox"] as const) {
      const dir = await buildExtension(target, undefined, undefined, store);
      console.log(
        `extension: ${path.relative(ROOT, dir)}${store ? ` and ${path.relative(ROOT, dir)}.zip for the store` : " (development build)"}`,
      );
    }
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
}
