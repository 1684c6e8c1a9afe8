// `npm run build:extension`: extension/dist/chrome and extension/dist/firefox, each with a zip beside it
// for the stores. HV_API_ORIGIN sets the API (default: the local demo, http://127.0.0.1:8787).
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { crx } from "@crxjs/vite-plugin";
import { zipSync } from "fflate";
import { build } from "vite";
import { manifest, type Target } from "../extension/manifest.ts";
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
 * on every board page that costs module fetching and compiling (and exposes the files to the page). The
 * content script is small, so it is built again as one classic script, and the manifest points at it.
 */
async function singleFileContentScript(outDir: string, origin: string): Promise<void> {
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
      lib: {
        entry: path.join(ROOT, "extension", "src", "content", "index.ts"),
        formats: ["iife"],
        name: "heimvorteil",
      },
      rolldownOptions: { output: { entryFileNames: "content.js", minify: true } },
    },
  });
  const file = path.join(outDir, "manifest.json");
  const json = JSON.parse(await readFile(file, "utf8")) as {
    content_scripts: { js: string[] }[];
    web_accessible_resources?: unknown;
  };
  const loaders = json.content_scripts.flatMap((c) => c.js);
  for (const script of json.content_scripts) script.js = ["content.js"];
  // Only the content script's chunks were web-accessible; nothing needs to be now.
  delete json.web_accessible_resources;
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  for (const loader of loaders) await rm(path.join(outDir, loader), { force: true });
}

export async function buildExtension(
  target: Target,
  apiOrigin = process.env.HV_API_ORIGIN ?? DEFAULT_API_ORIGIN,
  outDir = path.join(EXTENSION_DIST, target),
): Promise<string> {
  const origin = new URL(apiOrigin).origin;
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
  await singleFileContentScript(outDir, origin);
  await writeFile(`${outDir}.zip`, zipSync(await files(outDir), { level: 9 }));
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const target of ["chrome", "firefox"] as const) {
    const dir = await buildExtension(target);
    console.log(`extension: ${path.relative(ROOT, dir)} and ${path.relative(ROOT, dir)}.zip`);
  }
}
