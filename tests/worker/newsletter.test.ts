// The newsletter "Heimatpost", in workerd with the real D1: what its text may hold, the audience by town,
// field and language, the preview and the test to oneself, sending now and at a time, the mails written
// at delivery (each reader's own links, their language, nothing for who left in between), the weekly cap
// that makes it wait rather than drop, no mail twice, town accounts kept to their towns, and the archive.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { berlinDate } from "../../shared/berlin-clock.ts";
import { berlinDayStart } from "../../shared/time.ts";
import { claimDueNewsletters, mailingOf } from "../../worker/src/db/newsletters.ts";
import { addStaffStatement } from "../../worker/src/db/staff.ts";
import { deliverBulk } from "../../worker/src/keep-in-touch/deliver.ts";
import { newsletterStep } from "../../worker/src/keep-in-touch/newsletter.ts";
import { ORIGIN } from "./fixtures.ts";
import { addPeopleAt } from "./people-helpers.ts";
import { api, signIn } from "./staff-helpers.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Deliveries in these tests happen from 10:00 Berlin time two days on. Until then the rate's lease is
// taken, so the queue's own delivery chain (started by the sends below) cannot deliver in between.
const T0 = berlinDayStart(berlinDate(new Date(Date.now() + 2 * DAY))).getTime() + 10 * HOUR;
const iso = (t: number) => new Date(t).toISOString();

let admin: string;
let town: string;

