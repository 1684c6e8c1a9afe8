// Staff sign-in by e-mail link, sessions, CSRF, role boundaries and the audit log, in workerd with the real
// D1: what a member of the programme team (or someone pretending to be one) gets.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { CONSENT_TEXT, consentVersion } from "../../shared/consent.ts";
import { addStaffStatement } from "../../worker/src/db/staff.ts";
import { ORIGIN } from "./fixtures.ts";
import { api, askForLink, FORM, form, latestLinkTo, machineToken, signIn } from "./staff-helpers.ts";

const ADMIN = "team@kreis.example";
const TOWN = "wifoe@meschede.example";
const DISABLED = "alt@kreis.example";

beforeAll(async () => {
  const now = new Date().toISOString();
  await env.DB.batch([
    addStaffStatement(env.DB, { id: "s-admin", email: ADMIN, name: "Kreis-Team", role: "admin", towns: [] }, now),
    addStaffStatement(
      env.DB,
      { id: "s-town", email: TOWN, name: "Wirtschaftsförderung Meschede", role: "town", towns: ["meschede"] },
      now,
    ),
    addStaffStatement(env.DB, { id: "s-old", email: DISABLED, name: "Ehemalig", role: "admin", towns: [] }, now),
    env.DB.prepare("UPDATE staff SET disabled = 1 WHERE id = 's-old'"),
    ...[
      ["p-meschede", "anna@example.org", '["meschede","bestwig"]'],
      ["p-brilon", "ben@example.org", '["brilon"]'],
      ["p-none", "cem@example.org", "[]"],
    ].map(([id, email, towns], i) =>
      env.DB.prepare(
        `INSERT INTO signups (id, email, first_name, towns, earliest_return, wants, lang, status, consent_version,
           consent_given_at, created_at, last_mail_at)
         VALUES (?, ?, ?, ?, 'open', '["job_offers"]', 'de', 'confirmed', ?, ?, ?, ?)`,
      ).bind(id, email, `Person ${i}`, towns, "a".repeat(64), now, `2026-11-0${i + 1}T10:00:00.000Z`, now),
    ),
  ]);
});

const outboxCount = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM outbox").first<{ n: number }>())?.n ?? 0;

