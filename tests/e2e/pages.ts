// Chromium driven from Node: host pages on made-up origins, served through playwright's routing, that load
// the widget from the real worker, as an employer's or a town's site would.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM } from "../../scripts/chromium.ts";

export const API = inject("apiOrigin");

let axeSource: Promise<string> | undefined;

/** axe-core's violations on the page, as "rule (nodes)"; an empty list is an axe-clean page. */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
      .axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

export function launch(): Promise<Browser> {
  // Host pages here are served by the test, with no address of their own, so Chromium would count them as
  // public sites and refuse them the loopback API. In production both sides are public: switch the check off.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests",
    ],
  });
}

export interface HostPage {
  page: Page;
  /** Uncaught errors, console errors and CSP violations seen so far. */
  problems: string[];
}

/** Opens `http://employer.localhost/` with `body` and optional response headers (a CSP, say). */
export async function openHost(
  browser: Browser,
  body: string,
  headers: Record<string, string> = {},
  files: Record<string, { type: string; body: string }> = {},
  { hash = "", before }: { hash?: string; before?: (page: Page) => void } = {},
): Promise<HostPage> {
  const page = await browser.newPage();
  before?.(page);
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.route("http://employer.localhost/**", (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = files[path];
    if (file) return route.fulfill({ status: 200, contentType: file.type, body: file.body });
    if (path !== "/") return route.fulfill({ status: 404, body: "" });
    return route.fulfill({
      status: 200,
      contentType: "text/html; charset=utf-8",
      headers,
      body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title></head><body>${body.replaceAll("{api}", API)}</body></html>`,
    });
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`http://employer.localhost/${hash}`);
  return { page, problems };
}

/** Waits until the element in `page` has rendered real results (not the skeleton). */
export async function rendered(page: Page, tag: string, part: string): Promise<number> {
  await page.waitForFunction(
    ([t, p]) =>
      (document.querySelector(t as string)?.shadowRoot?.querySelectorAll(`[part~='${p}']:not(.skeleton)`).length ?? 0) >
      0,
    [tag, part],
    { timeout: 15_000 },
  );
  return page.evaluate(
    ([t, p]) =>
      document.querySelector(t as string)?.shadowRoot?.querySelectorAll(`[part~='${p}']:not(.skeleton)`).length ?? 0,
    [tag, part],
  );
}

/** A mail in the dev outbox, as /dev/outbox.json lists it. */
export interface OutboxMail {
  to_address: string;
  subject: string;
  text: string;
  headers: string | null;
  mailing: string | null;
}

/** The dev outbox, newest first. */
export const outbox = async (): Promise<OutboxMail[]> =>
  ((await (await fetch(`${API}/dev/outbox.json`)).json()) as { data: OutboxMail[] }).data;

/** A page in a fresh context of `lang`, watched for script errors and console errors. */
export async function watched(browser: Browser, lang: "de" | "en"): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext({ locale: lang })).newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  return { page, problems };
}