const send = (cookie: string, method: string, path: string, body?: unknown, lang = "de") =>
  api(path, cookie, {
    method,
    headers: { "Content-Type": "application/json", Origin: ORIGIN, "Accept-Language": lang },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const ISSUE = {
  subject_de: "Heimatpost Dezember",
  body_de:
    "# Neues aus dem Sauerland\n\nDer [Rückkehrer-Stammtisch](/events) trifft sich wieder.\nBis bald!\n\n![Das Rathaus](/heimatpost/bilder/0123456789abcdef0123456789abcdef)\n\n- Arnsberg\n- Meschede",
  subject_en: "Heimatpost December",
  body_en: "# News from the Sauerland\n\nThe [returnees' meet-up](https://example.org/treffen) meets again.",
};

interface Mail {
  id: number;
  to_address: string;
  subject: string;
  text: string;
  headers: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string | null;
}
const mailsOf = async (id: number) =>
  (
    await env.DB.prepare(
      `SELECT id, to_address, subject, text, headers, sent_at, last_error, created_at, next_attempt_at FROM outbox
       WHERE mailing = ? ORDER BY to_address`,
    )
      .bind(mailingOf(id))
      .all<Mail>()
  ).results;
const to = (mails: Mail[]) => mails.map((m) => m.to_address.replace("@example.org", ""));

async function create(cookie: string, body: object): Promise<{ id: number; status: string }> {
  const res = await send(cookie, "POST", "/newsletters", body);
  expect(res.status).toBe(201);
  return res.json();
}

beforeAll(async () => {
  const now = new Date().toISOString();
  await env.DB.batch([
    addStaffStatement(
      env.DB,
      { id: "s-admin", email: "maria@kreis.example", name: "Maria Kreis", role: "admin", towns: [] },
      now,
    ),
    addStaffStatement(
      env.DB,
      { id: "s-town", email: "wifoe@meschede.example", name: "WiFö Meschede", role: "town", towns: ["meschede"] },
      now,
    ),
    env.DB.prepare("UPDATE mail_pacing SET busy_until = ?").bind(iso(T0)),
  ]);
  await addPeopleAt(
    [
      { id: "p-anna", towns: ["meschede"], field: "it", wants: ["newsletter", "job_offers"] },
      { id: "p-ben", towns: ["arnsberg"], field: "health", wants: ["newsletter"], lang: "en" },
      { id: "p-cem", towns: [], field: "it", wants: ["newsletter"] },
      { id: "p-dora", towns: ["meschede"], field: "it", wants: ["job_offers"] },
      { id: "p-emil", towns: ["meschede"], wants: ["newsletter"], status: "pending" },
      { id: "p-fritz", towns: ["meschede", "brilon"], field: "crafts", wants: ["newsletter"], lang: "en" },
    ],
    Date.now() - 30 * DAY,
  );
  admin = await signIn("maria@kreis.example");
  town = await signIn("wifoe@meschede.example");
});

describe("writing a newsletter", () => {
  it("refuses images from elsewhere and links that are not web or mail addresses, field by field, in both languages", async () => {
    const de = await send(admin, "POST", "/newsletters", {
      subject_de: "Test",
      body_de: "Bitte [klicken](javascript:alert(1))",
    });
    expect(de.status).toBe(400);
    const fields = ((await de.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields.body_de).toMatch(/Links bitte nur/);
    const en = await send(
      admin,
      "POST",
      "/newsletters",
      { subject_de: "Test", body_de: "![Pixel](https://tracker.example/p.gif) ![x](//cdn.example/x.png)" },
      "en",
    );
    expect(((await en.json()) as { error: { fields: Record<string, string> } }).error.fields.body_de).toBe(
      "Images from our own site only: please upload them and use the address starting with /heimatpost/bilder/.",
    );
    const half = await send(admin, "POST", "/newsletters", { subject_de: "Test", body_de: "Hallo", subject_en: "Hi" });
    expect(((await half.json()) as { error: { fields: Record<string, string> } }).error.fields.body_en).toMatch(
      /Betreff und Text/,
    );
    expect((await env.DB.prepare("SELECT count(*) AS n FROM newsletters").first<number>("n")) ?? 0).toBe(0);
  });

  it("previews the mail in German and English with the audience it reaches, saving nothing", async () => {
    const res = await send(admin, "POST", "/newsletters/preview", { ...ISSUE, towns: ["Meschede"] });
    expect(res.status).toBe(200);
    const p = (await res.json()) as {
      audience: number;
      de: { subject: string; text: string; html: string };
      en: { subject: string; text: string; html: string };
    };
    // Anna and Fritz named Meschede and chose the newsletter; Dora did not choose it, Emil never confirmed.
    expect(p.audience).toBe(2);
    expect(p.de.subject).toBe("Heimatpost Dezember");
    expect(p.de.text).toMatch(/^Hallo \[Vorname\],\n\ndiese E-Mail schickt dir Heimvorteil/);
    expect(p.de.text).toContain("Neues aus dem Sauerland\n======================");
    expect(p.de.text).toContain(`Der Rückkehrer-Stammtisch (${ORIGIN}/events) trifft sich wieder. Bis bald!`);
    expect(p.de.text).toContain("[Bild: Das Rathaus]");
    expect(p.de.text).toContain("– Arnsberg\n– Meschede");
    expect(p.de.text).toContain("[dein persönlicher Abmeldelink]");
    expect(p.de.html).toContain("<h2>Neues aus dem Sauerland</h2>");
    expect(p.en.subject).toBe("Heimatpost December");
    expect(p.en.text).toMatch(/^Hello \[first name\],/);
    expect(p.en.text).toContain("The returnees' meet-up (https://example.org/treffen) meets again.");
    expect((await env.DB.prepare("SELECT count(*) AS n FROM newsletters").first<number>("n")) ?? 0).toBe(0);
  });

  it("sends a test to the signed-in account's own address, one mail per version", async () => {
    const { id } = await create(admin, ISSUE);
    const res = await send(admin, "POST", `/newsletters/${id}/test`);
    expect(await res.json()).toEqual({ to: "maria@kreis.example", mails: 2 });
    const tests = (
      await env.DB.prepare(
        "SELECT subject, text FROM outbox WHERE to_address = 'maria@kreis.example' AND subject LIKE '[Test]%' ORDER BY id",
      ).all<{ subject: string; text: string }>()
    ).results;
    expect(tests.map((t) => t.subject)).toEqual(["[Test] Heimatpost Dezember", "[Test] Heimatpost December"]);
    expect(tests[0]?.text).toContain(`${ORIGIN}/heimatpost/${id}?lang=de`);
    // A draft is no one's mail yet.
    expect(await mailsOf(id)).toEqual([]);
  });
});

describe("sending", () => {
  it("queues one mail for each reader of the audience, writes each at delivery in their language, and never twice", async () => {
    const { id } = await create(admin, { ...ISSUE, towns: ["meschede", "arnsberg"] });
    const sent = await send(admin, "POST", `/newsletters/${id}/send`, {});
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({
      status: "sent",
      recipients: 3,
      editable: false,
      archive_url: `/heimatpost/${id}`,
    });
    const queued = await mailsOf(id);
    expect(to(queued)).toEqual(["p-anna", "p-ben", "p-fritz"]);
    // Nothing personal waits in the outbox: the text is written when it goes.
    expect(queued.every((m) => m.text === "" && m.headers === null)).toBe(true);
    expect((await send(admin, "POST", `/newsletters/${id}/send`, {})).status).toBe(409);
    expect((await send(admin, "PUT", `/newsletters/${id}`, ISSUE)).status).toBe(409);
    // The same step again (a redelivered queue message) queues no one a second time.
    await env.DB.prepare("UPDATE newsletters SET status = 'sending' WHERE id = ?").bind(id).run();
    expect((await newsletterStep(env, id, new Date(), "")).mailed).toBe(0);

    // Fritz leaves the newsletter before it goes.
    await env.DB.prepare("UPDATE signups SET wants = '[]' WHERE id = 'p-fritz'").run();
    const delivery = await deliverBulk({ ...env, PUBLIC_ORIGIN: ORIGIN } as Env, new Date(T0));
    expect(delivery).toMatchObject({ sent: 2, stopped: 1 });
    const [anna, ben, fritz] = await mailsOf(id);
    expect(anna?.subject).toBe("Heimatpost Dezember");
    expect(anna?.text).toMatch(/^Hallo Anna,/);
    expect(anna?.text).toContain(`${ORIGIN}/heimatpost/${id}?lang=de`);
    expect(anna?.text).toMatch(new RegExp(`${ORIGIN}/abmelden\\?id=p-anna&p=newsletter&sig=`));
    expect(JSON.parse(anna?.headers ?? "{}")).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(ben?.subject).toBe("Heimatpost December");
    expect(ben?.text).toMatch(/^Hello Ben,/);
    expect(fritz?.sent_at).toBeNull();
    expect(fritz?.last_error).toMatch(/left this purpose/);
    // The unsubscribe link in the mail ends the newsletter for Anna, and only it.
    const link = anna?.text.match(/https?:\/\/\S+\/abmelden\?\S+/)?.[0] as string;
    expect((await SELF.fetch(link, { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(200);
    expect(await env.DB.prepare("SELECT wants FROM signups WHERE id = 'p-anna'").first<string>("wants")).toBe(
      '["job_offers"]',
    );
  });

  it("chooses the audience by field and language, and leaves out whoever cannot be mailed", async () => {
    await env.DB.prepare("UPDATE signups SET wants = '[\"newsletter\"]' WHERE id IN ('p-anna', 'p-fritz')").run();
    await env.DB.prepare("UPDATE signups SET mail_stopped_at = ?, mail_stop_reason = 'bounce' WHERE id = 'p-cem'")
      .bind(iso(Date.now()))
      .run();
    const it = await create(admin, { ...ISSUE, fields: ["it"] });
    const english = await create(admin, { ...ISSUE, langs: ["en"] });
    const crafts = await create(admin, { ...ISSUE, fields: ["crafts"], langs: ["de"] });
    for (const n of [it, english, crafts]) await send(admin, "POST", `/newsletters/${n.id}/send`, {});
    expect(to(await mailsOf(it.id))).toEqual(["p-anna"]);
    expect(to(await mailsOf(english.id))).toEqual(["p-ben", "p-fritz"]);
    expect(to(await mailsOf(crafts.id))).toEqual([]);
    await env.DB.prepare("UPDATE signups SET mail_stopped_at = NULL, mail_stop_reason = NULL WHERE id = 'p-cem'").run();
  });

  it("makes a reader at the weekly cap wait until a mail of theirs leaves the seven days, rather than miss it", async () => {
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare("DELETE FROM mail_log"),
      env.DB.prepare(
        "INSERT INTO mail_log (signup_id, subject, created_at, kind) VALUES ('p-cem', 'Digest', ?, 'digest')",
      ).bind(iso(now - 5 * DAY)),
      env.DB.prepare(
        "INSERT INTO mail_log (signup_id, subject, created_at, kind) VALUES ('p-cem', 'Einladung', ?, 'invitation')",
      ).bind(iso(now - 2 * DAY)),
      // A confirmation is no keep-in-touch mail and counts for nothing.
      env.DB.prepare(
        "INSERT INTO mail_log (signup_id, subject, created_at, kind) VALUES ('p-anna', 'Bestätigen', ?, NULL)",
      ).bind(iso(now - DAY)),
    ]);
    const { id } = await create(admin, { ...ISSUE, fields: ["it"] });
    await env.DB.prepare("UPDATE newsletters SET status = 'sending', origin = ? WHERE id = ?").bind(ORIGIN, id).run();
    const step = await newsletterStep(env, id, new Date(now), "");
    expect(step).toMatchObject({ looked: 2, mailed: 2, capped: 1 });
    const [anna, cem] = await mailsOf(id);
    expect(anna?.next_attempt_at).toBe(iso(now));
    // Cem's older mail leaves his seven days two days from now: then it goes, and the log counts it then.
    expect(cem?.next_attempt_at).toBe(iso(now + 2 * DAY));
    expect(cem?.created_at).toBe(iso(now + 2 * DAY));
  });

  it("schedules for later, goes when its time has come, and can be taken back before", async () => {
    const { id } = await create(admin, { ...ISSUE, towns: ["arnsberg"] });
    const at = iso(Date.now() + 3 * HOUR);
    const res = await send(admin, "POST", `/newsletters/${id}/send`, { at });
    expect(await res.json()).toMatchObject({ status: "scheduled", send_at: at, editable: true });
    expect(await claimDueNewsletters(env.DB, iso(Date.now()))).toEqual([]);
    expect(await (await send(admin, "POST", `/newsletters/${id}/unschedule`)).json()).toMatchObject({
      status: "draft",
      send_at: null,
    });
    await send(admin, "POST", `/newsletters/${id}/send`, { at });
    expect(await claimDueNewsletters(env.DB, iso(Date.now() + 4 * HOUR))).toEqual([{ id, origin: ORIGIN }]);
    // Claimed once: the next tick of the cron finds nothing.
    expect(await claimDueNewsletters(env.DB, iso(Date.now() + 4 * HOUR))).toEqual([]);
    expect((await newsletterStep(env, id, new Date(), "")).mailed).toBe(1);
  });
});

describe("town accounts", () => {
  it("write for their own towns only, and see only those issues", async () => {
    const district = await create(admin, ISSUE);
    const other = await send(town, "POST", "/newsletters", { ...ISSUE, towns: ["arnsberg"] });
    expect(other.status).toBe(400);
    expect(((await other.json()) as { error: { fields: Record<string, string> } }).error.fields.towns).toMatch(
      /eigenen Orte/,
    );
    expect((await send(town, "POST", "/newsletters", ISSUE)).status).toBe(400);
    const own = await create(town, { ...ISSUE, towns: ["meschede"] });
    expect((await send(town, "GET", `/newsletters/${district.id}`)).status).toBe(404);
    const listed = ((await (await send(town, "GET", "/newsletters")).json()) as { data: { id: number }[] }).data;
    expect(listed.map((n) => n.id)).toEqual([own.id]);
    expect((await send(town, "DELETE", `/newsletters/${own.id}`)).status).toBe(204);
  });
});

describe("the archive", () => {
  it("shows every issue that went out, in German or English, and no draft", async () => {
    const draft = await create(admin, { ...ISSUE, subject_de: "Entwurf, geheim" });
    const list = await SELF.fetch(`${ORIGIN}/heimatpost`, { headers: { "Accept-Language": "de" } });
    expect(list.status).toBe(200);
    expect(list.headers.get("Content-Security-Policy")).toContain("img-src 'self'");
    const listed = await list.text();
    expect(listed).toContain("Heimatpost Dezember");
    expect(listed).not.toContain("Entwurf, geheim");
    const first = Number(/\/heimatpost\/(\d+)\?lang=de/.exec(listed)?.[1]);
    const issue = await (await SELF.fetch(`${ORIGIN}/heimatpost/${first}?lang=de`)).text();
    expect(issue).toContain("<h1>Heimatpost Dezember</h1>");
    expect(issue).toContain("<h2>Neues aus dem Sauerland</h2>");
    expect(issue).toContain(
      '<img src="/heimatpost/bilder/0123456789abcdef0123456789abcdef" alt="Das Rathaus" loading="lazy" />',
    );
    const english = await (await SELF.fetch(`${ORIGIN}/heimatpost/${first}?lang=en`)).text();
    expect(english).toContain("<h1>Heimatpost December</h1>");
    expect((await SELF.fetch(`${ORIGIN}/heimatpost/${draft.id}`)).status).toBe(404);
    expect((await SELF.fetch(`${ORIGIN}/heimatpost/abc`)).status).toBe(404);
  });

  it("serves uploaded pictures from our origin, and takes only pictures that are what they say", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const upload = (type: string, body: BodyInit) =>
      api("/newsletter-images", admin, { method: "POST", headers: { "Content-Type": type, Origin: ORIGIN }, body });
    const res = await upload("image/png", png);
    expect(res.status).toBe(201);
    const image = (await res.json()) as { url: string; markdown: string };
    expect(image.markdown).toBe(`![Beschreibung des Bildes](${image.url})`);
    const served = await SELF.fetch(`${ORIGIN}${image.url}`);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    expect((await upload("image/svg+xml", "<svg onload='alert(1)'/>")).status).toBe(400);
    expect((await upload("image/png", "<html>not a picture</html>")).status).toBe(400);
    expect((await upload("image/png", new Uint8Array(1024 * 1024 + 1))).status).toBe(413);
    // Without a session nothing is uploaded.
    expect(
      (
        await SELF.fetch(`${ORIGIN}/v1/staff/newsletter-images`, {
          method: "POST",
          headers: { "Content-Type": "image/png", Origin: ORIGIN },
          body: png,
        })
      ).status,
    ).toBe(401);
  });
});
