// Steckbriefe and forwards, in workerd with the real D1: the team proposes, only the person's yes sends an
// employer a link, the employer sees only what was approved, revoked or expired links show nothing, and
// every step is audited and shown to the person.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { addStaffStatement } from "../../worker/src/db/staff.ts";
import { ORIGIN, seedFixture } from "./fixtures.ts";
import { api, FORM, form, signIn } from "./staff-helpers.ts";

const ADMIN = "team@kreis.example";
const TOWN = "wifoe@meschede.example";
// From the fixture region: two employers get a contact, one stays without.
const ELEKTRO = "nebelhoehe-elektro"; // Meschede
const SOFTWARE = "quellgrund-software"; // Arnsberg
const BAECK = "tannenbaeck"; // Winterberg, no contact

let admin: string;
let town: string;

beforeAll(async () => {
  await seedFixture();
  const now = new Date().toISOString();
  await env.DB.batch([
    addStaffStatement(env.DB, { id: "s-admin", email: ADMIN, name: "Kreis-Team", role: "admin", towns: [] }, now),
    addStaffStatement(
      env.DB,
      { id: "s-town", email: TOWN, name: "Wirtschaftsförderung Meschede", role: "town", towns: ["meschede"] },
      now,
    ),
    env.DB.prepare(
      "UPDATE employers SET contact_email = 'personal@' || id || '.example', contact_name = 'Frau Berg' WHERE id IN (?, ?)",
    ).bind(ELEKTRO, SOFTWARE),
    ...[
      ["p-anna", "anna@example.org", "Anna", '["meschede"]', "confirmed"],
      ["p-ben", "ben@example.org", "Ben", '["brilon"]', "confirmed"],
      ["p-cem", "cem@example.org", "Cem", '["meschede"]', "pending"],
    ].map(([id, email, name, towns, status]) =>
      env.DB.prepare(
        `INSERT INTO signups (id, email, first_name, occupation, towns, earliest_return, wants, lang, status,
           consent_version, consent_given_at, created_at, last_mail_at)
         VALUES (?, ?, ?, 'Mechatronikerin', ?, '2027-04', '["job_offers"]', 'de', ?, ?, ?, ?, ?)`,
      ).bind(id, email, name, towns, status, "a".repeat(64), now, now, now),
    ),
    env.DB.prepare(
      `INSERT INTO steckbriefe (signup_id, headline, about, looking_for, languages, updated_at)
       VALUES ('p-anna', 'Mechatronikerin mit acht Jahren Erfahrung', 'Ich halte Anlagen am Laufen.',
               'Eine feste Stelle bei Meschede.', '["Deutsch","Englisch"]', ?)`,
    ).bind(now),
  ]);
  admin = await signIn(ADMIN);
  town = await signIn(TOWN);
});

const json = (cookie: string, method: string, body: unknown) => ({
  method,
  headers: { Cookie: cookie, "Content-Type": "application/json", Origin: ORIGIN },
  body: JSON.stringify(body),
});

async function mailsTo(address: string) {
  const { results } = await env.DB.prepare("SELECT subject, text FROM outbox WHERE to_address = ? ORDER BY id")
    .bind(address)
    .all<{ subject: string; text: string }>();
  return results;
}

/** The person's data page link from the newest mail to them. */
async function dataLink(address: string): Promise<string> {
  const mail = (await mailsTo(address)).at(-1);
  const link = /https?:\/\/\S+\/me\?(\S+?)#\w+/.exec(mail?.text ?? "")?.[1];
  if (!link) throw new Error(`no data link in ${mail?.text}`);
  return link;
}

async function forwardsOf(person: string) {
  const res = await api(`/people/${person}`, admin);
  return ((await res.json()) as { forwards: { id: string; employer: { id: string }; state: string; opens: number }[] })
    .forwards;
}

