import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API, launch, rendered } from "./pages.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("favicon")) problems.push(m.text());
  });
  const response = await page.goto(`${API}${path}`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  return { page, problems };
}

describe("the demo", () => {
  it("the home page shows live jobs from the widget and links every demo", async () => {
    const { page, problems } = await open("/");
    expect(await rendered(page, "hv-jobs", "job")).toBe(4);
    for (const href of ["/demo/employer", "/demo/town", "/demo/strict", "/embed"]) {
      expect(await page.locator(`a[href="${href}"]`).count()).toBe(1);
    }
    expect(problems).toEqual([]);
  });

  it("an employer's career page shows that employer's jobs and lets the reader see the whole region", async () => {
    const { page, problems } = await open("/demo/employer");
    await rendered(page, "hv-jobs", "job");
    const employer = await page.getAttribute("hv-jobs", "employer");
    const own = (await (await fetch(`${API}/v1/jobs?employer=${employer}&limit=1`)).json()) as { total: number };
    expect(await page.locator("hv-jobs [part~='count']").textContent()).toContain(String(own.total));
    await page.locator("hv-jobs [part~='region-link']").click();
    await page.waitForFunction(
      (n) =>
        !document
          .querySelector("hv-jobs")
          ?.shadowRoot?.querySelector("[part~='count']")
          ?.textContent?.startsWith(String(n)),
      own.total,
    );
    expect(await page.evaluate(() => location.hash)).toBe("");
    expect(problems).toEqual([]);
  });

  it("a town's page shows its events and jobs nearby; the strict page survives its own CSS", async () => {
    const town = await open("/demo/town");
    expect(await rendered(town.page, "hv-events", "event")).toBeGreaterThan(0);
    expect(await rendered(town.page, "hv-jobs", "job")).toBe(8);
    expect(town.problems).toEqual([]);
    const strict = await open("/demo/strict");
    expect(await rendered(strict.page, "hv-jobs", "job")).toBe(4);
    expect(await rendered(strict.page, "hv-events", "event")).toBe(3);
    expect(strict.problems).toEqual([]);
  });
});

describe("the embed builder", () => {
  it("turns choices into a live preview and a snippet that reproduces it", async () => {
    const { page, problems } = await open("/embed");
    await rendered(page, "#preview hv-jobs", "job");
    await page.selectOption("select[name='town']:visible", "olsberg");
    await page.selectOption("select[name='layout']", "cards");
    await page.selectOption("select[name='lang']", "en");
    await page.fill("input[name='--hv-color-accent']", "#aa3300");
    await page.check("input[name='hide-search']");
    const snippet = await page.inputValue("#snippet");
    expect(snippet).toContain(`<script type="module" src="${API}/widget/v1/hv.js"></script>`);
    expect(snippet).toContain(`<hv-jobs town="olsberg" layout="cards" hide-search lang="en"></hv-jobs>`);
    expect(snippet).toContain("--hv-color-accent: #aa3300;");
    expect(snippet).toContain("hv-jobs:not(:defined) { display: block; min-height: 40rem; }");
    await page.waitForFunction(() => {
      const el = document.querySelector("#preview hv-jobs");
      return (
        el?.getAttribute("town") === "olsberg" &&
        el.shadowRoot?.querySelector("[part~='count']")?.textContent?.includes("job")
      );
    });
    expect(
      await page.evaluate(() =>
        (document.querySelector("#preview hv-jobs") as HTMLElement).style.getPropertyValue("--hv-color-accent"),
      ),
    ).toBe("#aa3300");

    await page.check("input[name='element'][value='hv-events']");
    await page.selectOption("select[name='kind']", "stammtisch");
    expect(await page.inputValue("#snippet")).toContain(`<hv-events kind="stammtisch" lang="en"></hv-events>`);
    await rendered(page, "#preview hv-events", "event");

    await page.check("input[name='pin']");
    const pinned = await page.inputValue("#snippet");
    expect(pinned).toMatch(
      /\/widget\/v1\/pinned\/hv-[0-9a-f]{12}\.js" integrity="sha384-[\w+/=]+" crossorigin="anonymous"/,
    );
    expect(await page.locator("pre").textContent()).toContain(`script-src ${API}`);
    expect(problems).toEqual([]);
  });
});
