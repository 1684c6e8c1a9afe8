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
    // The way to the signup, in the page's language and naming where the signup came from.
    const lang = await page.getAttribute("html", "lang");
    expect(await page.locator(`a[href="/komm-zurueck?lang=${lang}&source=home-page"]`).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it("the home page's job list follows a reader's dark scheme, as the page around it does", async () => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${API}/`);
    await rendered(page, "hv-jobs", "job");
    const { pageBackground, cardBackground, countColor } = await page.evaluate(() => {
      const root = document.querySelector("hv-jobs")?.shadowRoot;
      const card = root?.querySelector("[part~=job]");
      const count = root?.querySelector("[part~=count], .count");
      return {
        pageBackground: getComputedStyle(document.body).backgroundColor,
        cardBackground: card ? getComputedStyle(card).backgroundColor : "",
        countColor: count ? getComputedStyle(count).color : "",
      };
    });
    // Dark, opaque surfaces and light text: [r, g, b] summed well below (surfaces) and above (text) the middle.
    const channels = (color: string) => {
      const [r = Number.NaN, g = Number.NaN, b = Number.NaN, alpha = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
      expect(alpha, color).toBeGreaterThan(0.9);
      return r + g + b;
    };
    try {
      expect(channels(pageBackground)).toBeLessThan(200);
      expect(channels(cardBackground)).toBeLessThan(200);
      expect(channels(countColor)).toBeGreaterThan(450);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
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

describe("the first frame", () => {
  it("shows the list's results at once, not a skeleton, when its first page comes soon after its code, and draws no skeleton at all", async () => {
    const page = await browser.newPage();
    // The first page arrives 60 ms after the element's code, whatever the server's pace: within the
    // definition's wait for it (lib/define.ts, 120 ms from the code's arrival at the earliest), and late
    // enough that an element drawn without waiting would show its skeleton for a few frames.
    let fetched = () => {};
    const answerFetched = new Promise<void>((resolve) => {
      fetched = resolve;
    });
    let served = () => {};
    const codeServed = new Promise<void>((resolve) => {
      served = resolve;
    });
    await page.route(/\/v1\/events\?/, async (route) => {
      const response = await route.fetch();
      fetched();
      await codeServed;
      await new Promise((resolve) => setTimeout(resolve, 60));
      await route.fulfill({ response });
    });
    await page.route(/\/widget\/v1\/chunks\/events-[^/]+\.js$/, async (route) => {
      await answerFetched;
      await route.fulfill({ response: await route.fetch() });
      served();
    });
    // Every frame: whether the element was showing a skeleton then.
    await page.addInitScript(() => {
      const seen: number[] = [];
      (window as { __skeletons?: number[] }).__skeletons = seen;
      const look = () => {
        if (document.querySelector("hv-events")?.shadowRoot?.querySelector(".skeleton")) seen.push(performance.now());
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
      // Nor drawn at all, between frames, only for the answer to replace it in the same task.
      const drawn = { n: 0 };
      (window as { __drawn?: { n: number } }).__drawn = drawn;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.addedNodes)
              if (n instanceof Element && (n.matches(".skeleton") || n.querySelector(".skeleton"))) drawn.n++;
        }).observe(root, { childList: true, subtree: true });
        return root;
      };
    });
    await page.goto(`${API}/demo/town`);
    expect(await rendered(page, "hv-events", "event")).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as { __skeletons?: number[] }).__skeletons)).toEqual([]);
    expect(await page.evaluate(() => (window as { __drawn?: { n: number } }).__drawn?.n)).toBe(0);
    await page.close();
  });
});

describe("the embed builder", () => {
  it("lays each group's fields out in rows, its yes/no options under them", async () => {
    const { page } = await open("/embed");
    const groups = await page.locator("#builder fieldset:visible").evaluateAll((sets) =>
      sets.map((set) => {
        const fields = [...set.querySelectorAll("select, input:not([type=checkbox]):not([type=radio])")];
        const options = [...set.querySelectorAll("label:has(> input[type=checkbox])")].filter(
          (label) => !label.closest(".employer-list"),
        );
        return {
          legend: set.querySelector("legend")?.textContent,
          fieldsEnd: Math.max(...fields.map((f) => f.getBoundingClientRect().bottom)),
          optionsStart: Math.min(...options.map((o) => o.getBoundingClientRect().top)),
        };
      }),
    );
    const withBoth = groups.filter((g) => Number.isFinite(g.fieldsEnd) && Number.isFinite(g.optionsStart));
    expect(withBoth.length).toBeGreaterThanOrEqual(2);
    for (const g of withBoth) expect(g.optionsStart, g.legend ?? "").toBeGreaterThan(g.fieldsEnd);
  });

  it("turns choices into a live preview and a snippet that reproduces it", async () => {
    const { page, problems } = await open("/embed");
    await rendered(page, "#preview hv-jobs", "job");
    await page.selectOption("select[name='town']:visible", "olsberg");
    await page.selectOption("select[name='layout']", "cards");
    await page.selectOption("select[name='lang']", "en");
    await page.fill("input[name='--hv-color-accent']", "#aa3300");
    await page.check("input[name='hide-search']");
    const snippet = (await page.locator("#snippet").textContent()) ?? "";
    expect(snippet).toContain(`<script type="module" src="${API}/widget/v1/hv.js"></script>`);
    expect(snippet).toContain(`<hv-jobs town="olsberg" layout="cards" hide-search lang="en"></hv-jobs>`);
    expect(snippet).toContain("--hv-color-accent: #aa3300;");
    expect(snippet).toMatch(/hv-jobs:not\(:defined\) \{ display: block; min-height: [\d.]+rem; \}/);
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
    // "Copied" is for the code that was copied: a change of settings takes it back.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: API });
    await page.click("#copy");
    await expect.poll(() => page.locator("#copied").textContent()).toBe("Copied.");
    await page.check("input[name='hide-filters']");
    expect(await page.locator("#copied").textContent()).toBe("");

    await page.check("input[name='element'][value='hv-events']");
    await page.selectOption("select[name='kind']", "stammtisch");
    expect(await page.locator("#snippet").textContent()).toContain(
      `<hv-events kind="stammtisch" lang="en"></hv-events>`,
    );
    await rendered(page, "#preview hv-events", "event");

    await page.check("input[name='pin']");
    const pinned = (await page.locator("#snippet").textContent()) ?? "";
    expect(pinned).toMatch(
      /\/widget\/v1\/pinned\/hv-[0-9a-f]{12}\.js" integrity="sha384-[\w+/=]+" crossorigin="anonymous"/,
    );
    expect(await page.locator("#csp").textContent()).toBe(`script-src ${API};\nconnect-src ${API};`);
    expect(problems).toEqual([]);
  });

  it("builds the signup and several employers at once, warns about a weak colour, and speaks English", async () => {
    const { page, problems } = await open("/embed?lang=en");
    expect(await page.locator("h1").textContent()).toBe("Embed a widget");
    await rendered(page, "#preview hv-jobs", "job");
    const employers = page.locator("input[name='employer']");
    const ids = [await employers.nth(0).getAttribute("value"), await employers.nth(1).getAttribute("value")];
    await employers.nth(0).check();
    await employers.nth(1).check();
    const snippet = (await page.locator("#snippet").textContent()) ?? "";
    expect(snippet).toContain(`<hv-jobs employer="${ids.join(" ")}" region-link lang="en"></hv-jobs>`);
    await page.waitForFunction(() =>
      document.querySelector("#preview hv-jobs")?.shadowRoot?.querySelector("[part~='region-link']"),
    );
    // A pale accent: the builder says what the widgets do about it.
    expect(await page.locator("#contrast").isVisible()).toBe(false);
    await page.fill("input[name='--hv-color-accent']", "#ffe066");
    await expect.poll(() => page.locator("#contrast").textContent()).toContain("too little for text");
    // The signup needs its frame allowed too.
    await page.check("input[name='element'][value='hv-comeback']");
    expect(await page.locator("#snippet").textContent()).toContain("<hv-comeback");
    expect(await page.locator("#csp").textContent()).toBe(`script-src ${API};\nconnect-src ${API};\nframe-src ${API};`);
    await page.waitForFunction(() =>
      document.querySelector("#preview hv-comeback")?.shadowRoot?.querySelector("iframe"),
    );
    // The code is shown whole, wrapped, never cut off.
    const code = await page
      .locator("pre.snippet")
      .first()
      .evaluate((e) => e.scrollWidth <= e.clientWidth);
    expect(code).toBe(true);
    expect(problems.filter((p) => !p.includes("challenges.cloudflare.com") && !p.includes("ERR_NAME"))).toEqual([]);
  });
});

describe("our own pages on a phone", () => {
  it("never scroll sideways at 375 px", async () => {
    const job = (await (await fetch(`${API}/v1/jobs?limit=1`)).json()) as { data: { id: number }[] };
    for (const path of [
      "/",
      "/embed",
      "/demo/employer",
      "/demo/town",
      "/demo/strict",
      "/komm-zurueck",
      "/privacy",
      `/jobs/${job.data[0]?.id}`,
    ]) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${API}${path}`, { waitUntil: "load" });
      await page.waitForTimeout(400);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await context.close();
    }
  });

  it("keep the home page's three figures on one row and the signup's questions clear of any frame", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${API}/`, { waitUntil: "load" });
    const tops = await page
      .locator(".stats li")
      .evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
    expect(tops).toHaveLength(3);
    expect(new Set(tops).size).toBe(1);

    await page.goto(`${API}/komm-zurueck`, { waitUntil: "load" });
    await page.locator(".comeback fieldset legend").first().waitFor();
    // A legend of two lines on a fieldset's border has the line running through its text.
    const legends = await page.locator(".comeback fieldset").evaluateAll((sets) =>
      sets.map((set) => {
        const legend = set.querySelector("legend");
        const lineHeight = Number.parseFloat(getComputedStyle(legend as Element).lineHeight);
        return {
          text: legend?.textContent?.trim(),
          lines: Math.round((legend?.getBoundingClientRect().height ?? 0) / lineHeight),
          framed: getComputedStyle(set).borderTopWidth !== "0px",
        };
      }),
    );
    expect(legends.length).toBeGreaterThanOrEqual(2);
    for (const legend of legends) expect(legend.framed && legend.lines > 1, legend.text).toBe(false);
    await context.close();
  });

  it("the demo host pages embed the widgets as the builder says, so nothing moves while they load", async () => {
    for (const [path, width] of [
      ["/demo/employer", 412],
      ["/demo/town", 412],
      ["/demo/employer", 1280],
      ["/demo/town", 1280],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as { __shift?: number }).__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput)
              (window as { __shift?: number }).__shift = ((window as { __shift?: number }).__shift ?? 0) + entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${API}${path}`, { waitUntil: "load" });
      await page.waitForTimeout(1500);
      const shift = await page.evaluate(() => (window as { __shift?: number }).__shift ?? 0);
      expect(shift, `${path} at ${width} px`).toBeLessThan(0.05);
      await context.close();
    }
  });
});
