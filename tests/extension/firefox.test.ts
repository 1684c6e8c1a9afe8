import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildExtension } from "../../scripts/build-extension.ts";
import { ROOT } from "../../scripts/wrangler.ts";
import { API } from "./harness.ts";

describe("the Firefox build", () => {
  it("passes web-ext lint (Mozilla's add-on linter) with no errors or warnings", async () => {
    const dist = await buildExtension("firefox", API, path.join(ROOT, ".cache", "extension-test", "firefox"));
    const out = execFileSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "web-ext", "bin", "web-ext.js"),
        "lint",
        "--source-dir",
        dist,
        "--output",
        "json",
        "--no-input",
      ],
      { encoding: "utf8", env: { ...process.env, WEB_EXT_NO_CONFIG_DISCOVERY: "true" } },
    );
    const report = JSON.parse(out) as { summary: { errors: number; warnings: number }; errors: { message: string }[] };
    expect(report.errors.map((e) => e.message)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("declares no data collection and asks for nothing beyond storage, alarms and the API", async () => {
    const { readFile } = await import("node:fs/promises");
    const manifest = JSON.parse(
      await readFile(path.join(ROOT, ".cache", "extension-test", "firefox", "manifest.json"), "utf8"),
    );
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ["none"] });
    expect(manifest.permissions).toEqual(["storage", "alarms"]);
    expect(manifest.host_permissions).toEqual([`${API}/*`]);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|unsafe-eval/);
  });
});
