/**
 * The extension's manifest, for Chrome and Firefox. The fewest permissions that work: storage (settings,
 * the index), alarms (its refresh); content scripts on the five boards only; host access to the API
 * origin only. No tabs permission, no <all_urls>, no remote code.
 */
import { defineManifest } from "@crxjs/vite-plugin";
import { BOARDS } from "./src/boards/index.ts";

export type Target = "chrome" | "firefox";

/** The source of a board's content script, and (scripts/build-extension.ts) the file it is built into. */
export const contentScript = (board: string) => `extension/src/boards/${board}/content.ts`;
export const contentFile = (board: string) => `content-${board}.js`;

export function manifest(target: Target, apiOrigin: string, version: string) {
  return defineManifest({
    manifest_version: 3,
    name: "Heimvorteil – Jobs im Sauerland",
    short_name: "Heimvorteil",
    description:
      "Zeigt auf StepStone, Indeed, LinkedIn, XING und der Jobbörse passende Stellen im Hochsauerland – ohne dass Ihre Suche den Browser verlässt.",
    version,
    permissions: ["storage", "alarms"],
    host_permissions: [`${apiOrigin}/*`],
    background:
      target === "firefox"
        ? { scripts: ["extension/src/background/index.ts"], type: "module" }
        : { service_worker: "extension/src/background/index.ts", type: "module" },
    // One script per board, so a board's page compiles only its own adapter.
    content_scripts: BOARDS.map((b) => ({
      matches: b.matches,
      js: [contentScript(b.id)],
      run_at: "document_idle",
    })),
    action: { default_popup: "extension/src/popup/index.html", default_title: "Heimvorteil" },
    options_ui: { page: "extension/src/options/index.html", open_in_tab: true },
    ...(target === "firefox"
      ? {
          browser_specific_settings: {
            gecko: {
              id: "heimvorteil@heimvorteil.example",
              strict_min_version: "142.0",
              data_collection_permissions: { required: ["none"] },
            },
          },
        }
      : {}),
  } as Parameters<typeof defineManifest>[0]);
}
