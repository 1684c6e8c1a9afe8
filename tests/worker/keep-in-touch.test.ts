// Keeping in touch, in workerd with the real D1: the job digest (matches by the shared matcher, no job
// twice, no empty mail), meet-up invitations by Berlin calendar day across the daylight-saving change,
// answers by signed link, one-click unsubscribe (RFC 8058), the per-person cap, sending hours, bounces,
// and a delivery that fails half-way and is retried: each recipient gets exactly one mail.
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../worker/src/index.ts";
import { deliverBulk } from "../../worker/src/keep-in-touch/deliver.ts";
import { digestStep } from "../../worker/src/keep-in-touch/digest.ts";
import { invitationStep } from "../../worker/src/keep-in-touch/invitations.ts";
import { runStep } from "../../worker/src/keep-in-touch/queue.ts";
import { inSendingHours } from "../../worker/src/keep-in-touch/sending.ts";
import { linkQuery, signAction } from "../../worker/src/lib/signed-links.ts";
import { deliverDueMails } from "../../worker/src/mail/deliver.ts";
import { ORIGIN } from "./fixtures.ts";
import { addPeopleAt, type Person } from "./people-helpers.ts";
import { adminSession, FORM } from "./staff-helpers.ts";

const DAY = 86_400_000;
// A Tuesday in winter, 10:00 in Berlin.
const RUN = Date.parse("2026-12-08T09:00:00.000Z");
const iso = (t: number) => new Date(t).toISOString();

const addPeople = (people: Person[], confirmedAt = RUN - 30 * DAY) => addPeopleAt(people, confirmedAt);

let nextJob = 1000;
/** An open job first seen at `seen`; returns its id. */
async function addJob(title: string, town: string, category: string, seen: number, open = true): Promise<number> {
  const id = nextJob++;
  await env.DB.prepare(
    `INSERT INTO jobs (id, employer_id, town_id, title, description, category, employment, remote, posted_at,
       valid_through, updated_at, first_seen_at)
     VALUES (?, 'kit-werk', ?, ?, 'Beschreibung', ?, 1, 'onsite', ?, ?, ?, ?)`,
  )
    .bind(id, town, title, category, iso(seen), iso(open ? RUN + 60 * DAY : RUN - DAY), iso(seen), iso(seen))
    .run();
  return id;
}

let nextEvent = 5000;
async function addEvent(title: string, town: string, startsAt: string, cancelled = false): Promise<number> {
  const id = nextEvent++;
  const end = iso(Date.parse(startsAt) + 2 * 3_600_000);
  await env.DB.prepare(
    `INSERT INTO events (id, kind, title, description, town_id, venue, organizer, starts_at, ends_at, updated_at,
       cancelled_at)
     VALUES (?, 'stammtisch', ?, 'Treffen', ?, 'Gasthof Linde', 'Kreis-Team', ?, ?, ?, ?)`,
  )
    .bind(id, title, town, startsAt, end, startsAt, cancelled ? startsAt : null)
    .run();
  return id;
}

interface OutboxMail {
  id: number;
  to_address: string;
  subject: string;
  text: string;
  headers: string | null;
  kind: string | null;
  mailing: string | null;
  sent_at: string | null;
}

const mailsOf = async (kind: string, to?: string) =>
  (
    await env.DB.prepare(
      `SELECT id, to_address, subject, text, headers, kind, mailing, sent_at FROM outbox
       WHERE kind = ? AND (?2 IS NULL OR to_address = ?2) ORDER BY id`,
    )
      .bind(kind, to ? `${to}@example.org` : null)
      .all<OutboxMail>()
  ).results;

const settings = (more: Partial<Env> = {}) => ({ ...env, PUBLIC_ORIGIN: ORIGIN, ...more }) as Env;
const linkIn = (text: string, path: string) => text.match(new RegExp(`${ORIGIN}${path}\\?[^\\s]+`))?.[0] as string;
const wantsOf = async (id: string) =>
  JSON.parse(
    (await env.DB.prepare("SELECT wants FROM signups WHERE id = ?").bind(id).first<string>("wants")) ?? "[]",
  ) as string[];

beforeAll(async () => {
  await env.DB.prepare(
    "INSERT INTO employers (id, name, town_id, industry, created_at) VALUES ('kit-werk', 'Kitwerk GmbH', 'meschede', 'Technik', ?)",
  )
    .bind(iso(RUN - 400 * DAY))
    .run();
});

