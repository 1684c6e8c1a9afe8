import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { consentVersion } from "../../shared/consent.ts";
import type { ErrorEnvelope } from "../../shared/errors.ts";
import worker from "../../worker/src/index.ts";
import { ORIGIN } from "./fixtures.ts";
import { stubSiteverify, valid } from "./signup-helpers.ts";
import { adminSession, machineToken } from "./staff-helpers.ts";

let turnstile = { siteverify: 0 };
beforeEach(() => {
  turnstile = stubSiteverify();
});
afterEach(() => vi.restoreAllMocks());

function post(body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/v1/signups`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Referer: "https://karriere.example/jobs?x=1", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<number>("n")) ?? 0;
const outbox = async () =>
  ((await (await SELF.fetch(`${ORIGIN}/dev/outbox.json`)).json()) as { data: { to_address: string; text: string }[] })
    .data;
const tokenFrom = (text: string) => /token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";

async function clear() {
  await env.DB.batch(
    ["signup_tokens", "outbox", "signups", "counters", "rate_limits"].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
}

describe("POST /v1/signups and the double opt-in", () => {
  beforeEach(clear);

  it("stores a pending signup with its consent proof, mails a link; GET shows a button, only POST confirms", async () => {
    const response = await post(await valid());
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "pending" });
    const row = await env.DB.prepare("SELECT * FROM signups").first<Record<string, unknown>>();
    expect(row).toMatchObject({
      email: "anna.beispiel@example.org",
      status: "pending",
      consent_version: await consentVersion("de"),
      source: "karriere.example",
      claimed_origin: "https://karriere.example",
      towns: '["meschede","brilon"]',
      wants: '["job_offers","meetups"]',
      lang: "de",
    });
    expect(row?.consent_given_at).toBeTruthy();
    expect(JSON.stringify(row)).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
    const [mail] = await outbox();
    expect(mail?.to_address).toBe("anna.beispiel@example.org");
    const token = tokenFrom(mail?.text ?? "");
    expect(token).toHaveLength(43);
    // Only the hash is stored.
    expect(JSON.stringify(await env.DB.prepare("SELECT * FROM signup_tokens").all())).not.toContain(token);

    const page = await SELF.fetch(`${ORIGIN}/signup/confirm?token=${token}`);
    expect(page.status).toBe(200);
    // A page reached by a personal link: not stored, not indexed, the link passed on nowhere.
    expect(
      Object.fromEntries(["cache-control", "referrer-policy", "x-robots-tag"].map((h) => [h, page.headers.get(h)])),
    ).toEqual({
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
    });
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('<form method="post" action="/signup/confirm?lang=de">');
    expect(await env.DB.prepare("SELECT status FROM signups").first<string>("status")).toBe("pending");

    const confirm = () =>
      SELF.fetch(`${ORIGIN}/signup/confirm`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN },
        body: new URLSearchParams({ token }),
      });
    const confirmed = await confirm();
    expect(confirmed.status).toBe(200);
    const done = await confirmed.text();
    // Confirmed, what happens now, the person's data page, and the next events in the towns they chose.
    expect(done).toContain("Bestätigt – willkommen!");
    expect(done).toContain("Wie es weitergeht");
    expect(done).toMatch(/href="\/me\?id=[^"]+&amp;v=1&amp;t=\d+&amp;sig=[0-9a-f]{64}"/);
    expect(done).toContain("Die nächsten Termine in deinen Orten");
    const upcoming = await env.DB.prepare(
      "SELECT title FROM events WHERE town_id IN ('meschede', 'brilon') AND ends_at >= ? ORDER BY starts_at, id LIMIT 1",
    )
      .bind(new Date().toISOString())
      .first<string>("title");
    if (upcoming) expect(done).toContain(upcoming);
    expect(await env.DB.prepare("SELECT status, confirmed_at FROM signups").first()).toMatchObject({
      status: "confirmed",
    });
    // Single use: the same link again confirms nothing more, and says the signup is already confirmed.
    const again = await confirm();
    expect(again.status).toBe(200);
    const againText = await again.text();
    expect(againText).toContain("Deine Anmeldung ist schon bestätigt.");
    expect(againText).not.toContain("/me?");
    const reopened = await SELF.fetch(`${ORIGIN}/signup/confirm?token=${token}`);
    expect(reopened.status).toBe(200);
    const reopenedText = await reopened.text();
    expect(reopenedText).toContain("Deine Anmeldung ist schon bestätigt.");
    expect(reopenedText).not.toContain("<form");
    // An old confirmation link (forwarded, scanned) hands out no personal link.
    expect(reopenedText).not.toContain("/me?");
    expect(
      await env.DB.prepare("SELECT value FROM counters WHERE name = 'signups_confirmed'").first<number>("value"),
    ).toBe(1);
  });

  it("mails no text from the request, in paragraphs the mail client wraps, each link on a line of its own", async () => {
    for (const lang of ["de", "en"] as const) {
      await clear();
      await post(
        await valid({ lang, consent_version: await consentVersion(lang), first_name: "Mallory <b>Kauf jetzt</b>" }),
      );
      const text = (await outbox())[0]?.text ?? "";
      expect(text).not.toContain("Mallory");
      expect(text).not.toContain("Kauf jetzt");
      expect(text.split("\n")[0]).toBe(lang === "de" ? "Hallo," : "Hello,");
      const lines = text.trim().split("\n").filter(Boolean);
      const links = lines.filter((line) => line.includes("https://"));
      // Two links (confirm, data page), each the whole line.
      expect(links).toHaveLength(2);
      for (const link of links) expect(link).toMatch(/^https:\/\/api\.test\/\S+$/);
      // No line is broken inside a sentence: every line of prose ends a sentence, a greeting or a lead-in.
      for (const line of lines.filter((l) => !links.includes(l) && !l.startsWith("Heimvorteil –"))) {
        expect(line, line).toMatch(/[.,:!]$/);
      }
    }
  });

  it("lets the person see, download, change, withdraw and erase everything from the link in the mail", async () => {
    await post(await valid());
    const mail = (await outbox())[0]?.text ?? "";
    const dataLink = /https:\/\/api\.test\/me\?id=[^\s]+/.exec(mail)?.[0] ?? "";
    expect(dataLink).toMatch(/sig=[0-9a-f]{64}$/);
    const { searchParams } = new URL(dataLink);
    const id = searchParams.get("id") ?? "";
    const sig = searchParams.get("sig") ?? "";
    // The link names the day it was issued and the person's link version, all under the signature.
    const link = Object.fromEntries(searchParams);
    expect(Object.keys(link)).toEqual(["id", "v", "t", "sig"]);

    const view = await SELF.fetch(dataLink);
    expect(view.status).toBe(200);
    const html = await view.text();
    // Written for a person: labels and values in words, dates in Berlin time, the consent as its text.
    for (const shown of [
      "<dt>E-Mail-Adresse</dt><dd>anna.beispiel@example.org</dd>",
      "<dt>Beruf</dt><dd>Softwareentwicklerin</dd>",
      "<dt>Berufsfeld</dt><dd>IT &amp; Software</dd>",
      "<dt>Höchster Abschluss</dt><dd>Master / Diplom</dd>",
      "<dt>Wunschorte</dt><dd>Brilon, Meschede</dd>",
      "<dt>Frühestens zurück</dt><dd>April 2027</dd>",
      "<dt>Was du bekommst</dt><dd>Passende Stellenangebote, Einladungen zu Treffen</dd>",
      "karriere.example",
      "hast du diesem Text zugestimmt:",
      "Ich bin einverstanden, dass die Wirtschaftsförderung",
      '<option value="2027-04" selected>April 2027</option>',
    ]) {
      expect(html).toContain(shown);
    }
    // The machine form (ids, the consent's version hash) is for the JSON download only.
    for (const hidden of ["consent_version", "<dt>towns</dt>", "job_offers</dd>", await consentVersion("de")]) {
      expect(html).not.toContain(hidden);
    }
    const json = await SELF.fetch(`${ORIGIN}/me.json${new URL(dataLink).search}`);
    expect(json.headers.get("Content-Disposition")).toContain("attachment");
    expect(await json.json()).toMatchObject({
      email: "anna.beispiel@example.org",
      towns: ["meschede", "brilon"],
      wants: ["job_offers", "meetups"],
    });

    // Change the answers and withdraw one purpose.
    const form = new URLSearchParams({
      ...link,
      first_name: "Anna",
      occupation: "Entwicklerin",
      earliest_return: "open",
    });
    form.append("towns", "winterberg");
    form.append("wants", "job_offers");
    const saved = await SELF.fetch(`${ORIGIN}/me`, { method: "POST", headers: { Origin: ORIGIN }, body: form });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Gespeichert.");
    expect(await env.DB.prepare("SELECT towns, wants, occupation, earliest_return FROM signups").first()).toEqual({
      towns: '["winterberg"]',
      wants: '["job_offers"]',
      occupation: "Entwicklerin",
      earliest_return: "open",
    });
    const bad = new URLSearchParams({ ...link, earliest_return: "bald" });
    const refused = await SELF.fetch(`${ORIGIN}/me`, { method: "POST", headers: { Origin: ORIGIN }, body: bad });
    expect(refused.status).toBe(400);
    const refusal = await refused.text();
    expect(refusal).toContain("Bitte einen Monat (JJJJ-MM) oder „offen“ angeben.");
    expect(refusal).toContain("Mindestens einen Eintrag.");

    // A forged or foreign signature opens nothing.
    for (const forged of [
      `${ORIGIN}/me?id=${id}&v=${link.v}&t=${link.t}&sig=${"0".repeat(64)}`,
      `${ORIGIN}/me?id=other&v=${link.v}&t=${link.t}&sig=${sig}`,
      `${ORIGIN}/me?id=${id}&v=${link.v}&t=${Number(link.t) - 1}&sig=${sig}`,
      `${ORIGIN}/me?id=${id}&sig=${sig}`,
      `${ORIGIN}/me.json?id=${id}&v=${link.v}&t=${link.t}&sig=x`,
    ]) {
      const refusedLink = await SELF.fetch(forged);
      expect(refusedLink.status).toBe(404);
      expect(refusedLink.headers.get("cache-control")).toBe("no-store");
      expect(refusedLink.headers.get("referrer-policy")).toBe("no-referrer");
    }

    const erase = await SELF.fetch(`${ORIGIN}/me/delete`, {
      method: "POST",
      headers: { Origin: ORIGIN },
      body: new URLSearchParams({ ...link, confirm: "yes" }),
    });
    expect(erase.status).toBe(200);
    expect(await erase.text()).toContain("Erledigt: Alle deine Daten sind gelöscht.");
    for (const table of ["signups", "signup_tokens", "outbox"]) expect(await count(table)).toBe(0);
    expect(
      await env.DB.prepare("SELECT value FROM counters WHERE name = 'signups_erased'").first<number>("value"),
    ).toBe(1);
    expect((await SELF.fetch(dataLink)).status).toBe(404);
  });

  it("gives the programme team the confirmed signups as JSON and formula-safe CSV, with a machine token only", async () => {
    await post(await valid({ email: "a@example.org", occupation: '=HYPERLINK("http://evil")' }));
    await post(await valid({ email: "b@example.org" }));
    const token = tokenFrom((await outbox()).find((m) => m.to_address === "a@example.org")?.text ?? "");
    await SELF.fetch(`${ORIGIN}/signup/confirm`, {
      method: "POST",
      headers: { Origin: ORIGIN },
      body: new URLSearchParams({ token }),
    });
    const auth = { Authorization: `Bearer ${await machineToken(await adminSession())}` };
    expect((await SELF.fetch(`${ORIGIN}/v1/admin/signups`)).status).toBe(401);
    expect(
      (await SELF.fetch(`${ORIGIN}/v1/admin/signups`, { headers: { Authorization: "Bearer wrong" } })).status,
    ).toBe(401);
    const list = await SELF.fetch(`${ORIGIN}/v1/admin/signups`, {
      headers: { ...auth, Origin: "https://evil.example" },
    });
    expect(list.status).toBe(200);
    expect(list.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const { data } = (await list.json()) as { data: { email: string }[] };
    expect(data.map((d) => d.email)).toEqual(["a@example.org"]);
    const csv = await (await SELF.fetch(`${ORIGIN}/v1/admin/signups.csv`, { headers: auth })).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^"email","first_name","field","occupation"/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"meschede brilon"');
  });

  it("refuses expired and forged tokens", async () => {
    await post(await valid());
    const token = tokenFrom((await outbox())[0]?.text ?? "");
    await env.DB.prepare("UPDATE signup_tokens SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    const form = (t: string) =>
      SELF.fetch(`${ORIGIN}/signup/confirm`, {
        method: "POST",
        headers: { Origin: ORIGIN },
        body: new URLSearchParams({ token: t }),
      });
    expect((await form(token)).status).toBe(400);
    expect((await SELF.fetch(`${ORIGIN}/signup/confirm?token=${token}`)).status).toBe(400);
    for (const forged of ["x".repeat(43), "short", `${token.slice(0, 42)}A`, "' OR 1=1 --"]) {
      expect((await form(forged)).status).toBe(400);
    }
    expect(await env.DB.prepare("SELECT status FROM signups").first<string>("status")).toBe("pending");
  });

  it("treats the same address twice as one person with one mail, whatever its case; +tags are addresses of their own", async () => {
    expect((await post(await valid())).status).toBe(202);
    expect((await post(await valid({ email: "Anna.Beispiel@EXAMPLE.org" }))).status).toBe(202);
    expect(await count("signups")).toBe(1);
    expect(await count("outbox")).toBe(1);
    // After the cooldown a new request sends a fresh link and retires the old one.
    await env.DB.prepare("UPDATE signups SET last_mail_at = '2000-01-01T00:00:00.000Z'").run();
    await post(await valid());
    expect(await count("outbox")).toBe(2);
    expect(await count("signup_tokens")).toBe(1);
    expect((await post(await valid({ email: "anna.beispiel+hv@example.org" }))).status).toBe(202);
    expect(await count("signups")).toBe(2);
  });

  it("stays one person when the same signup arrives twice at once", async () => {
    const body = await valid({ email: "parallel@example.org" });
    const answers = await Promise.all([post(body), post(body), post(body)]);
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(await count("signups")).toBe(1);
    expect(await count("outbox")).toBe(1);
    expect(await count("signup_tokens")).toBe(1);
  });

  it("stores nothing for a filled honeypot (and tells the bot all is well) or a failed Turnstile check", async () => {
    const bot = await post(await valid({ website: "http://spam.example" }));
    expect(bot.status).toBe(202);
    expect(turnstile.siteverify).toBe(0);
    const failed = await post(await valid({ turnstile_token: "fail" }), { "Accept-Language": "en" });
    expect(failed.status).toBe(400);
    expect(((await failed.json()) as ErrorEnvelope).error).toMatchObject({
      code: "verification_failed",
      message: "The security check failed. Please reload the page and try again.",
    });
    expect(await count("signups")).toBe(0);
    expect(await count("outbox")).toBe(0);
  });

  it("names each bad field in German or English, and refuses consent to a text no longer shown", async () => {
    const response = await post(
      await valid({
        email: "not-an-address",
        wants: [],
        consent: false,
        towns: ["berlin"],
        earliest_return: "soon",
        first_name: "A\u0000nna",
      }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorEnvelope;
    expect(error.code).toBe("invalid_body");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual([
      "consent",
      "earliest_return",
      "email",
      "first_name",
      "towns",
      "wants",
    ]);
    expect(error.fields?.email).toBe("Bitte eine gültige E-Mail-Adresse angeben.");
    expect(error.fields?.first_name).toBe("Bitte keine Steuerzeichen verwenden.");
    expect(error.fields?.consent).toBe("Ohne deine Einwilligung können wir deine Angaben nicht speichern.");
    const outdated = await post(await valid({ consent_version: "0".repeat(64) }), { "Accept-Language": "en" });
    expect(((await outdated.json()) as ErrorEnvelope).error.fields).toEqual({
      consent_version:
        "The consent text has changed. Please reload the page (the current text with its version: GET /v1/consent).",
    });
    expect(await count("signups")).toBe(0);
  });

  it("answers 1,000 generated hostile payloads with a 4xx in the envelope, storing nothing", async () => {
    const hostile = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.constantFrom(
        "<script>alert(1)</script>",
        "'); DROP TABLE signups; --",
        "\u202Egnp.exe",
        "\u0000",
        "💥".repeat(500),
      ),
      fc.string({ minLength: 10_000, maxLength: 20_000 }),
    );
    const value = fc.oneof(
      hostile,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(hostile, { maxLength: 5 }),
      fc.dictionary(fc.string({ maxLength: 10 }), hostile, { maxKeys: 3 }),
    );
    const base = await valid();
    const keys = Object.keys(base);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), value, fc.boolean(), async (key, bad, raw) => {
        const body = raw
          ? typeof bad === "string"
            ? bad
            : JSON.stringify(bad)
          : JSON.stringify({ ...base, [key]: bad, turnstile_token: key === "turnstile_token" ? bad : "fail" });
        const response = await post(body);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const envelope = (await response.json()) as ErrorEnvelope;
        expect(envelope.error.code).toMatch(/^(invalid_body|verification_failed|payload_too_large|rate_limited)$/);
      }),
      { numRuns: 1000 },
    );
    expect(await count("signups")).toBe(0);
    expect(await count("outbox")).toBe(0);
  });

  it("limits signups per client (by an HMAC of its IP, never the IP) and per address (+tags included)", async () => {
    const ip = { "CF-Connecting-IP": "203.0.113.77" };
    for (let i = 0; i < 10; i++) expect((await post(await valid({ email: `p${i}@example.org` }), ip)).status).toBe(202);
    const limited = await post(await valid({ email: "p10@example.org" }), { ...ip, "Accept-Language": "en" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await limited.json()) as ErrorEnvelope).error).toMatchObject({
      code: "rate_limited",
      message: "Too many attempts. Please try again later.",
    });
    expect(await count("signups")).toBe(10);
    const stored = JSON.stringify((await env.DB.prepare("SELECT * FROM rate_limits").all()).results);
    expect(stored).not.toContain("203.0.113.77");
    expect(stored).not.toContain("example.org");

    for (let i = 0; i < 5; i++) {
      const r = await post(await valid({ email: `bert+${i}@example.org` }), { "CF-Connecting-IP": `198.51.100.${i}` });
      expect(r.status).toBe(202);
    }
    // The address's limits cap the mails (see security.test.ts), not the person's signup: the sixth is stored
    // and, its exact address being new, mailed.
    const sixth = await post(await valid({ email: "Bert@example.org" }), { "CF-Connecting-IP": "198.51.100.99" });
    expect(sixth.status).toBe(202);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM signups WHERE email LIKE 'bert%'").first("n")).toBe(6);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE to_address LIKE 'bert%'").first("n")).toBe(6);
  });

  it("leaves nothing half-written when D1 fails in the middle of the batch", async () => {
    // The outbox insert, third in the batch, fails: the signup and its token must not remain.
    await env.DB.prepare(
      "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    ).run();
    // The worker logs the unexpected failure; here that log is expected.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await post(await valid({ email: "batch@example.org" }));
      expect(response.status).toBe(500);
      expect(await count("signups")).toBe(0);
      expect(await count("signup_tokens")).toBe(0);
      expect(logged).toHaveBeenCalled();
    } finally {
      await env.DB.prepare("DROP TRIGGER fail_outbox").run();
    }
  });

  it("deletes signups nobody confirmed within 7 days, on the daily schedule", async () => {
    await post(await valid({ email: "old@example.org" }));
    await post(await valid({ email: "new@example.org" }));
    const token = tokenFrom((await outbox()).find((m) => m.to_address === "new@example.org")?.text ?? "");
    await SELF.fetch(`${ORIGIN}/signup/confirm`, {
      method: "POST",
      headers: { Origin: ORIGIN },
      body: new URLSearchParams({ token }),
    });
    await post(await valid({ email: "fresh@example.org" }));
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await env.DB.prepare("UPDATE signups SET created_at = ? WHERE email IN ('old@example.org', 'new@example.org')")
      .bind(eightDaysAgo)
      .run();

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "17 3 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const left = (await env.DB.prepare("SELECT email FROM signups ORDER BY email").all<{ email: string }>()).results;
    expect(left.map((r) => r.email)).toEqual(["fresh@example.org", "new@example.org"]);
    expect((await outbox()).map((m) => m.to_address)).not.toContain("old@example.org");
  });

  it("keeps the dev outbox closed unless DEV is set", async () => {
    expect((await SELF.fetch(`${ORIGIN}/dev/outbox.json`)).status).toBe(200);
    const closed = await worker.fetch(
      new Request(`${ORIGIN}/dev/outbox`),
      { ...env, DEV: "" },
      createExecutionContext(),
    );
    expect(closed.status).toBe(404);
  });
});

describe("GET /v1/consent", () => {
  it("gives the consent text in force with the version a signup must send, cached and open to any site", async () => {
    const res = await SELF.fetch(`${ORIGIN}/v1/consent?lang=en`, { headers: { Origin: "https://rathaus.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const { data } = (await res.json()) as {
      data: { lang: string; version: string; text: string; privacy_url: string }[];
    };
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      lang: "en",
      version: await consentVersion("en"),
      privacy_url: `${ORIGIN}/privacy?lang=en`,
    });
    expect(data[0]?.text).toMatch(/privacy notice\.$/);
    const both = (await (await SELF.fetch(`${ORIGIN}/v1/consent`)).json()) as { data: { lang: string }[] };
    expect(both.data.map((d) => d.lang)).toEqual(["de", "en"]);
    expect((await SELF.fetch(`${ORIGIN}/v1/consent?lang=fr`)).status).toBe(400);
    // A client that sent an old version learns that the text changed and where the new one is.
    const outdated = await post(await valid({ consent_version: "0".repeat(64) }));
    expect(((await outdated.json()) as ErrorEnvelope).error.fields?.consent_version).toContain("GET /v1/consent");
  });
});
