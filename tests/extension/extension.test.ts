import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobIndex } from "../../shared/job-index.ts";
import { rankJobs, titleTerms } from "../../shared/job-match.ts";
import { API, type Harness, hintText, launchWithExtension, openBoard, waitForHint } from "./harness.ts";

let h: Harness;
let index: JobIndex;
const pages: Page[] = [];

beforeAll(async () => {
  h = await launchWithExtension();
  index = (await (await fetch(`${API}/v1/jobs/index`)).json()) as JobIndex;
}, 60_000);
afterAll(async () => {
  await h?.close();
});

/** How many regional jobs the matcher finds for `query` in the same index the extension downloaded. */
function expected(query: string): number {
  const jobs = index.jobs.map(([id, title]) => ({ id, title, terms: titleTerms(title) }));
  return rankJobs(query, jobs, 500).length;
}

async function open(url: string, board: string, fixture: string): Promise<Page> {
  const page = await openBoard(h, url, board, fixture);
  pages.push(page);
  return page;
}

const chip = (n: number) => (n === 1 ? "1 passende Stelle im Sauerland" : `${n} passende Stellen im Sauerland`);

const CASES: { board: string; search: string; job: string; searchQuery: string; jobQuery: string }[] = [
  {
    board: "stepstone",
    search: "https://www.stepstone.de/jobs/elektroniker/in-koeln?q=Elektroniker",
    job: "https://www.stepstone.de/stellenangebote--Elektroniker-Betriebstechnik--10002-inline.html",
    searchQuery: "Elektroniker",
    jobQuery: "Elektroniker für Betriebstechnik (w/m/d)",
  },
  {
    board: "indeed",
    search: "https://de.indeed.com/jobs?q=Elektroniker&l=Dortmund",
    job: "https://de.indeed.com/viewjob?jk=a1b2c3",
    searchQuery: "Elektroniker",
    jobQuery: "Elektroniker (m/w/d)",
  },
  {
    board: "linkedin",
    search: "https://www.linkedin.com/jobs/search/?keywords=Elektroniker&location=Hamburg",
    job: "https://www.linkedin.com/jobs/view/4011/",
    searchQuery: "Elektroniker",
    jobQuery: "Elektroniker für Energie- und Gebäudetechnik (m/w/d)",
  },
  {
    board: "xing",
    search: "https://www.xing.com/jobs/search?keywords=Elektroniker&location=M%C3%BCnchen",
    job: "https://www.xing.com/jobs/garching-lagerist-123457",
    searchQuery: "Elektroniker",
    jobQuery: "Lagerist (m/w/d)",
  },
  {
    board: "arbeitsagentur",
    search: "https://www.arbeitsagentur.de/jobsuche/suche?was=Pflegefachkraft&wo=Essen",
    job: "https://www.arbeitsagentur.de/jobsuche/jobdetail/10000-1198013731-S",
    searchQuery: "Pflegefachkraft",
    jobQuery: "Pflegefachkraft (m/w/d) Intensivstation",
  },
];

describe("the hint on each board", () => {
  for (const c of CASES) {
    it(`${c.board}: shows the regional matches on a search page and a job page`, async () => {
      const onSearch = expected(c.searchQuery);
      expect(onSearch, "the test data must have matches").toBeGreaterThan(0);
      const search = await open(c.search, c.board, "search");
      expect(await waitForHint(search)).toContain(chip(onSearch));
      const onJob = expected(c.jobQuery);
      expect(onJob).toBeGreaterThan(0);
      const job = await open(c.job, c.board, "job");
      expect(await waitForHint(job)).toContain(chip(onJob));
    });

    it(`${c.board}: on a job page of unknown markup without JSON-LD, reads the job from the document title`, async () => {
      const page = await open(c.job, c.board, "title");
      expect(await waitForHint(page)).toContain(chip(expected(c.jobQuery)));
    });

    it(`${c.board}: shows nothing, and breaks nothing, on changed markup or a page without results`, async () => {
      for (const fixture of ["changed", "empty"]) {
        const page = await open(c.search, c.board, fixture);
        const errors: string[] = [];
        page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        page.on("pageerror", (e) => errors.push(e.message));
        await page.waitForTimeout(800);
        expect(await hintText(page), fixture).toBeUndefined();
        expect(errors).toEqual([]);
      }
    });
  }
});

