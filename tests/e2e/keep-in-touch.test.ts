// Keeping in touch in Chromium against the dev server: the team starts a digest run and an invitation
// round, a person leaves the job digest from its unsubscribe page by keyboard, and answers an invitation
// on its page; both pages work under their CSP with no console errors and no axe violations. Then the team
// writes a newsletter in the console, previews it in both languages, sends a test and the issue, and the
// reader gets it and finds it in the public archive.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_ADMIN } from "../browser/data.ts";
import { API, axeViolations, launch, type OutboxMail, outbox, watched } from "./pages.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe("keeping in touch", () => {
  let digest: OutboxMail;
  let invitation: OutboxMail;
  // The team's console, kept signed in for the newsletter (sign-in links are limited per address an hour).
  let team: { page: Page; problems: string[] };

  beforeAll(async () => {
    // The team's admin, signed in by the mail link, adds a meet-up in Arnsberg five days on and starts a run.
    team = await watched(browser, "de");
    const { page } = team;
    await page.goto(`${API}/console/sign-in`);
    await page.fill("input[name=email]", CONSOLE_ADMIN);
    await page.click("button[type=submit]");
    await page.locator("h1", { hasText: /Postfach|inbox/ }).waitFor();
    const mail = (await outbox()).find((m) => m.to_address === CONSOLE_ADMIN);
    const link = /https?:\/\/\S+\/console\/sign-in\/link\?token=\S+/.exec(mail?.text ?? "")?.[0] ?? "";
    await page.goto(link);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/console/);
    const date = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const run = await page.evaluate(async (day) => {
      const json = { "Content-Type": "application/json" };
      const created = await fetch("/v1/staff/events", {
        method: "POST",
        headers: json,
        body: JSON.stringify({
          kind: "stammtisch",
          title: "Rückkehrer-Abend Arnsberg",
          description: "Ein Abend für alle, die zurück sind oder es werden wollen.",
          town: "arnsberg",
          venue: "Alte Feuerwache",
          organizer: "Kreis-Team (Test)",
          date: day,
          start_time: "19:00",
          end_time: "21:00",
        }),
      });
      if (created.status !== 201) return { error: `event: ${created.status} ${await created.text()}` };
      const res = await fetch("/v1/admin/keep-in-touch/run", { method: "POST", headers: json });
      return res.ok ? await res.json() : { error: `run: ${res.status} ${await res.text()}` };
    }, date);
    expect(run).toMatchObject({ digest: { mailed: expect.any(Number) }, invitations: { mailed: expect.any(Number) } });
    const mails = await outbox();
    // The first demo person (English) chose meet-ups and lives in Arnsberg: invited. A German digest reader
    // leaves the digest.
    digest = mails.find((m) => m.mailing?.startsWith("digest:") && m.text.includes("&lang=de")) as OutboxMail;
    invitation = mails.find(
      (m) => m.to_address === "anna.1@example.org" && m.mailing?.startsWith("invitation:"),
    ) as OutboxMail;
    expect(digest?.subject).toMatch(/neue Stellen? für dich im Hochsauerland/);
    expect(invitation?.text).toContain("Rückkehrer-Abend Arnsberg");
  });

  it("leaves the job digest with one button press on the unsubscribe page, and nothing else", async () => {
    const url = /https?:\/\/\S+\/abmelden\?\S+/.exec(digest.text)?.[0] as string;
    expect(JSON.parse(digest.headers ?? "{}")["List-Unsubscribe"]).toBe(`<${url}>`);
    const { page, problems } = await watched(browser, "de");
    const response = await page.goto(url);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(await page.locator("h1").textContent()).toBe("Abmelden");
    expect(await page.locator("main").textContent()).toContain(
      "Möchtest du keine E-Mails „Passende Stellenangebote“ mehr bekommen?",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("button[type=submit]").focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("[role=status]").textContent())
      .toBe("Erledigt: Du bekommst keine E-Mails „Passende Stellenangebote“ mehr.");
    expect(await page.locator("main").textContent()).toMatch(
      /Weiter bekommst du: |Andere E-Mails hast du nicht gewählt/,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("answers an invitation on its page: the link shows the meet-up, the button answers", async () => {
    const url = /https?:\/\/\S+\/antwort\?\S+/.exec(invitation.text)?.[0] as string;
    const { page, problems } = await watched(browser, "en");
    await page.goto(url);
    expect(await page.locator("h1").textContent()).toBe("Rückkehrer-Abend Arnsberg");
    expect(await page.locator("main").textContent()).toContain("Are you coming?");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Yes, I'm coming" }).click();
    await expect.poll(() => page.locator("[role=status]").textContent()).toContain("You said yes");
    // The page again, later: the answer is remembered and can be changed.
    await page.goto(url);
    expect(await page.locator("[role=status]").textContent()).toContain("You said yes");
    await page.getByRole("button", { name: "No, not this time" }).click();
    await expect.poll(() => page.locator("[role=status]").textContent()).toContain("You said no");
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("writes, previews, tests and sends a newsletter in the console; the reader gets it and the archive shows it", async () => {
    const { page, problems } = team;
    await page.goto(`${API}/console?lang=de#/newsletters`);
    await page.getByRole("link", { name: "Neue Ausgabe" }).click();
    await page.locator("input[name=subject_de]").fill("Heimatpost im Advent");
    await page
      .locator("textarea[name=body_de]")
      .fill("## Neues aus Arnsberg\n\nDer Rückkehrer-Abend war voll.\n\n- [Alle Stellen](/jobs)\n- Bis bald!");
    await page.locator("input[name=subject_en]").fill("Heimatpost for Advent");
    await page
      .locator("textarea[name=body_en]")
      .fill("## News from Arnsberg\n\nThe returnees' evening was full.\n\n- [All jobs](/jobs)\n- See you soon!");
    await page.getByRole("checkbox", { name: "Arnsberg" }).check();

    // The preview: the mail as each reader gets it, and how many it reaches.
    await page.getByRole("button", { name: "Vorschau" }).click();
    const preview = page.locator("#preview");
    await expect.poll(() => preview.textContent()).toMatch(/Erreicht jetzt (1 Person|\d+ Personen)\./);
    const de = await preview.locator("section[lang=de] pre").textContent();
    const en = await preview.locator("section[lang=en] pre").textContent();
    expect(de).toContain("Neues aus Arnsberg\n------------------");
    expect(de).toContain(`– Alle Stellen (${API}/jobs)`);
    expect(en).toContain("News from Arnsberg");
    expect(en).toContain("The returnees' evening was full.");
    expect(await axeViolations(page)).toEqual([]);

    // A test to oneself: one mail per version, marked as a test.
    await page.getByRole("button", { name: "Test an mich senden" }).click();
    await expect
      .poll(() => page.locator("[role=status]").first().textContent())
      .toBe(`Test an ${CONSOLE_ADMIN} verschickt (2 E-Mails).`);
    const tests = (await outbox()).filter((m) => m.to_address === CONSOLE_ADMIN && m.subject.startsWith("[Test] "));
    expect(tests.map((m) => m.subject).sort()).toEqual(["[Test] Heimatpost for Advent", "[Test] Heimatpost im Advent"]);

    // Sending now, after the question.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Senden", exact: true }).click();
    await expect.poll(() => page.locator("[role=status]").first().textContent()).toMatch(/geht an .+ hinaus\./);
    await expect.poll(() => page.locator("hv-newsletters span.badge").textContent()).toContain("versendet am");
    expect(await page.locator("input[name=subject_de]").getAttribute("readonly")).not.toBeNull();
    expect(problems).toEqual([]);

    // The first demo person (English, Arnsberg, chose the newsletter) gets the English version, once.
    const mails = (await outbox()).filter((m) => m.mailing?.startsWith("newsletter:"));
    const hers = mails.filter((m) => m.to_address === "anna.1@example.org");
    expect(hers).toHaveLength(1);
    const mail = hers[0] as OutboxMail;
    expect(mail.subject).toBe("Heimatpost for Advent");
    expect(mail.text).toContain("News from Arnsberg");
    const headers = JSON.parse(mail.headers ?? "{}") as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(headers["List-Unsubscribe"]).toMatch(/^<https?:\/\/\S+\/abmelden\?\S+>$/);

    // Its archive page, linked from the mail, in English, under its CSP.
    const archive = /https?:\/\/\S+\/heimatpost\/\d+\S*/.exec(mail.text)?.[0] as string;
    const reader = await watched(browser, "en");
    const response = await reader.page.goto(archive);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
    expect(await reader.page.locator("h1").textContent()).toBe("Heimatpost for Advent");
    expect(await reader.page.locator("article h2").textContent()).toBe("News from Arnsberg");
    expect(await axeViolations(reader.page)).toEqual([]);
    await reader.page.getByRole("link", { name: "All issues" }).click();
    expect(await reader.page.locator("main li").first().textContent()).toContain("Heimatpost for Advent");
    expect(reader.problems).toEqual([]);
    await reader.page.context().close();
  }, 60_000);
});
