// What a stranger can do to someone else's address, and the hardening around the signup and the personal
// links: each item of the security review, tested in workerd against the real D1.
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { consentVersion } from "../../shared/consent.ts";
import worker from "../../worker/src/index.ts";
import { clientKey } from "../../worker/src/lib/client-key.ts";
import { linkQuery, signLink, verifyLink } from "../../worker/src/lib/signed-links.ts";
import { TURNSTILE_TEST } from "../../worker/src/lib/turnstile.ts";
import { ORIGIN } from "./fixtures.ts";
import { PRODUCTION_TURNSTILE, stubSiteverify, valid } from "./signup-helpers.ts";

const PRODUCTION = {
  DEV: "",
  PUBLIC_ORIGIN: "https://heimvorteil.example",
  TURNSTILE_SECRET: PRODUCTION_TURNSTILE.secret,
  TURNSTILE_SITE_KEY: PRODUCTION_TURNSTILE.siteKey,
  MAIL_TRANSPORT: "outbox",
} as const;

let client = 0;
/** A signup from a client of its own (a new IPv4 address each time, unless `ip` says otherwise). */
async function signUp(
  body: Record<string, unknown>,
  settings: Partial<Env> = {},
  url = `${ORIGIN}/v1/signups`,
  ip?: string,
) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip ?? `198.51.100.${++client % 250}` },
      body: JSON.stringify(body),
    }),
    { ...env, ...settings } as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

const mailsTo = async (address: string) =>
  (
    await env.DB.prepare("SELECT text FROM outbox WHERE to_address = ? ORDER BY id")
      .bind(address)
      .all<{ text: string }>()
  ).results.map((r) => r.text);
const signupsCount = async () => (await env.DB.prepare("SELECT count(*) AS n FROM signups").first<number>("n")) ?? 0;