describe("toolbar", () => {
  it("shows the count on the tab's badge, and the popup lists the matches", async () => {
    const page = await open(CASES[0]?.search ?? "", "stepstone", "search");
    const count = expected(CASES[0]?.searchQuery ?? "");
    await waitForHint(page);
    const badges = await h.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id })));
    });
    expect(badges).toContain(String(count));
    // What the popup lists for a tab: stored by the background for that tab (tab URLs stay unknown to
    // the extension: it has no tabs permission).
    const stored = (await h.worker.evaluate(async () => Object.values(await chrome.storage.session.get(null)))) as {
      count: number;
      jobs: { title: string }[];
    }[];
    const entry = stored.find((r) => r.count === count);
    expect(entry?.jobs.length).toBe(Math.min(5, count));
    // Opened on a tab that is not a board, the popup says so in words.
    const extensionId = new URL(h.worker.url()).host;
    const popup = await h.context.newPage();
    pages.push(popup);
    await popup.goto(`chrome-extension://${extensionId}/extension/src/popup/index.html`);
    await expect.poll(() => popup.locator("#summary").textContent()).toContain("nichts Passendes");
  });
});

describe("single-page navigation", () => {
  for (const [board, url, from, to] of [
    ["linkedin", CASES[2]?.search, "Elektroniker", "Fachkraft für Lagerlogistik (m/w/d)"],
    ["xing", CASES[3]?.search, "Elektroniker", "Lagerist (m/w/d)"],
  ] as const) {
    it(`${board}: follows the page when it changes without loading`, async () => {
      const page = await open(url ?? "", board, "search");
      expect(await waitForHint(page)).toContain(chip(expected(from)));
      await page.getByText(to).click();
      const after = expected(to);
      expect(after).toBeGreaterThan(0);
      await page.waitForFunction(() => !location.pathname.includes("search"));
      let shown: string | undefined;
      for (let i = 0; i < 40 && !shown?.includes(chip(after)); i++) {
        await page.waitForTimeout(100);
        shown = await hintText(page);
      }
      expect(shown).toContain(chip(after));
    });
  }

  it("puts the hint back when the board's re-render drops it, and adds it only once", async () => {
    const page = await open(CASES[0]?.search ?? "", "stepstone", "search");
    const shown = await waitForHint(page);
    // What a framework does to nodes it did not render: take them out.
    const left = await page.evaluate(() => {
      document.querySelector("heimvorteil-hint")?.remove();
      return document.querySelectorAll("heimvorteil-hint").length;
    });
    expect(left).toBe(0);
    await expect.poll(() => page.locator("heimvorteil-hint").count()).toBe(1);
    expect(await hintText(page)).toBe(shown);
    // Its own insertion wakes nothing: a while later there is still exactly one.
    await page.waitForTimeout(600);
    expect(await page.locator("heimvorteil-hint").count()).toBe(1);
  });
});