describe("the job digest", () => {
  beforeAll(async () => {
    await addPeople([
      { id: "p-ida", field: "electrical", occupation: "Elektronikerin", towns: ["meschede"], wants: ["job_offers"] },
      { id: "p-max", field: "it", towns: [], wants: ["job_offers", "newsletter"] },
      { id: "p-ola", occupation: "Bäckerin", towns: ["brilon"], wants: ["job_offers"] },
      { id: "p-eva", field: "electrical", towns: ["meschede"], wants: ["meetups"] },
      { id: "p-kai", field: "electrical", towns: ["meschede"], wants: ["job_offers"], status: "pending" },
      { id: "p-udo", field: "it", towns: [], wants: ["job_offers"], every: "daily" },
    ]);
    await addJob("Elektroniker*in für Betriebstechnik (m/w/d)", "meschede", "electrical", RUN - 3 * DAY);
    await addJob("Elektronikerin Energie- und Gebäudetechnik", "bestwig", "electrical", RUN - 2 * DAY);
    await addJob("Elektroniker (m/w/d) Altvertrag", "meschede", "electrical", RUN - 2 * DAY, false);
    await addJob("Elektroniker für Automatisierung", "meschede", "electrical", RUN - 20 * DAY);
    await addJob("Schaltschrankbauer (m/w/d)", "meschede", "electrical", RUN - DAY);
    await addJob("Softwareentwickler TypeScript", "arnsberg", "it", RUN - DAY);
    // Written minutes ago: an import may still be writing; the next digest has it.
    await addJob("Fachinformatiker Systemintegration", "brilon", "it", RUN - 5 * 60_000);
  });

  it("mails each person the new open jobs that match them, best match first, and no one without matches", async () => {
    const result = await digestStep(settings(), ORIGIN, new Date(RUN));
    expect(result).toMatchObject({ looked: 4, mailed: 3, capped: 0 });
    expect(result.next).toBeUndefined();
    expect(result.rows_read).toBeGreaterThan(0);
    const ida = await mailsOf("digest", "p-ida");
    expect(ida).toHaveLength(1);
    const text = ida[0]?.text ?? "";
    // The shared matcher's occupation match first, then the rest of the field, in the person's town only.
    expect(text.indexOf("Elektroniker*in für Betriebstechnik")).toBeGreaterThan(0);
    expect(text.indexOf("Schaltschrankbauer")).toBeGreaterThan(text.indexOf("Elektroniker*in für Betriebstechnik"));
    expect(text).not.toContain("Gebäudetechnik"); // Bestwig
    expect(text).not.toContain("Altvertrag"); // closed
    expect(text).not.toContain("Automatisierung"); // first seen three weeks ago
    expect(ida[0]?.subject).toBe("2 neue Stellen für dich im Hochsauerland");
    expect(text).toMatch(/^Hallo Ida,\n\ndiese E-Mail schickt dir Heimvorteil/);
    expect(text).toContain(
      "Das ist deine erste Übersicht: Diese 2 Stellen sind in den letzten zwei Wochen dazugekommen",
    );
    expect(text).toContain("„Passende Stellenangebote“ gewählt hast (wöchentlich)");
    expect(text).toMatch(new RegExp(`${ORIGIN}/jobs/\\d+`));
    expect(text).toContain(`${ORIGIN}/me?`);
    const headers = JSON.parse(ida[0]?.headers ?? "{}") as Record<string, string>;
    expect(headers["List-Unsubscribe"]).toMatch(
      new RegExp(`^<${ORIGIN}/abmelden\\?id=p-ida&p=job_offers&sig=[0-9a-f]{64}&lang=de>$`),
    );
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // A field without an occupation: every new job of the field, in any town (none named).
    const max = (await mailsOf("digest", "p-max"))[0]?.text ?? "";
    expect(max).toContain("Softwareentwickler TypeScript");
    expect(max).not.toContain("Fachinformatiker"); // minutes old
    expect(await mailsOf("digest", "p-ola")).toHaveLength(0); // nothing new for a baker in Brilon
    expect(await mailsOf("digest", "p-eva")).toHaveLength(0); // did not choose job offers
    expect(await mailsOf("digest", "p-kai")).toHaveLength(0); // not confirmed
  });

  it("never mails a job twice and sends nothing until the person's digest is due", async () => {
    // The same step again (a queue message delivered twice) and an hour later: nobody is due.
    await runStep(settings(), { job: "digest", at: iso(RUN), origin: ORIGIN, after: "" });
    expect((await digestStep(settings(), ORIGIN, new Date(RUN + 3_600_000))).mailed).toBe(0);
    expect(await mailsOf("digest", "p-ida")).toHaveLength(1);
    // The next day only the daily reader is due, with the job that was minutes old yesterday.
    const nextDay = await digestStep(settings(), ORIGIN, new Date(RUN + DAY));
    expect(nextDay.mailed).toBe(1);
    const udo = await mailsOf("digest", "p-udo");
    expect(udo).toHaveLength(2);
    expect(udo[1]?.text).toContain("Fachinformatiker Systemintegration");
    expect(udo[1]?.text).not.toContain("Softwareentwickler TypeScript");
    expect(udo[1]?.text).toContain("(täglich)");
    // A week on: only what came since, for the weekly readers too.
    await addJob("Elektroniker*in Instandhaltung", "meschede", "electrical", RUN + 3 * DAY);
    await digestStep(settings(), ORIGIN, new Date(RUN + 7 * DAY));
    const ida = await mailsOf("digest", "p-ida");
    expect(ida).toHaveLength(2);
    expect(ida[1]?.subject).toBe("1 neue Stelle für dich im Hochsauerland");
    expect(ida[1]?.text).toContain("Elektroniker*in Instandhaltung");
    expect(ida[1]?.text).toContain("Seit unserer letzten Übersicht ist diese Stelle dazugekommen");
    expect(ida[1]?.text).not.toContain("Betriebstechnik");
  });
});

