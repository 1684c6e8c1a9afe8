// Employers in the applicant pool (workerd, real D1): accounts made by staff, signing in by link, searching
// anonymous cards, contact requests and the member's answer, blocks, expiry, slowing down, saved searches,
// role boundaries, audit entries. Above all: nothing identifying reaches an employer before a yes.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { linkQuery } from "../../worker/src/lib/signed-links.ts";
import { EMPLOYERS, ORIGIN, seedFixture } from "./fixtures.ts";
import { addPeopleAt } from "./people-helpers.ts";
import { adminSession, api, FORM, form } from "./staff-helpers.ts";

const SECRET = "test-signing-key";
const A = EMPLOYERS[0]?.id as string;
const B = EMPLOYERS[1]?.id as string;

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

// Eight electricians wanting Meschede (five write "SPS" in their line), two rare bakers; one not confirmed.
const ELEC = ["p-anna", "p-bea", "p-carl", "p-dora", "p-emil", "p-finn", "p-gina", "p-hugo"];
const SPS = new Set(["p-anna", "p-bea", "p-carl", "p-dora", "p-emil"]);
const EVERYONE = [...ELEC, "p-ida", "p-jan"];

async function me(id: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams(await linkQuery(SECRET, id, 1));
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return SELF.fetch(`${ORIGIN}/me/pool?lang=de`, {
    method: "POST",
    headers: FORM,
    body: body.toString(),
    redirect: "manual",
  });
}
const mePage = async (id: string) =>
  text(await (await SELF.fetch(`${ORIGIN}/me?${await linkQuery(SECRET, id, 1)}&lang=de`)).text());

let staff: Record<string, string>;

async function account(employer: string, email: string, name: string) {
  const res = await api(`/employers/${employer}/accounts`, undefined, {
    method: "POST",
    headers: { ...staff, "Content-Type": "application/json" },
    body: JSON.stringify({ email, name }),
  });
  return res;
}

