// Builds the widget bundle into dist/public (served by the worker as static assets):
//   widget/v1/hv.js               the loader at the stable URL, cached briefly
//   widget/v1/chunks/*-HASH.js    the elements and Lit, content-hashed, cached for a year
//   widget/v1/pinned/hv-HASH.js   everything in one file, for pages that pin it with integrity= (SRI)
//   widget/v1/manifest.json       the pinned file's name and SRI hash (the embed builder shows them)
//   embed/builder.js              the script of the embed builder page (/embed)
//   _headers                      CORS, CORP and cache lifetimes for all of the above
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, type InlineConfig } from "vite";
import { ROOT } from "./wrangler.ts";

export const PUBLIC_DIR = path.join(ROOT, "dist", "public");
export const WIDGET_DIR = path.join(PUBLIC_DIR, "widget", "v1");
const SRC = path.join(ROOT, "widget", "src");

// In the minified output, line breaks are left only inside template literals: the indentation of our
// html`` and css`` templates. Collapsing it (and the CSS comments) changes neither the HTML nor the CSS and
// saves bytes on the wire.
// (Done on the written files: a plugin's renderChunk would see the code before minification, comments and all.)
async function collapseTemplateWhitespace(dir: string) {
  for (const file of await readdir(dir, { recursive: true })) {
    if (!file.endsWith(".js")) continue;
    const full = path.join(dir, file);
    // Comments left in our css`` templates go too: after minification no other /* … */ remains but the
    // bundler's /* @__PURE__ */ annotations, which are harmless to drop from built files.
    const text = (await readFile(full, "utf8")).replace(/\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//g, "");
    await writeFile(full, text.replace(/\n\s*/g, " "));
  }
}

/** The elements the loader knows, and the folder under widget/src of each. */
const ELEMENT_FOLDERS = { "hv-jobs": "jobs", "hv-events": "events", "hv-comeback": "comeback" } as const;

/** Vite's settings for one of our browser bundles: an ES module library, Lit's production build, minified. */
export function config(
  entry: string,
  output: Record<string, unknown>,
  outDir: string,
  define: Record<string, string> = {},
): InlineConfig {
  return {
    define,
    configFile: false,
    logLevel: "warn",
    root: ROOT,
    mode: "production",
    // Lit's production build, even when a test runner (NODE_ENV=test) calls this: Vite otherwise picks
    // the development build, which is larger and writes warnings and a global of its own.
    resolve: { conditions: ["module", "browser", "production"] },
    build: {
      outDir,
      emptyOutDir: false,
      target: "es2022",
      modulePreload: false,
      reportCompressedSize: false,
      lib: { entry, formats: ["es"] },
      // Nothing imports from our entry files, so the bundler may fold what an element shares with its lazy
      // parts (the month grid) into the element's own file instead of a third one.
      rolldownOptions: { preserveEntrySignatures: false, output: { minify: true, ...output } },
    },
  };
}

export async function buildWidget(): Promise<{ pinned: string; integrity: string }> {
  await rm(PUBLIC_DIR, { recursive: true, force: true });
  // Each element is one file with Lit and all it needs, so a page with one element (nearly every page) loads
  // the loader and one file: no second round trip for shared chunks, and one file compresses better than
  // five. A page with two elements loads Lit twice (about 7 KB) — rarer than a page with one.
  const chunks: Record<string, string> = {};
  for (const [tag, folder] of Object.entries(ELEMENT_FOLDERS)) {
    const output = await build(
      config(
        path.join(SRC, folder, "define.ts"),
        { entryFileNames: `chunks/${folder}-[hash].js`, chunkFileNames: `chunks/${folder}-[name]-[hash].js` },
        WIDGET_DIR,
      ),
    );
    const entry = (Array.isArray(output) ? output : [output])
      .flatMap((o) => ("output" in o ? o.output : []))
      .find((chunk) => chunk.type === "chunk" && chunk.isEntry);
    if (!entry) throw new Error(`no entry file built for ${tag}`);
    chunks[tag] = `./${entry.fileName}`;
  }
  // The loader, told the elements' file names.
  await build(
    config(path.join(SRC, "hv.ts"), { entryFileNames: "hv.js" }, WIDGET_DIR, {
      __HV_ELEMENT_FILES__: JSON.stringify(chunks),
    }),
  );
  const pinnedDir = path.join(WIDGET_DIR, "pinned");
  await build(config(path.join(SRC, "all.ts"), { entryFileNames: "hv-all.js", codeSplitting: false }, pinnedDir));

  // The signup form's own page (/embed/comeback, shown in <hv-comeback>'s iframe).
  await build(
    config(path.join(SRC, "comeback", "form.ts"), { entryFileNames: "comeback.js" }, path.join(PUBLIC_DIR, "embed")),
  );
  // The embed builder's own script (the /embed page), not part of what other sites load.
  await build(
    config(
      path.join(SRC, "builder", "embed-builder.ts"),
      { entryFileNames: "builder.js" },
      path.join(PUBLIC_DIR, "embed"),
    ),
  );
  await collapseTemplateWhitespace(WIDGET_DIR);

  // Name the pinned file by its content, so a page's integrity= never meets a changed file.
  const body = await readFile(path.join(pinnedDir, "hv-all.js"));
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  const pinned = `hv-${hash}.js`;
  await writeFile(path.join(pinnedDir, pinned), body);
  await rm(path.join(pinnedDir, "hv-all.js"));
  const integrity = `sha384-${createHash("sha384").update(body).digest("base64")}`;
  await writeFile(
    path.join(WIDGET_DIR, "manifest.json"),
    `${JSON.stringify({ loader: "/widget/v1/hv.js", pinned: `/widget/v1/pinned/${pinned}`, integrity }, null, 2)}\n`,
  );

  // Other sites load these as module scripts, which browsers fetch with CORS.
  await writeFile(
    path.join(PUBLIC_DIR, "_headers"),
    `/widget/*
  Access-Control-Allow-Origin: *
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff
  Cache-Control: public, max-age=300, stale-while-revalidate=86400

/widget/v1/chunks/*
  ! Cache-Control
  Cache-Control: public, max-age=31536000, immutable

/widget/v1/pinned/*
  ! Cache-Control
  Cache-Control: public, max-age=31536000, immutable
`,
  );
  return { pinned, integrity };
}

/** Every file the build wrote, relative to the widget folder (for the size benchmark). */
export async function widgetFiles(): Promise<string[]> {
  const entries = await readdir(WIDGET_DIR, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(WIDGET_DIR, path.join(e.parentPath, e.name)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await mkdir(PUBLIC_DIR, { recursive: true });
  const { pinned, integrity } = await buildWidget();
  const files = await widgetFiles();
  console.log(`widget: ${files.length} files in dist/public/widget/v1 (pinned ${pinned}, ${integrity})`);
}