beforeEach(async () => {
  stubSiteverify();
  await env.DB.batch(
    ["outbox", "signup_tokens", "signups", "rate_limits", "counters"].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
});
afterEach(() => vi.restoreAllMocks());

describe("no lockout of someone else's address", () => {
  it("seven unverified posts naming victim+1…+7 from other clients leave the real person able to sign up", async () => {
    for (let i = 1; i <= 7; i++) {
      const response = await signUp(await valid({ email: `victim+${i}@example.org`, turnstile_token: "fail" }));
      expect(response.status).toBe(400);
    }
    const real = await signUp(await valid({ email: "victim@example.org" }));
    expect(real.status).toBe(202);
    expect(await mailsTo("victim@example.org")).toHaveLength(1);
  });

  it("verified signups of the +tag variants cap the mails to the address, never the person's own signup", async () => {
    // Five verified +tag signups do not keep the person's own first mail from going out …
    for (let i = 1; i <= 5; i++)
      expect((await signUp(await valid({ email: `victim+${i}@example.org` }))).status).toBe(202);
    expect((await signUp(await valid({ email: "victim@example.org" }))).status).toBe(202);
    expect(await mailsTo("victim@example.org")).toHaveLength(1);
    // … twenty in a day to the variants together do: the signup is stored all the same, its mail waits.
    for (let i = 6; i <= 20; i++) await signUp(await valid({ email: `victim+${i}@example.org` }));
    const late = await signUp(await valid({ email: "victim+late@example.org" }));
    expect(late.status).toBe(202);
    expect(
      await env.DB.prepare("SELECT status FROM signups WHERE email = 'victim+late@example.org'").first("status"),
    ).toBe("pending");
    expect(await mailsTo("victim+late@example.org")).toHaveLength(0);
  });
});

describe("links in mails use the configured public origin only", () => {
  it("builds every link on PUBLIC_ORIGIN, whatever Host the request named", async () => {
    // Turnstile ran on our page (api.test here, an extra allowed hostname); the request names another Host.
    const settings = { ...PRODUCTION, TURNSTILE_HOSTNAMES: "api.test" };
    const response = await signUp(
      await valid({ email: "host@example.org" }),
      settings,
      "https://evil.example/v1/signups",
    );
    expect(response.status).toBe(202);
    const [text = ""] = await mailsTo("host@example.org");
    expect(text).toContain("https://heimvorteil.example/signup/confirm?token=");
    expect(text).toContain("https://heimvorteil.example/me?");
    expect(text).not.toContain("evil.example");
  });

  it("sends no mail at all without PUBLIC_ORIGIN outside development, and /healthz?details=1 says why", async () => {
    const settings = { ...PRODUCTION, PUBLIC_ORIGIN: "" };
    const response = await signUp(await valid({ email: "nohost@example.org" }), settings);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(await signupsCount()).toBe(0);
    const health = await worker.fetch(
      new Request(`${ORIGIN}/healthz?details=1`),
      { ...env, ...settings } as Env,
      createExecutionContext(),
    );
    expect(await health.json()).toMatchObject({
      status: "ok",
      signups: "unavailable",
      problems: ["PUBLIC_ORIGIN is not set: no mail is sent without it"],
    });
    const fine = await worker.fetch(
      new Request(`${ORIGIN}/healthz?details=1`),
      { ...env, ...PRODUCTION } as Env,
      createExecutionContext(),
    );
    expect(await fine.json()).toMatchObject({ signups: "ok", problems: [] });
  });
});

describe("no attacker text in mails to other people", () => {
  it("the confirmation carries nothing from the request, and a resend nothing from the new request", async () => {
    await signUp(await valid({ email: "quiet@example.org", first_name: "Gewinn", occupation: "Klick hier" }));
    await env.DB.prepare("UPDATE signups SET last_mail_at = '2000-01-01T00:00:00.000Z'").run();
    await signUp(
      await valid({
        email: "quiet@example.org",
        first_name: "Anders",
        lang: "en",
        consent_version: await consentVersion("en"),
      }),
    );
    const mails = await mailsTo("quiet@example.org");
    expect(mails).toHaveLength(2);
    for (const text of mails) for (const word of ["Gewinn", "Klick hier", "Anders"]) expect(text).not.toContain(word);
    // The resend speaks the language the person signed up in, not the one the new request asked for.
    expect(mails[1]).toMatch(/^Hallo,/);
  });
});

describe("personal links expire and can be revoked", () => {
  it("refuses a link older than a year or of an earlier version, and erasure still kills them", async () => {
    await signUp(await valid({ email: "links@example.org" }));
    const [mail = ""] = await mailsTo("links@example.org");
    const link = /https:\/\/api\.test\/me\?\S+/.exec(mail)?.[0] ?? "";
    expect((await SELF.fetch(link)).status).toBe(200);
    const { id } = (await env.DB.prepare("SELECT id FROM signups").first<{ id: string }>()) ?? { id: "" };
    const secret = "test-signing-key";
    // Signed correctly, but issued 400 days ago: not shown.
    const old = { id, version: 1, issued: Math.floor(Date.now() / 86_400_000) - 400 };
    const oldQuery = `id=${id}&v=1&t=${old.issued}&sig=${await signLink(secret, old)}`;
    expect(await verifyLink(secret, Object.fromEntries(new URLSearchParams(oldQuery)))).toBeUndefined();
    expect((await SELF.fetch(`${ORIGIN}/me?${oldQuery}`)).status).toBe(404);
    // "Invalidate all my links": the old one stops working, a new one is mailed and works.
    const q = Object.fromEntries(new URL(link).searchParams);
    const renewed = await SELF.fetch(`${ORIGIN}/me/links`, {
      method: "POST",
      headers: { Origin: ORIGIN },
      body: new URLSearchParams(q),
    });
    expect(renewed.status).toBe(200);
    expect(await renewed.text()).toContain("Ein neuer Link ist an links@example.org unterwegs.");
    expect((await SELF.fetch(link)).status).toBe(404);
    expect((await SELF.fetch(link.replace("/me?", "/me.json?"))).status).toBe(404);
    const fresh = /https:\/\/api\.test\/me\?\S+/.exec((await mailsTo("links@example.org"))[1] ?? "")?.[0] ?? "";
    expect(new URL(fresh).searchParams.get("v")).toBe("2");
    expect((await SELF.fetch(fresh)).status).toBe(200);
    // A second press with the old link changes nothing more.
    const again = await SELF.fetch(`${ORIGIN}/me/links`, {
      method: "POST",
      headers: { Origin: ORIGIN },
      body: new URLSearchParams(q),
    });
    expect(again.status).toBe(404);
    expect(await mailsTo("links@example.org")).toHaveLength(2);
    // Erasure: the fresh link shows nothing either.
    await SELF.fetch(`${ORIGIN}/me/delete`, {
      method: "POST",
      headers: { Origin: ORIGIN },
      body: new URLSearchParams({ ...Object.fromEntries(new URL(fresh).searchParams), confirm: "yes" }),
    });
    expect((await SELF.fetch(fresh)).status).toBe(404);
    expect(await linkQuery(secret, id, 3)).toMatch(/^id=.+&v=3&t=\d+&sig=[0-9a-f]{64}$/);
  });

  it("a confirmed person signing up again gets a mail with their data page, and nothing else changes", async () => {
    await signUp(await valid({ email: "again@example.org" }));
    await env.DB.prepare("UPDATE signups SET status = 'confirmed', last_mail_at = '2000-01-01T00:00:00.000Z'").run();
    expect((await signUp(await valid({ email: "again@example.org", occupation: "Neu" }))).status).toBe(202);
    const mails = await mailsTo("again@example.org");
    expect(mails).toHaveLength(2);
    expect(mails[1]).toContain("schon angemeldet und bestätigt");
    expect(mails[1]).toMatch(/https:\/\/api\.test\/me\?id=/);
    expect(mails[1]).not.toContain("/signup/confirm");
    expect(await env.DB.prepare("SELECT occupation FROM signups").first("occupation")).toBe("Softwareentwicklerin");
  });
});

describe("rate limits per client", () => {
  it("key IPv6 by its /64 and IPv4 by its address", async () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe(clientKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
    expect(clientKey("2001:db8:1:2::1")).not.toBe(clientKey("2001:db8:1:3::1"));
    expect(clientKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey("192.0.2.7")).not.toBe(clientKey("192.0.2.8"));
    // Ten signups from one /64, each from another address in it: the eleventh is refused.
    for (let i = 1; i <= 10; i++) {
      const r = await signUp(
        await valid({ email: `v6-${i}@example.org` }),
        {},
        undefined,
        `2001:db8:aa:bb::${i.toString(16)}`,
      );
      expect(r.status).toBe(202);
    }
    const eleventh = await signUp(await valid({ email: "v6-11@example.org" }), {}, undefined, "2001:db8:aa:bb:ffff::1");
    expect(eleventh.status).toBe(429);
    const neighbour = await signUp(await valid({ email: "v6-12@example.org" }), {}, undefined, "2001:db8:aa:bc::1");
    expect(neighbour.status).toBe(202);
  });
});

describe("Turnstile", () => {
  it("refuses a token solved on another site or for another action", async () => {
    const elsewhere = await signUp(
      await valid({ email: "t1@example.org", turnstile_token: "pass-elsewhere" }),
      PRODUCTION,
    );
    expect(elsewhere.status).toBe(400);
    const otherAction = await signUp(
      await valid({ email: "t2@example.org", turnstile_token: "pass-other-action" }),
      PRODUCTION,
    );
    expect(otherAction.status).toBe(400);
    // Our own public origin's host, for the signup: accepted.
    const ok = await signUp(await valid({ email: "t3@example.org" }), { ...PRODUCTION, PUBLIC_ORIGIN: ORIGIN });
    expect(ok.status).toBe(202);
    expect(await signupsCount()).toBe(1);
  });

  it("refuses Cloudflare's always-pass test keys unless DEV, and ships no site key in the production config", async () => {
    const test = { ...PRODUCTION, TURNSTILE_SECRET: TURNSTILE_TEST.secretPasses };
    expect((await signUp(await valid({ email: "k1@example.org" }), test)).status).toBe(503);
    const testSite = { ...PRODUCTION, TURNSTILE_SITE_KEY: TURNSTILE_TEST.siteKeyPasses };
    expect((await signUp(await valid({ email: "k2@example.org" }), testSite)).status).toBe(503);
    expect(await signupsCount()).toBe(0);
    // The tests run with DEV on, and there the test keys work.
    expect((await signUp(await valid({ email: "k3@example.org" }))).status).toBe(202);
  });
});

describe("the consent proof's source", () => {
  it("is the origin the page claimed through the form, never a Referer", async () => {
    await signUp({ ...(await valid({ email: "src@example.org" })), page_origin: "https://karriere.example" });
    expect(await env.DB.prepare("SELECT claimed_origin FROM signups").first("claimed_origin")).toBe(
      "https://karriere.example",
    );
    const ctx = createExecutionContext();
    await worker.fetch(
      new Request(`${ORIGIN}/v1/signups`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "CF-Connecting-IP": "203.0.113.9",
          Referer: "https://forged.example/",
        },
        body: JSON.stringify(await valid({ email: "src2@example.org", page_origin: undefined })),
      }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(
      await env.DB.prepare("SELECT claimed_origin FROM signups WHERE email = 'src2@example.org'").first(
        "claimed_origin",
      ),
    ).toBeNull();
  });
});

describe("smaller ones", () => {
  it("personal pages and the admin API carry no cross-origin CORP; public data does", async () => {
    expect((await SELF.fetch(`${ORIGIN}/v1/jobs?limit=1`)).headers.get("cross-origin-resource-policy")).toBe(
      "cross-origin",
    );
    expect((await SELF.fetch(`${ORIGIN}/embed/comeback`)).headers.get("cross-origin-resource-policy")).toBe(
      "cross-origin",
    );
    for (const path of ["/me?id=x&v=1&t=1&sig=0", "/signup/confirm?token=x", "/v1/admin/signups", "/komm-zurueck"]) {
      expect((await SELF.fetch(`${ORIGIN}${path}`)).headers.get("cross-origin-resource-policy"), path).toBe(
        "same-origin",
      );
    }
  });

  it("the personal pages' forms take posts from our own pages only", async () => {
    await signUp(await valid({ email: "csrf@example.org" }));
    const [mail = ""] = await mailsTo("csrf@example.org");
    const q = Object.fromEntries(new URL(/https:\/\/api\.test\/me\?\S+/.exec(mail)?.[0] ?? "").searchParams);
    const body = new URLSearchParams({ ...q, confirm: "yes" });
    for (const headers of [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }, {}]) {
      const refused = await SELF.fetch(`${ORIGIN}/me/delete`, { method: "POST", headers, body });
      expect(refused.status).toBe(403);
    }
    expect(await signupsCount()).toBe(1);
    const own = await SELF.fetch(`${ORIGIN}/me/delete`, {
      method: "POST",
      headers: { "Sec-Fetch-Site": "same-origin" },
      body,
    });
    expect(own.status).toBe(200);
    expect(await signupsCount()).toBe(0);
  });
});

describe("signups take towns as people write them", () => {
  it("stores the ids", async () => {
    expect((await signUp(await valid({ email: "towns@example.org", towns: ["Brilon", "MESCHEDE"] }))).status).toBe(202);
    expect(await env.DB.prepare("SELECT towns FROM signups").first("towns")).toBe('["brilon","meschede"]');
  });
});
