// The applicant pool in Chromium against the dev server: the demo employer signs in by the mail link,
// searches the anonymous cards, asks one of them; the person finds the request on their data page through
// the mail and accepts; only then the employer's page names them. Every page axe-clean, German and English,
// under its CSP with no console errors.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMPLOYER_EMAIL } from "../../worker/seed/pool.ts";
import { API, axeViolations, launch, outbox, watched } from "./pages.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The text as a reader sees it (laid out, hidden parts left out). */
// biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point
const seen = (l: Locator) => l.innerText();
const mainText = (page: Page) => seen(page.locator("main"));

describe("the applicant pool", () => {
  let employer: { page: Page; problems: string[] };
  let personLink = "";

  beforeAll(async () => {
    employer = await watched(browser, "de");
    const { page } = employer;
    await page.goto(`${API}/arbeitgeber/anmelden`);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("input[name=email]", DEMO_EMPLOYER_EMAIL);
    await page.keyboard.press("Enter");
    await page.locator("h1", { hasText: "Postfach" }).waitFor();
    const mail = (await outbox()).find((m) => m.to_address === DEMO_EMPLOYER_EMAIL);
    await page.goto(/https?:\/\/\S+\/arbeitgeber\/anmelden\/link\?token=\S+/.exec(mail?.text ?? "")?.[0] ?? "");
    await page.click("button[type=submit]");
    await page.waitForURL(/\/arbeitgeber\/pool/);
  });

  it("lets the employer search anonymous cards, in German and English", async () => {
    const { page, problems } = employer;
    await page.fill("input[name=q]", "SPS");
    await page.click("form.pool-search button[type=submit]");
    await page.waitForURL(/q=SPS/);
    const text = await mainText(page);
    expect(text).toMatch(/\d+ Karten wie diese/);
    expect(text).toContain("Elektroniker (IT & Software)");
    // No name or address of anyone in the pool.
    expect(text).not.toMatch(/@example\.org|Anna|pool-\d+/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${API}/arbeitgeber/pool?lang=en&field=healthcare`);
    expect(await mainText(page)).toContain("cards like this");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("sends a request to one of the cards", async () => {
    const { page, problems } = employer;
    await page.goto(`${API}/arbeitgeber/pool?lang=de&q=SPS`);
    await page.locator(".pool-cards a.button").first().click();
    await page.locator("h1", { hasText: "Kontakt anfragen" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // A message too short is named at its field.
    await page.fill("input[name=role]", "Elektroniker/in Automatisierung");
    await page.fill("textarea[name=message]", "Zu kurz");
    await page.click("form.comeback button[type=submit]");
    expect(await seen(page.locator(".field-error"))).toContain("20");
    expect(await axeViolations(page)).toEqual([]);
    // The form comes back with 400, which Chromium notes in the console; nothing else may be there.
    expect(problems.splice(0)).toEqual([
      "console: Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
    await page.fill(
      "textarea[name=message]",
      "Wir bauen die Automatisierung in Arnsberg aus und suchen jemanden mit SPS-Erfahrung, gern ab Frühjahr.",
    );
    await page.fill("input[name=salary_min]", "46000");
    await page.fill("input[name=salary_max]", "54000");
    await page.click("form.comeback button[type=submit]");
    await page.waitForURL(/\/arbeitgeber\/anfragen/);
    expect(await mainText(page)).toContain("wartet auf Antwort");
    expect(await mainText(page)).not.toMatch(/@example\.org/);
    // Whom it reached was picked at random among the group: Anna (demo-0001) reads English.
    const mail = (await outbox()).find((m) => /möchte dich kennenlernen|would like to get in touch/.test(m.subject));
    personLink = /https?:\/\/\S+\/me\?\S+(?=#pool)/.exec(mail?.text ?? "")?.[0] ?? "";
    expect(personLink).not.toBe("");
    expect(problems).toEqual([]);
  });

  it("the person accepts on their data page, and only then the employer sees who it is", async () => {
    for (const lang of ["en", "de"] as const) {
      const person = await watched(browser, lang);
      await person.page.goto(`${personLink}&lang=${lang}`);
      const request = person.page.locator(".pool-requests li").first();
      expect(await seen(request)).toContain(lang === "de" ? "fragt an" : "is asking you about");
      expect(await seen(request)).toContain("Elektroniker/in Automatisierung");
      expect(await axeViolations(person.page)).toEqual([]);
      if (lang === "de") {
        await request.locator("button[value=accept]").click();
        await person.page.waitForURL(/done=poolAccepted/);
        expect(await mainText(person.page)).toContain("Dein Kontakt: Petra Personal (Demo)");
        expect(await axeViolations(person.page)).toEqual([]);
      }
      expect(person.problems).toEqual([]);
      await person.page.context().close();
    }
    const { page, problems } = employer;
    await page.goto(`${API}/arbeitgeber/anfragen?lang=de`);
    const text = await mainText(page);
    expect(text).toContain("angenommen");
    expect(text).toMatch(/\S+@example\.org/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${API}/arbeitgeber/anfragen?lang=en`);
    expect(await mainText(page)).toContain("accepted");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