describe("the weekly cap and sending hours", () => {
  it("holds a digest back while the person had two keep-in-touch mails this week; the jobs come later", async () => {
    await addPeople([{ id: "p-cap", field: "crafts", towns: ["winterberg"], wants: ["job_offers", "newsletter"] }]);
    await addJob("Tischler (m/w/d)", "winterberg", "crafts", RUN - DAY);
    await env.DB.batch(
      [RUN - 2 * DAY, RUN - DAY].map((t) =>
        env.DB.prepare(
          "INSERT INTO mail_log (signup_id, subject, created_at, kind) VALUES ('p-cap', 'Heimatpost', ?, 'newsletter')",
        ).bind(iso(t)),
      ),
    );
    const held = await digestStep(settings(), ORIGIN, new Date(RUN));
    expect(held.capped).toBe(1);
    expect(await mailsOf("digest", "p-cap")).toHaveLength(0);
    // A configured cap of three lets it through; so does the passing week with the default of two.
    expect((await digestStep(settings({ MAIL_WEEKLY_CAP: "3" }), ORIGIN, new Date(RUN))).capped).toBe(0);
    const mails = await mailsOf("digest", "p-cap");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("Tischler");
  });

  it("sends only between 7:00 and 20:00 Berlin time, on either side of the daylight-saving change", () => {
    // 29 March 2026: clocks go forward at 01:00 UTC.
    expect(inSendingHours(new Date("2026-03-27T05:30:00Z"))).toBe(false); // 06:30 CET
    expect(inSendingHours(new Date("2026-03-30T05:30:00Z"))).toBe(true); // 07:30 CEST
    expect(inSendingHours(new Date("2026-03-27T18:30:00Z"))).toBe(true); // 19:30 CET
    expect(inSendingHours(new Date("2026-03-30T18:30:00Z"))).toBe(false); // 20:30 CEST
    // 25 October 2026: back to winter time; 06:30 UTC is 07:30 CET, 05:30 UTC still 06:30.
    expect(inSendingHours(new Date("2026-10-25T06:30:00Z"))).toBe(true);
    expect(inSendingHours(new Date("2026-10-25T05:30:00Z"))).toBe(false);
  });

  it("delivers mails of a mailing within sending hours only, at the provider's rate", async () => {
    const waiting =
      (await env.DB.prepare(
        "SELECT count(*) AS n FROM outbox WHERE mailing IS NOT NULL AND sent_at IS NULL",
      ).first<number>("n")) ?? 0;
    expect(waiting).toBeGreaterThan(3);
    const night = await deliverBulk(settings(), new Date("2026-12-09T05:30:00Z")); // 06:30 in Berlin
    expect(night.sent).toBe(0);
    // Two a minute: a batch of two, then the chain waits its minute; a second chain gets no lease meanwhile.
    const morning = new Date("2026-12-09T07:00:00Z");
    const first = await deliverBulk(settings({ MAIL_RATE_PER_MINUTE: "2" }), morning);
    expect(first).toMatchObject({ sent: 2, nextInSeconds: 61 });
    expect(
      (await deliverBulk(settings({ MAIL_RATE_PER_MINUTE: "2" }), new Date(morning.getTime() + 10_000))).sent,
    ).toBe(0);
    const later = await deliverBulk(settings({ MAIL_RATE_PER_MINUTE: "2" }), new Date(morning.getTime() + 61_000));
    expect(later.sent).toBe(2);
    // Transactional delivery never takes mails of a mailing.
    expect((await deliverDueMails(settings(), new Date(morning.getTime() + 62_000))).sent).toBe(0);
  });
});