async function employerSignIn(email: string, lang = "de"): Promise<string> {
  await env.DB.prepare("DELETE FROM rate_limits").run();
  await SELF.fetch(`${ORIGIN}/arbeitgeber/anmelden?lang=${lang}`, {
    method: "POST",
    headers: { ...FORM, "CF-Connecting-IP": "203.0.113.9" },
    body: form({ email }),
  });
  const row = await env.DB.prepare("SELECT text FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1")
    .bind(email)
    .first<{ text: string }>();
  const token = /\/arbeitgeber\/anmelden\/link\?token=([A-Za-z0-9_-]{43})/.exec(row?.text ?? "")?.[1];
  if (!token) throw new Error("no link");
  const res = await SELF.fetch(`${ORIGIN}/arbeitgeber/anmelden/link?lang=${lang}`, {
    method: "POST",
    headers: FORM,
    body: form({ token }),
    redirect: "manual",
  });
  expect(res.status).toBe(303);
  expect(res.headers.get("Location")).toContain("/arbeitgeber/pool");
  const cookie = /__Host-hv-employer=([^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1];
  if (!cookie) throw new Error("no cookie");
  return `__Host-hv-employer=${cookie}`;
}

const get = (path: string, cookie: string) =>
  SELF.fetch(`${ORIGIN}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
const post = (path: string, cookie: string, fields: Record<string, string>) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { ...FORM, Cookie: cookie },
    body: form(fields),
    redirect: "manual",
  });

const refs = (html: string) => [...html.matchAll(/karte=([A-Za-z0-9_-]+)/g)].map((m) => m[1] as string);
/** How many cards a search page found: its results heading, "8 Karten", "1 card", or none. */
const count = (html: string) => Number(/<h2 id="results">(\d+) (?:Karte|card)/.exec(html)?.[1] ?? 0);
const cardsFor = async (path: string, cookie: string) => count(await (await get(path, cookie)).text());

/** Nothing about any pool member that could say who they are: names, addresses, lines, exact dates. */
async function identifying(html: string, except: readonly string[] = []) {
  const rows = await env.DB.prepare(
    "SELECT s.id, s.email, s.first_name, p.headline FROM signups s LEFT JOIN pool_members p ON p.signup_id = s.id",
  ).all<{ id: string; email: string; first_name: string; headline: string | null }>();
  const found: string[] = [];
  for (const r of rows.results) {
    if (except.includes(r.id)) continue;
    const plain = text(html);
    for (const needle of [r.id, r.email, ` ${r.first_name} `, r.headline])
      if (needle && (html.includes(needle) || plain.includes(needle))) found.push(`${r.id}: ${needle}`);
  }
  // No exact dates of members: the only dates on these pages are of requests.
  return found;
}

let cookieA: string;
let cookieB: string;

beforeAll(async () => {
  await seedFixture();
  await addPeopleAt(
    [
      ...ELEC.map((id) => ({
        id,
        field: "crafts",
        occupation: "Elektroniker",
        towns: ["meschede"],
        wants: ["job_offers"],
      })),
      { id: "p-ida", field: "crafts", occupation: "Bäcker", towns: ["brilon"], wants: ["job_offers"] },
      { id: "p-jan", field: "crafts", occupation: "Bäcker", towns: ["brilon"], wants: ["job_offers"] },
      { id: "p-kai", field: "crafts", occupation: "Elektroniker", towns: ["meschede"], wants: [], status: "pending" },
    ],
    Date.now() - 86_400_000,
  );
  await env.DB.prepare("UPDATE signups SET link_version = 1").run();
  for (const id of EVERYONE) {
    const res = await me(id, {
      action: "join",
      details: ["occupation", "towns", "back"],
      consent: "yes",
      headline: SPS.has(id) ? `SPS-Programmierung, ${id} Schaltschrankbau` : "Wartung und Instandhaltung",
    });
    expect(res.headers.get("Location")).toContain("done=poolJoined");
  }
  staff = await adminSession();
});

describe("employer accounts", () => {
  it("are made by staff for an employer, with a welcome mail; an address is one account", async () => {
    const res = await account(A, "personal@nebelhoehe.example", "Petra Personal");
    expect(res.status).toBe(201);
    const made = (await res.json()) as { employer_id: string; disabled: boolean };
    expect(made).toMatchObject({ employer_id: A, disabled: false });
    const mail = await env.DB.prepare("SELECT subject, text FROM outbox WHERE to_address = ?")
      .bind("personal@nebelhoehe.example")
      .first<{ subject: string; text: string }>();
    expect(mail?.text).toContain("/arbeitgeber/anmelden");
    const again = await account(B, "personal@nebelhoehe.example", "Someone");
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { fields: Record<string, string> } }).error.fields.email).toBeTruthy();
    expect((await account(B, "hr@b.example", "Bernd")).status).toBe(201);
    const list = await api(`/employers/${A}/accounts`, undefined, { headers: staff });
    expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(1);
    expect((await api("/employers/nobody/accounts", undefined, { headers: staff })).status).toBe(404);
  });

  it("sign in by e-mail link to the pool, and are no staff anywhere", async () => {
    cookieA = await employerSignIn("personal@nebelhoehe.example");
    cookieB = await employerSignIn("hr@b.example", "en");
    // The employer's cookie opens no staff route, and the staff's none of the employer's pages.
    for (const path of ["/people", "/accounts", "/pool", "/audit", "/employers", "/newsletters", "/events"])
      expect((await api(path, cookieA)).status).toBe(401);
    expect((await get("/console", cookieA)).status).toBe(303);
    expect((await SELF.fetch(`${ORIGIN}/v1/admin/signups`, { headers: { Cookie: cookieA } })).status).toBe(401);
    expect((await get("/arbeitgeber/pool", staff.Cookie as string)).headers.get("Location")).toContain(
      "/arbeitgeber/anmelden",
    );
    expect((await get("/arbeitgeber/pool", "")).status).toBe(303);
    expect((await get("/arbeitgeber/pool", cookieA)).status).toBe(200);
  });
});

describe("searching the pool", () => {
  it("shows anonymous cards only, k-anonymous, and nothing identifying on any page an employer reaches", async () => {
    const res = await get("/arbeitgeber/pool?lang=de", cookieA);
    const html = await res.text();
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    // The eight electricians share their card; the two bakers are too rare for any detail and are not shown.
    expect(text(html)).toContain("8 Karten wie diese");
    expect(count(html)).toBe(8);
    expect(refs(html)).toHaveLength(1);
    expect(text(html)).toContain("Elektroniker (Handwerk)");
    expect(text(html)).toContain("Meschede");
    expect(await identifying(html)).toEqual([]);
    const form = await (await get(`/arbeitgeber/pool/anfrage?karte=${refs(html)[0]}&lang=de`, cookieA)).text();
    expect(await identifying(form)).toEqual([]);
    expect(await identifying(await (await get("/arbeitgeber/anfragen", cookieA)).text())).toEqual([]);
  });

  it("finds by field, town and words of the lines people wrote, and shows nothing when fewer than k match", async () => {
    const byTown = text(await (await get("/arbeitgeber/pool?town=brilon&lang=de", cookieA)).text());
    expect(byTown).toContain("Keine Karten gefunden");
    const sps = await (await get("/arbeitgeber/pool?q=sps&lang=de", cookieA)).text();
    expect(count(sps)).toBe(5);
    expect(await identifying(sps)).toEqual([]);
    // One member's own words single them out: shown to no one.
    const one = await (await get("/arbeitgeber/pool?q=p-anna&lang=de", cookieA)).text();
    expect(count(one)).toBe(0);
    const wartung = text(await (await get("/arbeitgeber/pool?q=wartung&lang=en", cookieA)).text());
    expect(wartung).toContain("No cards found");
    // A bad parameter is named, in the page's language.
    const bad = await get("/arbeitgeber/pool?back_by=2027-13&lang=en", cookieA);
    expect(text(await bad.text())).toContain("Please give a month (YYYY-MM).");
  });

  it("refuses a card reference made for another employer, an altered one and an old one", async () => {
    const html = await (await get("/arbeitgeber/pool?lang=de", cookieA)).text();
    const ref = refs(html)[0] as string;
    expect((await get(`/arbeitgeber/pool/anfrage?karte=${ref}`, cookieB)).status).toBe(404);
    const altered = `${ref.slice(0, -2)}${ref.endsWith("AA") ? "BB" : "AA"}`;
    expect((await get(`/arbeitgeber/pool/anfrage?karte=${altered}`, cookieA)).status).toBe(404);
    // Each search seals its cards anew: the same person's card is not recognisable across searches.
    const again = refs(await (await get("/arbeitgeber/pool?lang=de", cookieA)).text());
    expect(again.filter((r) => refs(html).includes(r))).toEqual([]);
  });

  it("pausing and leaving take the card out at once", async () => {
    await me("p-hugo", { action: "pause" });
    expect(await cardsFor("/arbeitgeber/pool", cookieA)).toBe(7);
    await me("p-hugo", { action: "resume" });
    expect(await cardsFor("/arbeitgeber/pool", cookieA)).toBe(8);
  });
});

describe("contact requests", () => {
  let requested: string;

  it("are checked field by field, then reach the member, who sees the employer and the message", async () => {
    const ref = refs(await (await get("/arbeitgeber/pool?q=sps", cookieA)).text())[0] as string;
    const bad = await post("/arbeitgeber/pool/anfrage?lang=en", cookieA, {
      card: ref,
      role: "x",
      message: "short",
      salary_min: "50000",
      salary_max: "",
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(await identifying(badHtml)).toEqual([]);
    const badText = text(badHtml);
    expect(badText).toContain("Please check the marked fields.");
    expect(badText).toContain("both ends of the salary range");
    const ok = await post("/arbeitgeber/pool/anfrage?lang=de", cookieA, {
      card: ref,
      role: "Elektroniker/in Betriebstechnik",
      message: "Wir suchen Verstärkung für unsere SPS-Abteilung in Meschede, gern ab Frühjahr.",
      salary_min: "48000",
      salary_max: "56000",
    });
    expect(ok.status).toBe(303);
    const row = await env.DB.prepare("SELECT id, signup_id, state FROM pool_requests").first<{
      id: string;
      signup_id: string;
      state: string;
    }>();
    expect(row?.state).toBe("open");
    requested = row?.signup_id as string;
    expect(SPS.has(requested)).toBe(true);
    const mail = await env.DB.prepare("SELECT subject, text FROM outbox WHERE signup_id = ? ORDER BY id DESC")
      .bind(requested)
      .first<{ subject: string; text: string }>();
    expect(mail?.subject).toBe("Nebelhöhe Elektro GmbH möchte dich kennenlernen");
    expect(mail?.text).toContain("Elektroniker/in Betriebstechnik");
    const page = await mePage(requested);
    expect(page).toContain("Nebelhöhe Elektro GmbH fragt an: Elektroniker/in Betriebstechnik");
    expect(page).toContain("48.000 – 56.000 €");
    // The employer sees the request, still without who it is. The group counts as before (its count is the
    // pool's); a next request from it goes to someone else.
    const list = await (await get("/arbeitgeber/anfragen?lang=de", cookieA)).text();
    expect(text(list)).toContain("wartet auf Antwort");
    // With the card as it was asked, to tell requests apart.
    expect(text(list)).toContain("Elektroniker (Handwerk)");
    expect(await identifying(list)).toEqual([]);
    expect(await cardsFor("/arbeitgeber/pool", cookieA)).toBe(8);
    // Another employer sees none of it.
    expect(text(await (await get("/arbeitgeber/anfragen?lang=en", cookieB)).text())).toContain("not asked anyone");
    // Nor does any mail to an employer's address say who it is.
    const toEmployers = await env.DB.prepare(
      "SELECT subject || ' ' || text AS mail FROM outbox WHERE to_address IN (SELECT email FROM employer_accounts)",
    ).all<{ mail: string }>();
    for (const { mail } of toEmployers.results) expect(await identifying(mail)).toEqual([]);
  });

  it("on a yes, both get each other's contact, and only then the employer sees who it is", async () => {
    const req = await env.DB.prepare("SELECT id FROM pool_requests WHERE signup_id = ?")
      .bind(requested)
      .first<{ id: string }>();
    // Another person cannot answer it.
    const other = ELEC.find((id) => id !== requested) as string;
    expect((await me(other, { action: "accept", request: req?.id as string })).headers.get("Location")).toContain(
      "done=stale",
    );
    const res = await me(requested, { action: "accept", request: req?.id as string });
    expect(res.headers.get("Location")).toContain("done=poolAccepted");
    const list = await (await get("/arbeitgeber/anfragen?lang=de", cookieA)).text();
    expect(list).toContain(`${requested}@example.org`);
    expect(text(list)).toContain("angenommen");
    expect(await identifying(list, [requested])).toEqual([]);
    expect(await identifying(list)).not.toEqual([]);
    const toEmployer = await env.DB.prepare("SELECT subject FROM outbox WHERE to_address = ? ORDER BY id DESC")
      .bind("personal@nebelhoehe.example")
      .first<{ subject: string }>();
    expect(toEmployer?.subject).toBe("Anfrage angenommen: Elektroniker/in Betriebstechnik");
    const toPerson = await env.DB.prepare("SELECT text FROM outbox WHERE signup_id = ? ORDER BY id DESC")
      .bind(requested)
      .first<{ text: string }>();
    expect(toPerson?.text).toContain("Petra Personal, personal@nebelhoehe.example");
    expect(await mePage(requested)).toContain("Dein Kontakt: Petra Personal");
    // Answered once: a second answer changes nothing.
    expect((await me(requested, { action: "decline", request: req?.id as string })).headers.get("Location")).toContain(
      "done=stale",
    );
  });

  it("on a no, or after 14 days without an answer, the employer learns only that", async () => {
    for (let i = 0; i < 2; i++) {
      const card = refs(await (await get("/arbeitgeber/pool?q=sps", cookieB)).text())[0] as string;
      expect(
        (
          await post("/arbeitgeber/pool/anfrage?lang=en", cookieB, {
            card,
            role: "Service technician",
            message: "We look for a service technician for our customers in the Sauerland.",
          })
        ).status,
      ).toBe(303);
    }
    const [first, second] = (
      await env.DB.prepare("SELECT id, signup_id FROM pool_requests WHERE employer_id = ? ORDER BY created_at")
        .bind(B)
        .all<{ id: string; signup_id: string }>()
    ).results;
    await me(first?.signup_id as string, { action: "decline", request: first?.id as string });
    await env.DB.prepare("UPDATE pool_requests SET expires_at = ? WHERE id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), second?.id)
      .run();
    const list = await (await get("/arbeitgeber/anfragen?lang=en", cookieB)).text();
    expect(text(list)).toContain("declined");
    expect(text(list)).toContain("expired without an answer");
    expect(await identifying(list)).toEqual([]);
    // Expired: the member can no longer accept it.
    expect(
      (await me(second?.signup_id as string, { action: "accept", request: second?.id as string })).headers.get(
        "Location",
      ),
    ).toContain("done=stale");
  });

  it("leaving the pool withdraws open requests, which their employer sees as unanswered; the download keeps them", async () => {
    const card = refs(await (await get("/arbeitgeber/pool", cookieA)).text())[0] as string;
    await post("/arbeitgeber/pool/anfrage", cookieA, {
      card,
      role: "Servicetechniker/in",
      message: "Wir suchen Verstärkung im Service, gern mit Erfahrung in der Wartung.",
    });
    const open = await env.DB.prepare(
      "SELECT id, signup_id FROM pool_requests WHERE role = 'Servicetechniker/in'",
    ).first<{
      id: string;
      signup_id: string;
    }>();
    await me(open?.signup_id as string, { action: "leave" });
    // Not told: it waits for an answer until its day, as after any silence, then expires.
    const waiting = text(await (await get("/arbeitgeber/anfragen", cookieA)).text());
    expect(waiting).toContain("Servicetechniker/in wartet auf Antwort");
    await env.DB.prepare("UPDATE pool_requests SET expires_at = ? WHERE id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), open?.id)
      .run();
    expect(text(await (await get("/arbeitgeber/anfragen", cookieA)).text())).toContain("abgelaufen, ohne Antwort");
    const data = (await (
      await SELF.fetch(`${ORIGIN}/me.json?${await linkQuery(SECRET, open?.signup_id as string, 1)}`)
    ).json()) as {
      pool: unknown;
      pool_requests: { employer: string; state: string; contact: unknown }[];
    };
    expect(data.pool).toBeNull();
    expect(data.pool_requests).toContainEqual(
      expect.objectContaining({ employer: EMPLOYERS[0]?.name, state: "expired", contact: null }),
    );
    // Back in the pool for the tests that follow (not asked again: one request per employer and person).
    await me(open?.signup_id as string, { action: "join", details: ["occupation", "towns", "back"], consent: "yes" });
  });

  it("a blocked employer's requests never reach the blocker, and the block does not show", async () => {
    const before = await cardsFor("/arbeitgeber/pool", cookieB);
    const blocker = ELEC.find((id) => !SPS.has(id)) as string;
    await me(blocker, { action: "block", employer: B });
    expect(await mePage(blocker)).toContain(`Blockiert: ${EMPLOYERS[1]?.name}`);
    // The counts are the pool's: the blocked employer cannot tell that someone blocked it.
    expect(await cardsFor("/arbeitgeber/pool", cookieB)).toBe(before);
    const start = new Date().toISOString();
    const reached = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const card = refs(await (await get("/arbeitgeber/pool", cookieB)).text())[0] as string;
      const res = await post("/arbeitgeber/pool/anfrage", cookieB, {
        card,
        role: "Trial",
        message: "We look for a service technician for our customers in the Sauerland.",
      });
      expect(res.status).toBe(303);
      const row = await env.DB.prepare("SELECT signup_id FROM pool_requests WHERE employer_id = ? AND created_at >= ?")
        .bind(B, start)
        .first<string>("signup_id");
      reached.add(row as string);
      // Each trial request is taken back, so the next is picked as the first was.
      await env.DB.prepare("DELETE FROM pool_requests WHERE employer_id = ? AND created_at >= ?").bind(B, start).run();
      await env.DB.prepare("DELETE FROM audit_log WHERE action = 'pool.request' AND at >= ?").bind(start).run();
    }
    // "One of these people" is picked anew each time, never the one who blocked.
    expect(reached.size).toBeGreaterThan(1);
    expect(reached.has(blocker)).toBe(false);
  });
});

describe("asking well, saved searches, and what staff see", () => {
  it("an employer whose requests mostly go unanswered is slowed down", async () => {
    const figures = async () =>
      text(
        await (
          await get(
            `/arbeitgeber/pool/anfrage?karte=${refs(await (await get("/arbeitgeber/pool", cookieB)).text())[0]}&lang=en`,
            cookieB,
          )
        ).text(),
      );
    expect(await figures()).toMatch(/You can send \d+ more requests this week/);
    // Five old requests of B's, none answered.
    const old = new Date(Date.now() - 30 * 86_400_000).toISOString();
    await env.DB.batch(
      ["p-ida", "p-jan", "p-gina", "p-finn", "p-emil"].map((id, i) =>
        env.DB.prepare(
          `INSERT OR IGNORE INTO pool_requests (id, employer_id, account_id, signup_id, role, message, created_at, expires_at, state)
           SELECT ?, ?, id, ?, 'Alt', 'Eine alte Anfrage ohne Antwort.', ?, ?, 'expired' FROM employer_accounts WHERE email = 'hr@b.example'`,
        ).bind(`00000000-0000-4000-8000-00000000000${i}`, B, id, old, old),
      ),
    );
    expect(await figures()).toContain("only 3 requests a week are possible");
    const stats = (await (await api("/pool", undefined, { headers: staff })).json()) as {
      members: number;
      shown: number;
      employers: { employer_id: string; slowed: boolean; response_rate: number | null }[];
    };
    expect(stats.members).toBe(10);
    expect(stats.shown).toBe(8);
    expect(stats.employers.find((e) => e.employer_id === B)?.slowed).toBe(true);
    // A: one accepted; the request of the person who left counts for nothing.
    expect(stats.employers.find((e) => e.employer_id === A)?.response_rate).toBe(1);
    expect(JSON.stringify(stats)).not.toMatch(/p-[a-z]+|example\.org/);
  });

  it("saved searches are the account's own and mail weekly when new cards match", async () => {
    const saved = await post("/arbeitgeber/suchen?lang=de", cookieA, {
      name: "Elektro Meschede",
      query: JSON.stringify({ town: "meschede" }),
    });
    expect(saved.headers.get("Location")).toContain("done=saved");
    const search = await env.DB.prepare("SELECT id FROM pool_searches").first<{ id: string }>();
    // Another employer cannot delete it by its id.
    await post(`/arbeitgeber/suchen/${search?.id}/loeschen`, cookieB, {});
    expect(await env.DB.prepare("SELECT count(*) AS n FROM pool_searches").first<number>("n")).toBe(1);
    expect(text(await (await get("/arbeitgeber/pool?lang=en", cookieB)).text())).not.toContain("Elektro Meschede");
    const run = async () =>
      (await (await SELF.fetch(`${ORIGIN}/v1/admin/pool-searches/run`, { method: "POST", headers: staff })).json()) as {
        looked: number;
        mailed: number;
      };
    // Not yet a week old: not looked at.
    expect(await run()).toEqual({ looked: 0, mailed: 0 });
    const weekAgo = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await env.DB.prepare("UPDATE pool_searches SET checked_at = ?").bind(weekAgo).run();
    const fresh = await env.DB.prepare(
      `SELECT signup_id FROM pool_members WHERE signup_id IN (${ELEC.map(() => "?").join(",")})
         AND signup_id NOT IN (SELECT signup_id FROM pool_requests WHERE employer_id = ?) LIMIT 5`,
    )
      .bind(...ELEC, A)
      .all<{ signup_id: string }>();
    const ids = fresh.results.map((r) => r.signup_id);
    expect(ids).toHaveLength(5);
    const others = `signup_id NOT IN (${ids
      .slice(1)
      .map(() => "?")
      .join(",")})`;
    await env.DB.prepare(`UPDATE pool_members SET updated_at = ? WHERE ${others}`)
      .bind(weekAgo, ...ids.slice(1))
      .run();
    // Four cards changed since: fewer than k are no news yet.
    expect(await run()).toEqual({ looked: 1, mailed: 0 });
    await env.DB.prepare("UPDATE pool_members SET updated_at = ? WHERE signup_id = ?")
      .bind(new Date().toISOString(), ids[0])
      .run();
    // Five: mailed, with the number.
    expect(await run()).toEqual({ looked: 1, mailed: 1 });
    const mail = await env.DB.prepare("SELECT subject, text FROM outbox WHERE to_address = ? ORDER BY id DESC")
      .bind("personal@nebelhoehe.example")
      .first<{ subject: string; text: string }>();
    expect(mail?.subject).toBe("Neue Karten zu Ihrer Suche „Elektro Meschede“");
    expect(mail?.text).toContain("gibt es 5 neue Karten");
    expect(mail?.text).toContain("/arbeitgeber/pool?town=meschede");
    // Checked now: the next run a week on.
    expect(await run()).toEqual({ looked: 0, mailed: 0 });
    // No mail to an employer, of any kind so far (sign-in, answers, saved searches), names a member.
    const toEmployers = await env.DB.prepare(
      "SELECT subject || ' ' || text AS mail FROM outbox WHERE to_address IN (SELECT email FROM employer_accounts)",
    ).all<{ mail: string }>();
    expect(toEmployers.results.length).toBeGreaterThan(5);
    for (const { mail } of toEmployers.results) expect(await identifying(mail)).toEqual([]);
  });

  it("every employer action is in the audit log, by name", async () => {
    const audit = (await (await api("/audit", undefined, { headers: staff })).json()) as {
      data: { action: string; staff: { name: string } }[];
    };
    const actions = new Set(audit.data.map((e) => e.action));
    for (const a of [
      "employer_account.create",
      "pool.search",
      "pool.request",
      "pool.contacts_viewed",
      "pool.search_saved",
    ])
      expect(actions).toContain(a);
    const requesters = audit.data.filter((e) => e.action === "pool.request").map((e) => e.staff.name);
    expect(requesters).toContain("Petra Personal (Nebelhöhe Elektro GmbH)");
  });

  it("a group whose people have all been asked reaches no one, and says so without saying why", async () => {
    const ref = refs(await (await get("/arbeitgeber/pool?lang=de", cookieA)).text())[0] as string;
    const old = new Date(Date.now() - 20 * 86_400_000).toISOString();
    await env.DB.batch(
      ELEC.map((id, i) =>
        env.DB.prepare(
          `INSERT OR IGNORE INTO pool_requests (id, employer_id, account_id, signup_id, role, message, created_at, expires_at, state)
           SELECT ?, ?, id, ?, 'Früher', 'Eine frühere Anfrage an diese Person.', ?, ?, 'declined'
           FROM employer_accounts WHERE email = 'personal@nebelhoehe.example'`,
        ).bind(`00000000-0000-4000-8000-1000000000${String(i).padStart(2, "0")}`, A, id, old, old),
      ),
    );
    const page = text(await (await get("/arbeitgeber/pool?lang=de", cookieA)).text());
    expect(page).toContain("8 Karten wie diese");
    expect(page).toContain("Ihre Anfrage kann aus dieser Gruppe zurzeit niemanden mehr erreichen");
    const form = await get(`/arbeitgeber/pool/anfrage?karte=${ref}&lang=de`, cookieA);
    expect(form.status).toBe(409);
    expect(text(await form.text())).toContain("niemanden mehr erreichen");
  });

  it("a disabled account is signed out at once", async () => {
    const accounts = (await (await api(`/employers/${A}/accounts`, undefined, { headers: staff })).json()) as {
      data: { id: string }[];
    };
    const res = await api(`/employer-accounts/${accounts.data[0]?.id}`, undefined, {
      method: "PATCH",
      headers: { ...staff, "Content-Type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    expect(res.status).toBe(200);
    expect((await get("/arbeitgeber/pool", cookieA)).status).toBe(303);
  });
});
