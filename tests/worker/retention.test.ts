// Retention, in workerd with the real D1 and the real daily cron: a confirmed person is asked to renew 12
// months after confirming, a click on their page renews (a mail scanner's GET does not), and without an
// answer their data is erased 30 days after they were asked, with everything that hangs on them.
import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { consentVersion } from "../../shared/consent.ts";
import worker from "../../worker/src/index.ts";
import { linkQuery } from "../../worker/src/lib/signed-links.ts";
import { PURGE_CRON } from "../../worker/src/scheduled.ts";
import { ORIGIN } from "./fixtures.ts";
import { FORM } from "./staff-helpers.ts";

const DAY = 86_400_000;
const CONFIRMED = Date.parse("2025-11-20T09:00:00.000Z");

async function daily(at: number, settings: Partial<Env> = { PUBLIC_ORIGIN: ORIGIN }, cron = PURGE_CRON) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime: at }), { ...env, ...settings } as Env, ctx);
  await waitOnExecutionContext(ctx);
}
/** The five-minute cron: it hands queued mails to the sender. */
const delivery = (at: number, settings: Partial<Env> = { PUBLIC_ORIGIN: ORIGIN }) => daily(at, settings, "*/5 * * * *");

const clock = (id: string) =>
  env.DB.prepare("SELECT renew_due_at, renewal_asked_at, consent_renewed_at, consent_version FROM signups WHERE id = ?")
    .bind(id)
    .first<{
      renew_due_at: string;
      renewal_asked_at: string | null;
      consent_renewed_at: string | null;
      consent_version: string;
    }>();

const mailsTo = async (address: string) =>
  (
    await env.DB.prepare("SELECT subject, text FROM outbox WHERE to_address = ? ORDER BY id")
      .bind(address)
      .all<{ subject: string; text: string }>()
  ).results;

beforeAll(async () => {
  const at = new Date(CONFIRMED).toISOString();
  await env.DB.batch([
    ...[
      ["p-ria", "ria@example.org", "confirmed"],
      ["p-sam", "sam@example.org", "confirmed"],
      ["p-tom", "tom@example.org", "pending"],
      ["p-uwe", "uwe@example.org", "confirmed"],
    ].map(([id, email, status]) =>
      env.DB.prepare(
        `INSERT INTO signups (id, email, first_name, towns, earliest_return, wants, lang, status, consent_version,
           consent_given_at, confirmed_at, created_at, last_mail_at)
         VALUES (?, ?, 'Ria', '["brilon"]', 'open', '["job_offers"]', 'de', ?, ?, ?, ?, ?, ?)`,
      ).bind(id, email, status, "a".repeat(64), at, status === "confirmed" ? at : null, at, at),
    ),
    env.DB.prepare(
      "INSERT INTO steckbriefe (signup_id, headline, languages, updated_at) VALUES ('p-sam', 'Tischler', '[]', ?)",
    ).bind(at),
  ]);
});