describe("isolation and privacy", () => {
  it("renders a hostile job title from the index as inert text", async () => {
    const page = await open("https://www.stepstone.de/jobs/schreiner?q=Schreiner", "stepstone", "search");
    await waitForHint(page);
    // The panel with the titles is made on the first click on the chip (at the host's left edge).
    await page.locator("heimvorteil-hint").click({ position: { x: 20, y: 12 } });
    await expect.poll(() => hintText(page)).toContain("Schreiner*in");
    const shown = await hintText(page);
    expect(shown).toContain(`<img src=x onerror="window.__pwned=1">Schreiner*in`);
    const session = await page.context().newCDPSession(page);
    const { root } = (await session.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: object };
    expect(JSON.stringify(root)).not.toMatch(
      /"nodeName":"IMG"|"nodeName":"SCRIPT","localName":"script","nodeValue":"","childNodeCount":1,"children":\[\{"nodeName":"#text","nodeValue":"window.__pwned/,
    );
    await session.detach();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("keeps the board's scripts and styles out: the shadow root is closed and styles do not reach in", async () => {
    const page = await open(CASES[0]?.search ?? "", "stepstone", "search");
    await waitForHint(page);
    const seen = await page.evaluate(() => {
      const host = document.querySelector("heimvorteil-hint") as HTMLElement;
      const style = document.createElement("style");
      style.textContent = "heimvorteil-hint, heimvorteil-hint * { display: none !important; color: red !important; }";
      document.head.append(style);
      return { shadow: host.shadowRoot, height: host.getBoundingClientRect().height, text: host.textContent };
    });
    expect(seen).toEqual({ shadow: null, height: expect.any(Number), text: "" });
    expect(seen.height).toBeGreaterThan(0);
    const still = await page.evaluate(
      () => (document.querySelector("heimvorteil-hint") as HTMLElement).getBoundingClientRect().height,
    );
    expect(still).toBeGreaterThan(0);
  });

  it("hides for the page, pauses for a day, or switches a board off, from its own buttons", async () => {
    const page = await open(CASES[0]?.search ?? "", "stepstone", "search");
    expect(await waitForHint(page)).toBeDefined();
    // Open the panel with the keyboard: Tab from the page's search box reaches the chip.
    await page.locator("input[name=q]").focus();
    await page.keyboard.press("Tab"); // the board's own button
    await page.keyboard.press("Tab"); // our chip
    await page.keyboard.press("Enter");
    await expect.poll(() => hintText(page)).toContain("Passende Stellen im Hochsauerland");
    // Tab past the job links and "Alle … ansehen" to the signup link: it opens our signup page.
    const jobs = Math.min(5, expected(CASES[0]?.searchQuery ?? ""));
    for (let i = 0; i < jobs + 2; i++) await page.keyboard.press("Tab");
    const [signup] = await Promise.all([page.context().waitForEvent("page"), page.keyboard.press("Enter")]);
    await signup.waitForLoadState();
    expect(signup.url()).toBe(`${API}/komm-zurueck?source=browser-extension&lang=de`);
    expect(await signup.locator("h1").textContent()).toBe("Komm zurück ins Hochsauerland");
    await signup.close();
    // On to "Für diese Seite ausblenden", and press it.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => hintText(page)).toBeUndefined();

    const again = await open(CASES[0]?.search ?? "", "stepstone", "search");
    expect(await waitForHint(again)).toBeDefined();
    await again.locator("input[name=q]").focus();
    await again.keyboard.press("Tab");
    await again.keyboard.press("Tab");
    await again.keyboard.press("Enter");
    for (let i = 0; i < jobs + 4; i++) await again.keyboard.press("Tab");
    await again.keyboard.press("Enter"); // "24 Stunden pausieren"
    await expect.poll(() => hintText(again)).toBeUndefined();
    const snoozed = await h.worker.evaluate(
      async () => (await chrome.storage.local.get("settings")).settings?.snoozedUntil,
    );
    expect(snoozed).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const elsewhere = await open(CASES[1]?.search ?? "", "indeed", "search");
    await elsewhere.waitForTimeout(800);
    expect(await hintText(elsewhere)).toBeUndefined();
    await h.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get("settings");
      await chrome.storage.local.set({ settings: { ...settings, snoozedUntil: 0 } });
    });
  });

  it("takes boards, home towns and language from its options page", async () => {
    const extensionId = new URL(h.worker.url()).host;
    const options = await h.context.newPage();
    pages.push(options);
    await options.goto(`chrome-extension://${extensionId}/extension/src/options/index.html`);
    await options.getByLabel("XING").uncheck();
    await options.getByLabel("Brilon").check();
    await options.getByLabel("Sprache / Language").selectOption("en");
    await expect.poll(() => options.locator("#saved").textContent()).toBe("✓");
    // Each change is saved as it happens; the mark may still stand for an earlier one, so wait for the last.
    await expect
      .poll(() => h.worker.evaluate(async () => (await chrome.storage.local.get("settings")).settings))
      .toMatchObject({ lang: "en", towns: ["brilon"], boards: { xing: false, stepstone: true } });
    const page = await open(CASES[0]?.search ?? "", "stepstone", "search");
    expect(await waitForHint(page)).toContain(
      `${expected(CASES[0]?.searchQuery ?? "")} matching jobs in the Sauerland`,
    );
    const xing = await open(CASES[3]?.search ?? "", "xing", "search");
    await xing.waitForTimeout(800);
    expect(await hintText(xing)).toBeUndefined();
    await h.worker.evaluate(async () => chrome.storage.local.remove("settings"));
  });

  it("stays away from a board the reader switched off", async () => {
    await h.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get("settings");
      await chrome.storage.local.set({
        settings: { ...settings, boards: { ...(settings?.boards ?? {}), indeed: false } },
      });
    });
    const page = await open(CASES[1]?.search ?? "", "indeed", "search");
    await page.waitForTimeout(800);
    expect(await hintText(page)).toBeUndefined();
    await h.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get("settings");
      await chrome.storage.local.set({ settings: { ...settings, boards: { ...settings.boards, indeed: true } } });
    });
  });

  it("sends nothing anywhere but the index download: no search words, no page addresses", async () => {
    // The download on install can come before the recorder listens; the refresh alarm, fired now, makes one
    // it is sure to see (and shows the periodic refresh works).
    await h.worker.evaluate(async () => {
      const [alarm] = await chrome.alarms.getAll();
      if (!alarm) throw new Error("no refresh alarm");
      await chrome.alarms.create(alarm.name, { when: Date.now(), periodInMinutes: alarm.periodInMinutes });
    });
    await expect.poll(() => h.requests.filter((url) => url.startsWith(API)).length).toBeGreaterThan(0);
    const ours = h.requests.filter((url) => url.startsWith(API));
    expect(new Set(ours)).toEqual(new Set([`${API}/v1/jobs/index`]));
    const elsewhere = h.requests.filter(
      (url) =>
        !url.startsWith(API) &&
        !/^https:\/\/(www\.stepstone|de\.indeed|www\.linkedin|www\.xing|www\.arbeitsagentur)\./.test(url) &&
        !url.startsWith("chrome-extension://"),
    );
    expect(elsewhere).toEqual([]);
  });
});
