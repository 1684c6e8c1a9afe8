// The built extension in Chromium, against the real API; job-board pages served from the fixtures beside
// each adapter under the boards' real URLs, so the manifest's real match patterns apply.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, type CDPSession, chromium, type Page, type Request, type Worker } from "playwright-core";
import { inject } from "vitest";
import { buildExtension } from "../../scripts/build-extension.ts";
import { CHROMIUM } from "../../scripts/chromium.ts";
import { ROOT } from "../../scripts/wrangler.ts";

export const API = inject("apiOrigin");
const BOARDS_DIR = path.join(ROOT, "extension", "src", "boards");

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  requests: string[];
  close(): Promise<void>;
}

/**
 * A page of our own site the person opened from the hint (the signup link) and what it loads: their own
 * navigation, which the test checks by its address, not traffic of the extension.
 */
function openedFromHint(request: Request): boolean {
  if (request.isNavigationRequest() && request.url().startsWith(`${API}/komm-zurueck?`)) return true;
  try {
    return request.frame().url().startsWith(`${API}/`);
  } catch {
    return false; // the service worker's requests have no frame
  }
}

export async function launchWithExtension(): Promise<Harness> {
  const dist = await buildExtension("chrome", API, path.join(ROOT, ".cache", "extension-test", "chrome"));
  const profile = await mkdtemp(path.join(tmpdir(), "hv-ext-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, "--no-sandbox"],
  });
  const requests: string[] = [];
  context.on("request", (r) => {
    if (!openedFromHint(r)) requests.push(r.url());
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  // The index arrives on install; wait for it before any page asks.
  await worker.evaluate(async () => {
    for (let i = 0; i < 200; i++) {
      const stored = await chrome.storage.local.get("jobIndex");
      if (stored.jobIndex) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("no index");
  });
  return {
    context,
    worker,
    requests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens `url` with the board's fixture `name` as the page (and 404 for anything else on that origin). */
export async function openBoard(h: Harness, url: string, board: string, name: string): Promise<Page> {
  const html = await readFile(path.join(BOARDS_DIR, board, "fixtures", `${name}.html`), "utf8");
  const origin = new URL(url).origin;
  await h.context.unroute(`${origin}/**`);
  await h.context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === "document"
      ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
      : route.fulfill({ status: 404, body: "" }),
  );
  const page = await h.context.newPage();
  await page.goto(url);
  return page;
}

interface AxNode {
  nodeName: string;
  nodeValue?: string;
  children?: AxNode[];
  shadowRoots?: AxNode[];
  contentDocument?: AxNode;
}

function find(node: AxNode, name: string): AxNode | undefined {
  if (node.nodeName === name) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

function text(node: AxNode): string {
  if (node.nodeName === "#text") return node.nodeValue ?? "";
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(text).join(" ");
}

/**
 * What the hint shows, read through the DevTools protocol: its shadow root is closed, so no page script
 * (and no test script in the page) can read it. Undefined when there is no hint.
 */
export async function hintText(page: Page): Promise<string | undefined> {
  const session: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: AxNode };
    const host = find(root, "HEIMVORTEIL-HINT");
    return host ? text(host).replace(/\s+/g, " ").trim() : undefined;
  } finally {
    await session.detach();
  }
}

/** Waits until the hint shows (or the timeout passes, for pages where none must appear). */
export async function waitForHint(page: Page, timeout = 5000): Promise<string | undefined> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await hintText(page);
    if (found || Date.now() > deadline) return found;
    await page.waitForTimeout(100);
  }
}
