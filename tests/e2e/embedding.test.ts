import { createHash } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API, launch, openHost, rendered } from "./pages.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LOADER = "{api}/widget/v1/hv.js";
const STRICT_CSP = `default-src 'none'; script-src ${"{api}"}; connect-src ${"{api}"}; img-src 'none'; style-src 'none'; base-uri 'none'`;

describe("the bundle as the worker serves it", () => {
  it("serves the loader briefly cached and the chunks immutable, both loadable from other sites", async () => {
    const loader = await fetch(`${API}/widget/v1/hv.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get("Content-Type")).toMatch(/javascript/);
    expect(loader.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(loader.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(loader.headers.get("Cache-Control")).toMatch(/max-age=300\b/);
    const chunk = /chunks\/jobs-[\w-]+\.js/.exec(await loader.text())?.[0];
    expect(chunk).toBeDefined();
    const served = await fetch(`${API}/widget/v1/${chunk}`);
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
  });

  it("publishes a self-contained pinned file whose SRI hash matches its bytes", async () => {
    const manifest = (await (await fetch(`${API}/widget/v1/manifest.json`)).json()) as {
      pinned: string;
      integrity: string;
    };
    const body = Buffer.from(await (await fetch(`${API}${manifest.pinned}`)).arrayBuffer());
    expect(manifest.integrity).toBe(`sha384-${createHash("sha384").update(body).digest("base64")}`);
    expect(body.toString()).not.toMatch(/\bimport\s*\(|from\s*["']/);
  });
});

describe("the first request", () => {
  it("starts from the loader, alongside the element's code, and the element takes its answer", async () => {
    const api: string[] = [];
    const { page, problems } = await openHost(
      browser,
      `<script type="module" src="${LOADER}"></script>
       <hv-jobs id="stellen" deep-link town="meschede" radius-km="20" page-size="4" lang="en"></hv-jobs>
       <hv-events town="brilon" page-size="3"></hv-events>
       <hv-events view="month"></hv-events>`,
      {},
      {},
      {
        hash: "#hv-jobs-stellen=category%3Dhealthcare",
        before: (p) =>
          p.on("request", (r) => {
            const url = new URL(r.url());
            if (url.pathname.startsWith("/v1/"))
              api.push(`${url.pathname}${url.search} ${r.headers()["accept-language"] ?? ""}`);
          }),
      },
    );
    expect(await rendered(page, "hv-jobs", "job")).toBeGreaterThan(0);
    expect(await rendered(page, "hv-events", "event")).toBeGreaterThan(0);
    await page.waitForFunction(() => document.querySelectorAll("hv-events")[1]?.shadowRoot?.querySelector(".month"));
    // One request per element: the loader's for the two lists (the month view works out its own dates).
    const jobs = api.filter((u) => u.startsWith("/v1/jobs"));
    expect(jobs).toEqual(["/v1/jobs?town=meschede&radius_km=20&category=healthcare&limit=4 en"]);
    const events = api.filter((u) => u.startsWith("/v1/events?"));
    expect(events).toHaveLength(2);
    expect(events).toContain("/v1/events?town=brilon&limit=3 de");
    const shown = await page.evaluate(
      () => document.querySelector("hv-jobs")?.shadowRoot?.querySelectorAll("[part~='job']").length,
    );
    expect(shown).toBeLessThanOrEqual(4);
    expect(problems).toEqual([]);
  });
});

describe("an employer's page with one script tag and one element", () => {
  it("shows the region's jobs with working filters under a strict CSP, with no violation or error", async () => {
    const csp = STRICT_CSP.replaceAll("{api}", API);
    const { page, problems } = await openHost(
      browser,
      `<h1>Karriere</h1><script type="module" src="${LOADER}"></script><hv-jobs page-size="5"></hv-jobs>`,
      { "Content-Security-Policy": csp },
    );
    expect(await rendered(page, "hv-jobs", "job")).toBe(5);
    await page.locator("hv-jobs [part~='filter'] summary").first().click();
    await page.locator("hv-jobs label.option").first().click();
    await page.waitForFunction(
      () => (document.querySelector("hv-jobs")?.shadowRoot?.querySelectorAll("button.chip").length ?? 0) === 1,
    );
    await page.waitForFunction(
      () =>
        document.querySelector("hv-jobs")?.shadowRoot?.querySelector("[part~='list']")?.getAttribute("aria-busy") ===
        "false",
    );
    expect(problems).toEqual([]);
    // The styles arrived as constructed stylesheets, which the CSP's style-src 'none' does not govern.
    const accent = await page.evaluate(() => {
      const button = document.querySelector("hv-jobs")?.shadowRoot?.querySelector("[part~='search'] button");
      return button ? getComputedStyle(button).backgroundColor : "";
    });
    expect(accent).toBe("rgb(10, 104, 71)");
  });

  it("leaves no globals of its own, no cookies and no storage, and reads nothing but its attributes", async () => {
    const { page, problems } = await openHost(browser, `<p>before</p>`);
    const before = await page.evaluate(() => Object.keys(globalThis));
    await page.evaluate(async (src) => {
      const script = document.createElement("script");
      script.type = "module";
      script.src = src;
      document.body.append(script, document.createElement("hv-jobs"), document.createElement("hv-events"));
    }, `${API}/widget/v1/hv.js`);
    await rendered(page, "hv-jobs", "job");
    await rendered(page, "hv-events", "event");
    const added = (await page.evaluate(() => Object.keys(globalThis))).filter((k) => !before.includes(k));
    // Lit's own registry of versions and property metadata, which every copy of Lit on a page shares.
    expect(added.filter((k) => !/^(lit\w*Versions|reactiveElementVersions|litPropertyMetadata)$/.test(k))).toEqual([]);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual([
      "",
      0,
      0,
    ]);
    expect(problems).toEqual([]);
  });

  it("survives the page's rude global CSS: rows, links and buttons keep their shape", async () => {
    const rude = `* { margin: 3em !important; padding: 2em !important; font-size: 30px; color: red !important; box-sizing: content-box; }
      a { display: none !important; } li { display: inline !important; } button { all: unset !important; } ul { list-style: square; }`;
    const { page } = await openHost(
      browser,
      `<link rel="stylesheet" href="/rude.css"><script type="module" src="${LOADER}"></script><hv-jobs page-size="3"></hv-jobs>`,
      {},
      { "/rude.css": { type: "text/css", body: rude } },
    );
    await rendered(page, "hv-jobs", "job");
    const look = await page.evaluate(() => {
      const root = document.querySelector("hv-jobs")?.shadowRoot;
      const link = root?.querySelector<HTMLElement>("[part~='job-title']");
      const job = root?.querySelector<HTMLElement>("[part~='job']");
      const button = root?.querySelector<HTMLElement>("[part~='search'] button");
      return {
        linkVisible: (link?.getBoundingClientRect().width ?? 0) > 0,
        jobDisplay: job ? getComputedStyle(job).display : "",
        buttonPadding: button ? getComputedStyle(button).paddingLeft : "",
        linkColor: link ? getComputedStyle(link).color : "",
      };
    });
    expect(look.linkVisible).toBe(true);
    expect(look.jobDisplay).toBe("grid");
    expect(look.buttonPadding).not.toBe("0px");
    // The default accent (#0a6847) as the browser computes the readable link colour: already dark enough, unchanged.
    expect(look.linkColor).toMatch(/^color\(srgb-linear 0\.0030\d* 0\.1384\d* 0\.0630\d*\)$/);
  });

  it("loads twice without harm, and leaves a tag that someone else defined alone", async () => {
    const { page, problems } = await openHost(
      browser,
      `<script src="/theirs.js"></script>
       <script type="module" src="${LOADER}"></script><script type="module" src="${LOADER}?copy=2"></script>
       <hv-jobs page-size="2"></hv-jobs><hv-events page-size="2"></hv-events>`,
      {},
      {
        "/theirs.js": {
          type: "text/javascript",
          body: `customElements.define("hv-jobs", class extends HTMLElement { connectedCallback() { this.textContent = "theirs"; } });`,
        },
      },
    );
    expect(await rendered(page, "hv-events", "event")).toBe(2);
    expect(await page.locator("hv-jobs").textContent()).toBe("theirs");
    expect(
      await page.evaluate(
        () => document.querySelectorAll("hv-events")[0]?.shadowRoot?.querySelectorAll("[part~='event']").length,
      ),
    ).toBe(2);
    expect(problems).toEqual([]);
  });

  it("is light unless the host asks: theme=auto follows the reader's dark scheme, and the host's background shows", async () => {
    const { page } = await openHost(
      browser,
      `<script type="module" src="${LOADER}"></script><hv-jobs page-size="1" theme="auto"></hv-jobs><hv-events page-size="1"></hv-events>`,
    );
    await page.emulateMedia({ colorScheme: "dark" });
    // Each element comes in a file of its own: both must be here.
    await rendered(page, "hv-jobs", "job");
    await rendered(page, "hv-events", "event");
    const looks = await page.evaluate(() =>
      ["hv-jobs", "hv-events"].map((t) => {
        const style = getComputedStyle(document.querySelector(t) as Element);
        return [style.backgroundColor, style.color];
      }),
    );
    expect(looks).toEqual([
      ["rgba(0, 0, 0, 0)", "rgb(233, 240, 236)"],
      ["rgba(0, 0, 0, 0)", "rgb(27, 36, 32)"],
    ]);
  });

  it("defines an element added later, as single-page apps do", async () => {
    const { page, problems } = await openHost(
      browser,
      `<script type="module" src="${LOADER}"></script><div id="app"></div>`,
    );
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => customElements.get("hv-events"))).toBeUndefined();
    await page.evaluate(() => document.getElementById("app")?.append(document.createElement("hv-events")));
    expect(await rendered(page, "hv-events", "event")).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("works pinned with integrity= (SRI), from the self-contained file", async () => {
    const manifest = (await (await fetch(`${API}/widget/v1/manifest.json`)).json()) as {
      pinned: string;
      integrity: string;
    };
    const { page, problems } = await openHost(
      browser,
      `<script type="module" src="${API}${manifest.pinned}" integrity="${manifest.integrity}" crossorigin="anonymous"></script><hv-jobs page-size="2"></hv-jobs>`,
    );
    expect(await rendered(page, "hv-jobs", "job")).toBe(2);
    expect(problems).toEqual([]);
    const tampered = await openHost(
      browser,
      `<script type="module" src="${API}${manifest.pinned}" integrity="sha384-AAAA${manifest.integrity.slice(11)}" crossorigin="anonymous"></script><hv-jobs></hv-jobs>`,
    );
    await tampered.page.waitForTimeout(500);
    expect(await tampered.page.evaluate(() => customElements.get("hv-jobs"))).toBeUndefined();
  });
});
