// One vitest config, one project per runtime: the worker inside workerd, shared code in Node, the widgets in
// Chromium (vitest browser mode), and whole pages (host pages, CSP, the embed builder) driven from Node.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM } from "./scripts/chromium.ts";
import { DEV_VARS } from "./scripts/wrangler.ts";

process.env.WRANGLER_SEND_METRICS ??= "false";
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
process.env.WRANGLER_HIDE_BANNER ??= "true";

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: "./worker/wrangler.jsonc" },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations("./worker/migrations"),
                DEV: "true",
                // Mails stay in the outbox; tests/worker/mail.test.ts switches to the real senders.
                MAIL_TRANSPORT: "outbox",
                // Cloudflare's documented always-pass test secret; tests answer siteverify themselves.
                TURNSTILE_SECRET: DEV_VARS.TURNSTILE_SECRET,
                TURNSTILE_SITE_KEY: DEV_VARS.TURNSTILE_SITE_KEY,
                SIGNING_KEY: "test-signing-key",
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["tests/worker/**/*.test.ts"],
          setupFiles: ["tests/worker/setup.ts"],
        },
      },
      {
        test: {
          name: "shared",
          environment: "node",
          include: ["tests/shared/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "widget",
          // These machines are shared: give a browser a few seconds before an expectation fails.
          expect: { poll: { timeout: 5_000 } },
          include: ["tests/widget/**/*.test.ts"],
          globalSetup: ["tests/browser/server.ts"],
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM } }),
            instances: [{ browser: "chromium" }],
            viewport: { width: 1024, height: 800 },
            screenshotFailures: false,
          },
        },
      },
      {
        test: {
          name: "extension",
          // These machines are shared: give a browser a few seconds before an expectation fails.
          expect: { poll: { timeout: 5_000 } },
          environment: "node",
          include: ["tests/extension/**/*.test.ts"],
          globalSetup: ["tests/browser/server.ts"],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: "e2e",
          // These machines are shared: give a browser a few seconds before an expectation fails.
          expect: { poll: { timeout: 5_000 } },
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/browser/server.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