describe("the retention clock", () => {
  it("starts at confirmation: the person is to be asked 12 months later", async () => {
    expect((await clock("p-ria"))?.renew_due_at).toBe("2026-11-20T09:00:00.000Z");
    expect((await clock("p-tom"))?.renew_due_at).toBeNull();
  });

  it("asks no one before the year is up, and no one at all without a public origin for the link", async () => {
    await daily(Date.parse("2026-11-19T03:17:00.000Z"));
    await daily(Date.parse("2026-11-21T03:17:00.000Z"), { PUBLIC_ORIGIN: "" });
    expect(await mailsTo("ria@example.org")).toEqual([]);
    expect((await clock("p-ria"))?.renewal_asked_at).toBeNull();
  });

  it("then asks once, by a mail with a fresh link to the person's page that names the day of erasure", async () => {
    const asked = Date.parse("2026-11-21T03:17:00.000Z");
    // Uwe's renewal mail will not leave: the sender is misconfigured whenever it is tried (see below).
    await env.DB.prepare("UPDATE signups SET renew_due_at = '2026-12-30T00:00:00.000Z' WHERE id = 'p-uwe'").run();
    await daily(asked);
    await delivery(asked + 5 * 60_000);
    await daily(asked + DAY);
    const mails = await mailsTo("ria@example.org");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("Möchtest du bei Heimvorteil bleiben?");
    expect(mails[0]?.text).toMatch(/https:\/\/api\.test\/me\?\S+#renew/);
    expect(mails[0]?.text).toContain("am 21. Dezember 2026 alle deine Angaben");
    expect((await clock("p-ria"))?.renewal_asked_at).toBe(new Date(asked).toISOString());
    expect((await mailsTo("sam@example.org")).map((m) => m.subject)).toEqual(["Möchtest du bei Heimvorteil bleiben?"]);
  });

  it("shows the person when their data goes; opening the link renews nothing, the button does", async () => {
    const query = await linkQuery("test-signing-key", "p-ria", 1);
    const page = await (await SELF.fetch(`${ORIGIN}/me?${query}`)).text();
    expect(page).toContain("Ohne deine Antwort löschen wir deine Daten am 21. Dezember 2026.");
    expect(page).toContain("Ja, ich bleibe dabei");
    expect((await clock("p-ria"))?.renewal_asked_at).not.toBeNull();
    const res = await SELF.fetch(`${ORIGIN}/me/renew`, {
      method: "POST",
      headers: FORM,
      body: query,
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toContain("done=renewed");
    const renewed = await clock("p-ria");
    expect(renewed?.renewal_asked_at).toBeNull();
    expect(Date.parse(renewed?.renew_due_at ?? "") - Date.parse(renewed?.consent_renewed_at ?? "")).toBeGreaterThan(
      364 * DAY,
    );
    // The consent is now the text shown today.
    expect(renewed?.consent_version).toBe(await consentVersion("de"));
    // The proof of the first year's consent stays beside the new one.
    const history = await env.DB.prepare("SELECT consent_history FROM signups WHERE id = 'p-ria'").first<string>(
      "consent_history",
    );
    expect(JSON.parse(history ?? "[]")).toEqual([{ version: "a".repeat(64), given_at: "2025-11-20T09:00:00.000Z" }]);
    const after = await (await SELF.fetch(`${ORIGIN}/me?${query}`)).text();
    expect(after).toContain("Deine Einwilligung gilt bis zum");
    // A form from another site renews no one.
    const foreign = await SELF.fetch(`${ORIGIN}/me/renew`, {
      method: "POST",
      headers: { ...FORM, Origin: "https://evil.example" },
      body: await linkQuery("test-signing-key", "p-sam", 1),
    });
    expect(foreign.status).toBe(403);
  });

  it("erases whoever did not renew 30 days after their mail left, with their Steckbrief; the one who renewed stays", async () => {
    const mailed = Date.parse("2026-11-21T03:22:00.000Z");
    await daily(mailed + 29 * DAY);
    expect(await clock("p-sam")).not.toBeNull();
    await daily(mailed + 30 * DAY + 60_000);
    expect(await clock("p-sam")).toBeNull();
    const left = await env.DB.prepare("SELECT count(*) AS n FROM steckbriefe WHERE signup_id = 'p-sam'").first<{
      n: number;
    }>();
    expect(left?.n).toBe(0);
    expect(await clock("p-ria")).not.toBeNull();
    // Counted, without naming anyone.
    const withdrawn = await env.DB.prepare(
      "SELECT sum(n) AS n FROM outcome_counts WHERE metric = 'withdrawn' AND town = '*'",
    ).first<{ n: number }>();
    expect(withdrawn?.n).toBe(1);
    // The unconfirmed signup went with the 7-day purge long before.
    expect(await clock("p-tom")).toBeNull();
  });

  it("erases no one whose renewal mail never left, and asks them again a week later", async () => {
    const broken = {
      PUBLIC_ORIGIN: ORIGIN,
      DEV: "",
      MAIL_TRANSPORT: "send_email",
      EMAIL: undefined,
    } as unknown as Partial<Env>;
    const due = Date.parse("2026-12-30T03:17:00.000Z");
    await daily(due, broken);
    for (let day = 0; day < 3; day++) await delivery(due + day * DAY + 5 * 60_000, broken);
    expect((await clock("p-uwe"))?.renewal_asked_at).toBe(new Date(due).toISOString());
    // 31 days on, with no mail sent, Uwe is still here; and asked again, with a fresh mail.
    await daily(due + 8 * DAY, broken);
    expect((await clock("p-uwe"))?.renewal_asked_at).toBe(new Date(due + 8 * DAY).toISOString());
    // The first mail, given up, went with the week-old mails; the new one waits for a working sender.
    expect((await mailsTo("uwe@example.org")).map((m) => m.subject)).toEqual(["Möchtest du bei Heimvorteil bleiben?"]);
    await daily(due + 31 * DAY, broken);
    expect(await clock("p-uwe")).not.toBeNull();
  });
});

describe("the newsletter's pictures", () => {
  it("are deleted by the daily run once a day old and in no issue's text; those an issue shows stay", async () => {
    const at = "2026-11-01T08:00:00.000Z";
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO newsletters (id, subject_de, body_de, status, created_at, updated_at)
         VALUES (777, 'Entwurf', 'Ein Bild: ![Brilon](/heimatpost/bilder/img-kept)', 'draft', ?1, ?1)`,
      ).bind(at),
      ...["img-kept", "img-orphan", "img-fresh"].map((id) =>
        env.DB.prepare(
          "INSERT INTO newsletter_images (id, type, bytes, created_at) VALUES (?, 'image/png', x'89504e47', ?)",
        ).bind(id, id === "img-fresh" ? "2026-11-09T23:00:00.000Z" : at),
      ),
    ]);
    await daily(Date.parse("2026-11-10T03:17:00.000Z"));
    const left = await env.DB.prepare("SELECT id FROM newsletter_images ORDER BY id").all<{ id: string }>();
    // The orphan goes; the one an issue shows stays, and so does one uploaded within the day (not saved yet).
    expect(left.results.map((r) => r.id)).toEqual(["img-fresh", "img-kept"]);
  });
});
