// Joining the anonymous applicant pool on one's data page (workerd, real D1): the pool's own consent, the
// details chosen, the card exactly as employers would see it with k-anonymity over the real pool, and
// pausing and leaving taking effect at once; the membership in the data download, gone with an erasure.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { POOL_CONSENT_TEXT, poolConsentVersion } from "../../shared/consent.ts";
import { activePoolProfiles } from "../../worker/src/db/pool.ts";
import { linkQuery } from "../../worker/src/lib/signed-links.ts";
import { ORIGIN } from "./fixtures.ts";
import { addPeopleAt } from "./people-helpers.ts";
import { FORM } from "./staff-helpers.ts";

const SECRET = "test-signing-key";
const link = (id: string) => linkQuery(SECRET, id, 1);

async function post(id: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams(await link(id));
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return SELF.fetch(`${ORIGIN}/me/pool?lang=de`, {
    method: "POST",
    headers: { ...FORM, Origin: ORIGIN },
    body: body.toString(),
    redirect: "manual",
  });
}

const page = async (id: string) => (await SELF.fetch(`${ORIGIN}/me?${await link(id)}&lang=de`)).text();
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

// Six mechatronics people in Meschede and one rare baker in Brilon, all confirmed; one not confirmed.
const MECH = ["p-anna", "p-bea", "p-carl", "p-dora", "p-emil", "p-finn"];

beforeAll(async () => {
  await addPeopleAt(
    [
      ...MECH.map((id) => ({
        id,
        field: "engineering",
        occupation: "Mechatroniker*in",
        towns: ["meschede"],
        wants: ["job_offers"],
      })),
      { id: "p-gert", field: "crafts", occupation: "Bäcker", towns: ["brilon"], wants: ["job_offers"] },
      {
        id: "p-hans",
        field: "crafts",
        occupation: "Bäcker",
        towns: ["brilon"],
        wants: ["job_offers"],
        status: "pending",
      },
    ],
    Date.now() - 86_400_000,
  );
  await env.DB.prepare("UPDATE signups SET link_version = 1").run();
});

describe("the pool on the data page", () => {
  it("explains the pool and asks for its own consent before anyone joins", async () => {
    const html = await page("p-anna");
    expect(text(html)).toContain("Anonymer Bewerberpool");
    expect(html).toContain(POOL_CONSENT_TEXT.de);
    const refused = await post("p-anna", { action: "join", details: ["occupation", "towns"] });
    expect(refused.status).toBe(303);
    expect(refused.headers.get("Location")).toContain("done=poolConsent");
    expect(await activePoolProfiles(env.DB)).toEqual([]);
    // Someone who has not confirmed cannot join.
    expect(text(await page("p-hans"))).toContain("Sobald du deine Anmeldung bestätigt hast");
    await post("p-hans", { action: "join", details: ["occupation"], consent: "yes" });
    expect(await activePoolProfiles(env.DB)).toEqual([]);
  });

  it("joins with the chosen details and the consent text's version, and shows the card as employers see it", async () => {
    for (const id of MECH) {
      const res = await post(id, { action: "join", details: ["occupation", "towns"], consent: "yes" });
      expect(res.headers.get("Location")).toContain("done=poolJoined");
    }
    const row = await env.DB.prepare(
      "SELECT details, consent_version, paused_at FROM pool_members WHERE signup_id = 'p-anna'",
    ).first();
    expect(row).toEqual({
      details: '["occupation","towns"]',
      consent_version: await poolConsentVersion("de"),
      paused_at: null,
    });
    const html = text(await page("p-anna"));
    expect(html).toContain("So sieht deine Karte für Arbeitgeber aus");
    // Six share occupation and town: shown as they are, each "as on 5 other cards"; nothing else shown.
    expect(html).toContain("Mechatroniker (Ingenieurwesen & Technik) (wie bei 5 anderen Karten)");
    expect(html).toContain("Meschede (wie bei 5 anderen Karten)");
    // The occupation as its canonical term, never as typed.
    const card = html.slice(html.indexOf("So sieht deine Karte"), html.indexOf("Diese Angaben darf"));
    expect(card).not.toContain("Mechatroniker*in");
    expect(card).not.toContain("Anna");
    expect(card).not.toContain("Frühester Rückkehrtermin");
  });

  it("keeps a rare card from being shown, and says so to its member", async () => {
    await post("p-gert", { action: "join", details: ["occupation", "towns"], consent: "yes" });
    expect(text(await page("p-gert"))).toContain("so selten, dass deine Karte niemandem gezeigt wird");
  });

  it("pauses and leaves at once", async () => {
    expect((await activePoolProfiles(env.DB)).map((p) => p.id).sort()).toEqual([...MECH, "p-gert"].sort());
    expect((await post("p-bea", { action: "pause" })).headers.get("Location")).toContain("done=poolPaused");
    expect((await activePoolProfiles(env.DB)).map((p) => p.id)).not.toContain("p-bea");
    // With Bea paused the others' cards show one fewer alike, still five: shown.
    expect(text(await page("p-anna"))).toContain("(wie bei 4 anderen Karten)");
    expect(text(await page("p-bea"))).toContain("Pausiert seit");
    await post("p-bea", { action: "resume" });
    expect((await activePoolProfiles(env.DB)).map((p) => p.id)).toContain("p-bea");
    expect((await post("p-carl", { action: "leave" })).headers.get("Location")).toContain("done=poolLeft");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM pool_members WHERE signup_id = 'p-carl'").first("n")).toBe(
      0,
    );
    expect(text(await page("p-carl"))).toContain("Dem Pool beitreten");
  });

  it("changes the card's details, puts the membership in the download, and erases it with the person", async () => {
    await post("p-dora", { action: "save", details: ["towns", "nonsense"] });
    expect(await env.DB.prepare("SELECT details FROM pool_members WHERE signup_id = 'p-dora'").first("details")).toBe(
      '["towns"]',
    );
    const data = (await (await SELF.fetch(`${ORIGIN}/me.json?${await link("p-dora")}`)).json()) as {
      pool: { details: string[]; consent_version: string };
    };
    expect(data.pool.details).toEqual(["towns"]);
    expect(data.pool.consent_version).toBe(await poolConsentVersion("de"));
    const body = new URLSearchParams(await link("p-dora"));
    body.append("confirm", "yes");
    await SELF.fetch(`${ORIGIN}/me/delete?lang=de`, {
      method: "POST",
      headers: { ...FORM, Origin: ORIGIN },
      body: body.toString(),
      redirect: "manual",
    });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM pool_members WHERE signup_id = 'p-dora'").first("n")).toBe(
      0,
    );
  });

  it("refuses a form from another site or with a forged link", async () => {
    const body = new URLSearchParams(await link("p-emil"));
    body.append("action", "leave");
    const foreign = await SELF.fetch(`${ORIGIN}/me/pool`, {
      method: "POST",
      headers: { ...FORM, Origin: "https://evil.example" },
      body: body.toString(),
      redirect: "manual",
    });
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    const forged = new URLSearchParams((await link("p-emil")).replace(/sig=[0-9a-f]+/, `sig=${"0".repeat(64)}`));
    forged.append("action", "leave");
    const res = await SELF.fetch(`${ORIGIN}/me/pool`, {
      method: "POST",
      headers: { ...FORM, Origin: ORIGIN },
      body: forged.toString(),
      redirect: "manual",
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM pool_members WHERE signup_id = 'p-emil'").first("n")).toBe(
      1,
    );
  });
});
