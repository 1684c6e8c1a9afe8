// The programme console in Chromium: signing in by keyboard through the link in the dev outbox, the people
// a role may see, a person's page, axe-clean in German and English, with no console errors.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_ADMIN, CONSOLE_TOWN } from "../browser/data.ts";
import { API, axeViolations, launch } from "./pages.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function linkFor(email: string): Promise<string> {
  const { data } = (await (await fetch(`${API}/dev/outbox.json`)).json()) as {
    data: { to_address: string; text: string }[];
  };
  const mail = data.find((m) => m.to_address === email);
  const link = /https?:\/\/\S+\/console\/sign-in\/link\?token=\S+/.exec(mail?.text ?? "")?.[0];
  if (!link) throw new Error(`no sign-in mail to ${email}`);
  return link;
}

/** Signs in by keyboard only: the address, Enter, the mail's link, then the button by Tab and Enter. */
async function signIn(email: string, lang: "de" | "en"): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: lang });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${API}/console?lang=${lang}`);
  await expect.poll(() => page.url()).toContain("/console/sign-in");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.locator("input[name=email]").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.locator("h1").textContent()).toMatch(/Postfach|inbox/);
  await page.goto(await linkFor(email));
  await page.locator("button[type=submit]").focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/console\?lang=/);
  return { page, problems };
}

const people = (page: Page) =>
  page.evaluate(() => {
    const view = document.querySelector("hv-console")?.shadowRoot?.querySelector("hv-people")?.shadowRoot;
    return [...(view?.querySelectorAll("tbody tr td:first-child a") ?? [])].map((a) => a.textContent?.trim());
  });

describe("the programme console", () => {
  it.each(["de", "en"] as const)("lets the district's team sign in and find a person (%s), axe-clean", async (lang) => {
    const { page, problems } = await signIn(CONSOLE_ADMIN, lang);
    // The test people (other browser tests sign up more of their own into the same D1).
    await expect.poll(() => people(page)).toEqual(expect.arrayContaining(["Anna", "Jonas", "Lea", "Lukas"]));
    expect(await axeViolations(page)).toEqual([]);

    // Search for one person and open their page.
    const search = page.locator("hv-console hv-people input[name=q]");
    await search.fill("lea.3@");
    await search.press("Enter");
    await expect.poll(() => people(page)).toEqual(["Lea"]);
    await page.locator("hv-console hv-people tbody a").first().click();
    await expect.poll(() => page.locator("hv-console hv-person h1").textContent()).toBe("Lea");
    expect(await page.locator("hv-console hv-person h2#consent").textContent()).toBe(
      lang === "de" ? "Einwilligung" : "Consent",
    );
    expect(await axeViolations(page)).toEqual([]);

    // The accounts page is there for the team.
    await page.locator("hv-console nav a", { hasText: lang === "de" ? "Konten" : "Accounts" }).click();
    await expect.poll(() => page.locator("hv-console hv-accounts table").textContent()).toContain(CONSOLE_TOWN);
    expect(await axeViolations(page)).toEqual([]);

    // On a phone the views are one row to swipe, and the current one is in sight: the header leaves room.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.evaluate(() => {
      location.hash = "#/audit";
    });
    await page.locator("hv-console hv-audit h1").waitFor();
    const header = await page.locator("hv-console header").boundingBox();
    expect(header?.height).toBeLessThan(200);
    const current = await page.locator('hv-console nav a[aria-current="page"]').boundingBox();
    expect(current && current.x >= 0 && current.x + current.width <= 375).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("shows a town's economic development office only the people who named its town", async () => {
    const { page, problems } = await signIn(CONSOLE_TOWN, "de");
    await expect.poll(() => people(page)).not.toHaveLength(0);
    // What this account gets: only people who named Brilon.
    const { data } = (await (await page.request.get(`${API}/v1/staff/people?limit=100`)).json()) as {
      data: { towns: string[] }[];
    };
    expect(data.length).toBeGreaterThan(0);
    for (const p of data) expect(p.towns).toContain("brilon");
    expect(await page.locator("hv-console nav").textContent()).not.toMatch(/Konten|Protokoll/);
    // Its towns' employers, counted in all: the count is the API's total, not the length of a page.
    await page.evaluate(() => {
      location.hash = "#/employers";
    });
    const employers = (await (await page.request.get(`${API}/v1/staff/employers?limit=1`)).json()) as {
      total: number;
    };
    expect(employers.total).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator("hv-console hv-employers p.muted").first().textContent())
      .toBe(employers.total === 1 ? "1 Arbeitgeber" : `${employers.total} Arbeitgeber`);
    // Signing out ends the session: the console sends back to the sign-in page.
    await page.locator("hv-console header button", { hasText: "Abmelden" }).first().click();
    await page.waitForURL(/\/console\/sign-in/);
    expect((await page.request.get(`${API}/v1/staff/me`)).status()).toBe(401);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe("forwarding a Steckbrief", () => {
  const mailTo = async (test: (to: string) => boolean, pattern: RegExp) => {
    const { data } = (await (await fetch(`${API}/dev/outbox.json`)).json()) as {
      data: { to_address: string; text: string }[];
    };
    return data.map((m) => (test(m.to_address) ? pattern.exec(m.text)?.[0] : undefined)).find(Boolean);
  };

  // Emma (worker/seed/people.ts's demo people) is confirmed, speaks German and wrote a Steckbrief.
  it("goes from the team's proposal through the person's yes to the employer's page, and ends when revoked", async () => {
    const { page, problems } = await signIn(CONSOLE_ADMIN, "de");
    // The Outcomes' figures before, to see this forward counted at the end.
    const before = await page.evaluate(async () => {
      const res = await fetch("/v1/staff/outcomes", { credentials: "same-origin" });
      return (
        (await res.json()) as { totals: { proposed: number; accepted: number; opened: number; declined: number } }
      ).totals;
    });
    const search = page.locator("hv-console hv-people input[name=q]");
    await search.fill("emma.7@");
    await search.press("Enter");
    await expect.poll(() => people(page)).toEqual(["Emma"]);
    await page.locator("hv-console hv-people tbody a").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("hv-console hv-person h1").textContent()).toBe("Emma");

    // Two employers with a contact address, ticked by keyboard, and the person is asked.
    const panel = page.locator("hv-console hv-person hv-forwards");
    const boxes = panel.locator("input[name=employers]");
    await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(2);
    const names = await panel
      .locator(".checks label")
      .evaluateAll((labels) =>
        labels.slice(0, 2).map((l) => (l.textContent ?? "").replace(/\s*\(.*\)\s*$/, "").trim()),
      );
    for (const i of [0, 1]) {
      await boxes.nth(i).focus();
      await page.keyboard.press("Space");
    }
    await panel.locator("button.primary").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => panel.locator("[role=status]").textContent()).toBe("Gefragt: 2 Arbeitgeber.");
    await expect.poll(() => panel.locator("tbody tr").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    // The person, from the mail: yes to the first employer, no to the second.
    const dataLink = await mailTo((to) => to === "emma.7@example.org", /https?:\/\/\S+\/me\?\S+#forwards/);
    expect(dataLink).toBeDefined();
    const person = await browser.newContext({ locale: "de" });
    const me = await person.newPage();
    me.on("pageerror", (e) => problems.push(`person pageerror: ${e.message}`));
    await me.goto(dataLink as string);
    const yes = me.getByRole("button", { name: `Ja, an ${names[0]} weitergeben` });
    await yes.focus();
    await me.keyboard.press("Enter");
    await expect.poll(() => me.locator("#done").textContent()).toContain("bekommt jetzt einen Link");
    const second = me.locator("section.card", { hasText: names[1] as string });
    await second.getByRole("button", { name: "Nein" }).click();
    await expect.poll(() => me.locator("#done").textContent()).toContain("bekommt nichts");
    expect(await axeViolations(me)).toEqual([]);

    // The first employer's mail opens the Steckbrief; the second got nothing.
    const link = await mailTo((to) => to.startsWith("bewerbung@"), /https?:\/\/\S+\/steckbrief\/\S+/);
    expect(link).toBeDefined();
    const employer = await (await browser.newContext({ locale: "de" })).newPage();
    await employer.goto(link as string);
    expect(await employer.locator("h1").textContent()).toBe("Steckbrief: Emma");
    expect(await axeViolations(employer)).toEqual([]);

    // The person revokes it: the employer's page shows nothing any more.
    await me.reload();
    await me.getByRole("button", { name: "Zurückziehen" }).click();
    await expect.poll(() => me.locator("#done").textContent()).toContain("zeigt nichts mehr");
    await employer.reload();
    expect(await employer.locator("h1").textContent()).toBe("Dieser Steckbrief ist nicht (mehr) verfügbar");
    expect(await employer.locator("body").textContent()).not.toContain("Emma");

    // The console shows where both stand.
    await page.reload();
    await expect.poll(() => panel.locator("tbody").textContent()).toContain("Zurückgezogen");
    expect(await panel.locator("tbody").textContent()).toContain("Nein");

    // Counted under Outcomes: two proposed, one yes, one no, one opening.
    await page.locator("hv-console nav a", { hasText: "Ergebnisse" }).focus();
    await page.keyboard.press("Enter");
    const tile = (label: string) =>
      page.locator("hv-console hv-outcomes dl.tiles > div", { hasText: label }).locator("strong").textContent();
    const figure = (n: number) => n.toLocaleString("de");
    await expect.poll(() => tile("Weitergaben vorgeschlagen")).toBe(figure(before.proposed + 2));
    expect(await tile("Weitergaben zugestimmt")).toBe(figure(before.accepted + 1));
    expect(await tile("Steckbriefe geöffnet")).toBe(figure(before.opened + 1));
    const declined = page.locator("hv-console hv-outcomes ul.bars li", { hasText: "Person hat abgelehnt" });
    expect(await declined.locator(".figure").textContent()).toBe(figure(before.declined + 1));
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await Promise.all([page.context().close(), person.close(), employer.context().close()]);
  });
});

describe("running events", () => {
  it("lets a town's office create a series, cancel one date, and the public feed marks it cancelled", async () => {
    const { page, problems } = await signIn(CONSOLE_TOWN, "de");
    page.on("dialog", (dialog) => void dialog.accept());
    await page.locator("hv-console nav a", { hasText: "Termine" }).focus();
    await page.keyboard.press("Enter");
    const view = page.locator("hv-console hv-events-admin");
    await view.getByRole("button", { name: "Neue Reihe" }).click();
    const form = view.locator("form.event-form");
    await form.locator("input[name=title]").fill("Rückkehr-Frühstück Brilon");
    await form.locator("input[name=venue]").fill("Café am Markt");
    await form.locator("input[name=organizer]").fill("Wirtschaftsförderung Brilon");
    await form.locator("input[name=first_date]").fill("2027-03-01");
    await form.locator("input[name=until_date]").fill("2027-05-31");
    await form.locator("input[name=start_time]").fill("09:30");
    await form.locator("input[name=end_time]").fill("11:00");
    await form.locator("textarea[name=description]").fill("Frühstück für alle, die zurück sind oder es vorhaben.");
    // The third Thursday is the default; the town is the account's own.
    expect(await form.locator("select[name=rule_nth]").inputValue()).toBe("3");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Reihe anlegen" }).click();
    await expect
      .poll(() => view.locator("[role=status]").textContent())
      .toBe("Die Reihe steht im Kalender: 3 Termine.");

    const rows = view.locator("tbody tr", { hasText: "Rückkehr-Frühstück Brilon" });
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain("Do., 18. März 2027, 09:30–11:00");
    expect(await rows.first().textContent()).toContain("Reihe: jeden dritten Donnerstag im Monat");
    await rows.first().getByRole("button", { name: "Absagen" }).click();
    await expect
      .poll(() => view.locator("[role=status]").textContent())
      .toBe("„Rückkehr-Frühstück Brilon“ ist abgesagt.");
    await expect.poll(() => rows.first().locator(".badge").textContent()).toBe("abgesagt");
    expect(await axeViolations(page)).toEqual([]);

    const feed = await (await fetch(`${API}/v1/events.ics?town=brilon&from=2027-03-18&to=2027-03-18`)).text();
    const cancelled = feed.split("BEGIN:VEVENT").find((e) => e.includes("Rückkehr-Frühstück"));
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).toContain("DTSTART;TZID=Europe/Berlin:20270318T093000");
    const april = await (await fetch(`${API}/v1/events?town=brilon&from=2027-04-01&to=2027-04-30`)).json();
    expect(
      (april as { data: { title: string; status: string }[] }).data.find((e) => e.title === "Rückkehr-Frühstück Brilon")
        ?.status,
    ).toBe("scheduled");
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