const answer = (query: string, fields: Record<string, string | string[]>, origin = ORIGIN) => {
  const body = new URLSearchParams();
  for (const [k, v] of [...new URLSearchParams(query), ...Object.entries(fields)])
    for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return SELF.fetch(`${ORIGIN}/me/forward`, {
    method: "POST",
    headers: { ...FORM, Origin: origin },
    body: body.toString(),
    redirect: "manual",
  });
};

const employerLink = async (employer: string, address = `personal@${employer}.example`) =>
  /https?:\/\/\S+(\/steckbrief\/[A-Za-z0-9_-]{43})/.exec((await mailsTo(address)).at(-1)?.text ?? "")?.[1];

describe("proposing a forward", () => {
  it("names an employer without a contact and a person not yet confirmed as field errors", async () => {
    const noContact = await api("/people/p-anna/forwards", admin, json(admin, "POST", { employers: [ELEKTRO, BAECK] }));
    expect(noContact.status).toBe(400);
    const body = (await noContact.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields["employers.1"]).toMatch(/keine Kontaktadresse/);
    const pending = await api("/people/p-cem/forwards", admin, json(admin, "POST", { employers: [ELEKTRO] }));
    expect(pending.status).toBe(400);
    expect(await forwardsOf("p-anna")).toEqual([]);
  });

  it("asks the person in one mail naming both employers, and sends the employers nothing yet", async () => {
    const res = await api("/people/p-anna/forwards", admin, json(admin, "POST", { employers: [ELEKTRO, SOFTWARE] }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { data: { state: string }[]; asked: number };
    expect(body.asked).toBe(2);
    expect(body.data.map((f) => f.state)).toEqual(["asked", "asked"]);
    const [ask] = await mailsTo("anna@example.org");
    expect(ask?.subject).toBe("Dürfen wir deinen Steckbrief weitergeben?");
    expect(ask?.text).toContain("Nebelhöhe Elektro GmbH, Meschede");
    expect(ask?.text).toContain("Quellgrund Software GmbH, Arnsberg");
    expect(await mailsTo(`personal@${ELEKTRO}.example`)).toEqual([]);
    expect(await mailsTo(`personal@${SOFTWARE}.example`)).toEqual([]);
    const audit = await env.DB.prepare(
      "SELECT action, detail FROM audit_log WHERE person_id = 'p-anna' AND action = 'forward.propose'",
    ).first<{ detail: string }>();
    expect(JSON.parse(audit?.detail ?? "{}")).toEqual({ employers: [ELEKTRO, SOFTWARE] });
  });

  it("adds nothing and mails nobody when both are asked already", async () => {
    const res = await api("/people/p-anna/forwards", admin, json(admin, "POST", { employers: [SOFTWARE, ELEKTRO] }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { asked: number }).asked).toBe(0);
    expect(await mailsTo("anna@example.org")).toHaveLength(1);
  });

  it("keeps a town account to its towns: no person outside them, no employer outside them", async () => {
    const outsider = await api("/people/p-ben/forwards", town, json(town, "POST", { employers: [ELEKTRO] }));
    expect(outsider.status).toBe(404);
    const farEmployer = await api("/people/p-anna/forwards", town, json(town, "POST", { employers: [SOFTWARE] }));
    expect(farEmployer.status).toBe(403);
  });

  it("refuses a proposal from another site (CSRF) and without a session", async () => {
    const csrf = await api("/people/p-anna/forwards", admin, {
      // A form on another site can post text/plain without a preflight; the Origin check refuses it.
      ...json(admin, "POST", { employers: [ELEKTRO] }),
      headers: { Cookie: admin, "Content-Type": "text/plain", Origin: "https://evil.example" },
    });
    expect(csrf.status).toBe(403);
    const anonymous = await SELF.fetch(`${ORIGIN}/v1/staff/people/p-anna/forwards`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify({ employers: [ELEKTRO] }),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe("the person's answer", () => {
  it("shows each employer on the data page with a yes that names the fields it would see", async () => {
    const page = await SELF.fetch(`${ORIGIN}/me?${await dataLink("anna@example.org")}`);
    const html = await page.text();
    expect(html).toContain("Ja, an Nebelhöhe Elektro GmbH weitergeben");
    expect(html).toContain("Ja, an Quellgrund Software GmbH weitergeben");
    expect(html).toContain("Mechatronikerin mit acht Jahren Erfahrung");
  });

  it("refuses an answer posted from another site, and one with another person's link", async () => {
    const [elektro] = (await forwardsOf("p-anna")).filter((f) => f.employer.id === ELEKTRO);
    const query = await dataLink("anna@example.org");
    const foreign = await answer(query, { forward: elektro?.id ?? "", answer: "yes" }, "https://evil.example");
    expect(foreign.status).toBe(403);
    // Ben's own valid link cannot answer Anna's forward.
    const { linkQuery } = await import("../../worker/src/lib/signed-links.ts");
    const ben = await linkQuery("test-signing-key", "p-ben", 1);
    const other = await answer(ben, { forward: elektro?.id ?? "", answer: "yes" });
    expect(other.status).toBe(303);
    expect(other.headers.get("Location")).toContain("done=stale");
    expect((await forwardsOf("p-anna")).map((f) => f.state)).toEqual(["asked", "asked"]);
    expect(await mailsTo(`personal@${ELEKTRO}.example`)).toEqual([]);
  });

  it("after a yes mails that employer a link, and after a no mails the other nothing", async () => {
    const forwards = await forwardsOf("p-anna");
    const elektro = forwards.find((f) => f.employer.id === ELEKTRO);
    const software = forwards.find((f) => f.employer.id === SOFTWARE);
    const query = await dataLink("anna@example.org");
    const yes = await answer(query, {
      forward: elektro?.id ?? "",
      answer: "yes",
      fields: ["first_name", "headline", "looking_for", "email"],
    });
    expect(yes.status).toBe(303);
    expect(yes.headers.get("Location")).toContain("done=yes");
    const no = await answer(query, { forward: software?.id ?? "", answer: "no" });
    expect(no.headers.get("Location")).toContain("done=no");
    // A second click on the same yes changes nothing and sends nothing.
    const again = await answer(query, { forward: elektro?.id ?? "", answer: "yes", fields: ["email"] });
    expect(again.headers.get("Location")).toContain("done=stale");

    const toElektro = await mailsTo(`personal@${ELEKTRO}.example`);
    expect(toElektro).toHaveLength(1);
    expect(toElektro[0]?.text).toContain("Guten Tag Frau Berg,");
    expect(await employerLink(ELEKTRO)).toBeDefined();
    expect(await mailsTo(`personal@${SOFTWARE}.example`)).toEqual([]);
    const states = Object.fromEntries((await forwardsOf("p-anna")).map((f) => [f.employer.id, f.state]));
    expect(states).toEqual({ [ELEKTRO]: "shared", [SOFTWARE]: "declined" });
  });
});

describe("the employer's Steckbrief page", () => {
  it("shows only the approved fields, is never indexed or stored, and logs each opening", async () => {
    const link = (await employerLink(ELEKTRO)) as string;
    const res = await SELF.fetch(`${ORIGIN}${link}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("X-Robots-Tag")).toBe("noindex");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    const html = await res.text();
    expect(html).toContain("Steckbrief: Anna");
    expect(html).toContain("Mechatronikerin mit acht Jahren Erfahrung");
    expect(html).toContain("Eine feste Stelle bei Meschede.");
    expect(html).toContain("mailto:anna@example.org");
    // Not approved: what Anna does, her occupation, her languages.
    expect(html).not.toContain("Ich halte Anlagen am Laufen.");
    expect(html).not.toContain("Englisch");
    expect(html).not.toMatch(/<dt>Beruf<\/dt>/);
    await SELF.fetch(`${ORIGIN}${link}`);
    const elektro = (await forwardsOf("p-anna")).find((f) => f.employer.id === ELEKTRO);
    expect(elektro?.opens).toBe(2);
    const opens = await env.DB.prepare("SELECT count(*) AS n FROM forward_opens WHERE forward_id = ?")
      .bind(elektro?.id)
      .first<{ n: number }>();
    expect(opens?.n).toBe(2);
    const page = await (await SELF.fetch(`${ORIGIN}/me?${await dataLink("anna@example.org")}`)).text();
    expect(page).toContain("Geöffnet: 2-mal");
  });

  it("shows nothing once the person revokes it", async () => {
    const link = (await employerLink(ELEKTRO)) as string;
    const elektro = (await forwardsOf("p-anna")).find((f) => f.employer.id === ELEKTRO);
    const revoked = await answer(await dataLink("anna@example.org"), { forward: elektro?.id ?? "", answer: "revoke" });
    expect(revoked.headers.get("Location")).toContain("done=revoked");
    const res = await SELF.fetch(`${ORIGIN}${link}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("nicht (mehr) verfügbar");
    expect(html).not.toContain("Anna");
    expect((await forwardsOf("p-anna")).find((f) => f.employer.id === ELEKTRO)?.state).toBe("revoked");
  });

  it("shows nothing after 30 days, when the team revokes it, or for a made-up token", async () => {
    // A fresh yes to Quellgrund: the no is final for that forward, so the team asks again.
    await api("/people/p-anna/forwards", admin, json(admin, "POST", { employers: [SOFTWARE] }));
    const fresh = (await forwardsOf("p-anna")).find((f) => f.employer.id === SOFTWARE && f.state === "asked");
    await answer(await dataLink("anna@example.org"), { forward: fresh?.id ?? "", answer: "yes", fields: ["headline"] });
    const link = (await employerLink(SOFTWARE)) as string;
    expect((await SELF.fetch(`${ORIGIN}${link}`)).status).toBe(200);
    await env.DB.prepare("UPDATE forwards SET expires_at = ? WHERE id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), fresh?.id)
      .run();
    expect((await SELF.fetch(`${ORIGIN}${link}`)).status).toBe(404);
    expect((await forwardsOf("p-anna")).find((f) => f.id === fresh?.id)?.state).toBe("expired");
    await env.DB.prepare("UPDATE forwards SET expires_at = ? WHERE id = ?")
      .bind(new Date(Date.now() + 86_400_000).toISOString(), fresh?.id)
      .run();
    const revoke = await api(`/forwards/${fresh?.id}/revoke`, admin, json(admin, "POST", {}));
    expect(revoke.status).toBe(200);
    expect((await SELF.fetch(`${ORIGIN}${link}`)).status).toBe(404);
    expect((await api(`/forwards/${fresh?.id}/revoke`, admin, json(admin, "POST", {}))).status).toBe(409);
    expect((await SELF.fetch(`${ORIGIN}/steckbrief/${"A".repeat(43)}`)).status).toBe(404);
    expect((await SELF.fetch(`${ORIGIN}/steckbrief/x`)).status).toBe(404);
  });
});

describe("outcomes, notes and suggestions", () => {
  it("records what came of a shared forward, and refuses one for a forward never shared", async () => {
    const forwards = await forwardsOf("p-anna");
    const shared = forwards.find((f) => f.employer.id === ELEKTRO);
    const declined = forwards.find((f) => f.state === "declined");
    const ok = await api(`/forwards/${shared?.id}`, admin, json(admin, "PATCH", { outcome: "interview" }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { outcome: string }).outcome).toBe("interview");
    const refused = await api(`/forwards/${declined?.id}`, admin, json(admin, "PATCH", { outcome: "hired" }));
    expect(refused.status).toBe(409);
    const bad = await api(`/forwards/${shared?.id}`, admin, json(admin, "PATCH", { outcome: "married" }));
    expect(bad.status).toBe(400);
    // A town account cannot reach Ben's forwards, nor walk ids it was never given.
    expect((await api(`/forwards/${crypto.randomUUID()}`, town, json(town, "PATCH", { outcome: null }))).status).toBe(
      404,
    );
  });

  it("shows the team's notes to the person, on the page and in the download", async () => {
    const res = await api(
      "/people/p-anna/notes",
      admin,
      json(admin, "POST", { text: "Beim Stammtisch in Meschede getroffen." }),
    );
    expect(res.status).toBe(201);
    const query = await dataLink("anna@example.org");
    expect(await (await SELF.fetch(`${ORIGIN}/me?${query}`)).text()).toContain(
      "Beim Stammtisch in Meschede getroffen.",
    );
    const data = (await (await SELF.fetch(`${ORIGIN}/me.json?${query}`)).json()) as {
      staff_notes: { text: string; staff: string }[];
      forwards: unknown[];
      steckbrief: { headline: string };
      mails: { subject: string }[];
    };
    expect(data.staff_notes).toEqual([
      expect.objectContaining({ text: "Beim Stammtisch in Meschede getroffen.", staff: "Kreis-Team" }),
    ]);
    expect(data.forwards.length).toBeGreaterThanOrEqual(3);
    expect(data.steckbrief.headline).toBe("Mechatronikerin mit acht Jahren Erfahrung");
    expect(data.mails.map((m) => m.subject)).toContain("Dürfen wir deinen Steckbrief weitergeben?");
  });

  it("changes the Steckbrief only when the person accepts the team's suggestion", async () => {
    const res = await api(
      "/people/p-anna/suggestions",
      admin,
      json(admin, "POST", { headline: "Mechatronikerin, Instandhaltung und SPS" }),
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await mailsTo("anna@example.org")).at(-1)?.subject).toBe("Ein Vorschlag für deinen Steckbrief");
    const query = await dataLink("anna@example.org");
    const before = await api("/people/p-anna", admin);
    expect(((await before.json()) as { steckbrief: { headline: string } }).steckbrief.headline).toBe(
      "Mechatronikerin mit acht Jahren Erfahrung",
    );
    const accept = await SELF.fetch(`${ORIGIN}/me/suggestion`, {
      method: "POST",
      headers: FORM,
      body: `${query}&${form({ suggestion: id, answer: "accepted" })}`,
      redirect: "manual",
    });
    expect(accept.headers.get("Location")).toContain("done=accepted");
    const after = (await (await api("/people/p-anna", admin)).json()) as {
      steckbrief: { headline: string; languages: string[] };
      suggestions: { answer: string }[];
    };
    expect(after.steckbrief.headline).toBe("Mechatronikerin, Instandhaltung und SPS");
    expect(after.steckbrief.languages).toEqual(["Deutsch", "Englisch"]);
    expect(after.suggestions[0]?.answer).toBe("accepted");
  });

  it("validates the person's own Steckbrief form field by field", async () => {
    const query = await dataLink("anna@example.org");
    const post = (fields: Record<string, string>) =>
      SELF.fetch(`${ORIGIN}/me/steckbrief`, {
        method: "POST",
        headers: FORM,
        body: `${query}&${form(fields)}`,
        redirect: "manual",
      });
    const bad = await post({ headline: "Neu", cv_url: "http://lebenslauf.example/anna.pdf" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/field-error/);
    const good = await post({
      headline: "Neu",
      languages: "Deutsch, Englisch, Türkisch",
      cv_url: "https://cv.example/a",
    });
    expect(good.status).toBe(303);
    const b = (await (await api("/people/p-anna", admin)).json()) as { steckbrief: { languages: string[] } };
    expect(b.steckbrief.languages).toEqual(["Deutsch", "Englisch", "Türkisch"]);
  });
});

describe("employers' contacts", () => {
  it("lists employers with contacts first; a town account sees and edits its towns' employers only", async () => {
    const all = (await (await api("/employers", admin)).json()) as {
      data: { id: string; contact_email: string | null }[];
    };
    expect(all.data.slice(0, 2).map((e) => e.contact_email)).toEqual([
      expect.stringContaining("@"),
      expect.stringContaining("@"),
    ]);
    const mine = (await (await api("/employers", town)).json()) as { data: { id: string }[] };
    expect(mine.data.map((e) => e.id)).toEqual([ELEKTRO]);
    const edit = await api(
      `/employers/${BAECK}`,
      town,
      json(town, "PATCH", { contact_email: "hr@tannenbaeck.example" }),
    );
    expect(edit.status).toBe(404);
    const ok = await api(
      `/employers/${BAECK}`,
      admin,
      json(admin, "PATCH", { contact_email: "HR@Tannenbaeck.example" }),
    );
    expect(((await ok.json()) as { contact_email: string }).contact_email).toBe("hr@tannenbaeck.example");
    const bad = await api(`/employers/${BAECK}`, admin, json(admin, "PATCH", { contact_email: "nicht-gueltig" }));
    expect(bad.status).toBe(400);
  });

  it("pages through every employer in the list's order, with the total of all matches", async () => {
    type Page = { data: { id: string }[]; total: number; next_cursor: string | null };
    const all = (await (await api("/employers", admin)).json()) as Page;
    expect(all.total).toBe(all.data.length);
    expect(all.data.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(`/employers?limit=2${cursor ? `&cursor=${cursor}` : ""}`, admin);
      const page = (await res.json()) as Page;
      expect(page.total).toBe(all.total);
      seen.push(...page.data.map((e) => e.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((e) => e.id));
    // A town account's total is its towns' employers only.
    expect(((await (await api("/employers?limit=1", town)).json()) as Page).total).toBe(1);
    // Somebody else's cursor (here the jobs list's) is refused with a message, not read as a place.
    const jobs = (await (await SELF.fetch(`${ORIGIN}/v1/jobs?limit=1`)).json()) as { next_cursor: string };
    const bad = await api(`/employers?cursor=${jobs.next_cursor}`, admin);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.cursor).toMatch(/Blätter-Verweis|page cursor/);
  });
});

type Outcomes = {
  totals: Record<string, number>;
  weeks: { starts: string; week: string; signup: number }[];
  sites: { site: string; signup: number }[];
  towns_named: { town: string; signup: number; proposed: number }[];
  towns: string[] | null;
};
const outcomes = async (cookie: string, query = "") =>
  (await (await api(`/outcomes${query}`, cookie)).json()) as Outcomes;

describe("the outcomes", () => {
  it("count every forward once per step, and each forward under its last outcome", async () => {
    const o = await outcomes(admin);
    // Anna's forwards so far: Elektro (yes, opened, interview), Quellgrund (no), Quellgrund again (yes, opened).
    expect(o.totals).toMatchObject({ signup: 3, confirmed: 2, proposed: 3, accepted: 2, declined: 1, opened: 2 });
    expect(o.totals).toMatchObject({ interview: 1, hired: 0 });
    const elektro = (await forwardsOf("p-anna")).find((f) => f.employer.id === ELEKTRO);
    await api(`/forwards/${elektro?.id}`, admin, json(admin, "PATCH", { outcome: "hired" }));
    expect((await outcomes(admin)).totals).toMatchObject({ interview: 0, hired: 1, replied: 0 });
    // Twelve weeks by default, this one last, each a Monday.
    expect(o.weeks).toHaveLength(12);
    expect(o.weeks.every((w) => new Date(w.starts).getUTCDay() === 1)).toBe(true);
    expect(o.weeks.at(-1)?.signup).toBe(3);
    expect(o.towns_named.map((t) => [t.town, t.signup, t.proposed])).toEqual([
      ["meschede", 2, 3],
      ["brilon", 1, 0],
    ]);
  });

  it("give a town account its towns' counts only, and refuse a period that ends before it starts", async () => {
    const o = await outcomes(town);
    expect(o.towns).toEqual(["meschede"]);
    expect(o.totals).toMatchObject({ signup: 2, proposed: 3, hired: 1 });
    expect(o.towns_named.map((t) => t.town)).toEqual(["meschede"]);
    const bad = await api("/outcomes?from=2026-12-01&to=2026-11-01", admin);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.to).toBe(
      "Das Ende liegt vor dem Anfang.",
    );
    expect((await api("/outcomes?from=2020-01-01&to=2026-11-01", admin)).status).toBe(400);
    // `from` alone, reaching back past three years from today, is refused too.
    expect((await api("/outcomes?from=2001-01-01", admin)).status).toBe(400);
    const old = await outcomes(admin, "?from=2020-01-05&to=2020-01-18");
    // 5 January 2020 is a Sunday: its week began on 30 December 2019 and is 2020's first (ISO 8601).
    expect(old.weeks.map((w) => [w.starts, w.week])).toEqual([
      ["2019-12-30", "2020-W01"],
      ["2020-01-06", "2020-W02"],
      ["2020-01-13", "2020-W03"],
    ]);
    expect(old.totals.signup).toBe(0);
  });

  it("export the counts as CSV for the report: semicolons in German, no personal data", async () => {
    const res = await api("/outcomes.csv?lang=de", admin);
    expect(res.headers.get("Content-Disposition")).toMatch(
      /heimvorteil-ergebnisse-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Response.text() and Excel alike read the byte order mark as a marker, not as text.
    const text = new TextDecoder().decode(bytes);
    const rows = text
      .trim()
      .split("\r\n")
      .map((l) => l.split(";"));
    expect(rows[0]?.slice(0, 5)).toEqual([
      '"Gliederung"',
      '"Wert"',
      '"Anmeldungen"',
      '"Bestätigt"',
      '"Bestätigungsquote (%)"',
    ]);
    expect(rows[1]?.slice(2, 5)).toEqual(["3", "2", '"66,7"']);
    expect(rows.filter((r) => r[0] === '"Woche"')).toHaveLength(12);
    expect(rows.find((r) => r[0] === '"Genannter Ort"')?.[1]).toBe('"Meschede"');
    for (const secret of ["anna", "Anna", "example.org", "Mechatronikerin"]) expect(text).not.toContain(secret);
    const english = await (await api("/outcomes.csv?lang=en", admin)).text();
    expect(english.split("\r\n")[0]).toMatch(/^"Breakdown","Value","Signups","Confirmed","Confirmation rate \(%\)"/);
  });
});

describe("erasure", () => {
  it("takes the Steckbrief, forwards, notes and mail log with the person; their links show nothing", async () => {
    await api("/people/p-anna/forwards", admin, json(admin, "POST", { employers: [BAECK] }));
    const asked = (await forwardsOf("p-anna")).find((f) => f.employer.id === BAECK);
    await answer(await dataLink("anna@example.org"), { forward: asked?.id ?? "", answer: "yes", fields: ["headline"] });
    // Its contact is the one the team entered above.
    const link = (await employerLink(BAECK, "hr@tannenbaeck.example")) as string;
    expect(link).toMatch(/^\/steckbrief\//);
    const erase = await SELF.fetch(`${ORIGIN}/me/delete`, {
      method: "POST",
      headers: FORM,
      body: `${await dataLink("anna@example.org")}&confirm=yes`,
    });
    expect(erase.status).toBe(200);
    for (const table of ["steckbriefe", "forwards", "staff_notes", "steckbrief_suggestions", "mail_log"]) {
      const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE signup_id = 'p-anna'`).first<{
        n: number;
      }>();
      expect(row?.n, table).toBe(0);
    }
    expect((await SELF.fetch(`${ORIGIN}${link}`)).status).toBe(404);
    // The figures already counted stay: the counts name no one.
    expect((await outcomes(admin)).totals).toMatchObject({
      signup: 3,
      proposed: 4,
      accepted: 3,
      hired: 1,
      withdrawn: 1,
    });
  });
});