describe("one-click unsubscribe", () => {
  it("a GET shows a button and changes nothing; a POST without cookies or Origin ends that purpose only", async () => {
    const mail = (await mailsOf("digest", "p-max"))[0] as OutboxMail;
    const url = linkIn(mail.text, "/abmelden");
    expect(JSON.parse(mail.headers ?? "{}")["List-Unsubscribe"]).toBe(`<${url}>`);
    const page = await SELF.fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("Möchtest du keine E-Mails „Passende Stellenangebote“ mehr bekommen?");
    expect(html).toContain('<button class="button" type="submit">Ja, abmelden</button>');
    expect(await wantsOf("p-max")).toEqual(["job_offers", "newsletter"]);
    // What a mail client posts (RFC 8058): the form body, from its own servers.
    const oneClick = await SELF.fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    const done = await oneClick.text();
    expect(done).toContain("Erledigt: Du bekommst keine E-Mails „Passende Stellenangebote“ mehr.");
    expect(done).toContain("Weiter bekommst du: Newsletter Heimatpost.");
    expect(await wantsOf("p-max")).toEqual(["newsletter"]);
    // Again: nothing left to end, said so.
    expect(await (await SELF.fetch(url, { method: "POST", body: "List-Unsubscribe=One-Click" })).text()).toContain(
      "Du bekommst schon keine E-Mails",
    );
  });

  it("refuses a wrong signature and a signature for another purpose", async () => {
    const base = `${ORIGIN}/abmelden?id=p-ida&p=job_offers&lang=de&sig=`;
    const forged = await SELF.fetch(`${base}${"0".repeat(64)}`, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect(forged.status).toBe(404);
    const meetups = await signAction("test-signing-key", "unsubscribe", "p-ida", "meetups");
    expect((await SELF.fetch(`${base}${meetups}`, { method: "POST" })).status).toBe(404);
    const rsvp = await signAction("test-signing-key", "rsvp", "p-ida", "job_offers");
    expect((await SELF.fetch(`${base}${rsvp}`, { method: "POST" })).status).toBe(404);
    expect(await wantsOf("p-ida")).toEqual(["job_offers"]);
  });
});

describe("meet-up invitations", () => {
  it("are timed by Berlin calendar day across the change back to winter time", async () => {
    await addPeople([{ id: "p-lea", towns: ["meschede"], wants: ["meetups"] }], Date.parse("2026-09-01T10:00:00Z"));
    // Run on Friday 16 October 2026, 10:00 in Berlin: events from Saturday 17 to Monday 26 October, Berlin days.
    const inside = await addEvent("Stammtisch vor der Zeitumstellung", "meschede", "2026-10-17T22:30:00Z"); // 18th, 00:30 CEST
    const lastDay = await addEvent("Stammtisch am Montag spät", "meschede", "2026-10-26T22:30:00Z"); // 26th, 23:30 CET
    await addEvent("Stammtisch nach Mitternacht", "meschede", "2026-10-26T23:30:00Z"); // 27th, 00:30 CET
    await addEvent("Heute schon", "meschede", "2026-10-16T17:00:00Z"); // today
    await addEvent("Abgesagt", "meschede", "2026-10-20T17:00:00Z", true);
    await addEvent("In Brilon", "brilon", "2026-10-20T17:00:00Z");
    const run = new Date("2026-10-16T08:00:00Z");
    // Lea, and Eva of the digest tests (meet-ups in Meschede too).
    expect((await invitationStep(settings(), ORIGIN, run)).mailed).toBe(2);
    const [mail] = await mailsOf("invitation", "p-lea");
    expect(mail?.subject).toBe("Einladung zu 2 Treffen in deiner Heimat");
    expect(mail?.text).toContain("Stammtisch vor der Zeitumstellung");
    expect(mail?.text).toContain("Sonntag, 18. Oktober 2026 um 00:30");
    expect(mail?.text).toContain("Montag, 26. Oktober 2026 um 23:30");
    for (const left of ["nach Mitternacht", "Heute schon", "Abgesagt", "In Brilon"])
      expect(mail?.text).not.toContain(left);
    expect(mail?.text).toContain(`${ORIGIN}/v1/events/${inside}.ics`);
    expect(mail?.text).toContain(`${ORIGIN}/v1/events/${lastDay}.ics`);
    expect(mail?.text).toContain("„Einladungen zu Treffen“ gewählt hast.");
    // At most one a week: the next day nothing, a week on only the event not announced before.
    expect((await invitationStep(settings(), ORIGIN, new Date(run.getTime() + DAY))).mailed).toBe(0);
    expect((await invitationStep(settings(), ORIGIN, new Date(run.getTime() + 7 * DAY))).mailed).toBe(2);
    const later = (await mailsOf("invitation", "p-lea"))[1];
    expect(later?.subject).toBe("Einladung: Stammtisch nach Mitternacht in Meschede");
  });

  it("take answers by signed link: GET asks, POST answers, forged and borrowed signatures are refused", async () => {
    await addPeople([{ id: "p-tim", towns: ["sundern"], wants: ["meetups"], lang: "en" }], Date.now() - 30 * DAY);
    const starts = new Date(Date.now() + 4 * DAY);
    starts.setUTCHours(17, 0, 0, 0);
    const event = await addEvent("Rückkehrer-Treff Sundern", "sundern", starts.toISOString());
    const other = await addEvent("Noch ein Treff", "arnsberg", starts.toISOString());
    await invitationStep(settings(), ORIGIN, new Date());
    const [mail] = await mailsOf("invitation", "p-tim");
    // The title names the town already.
    expect(mail?.subject).toBe("Invitation: Rückkehrer-Treff Sundern");
    const url = linkIn(mail?.text ?? "", "/antwort");
    const answer = () =>
      env.DB.prepare("SELECT answer FROM event_invites WHERE event_id = ? AND signup_id = 'p-tim'")
        .bind(event)
        .first<string | null>("answer");
    const page = await SELF.fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Are you coming?");
    expect(html).toContain('value="yes">Yes, I&#39;m coming</button>');
    expect(await answer()).toBeNull();
    const yes = await SELF.fetch(url, { method: "POST", headers: FORM, body: "answer=yes" });
    expect(yes.status).toBe(200);
    expect(await yes.text()).toContain("You said yes");
    expect(await answer()).toBe("yes");
    // Changed the mind: no.
    await SELF.fetch(url, { method: "POST", headers: FORM, body: "answer=no" });
    expect(await answer()).toBe("no");
    // Another event with this signature, a made-up one, and an unsubscribe signature: refused.
    const sig = new URL(url).searchParams.get("sig") as string;
    const borrowed = `${ORIGIN}/antwort?id=p-tim&e=${other}&sig=${sig}`;
    expect((await SELF.fetch(borrowed, { method: "POST", headers: FORM, body: "answer=yes" })).status).toBe(404);
    const forged = url.replace(/sig=[0-9a-f]+/, `sig=${"f".repeat(64)}`);
    expect((await SELF.fetch(forged, { method: "POST", headers: FORM, body: "answer=yes" })).status).toBe(404);
    const unsub = await signAction("test-signing-key", "unsubscribe", "p-tim", String(event));
    expect(
      (await SELF.fetch(url.replace(sig, unsub), { method: "POST", headers: FORM, body: "answer=yes" })).status,
    ).toBe(404);
    // Another site's form cannot answer for the guest.
    const crossSite = await SELF.fetch(url, {
      method: "POST",
      headers: { ...FORM, Origin: "https://evil.example" },
      body: "answer=yes",
    });
    expect(crossSite.status).toBe(403);
    expect(await answer()).toBe("no");
  });
});

describe("bounces, complaints and a delivery cut off half-way", () => {
  const hook = (body: unknown, secret = "hook-secret") =>
    worker.fetch(
      new Request(`${ORIGIN}/v1/mail/events`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret}` },
        body: JSON.stringify(body),
      }),
      settings({ MAIL_WEBHOOK_SECRET: "hook-secret" }),
      createExecutionContext(),
    );

  it("a hard bounce stops all mail to the address; a soft bounce does not; the webhook needs its secret", async () => {
    await addPeople([
      { id: "p-bo", field: "logistics", towns: ["eslohe"], wants: ["job_offers"] },
      { id: "p-so", field: "logistics", towns: ["eslohe"], wants: ["job_offers"] },
    ]);
    await addJob("Fachlagerist (m/w/d)", "eslohe", "logistics", RUN - DAY);
    expect((await hook({ events: [{ type: "bounce", email: "p-bo@example.org" }] }, "wrong")).status).toBe(401);
    const invalid = await hook({ events: [{ type: "bounce", email: "not an address" }] });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe("invalid_body");
    const res = await hook({
      events: [
        { type: "bounce", bounce_type: "hard", email: "P-Bo@example.org" },
        { type: "bounce", bounce_type: "soft", email: "p-so@example.org" },
      ],
    });
    expect(await res.json()).toEqual({ stopped: 1, ignored: 1 });
    const stopped = await env.DB.prepare(
      "SELECT mail_stopped_at, mail_stop_reason FROM signups WHERE id = 'p-bo'",
    ).first();
    expect(stopped?.mail_stop_reason).toBe("bounce");
    await digestStep(settings(), ORIGIN, new Date(RUN));
    expect(await mailsOf("digest", "p-bo")).toHaveLength(0);
    expect(await mailsOf("digest", "p-so")).toHaveLength(1);
    // A mail already queued to the address (a new link) is not sent either.
    await env.DB.prepare(
      "INSERT INTO outbox (signup_id, to_address, subject, text, created_at) VALUES ('p-bo', 'p-bo@example.org', 'Dein Link', 'x', ?)",
    )
      .bind(iso(RUN))
      .run();
    expect(await deliverDueMails(settings(), new Date(RUN))).toMatchObject({ sent: 0, stopped: 1 });
    // The person's page says why no mail comes.
    expect(stopped?.mail_stopped_at).toBeTruthy();
  });

  it("the person switches delivery back on from their page, and mail reaches the address again", async () => {
    await env.DB.prepare("UPDATE signups SET link_version = 1 WHERE id = 'p-bo'").run();
    const link = await linkQuery("test-signing-key", "p-bo", 1);
    const page = await (await SELF.fetch(`${ORIGIN}/me?${link}&lang=de`)).text();
    expect(page).toContain("Sie kamen an deiner Adresse nicht an");
    expect(page).toContain("E-Mails wieder zustellen");
    const res = await SELF.fetch(`${ORIGIN}/me/mail-stop?lang=de`, {
      method: "POST",
      headers: { ...FORM, Origin: ORIGIN },
      body: link,
      redirect: "manual",
    });
    expect(res.headers.get("Location")).toContain("done=mailResumed");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM mail_stops").first<number>("n")).toBe(0);
    const after = await (await SELF.fetch(`${ORIGIN}/me?${link}&lang=de`)).text();
    expect(after).not.toContain("E-Mails wieder zustellen");
    await env.DB.prepare(
      "INSERT INTO outbox (signup_id, to_address, subject, text, created_at) VALUES ('p-bo', 'p-bo@example.org', 'Wieder da', 'x', ?)",
    )
      .bind(iso(RUN))
      .run();
    expect(await deliverDueMails(settings(), new Date(RUN))).toMatchObject({ sent: 1, stopped: 0 });
    // Out of the digests of the tests that follow.
    await env.DB.prepare("UPDATE signups SET wants = '[]' WHERE id = 'p-bo'").run();
  });

  it("the team lifts a bounce once the person says the address works, but never a spam complaint", async () => {
    await addPeople([
      { id: "p-lift", wants: [] },
      { id: "p-spam", wants: [] },
    ]);
    await hook({
      events: [
        { type: "bounce", bounce_type: "hard", email: "p-lift@example.org" },
        { type: "complaint", email: "p-spam@example.org" },
      ],
    });
    const session = await adminSession();
    const lift = (id: string) =>
      SELF.fetch(`${ORIGIN}/v1/staff/people/${id}/mail-stop/lift`, { method: "POST", headers: session });
    expect((await lift("p-spam")).status).toBe(409);
    expect((await lift("p-lift")).status).toBe(204);
    const rows = await env.DB.prepare(
      "SELECT id, mail_stop_reason FROM signups WHERE id IN ('p-lift', 'p-spam') ORDER BY id",
    ).all();
    expect(rows.results).toEqual([
      { id: "p-lift", mail_stop_reason: null },
      { id: "p-spam", mail_stop_reason: "complaint" },
    ]);
    const audit = await env.DB.prepare("SELECT person_id FROM audit_log WHERE action = 'mail_stop.lift'").all();
    expect(audit.results).toEqual([{ person_id: "p-lift" }]);
  });

  it("a delivery that fails half-way and is retried sends each recipient exactly one mail", async () => {
    await env.DB.prepare("UPDATE outbox SET sent_at = ? WHERE mailing IS NOT NULL AND sent_at IS NULL")
      .bind(iso(RUN))
      .run();
    await addPeople(
      ["p-r1", "p-r2", "p-r3", "p-r4"].map((id) => ({
        id,
        field: "gastronomy",
        towns: ["medebach"],
        wants: ["job_offers"],
      })),
    );
    await addJob("Koch (m/w/d)", "medebach", "gastronomy", RUN - DAY);
    expect((await digestStep(settings(), ORIGIN, new Date(RUN))).mailed).toBe(4);
    // The provider takes the first mail, then fails (a crash on its side) for the second, then takes the rest.
    const accepted: string[] = [];
    let calls = 0;
    const flaky = {
      send: async (message: { to: string }) => {
        calls++;
        if (calls === 2) throw new Error("provider unavailable");
        accepted.push(message.to);
        return { messageId: `m-${calls}` };
      },
    } as unknown as SendEmail;
    const provider = settings({ MAIL_TRANSPORT: "send_email", EMAIL: flaky, DEV: "" });
    const first = await deliverBulk(provider, new Date("2026-12-09T08:00:00Z"));
    expect(first).toMatchObject({ sent: 3, failed: 1 });
    // Delivered twice at once (a redelivered queue message): the lease and the claims keep it to one.
    await deliverBulk(provider, new Date("2026-12-09T08:00:30Z"));
    const retry = await deliverBulk(provider, new Date("2026-12-09T08:02:00Z"));
    expect(retry).toMatchObject({ sent: 1, failed: 0 });
    expect(accepted.sort()).toEqual(["p-r1@example.org", "p-r2@example.org", "p-r3@example.org", "p-r4@example.org"]);
    expect((await deliverBulk(provider, new Date("2026-12-09T08:10:00Z"))).sent).toBe(0);
  });

  it("a mailing's mail is written once per recipient, however often its step runs", async () => {
    const before = (await mailsOf("digest")).length;
    // As if the marks of a cut-off step were lost: the step run again with the same time writes nothing new.
    await env.DB.prepare("UPDATE signups SET digest_at = NULL, digest_mark = NULL WHERE id IN ('p-r1', 'p-r2')").run();
    await digestStep(settings(), ORIGIN, new Date(RUN));
    expect((await mailsOf("digest")).length).toBe(before);
  });
});

describe("the data page", () => {
  it("lets the person choose a daily or weekly digest", async () => {
    const { linkQuery } = await import("../../worker/src/lib/signed-links.ts");
    const query = await linkQuery("test-signing-key", "p-ida", 1);
    const page = await (await SELF.fetch(`${ORIGIN}/me?${query}`)).text();
    expect(page).toContain('id="keep-in-touch"');
    expect(page).toContain('<input type="radio" name="digest_every" value="weekly" checked>');
    const params = new URLSearchParams(query);
    params.append("towns", "meschede");
    params.append("wants", "job_offers");
    params.set("earliest_return", "open");
    params.set("digest_every", "daily");
    const saved = await SELF.fetch(`${ORIGIN}/me`, { method: "POST", headers: FORM, body: params.toString() });
    expect(saved.status).toBe(200);
    expect(await env.DB.prepare("SELECT digest_every FROM signups WHERE id = 'p-ida'").first("digest_every")).toBe(
      "daily",
    );
    const ctx = createExecutionContext();
    await waitOnExecutionContext(ctx);
  });
});