describe("signing in by e-mail link", () => {
  it("answers the same for an unknown, a disabled and a known address, and mails only the known one", async () => {
    const before = await outboxCount();
    const pages = await Promise.all([askForLink("niemand@example.org"), askForLink(DISABLED), askForLink(ADMIN)]);
    const texts = await Promise.all(pages.map((p) => p.text()));
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(new Set(texts).size).toBe(1);
    expect(await outboxCount()).toBe(before + 1);
    expect(await latestLinkTo(ADMIN)).toBeDefined();
  });

  it("signs in no one on GET; the button's POST does, once; the cookie is __Host-, HttpOnly, Secure, Lax", async () => {
    await askForLink(ADMIN);
    const token = (await latestLinkTo(ADMIN)) as string;
    const page = await SELF.fetch(`${ORIGIN}/console/sign-in/link?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("Set-Cookie")).toBeNull();
    expect(await page.text()).toContain('method="post"');

    const post = () =>
      SELF.fetch(`${ORIGIN}/console/sign-in/link`, {
        method: "POST",
        headers: FORM,
        body: form({ token }),
        redirect: "manual",
      });
    const first = await post();
    expect(first.status).toBe(303);
    const cookie = first.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__Host-hv-staff=[A-Za-z0-9_-]{43};/);
    for (const part of ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"]) expect(cookie).toContain(part);
    expect(cookie).not.toMatch(/Domain=/i);
    // The same link again: refused.
    expect((await post()).status).toBe(400);
  });

  it("refuses an expired link, and a link whose account was disabled meanwhile", async () => {
    await askForLink(TOWN);
    const token = (await latestLinkTo(TOWN)) as string;
    await env.DB.prepare(
      "UPDATE staff_sign_in_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE used_at IS NULL",
    ).run();
    const res = await SELF.fetch(`${ORIGIN}/console/sign-in/link`, {
      method: "POST",
      headers: FORM,
      body: form({ token }),
    });
    expect(res.status).toBe(400);

    // A link made before its account was disabled.
    const old = "A".repeat(43);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(old));
    const oldHash = [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, "0")).join("");
    await env.DB.prepare(
      "INSERT INTO staff_sign_in_tokens (token_hash, staff_id, created_at, expires_at) VALUES (?, 's-old', ?, ?)",
    )
      .bind(oldHash, new Date().toISOString(), new Date(Date.now() + 600_000).toISOString())
      .run();
    const disabled = await SELF.fetch(`${ORIGIN}/console/sign-in/link`, {
      method: "POST",
      headers: FORM,
      body: form({ token: old }),
    });
    expect(disabled.status).toBe(400);
    expect(disabled.headers.get("Set-Cookie")).toBeNull();
  });

  it("refuses a sign-in form posted from another site", async () => {
    const res = await SELF.fetch(`${ORIGIN}/console/sign-in`, {
      method: "POST",
      headers: { ...FORM, Origin: "https://evil.example" },
      body: form({ email: ADMIN }),
    });
    expect(res.status).toBe(403);
  });

  it("limits the links asked for one address", async () => {
    const email = "viele@example.org";
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await askForLink(email, `192.0.2.${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("sessions", () => {
  it("end when idle for 12 hours, after 7 days at most, and on signing out everywhere", async () => {
    const a = await signIn(ADMIN);
    const b = await signIn(ADMIN);
    expect((await api("/me", a)).status).toBe(200);
    expect((await api("/me")).status).toBe(401);
    expect((await api("/me", "__Host-hv-staff=not-a-session")).status).toBe(401);

    const idle = await signIn(ADMIN);
    const hash = async (cookie: string) => {
      const id = cookie.split("=")[1] as string;
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(id));
      return [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, "0")).join("");
    };
    await env.DB.prepare("UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?")
      .bind(new Date(Date.now() - 13 * 3_600_000).toISOString(), await hash(idle))
      .run();
    expect((await api("/me", idle)).status).toBe(401);
    const old = await signIn(ADMIN);
    await env.DB.prepare("UPDATE staff_sessions SET expires_at = ? WHERE id_hash = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), await hash(old))
      .run();
    expect((await api("/me", old)).status).toBe(401);

    const out = await api("/sign-out-everywhere", a, { method: "POST", headers: { Origin: ORIGIN } });
    expect(out.status).toBe(204);
    expect((await api("/me", a)).status).toBe(401);
    expect((await api("/me", b)).status).toBe(401);
  });

  it("refuse a state change from another site's form", async () => {
    const a = await signIn(ADMIN);
    const res = await api("/sign-out-everywhere", a, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(res.status).toBe(403);
    expect((await api("/me", a)).status).toBe(200);
  });
});

describe("what each role sees", () => {
  it("gives a town account only the people who named its towns, by list and by id", async () => {
    const town = await signIn(TOWN);
    const list = (await (await api("/people", town)).json()) as { data: { id: string }[]; total: number };
    expect(list.data.map((p) => p.id)).toEqual(["p-meschede"]);
    expect(list.total).toBe(1);
    expect((await api("/people/p-meschede", town)).status).toBe(200);
    // Another town's person and a person who named no town: exactly like an id that does not exist.
    for (const id of ["p-brilon", "p-none", "p-gibts-nicht"])
      expect((await api(`/people/${id}`, town)).status).toBe(404);
    // Nor an unconfirmed signup of its own town: the address may not be its owner's.
    await env.DB.prepare("UPDATE signups SET status = 'pending' WHERE id = 'p-meschede'").run();
    expect((await api("/people/p-meschede", town)).status).toBe(404);
    expect(((await (await api("/people", town)).json()) as { total: number }).total).toBe(0);
    await env.DB.prepare("UPDATE signups SET status = 'confirmed' WHERE id = 'p-meschede'").run();
    expect((await api("/people?town=brilon", town)).status).toBe(200);
    expect(((await (await api("/people?town=brilon", town)).json()) as { data: unknown[] }).data).toEqual([]);
    expect((await api("/accounts", town)).status).toBe(403);
    expect((await api("/audit", town)).status).toBe(403);
  });

  it("follows a person's own changes of towns, and their erasure", async () => {
    const town = await signIn(TOWN);
    const ids = async () =>
      ((await (await api("/people", town)).json()) as { data: { id: string }[] }).data.map((p) => p.id);
    await env.DB.prepare(`UPDATE signups SET towns = '["meschede"]' WHERE id = 'p-brilon'`).run();
    expect(await ids()).toEqual(["p-brilon", "p-meschede"]);
    await env.DB.prepare(`UPDATE signups SET towns = '["brilon"]' WHERE id = 'p-brilon'`).run();
    expect(await ids()).toEqual(["p-meschede"]);
    const extra = "p-geloescht";
    await env.DB.prepare(
      `INSERT INTO signups (id, email, first_name, towns, earliest_return, wants, lang, status, consent_version,
         consent_given_at, created_at, last_mail_at)
       SELECT ?, 'weg@example.org', 'Weg', '["meschede"]', earliest_return, wants, lang, status, consent_version,
         consent_given_at, created_at, last_mail_at FROM signups WHERE id = 'p-meschede'`,
    )
      .bind(extra)
      .run();
    expect(await ids()).toContain(extra);
    await env.DB.prepare("DELETE FROM signups WHERE id = ?").bind(extra).run();
    expect(await ids()).toEqual(["p-meschede"]);
    const search = (await (await api("/people?q=weg", town)).json()) as { data: unknown[] };
    expect(search.data).toEqual([]);
  });

  it("exports the list as CSV German Excel opens, within the account's towns, and audits the download", async () => {
    await env.DB.prepare(
      `UPDATE signups SET first_name = '=HYPERLINK("http://evil")', occupation = 'Köchin', field = 'tourism',
         confirmed_at = '2026-07-01T22:30:00.000Z', source = 'Stadt Meschede' WHERE id = 'p-meschede'`,
    ).run();
    const town = await signIn(TOWN);
    const res = await api("/people.csv?lang=de", town);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain("heimvorteil-personen.csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The UTF-8 byte order mark, which German Excel needs to read umlauts.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toMatch(/^"E-Mail";"Vorname";"Stand";"Berufsfeld";"Beruf"/);
    // Only the person who named Meschede; a formula is defused; Berlin time (22:30 UTC is 00:30 in July).
    expect(lines.filter(Boolean)).toHaveLength(2);
    expect(lines[1]).toContain('"anna@example.org";"\'=HYPERLINK(""http://evil"")";"bestätigt"');
    expect(lines[1]).toContain('"Tourismus & Gastronomie";"Köchin"');
    expect(lines[1]).toContain('"Meschede, Bestwig"');
    expect(lines[1]).toContain('"02.07.2026 00:30"');
    expect(lines[1]).toContain('"Stadt Meschede"');
    const english = await (await api("/people.csv?lang=en", town)).text();
    expect(english).toMatch(/^"E-mail","First name","Status"/);
    // A town filter outside its towns exports no one, as the list shows no one.
    const other = await (await api("/people.csv?town=brilon", town)).text();
    expect(other.trim().split("\r\n")).toHaveLength(1);
    const audit = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE staff_id = 's-town' AND action = 'people.export' ORDER BY id",
    ).all<{ detail: string }>();
    expect(audit.results.map((r) => JSON.parse(r.detail).rows)).toEqual([1, 1, 0]);
    const admin = await signIn(ADMIN);
    const all = await (await api("/people.csv", admin)).text();
    expect(all.trim().split("\r\n")).toHaveLength(4);
    expect((await api("/people.csv?status=gelesen", admin)).status).toBe(400);
    await env.DB.prepare(
      "UPDATE signups SET first_name = 'Person 0', occupation = NULL, field = NULL, source = NULL WHERE id = 'p-meschede'",
    ).run();
  });

  it("gives the district's team everyone, filters, and pages", async () => {
    const admin = await signIn(ADMIN);
    const all = (await (await api("/people", admin)).json()) as { data: { id: string }[]; total: number };
    expect(all.data.map((p) => p.id)).toEqual(["p-none", "p-brilon", "p-meschede"]);
    const first = (await (await api("/people?limit=2", admin)).json()) as {
      data: { id: string }[];
      next_cursor: string;
    };
    const second = (await (await api(`/people?limit=2&cursor=${first.next_cursor}`, admin)).json()) as {
      data: { id: string }[];
    };
    expect([...first.data, ...second.data].map((p) => p.id)).toEqual(["p-none", "p-brilon", "p-meschede"]);
    const search = (await (await api("/people?q=ben%40", admin)).json()) as { data: { id: string }[] };
    expect(search.data.map((p) => p.id)).toEqual(["p-brilon"]);
    expect((await api("/people?status=gelesen", admin)).status).toBe(400);
  });

  it("filters by return window and by the site a person came from", async () => {
    await env.DB.batch([
      env.DB.prepare("UPDATE signups SET earliest_return = '2027-03', source = 'Stadt Brilon' WHERE id = 'p-brilon'"),
      env.DB.prepare("UPDATE signups SET earliest_return = '2028-01' WHERE id = 'p-none'"),
    ]);
    const admin = await signIn(ADMIN);
    const ids = async (query: string, cookie = admin) =>
      ((await (await api(`/people?${query}`, cookie)).json()) as { data: { id: string }[] }).data.map((p) => p.id);
    // By March 2027: Brilon's person; not the one from 2028, not the one with no date ("open").
    expect(await ids("return_by=2027-03")).toEqual(["p-brilon"]);
    expect(await ids("return_by=2028-06")).toEqual(["p-none", "p-brilon"]);
    expect(await ids("source=Stadt%20Brilon")).toEqual(["p-brilon"]);
    expect(await ids("source=Stadt%20Brilon&return_by=2026-12")).toEqual([]);
    // A town account's own filters stay inside its towns.
    expect(await ids("return_by=2028-06", await signIn(TOWN))).toEqual([]);
    expect((await api("/people?return_by=2027-13", admin)).status).toBe(400);
    await env.DB.prepare(
      "UPDATE signups SET earliest_return = 'open', source = NULL WHERE id IN ('p-brilon', 'p-none')",
    ).run();
  });

  it("lets the team add and disable accounts; a disabled account's sessions end at once", async () => {
    const admin = await signIn(ADMIN);
    const headers = { Origin: ORIGIN, "Content-Type": "application/json" };
    const bad = await api("/accounts", admin, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "x@y.example", name: "X", role: "town" }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("towns");
    const created = await api("/accounts", admin, {
      method: "POST",
      headers,
      body: JSON.stringify({
        email: "wifoe@brilon.example",
        name: "Wirtschaftsförderung Brilon",
        role: "town",
        towns: ["Brilon"],
      }),
    });
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string; towns: string[] };
    expect(account.towns).toEqual(["brilon"]);
    const brilon = await signIn("wifoe@brilon.example");
    expect((await api("/me", brilon)).status).toBe(200);
    const off = await api(`/accounts/${account.id}`, admin, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ disabled: true }),
    });
    expect(off.status).toBe(200);
    expect((await api("/me", brilon)).status).toBe(401);
  });
});

describe("a person's page", () => {
  it("shows the consent's exact wording when it is a text shown now, and says so when it is an earlier one", async () => {
    const admin = await signIn(ADMIN);
    const person = async () =>
      ((await (await api("/people/p-meschede", admin)).json()) as { consent: { text: string | null } }).consent.text;
    expect(await person()).toBeNull();
    await env.DB.prepare("UPDATE signups SET consent_version = ? WHERE id = 'p-meschede'")
      .bind(await consentVersion("de"))
      .run();
    expect(await person()).toBe(CONSENT_TEXT.de);
  });
});

describe("the import sources from the console", () => {
  it("are there for an admin's session, refused to a town account and to another site's form", async () => {
    const admin = await signIn(ADMIN);
    const town = await signIn(TOWN);
    const get = (cookie: string) => SELF.fetch(`${ORIGIN}/v1/admin/sources`, { headers: { Cookie: cookie } });
    expect((await get(admin)).status).toBe(200);
    expect((await get(town)).status).toBe(403);
    expect((await SELF.fetch(`${ORIGIN}/v1/admin/sources`)).status).toBe(401);
    const evil = await SELF.fetch(`${ORIGIN}/v1/admin/sources/gibts-nicht/run`, {
      method: "POST",
      headers: { Cookie: admin, Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(evil.status).toBe(403);
    const own = await SELF.fetch(`${ORIGIN}/v1/admin/sources/gibts-nicht/run`, {
      method: "POST",
      headers: { Cookie: admin, Origin: ORIGIN },
    });
    expect(own.status).toBe(404);
  });
});

describe("the audit log", () => {
  it("records every read of a person and every change, with no copy of the data", async () => {
    const admin = await signIn(ADMIN);
    await api("/people/p-meschede", admin);
    const log = (await (await api("/audit?person=p-meschede", admin)).json()) as {
      data: { action: string; staff: { id: string }; person_id: string; detail: object }[];
    };
    expect(log.data.length).toBeGreaterThanOrEqual(2);
    expect(log.data[0]).toMatchObject({ action: "person.read", person_id: "p-meschede" });
    expect(log.data.map((e) => e.staff.id)).toContain("s-town");
    const all = (await (await api("/audit", admin)).json()) as { data: { action: string; detail: object }[] };
    expect(all.data.map((e) => e.action)).toEqual(
      expect.arrayContaining(["people.list", "staff.create", "staff.update"]),
    );
    expect(JSON.stringify(all.data)).not.toContain("anna@example.org");
    // A search's words are not kept either ("ben@" was searched above).
    expect(JSON.stringify(all.data)).not.toContain("ben@");
    // The log names a person by their first name as it is now, read when the log is shown, never stored in it.
    expect(log.data[0]).toMatchObject({ person_name: "Person 0" });
    const stored = await env.DB.prepare("SELECT * FROM audit_log").all();
    expect(JSON.stringify(stored.results)).not.toContain("Person 0");
  });
});

describe("machine tokens", () => {
  it("read the exports only, as the admin who made them, audited; revoked or for a disabled admin, nothing", async () => {
    const session = { Cookie: await signIn(ADMIN), Origin: ORIGIN };
    const token = await machineToken(session, "Monatsbericht");
    expect(token).toMatch(/^hvm_[A-Za-z0-9_-]{43}$/);
    const bearer = { Authorization: `Bearer ${token}` };
    for (const path of ["/v1/admin/signups", "/v1/admin/signups.csv", "/v1/staff/people.csv", "/v1/staff/outcomes.csv"])
      expect((await SELF.fetch(`${ORIGIN}${path}`, { headers: bearer })).status, path).toBe(200);
    // Nothing else: not the people list, not a person, not a change, not another token.
    for (const [method, path] of [
      ["GET", "/v1/staff/people"],
      ["GET", "/v1/staff/people/p-meschede"],
      ["GET", "/v1/admin/sources"],
      ["POST", "/v1/staff/machine-tokens"],
      ["POST", "/v1/staff/people/p-meschede/notes"],
    ] as const)
      expect(
        (
          await SELF.fetch(`${ORIGIN}${path}`, {
            method,
            headers: { ...bearer, "Content-Type": "application/json" },
            body: method === "POST" ? "{}" : null,
          })
        ).status,
        `${method} ${path}`,
      ).toBe(403);
    const audit = await env.DB.prepare(
      "SELECT action, detail FROM audit_log WHERE staff_id = 's-admin' AND action IN ('signups.export', 'people.export') ORDER BY id",
    ).all<{ action: string; detail: string }>();
    const listed = (await (await api("/machine-tokens", session.Cookie)).json()) as {
      data: { id: string; last_used_at: string | null }[];
    };
    const id = listed.data[0]?.id;
    expect(listed.data[0]?.last_used_at).not.toBeNull();
    expect(audit.results.slice(-3).map((r) => [r.action, JSON.parse(r.detail).token])).toEqual([
      ["signups.export", id],
      ["signups.export", id],
      ["people.export", id],
    ]);
    // A town account makes none.
    const town = await signIn(TOWN);
    const refused = await api("/machine-tokens", town, {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Bericht" }),
    });
    expect(refused.status).toBe(403);
    // Revoked: it reads nothing any more.
    const revoke = await api(`/machine-tokens/${id}/revoke`, session.Cookie, {
      method: "POST",
      headers: { Origin: ORIGIN },
    });
    expect(revoke.status).toBe(204);
    expect((await SELF.fetch(`${ORIGIN}/v1/admin/signups`, { headers: bearer })).status).toBe(401);
    expect(
      (await SELF.fetch(`${ORIGIN}/v1/admin/signups`, { headers: { Authorization: "Bearer hvm_made-up" } })).status,
    ).toBe(401);
    // A token of an admin who is disabled later reads nothing either.
    const second = await machineToken(session, "Zweites Programm");
    await env.DB.prepare("UPDATE staff SET disabled = 1 WHERE id = 's-admin'").run();
    expect(
      (await SELF.fetch(`${ORIGIN}/v1/staff/outcomes`, { headers: { Authorization: `Bearer ${second}` } })).status,
    ).toBe(401);
    await env.DB.prepare("UPDATE staff SET disabled = 0 WHERE id = 's-admin'").run();
  });
});
