// Cloudflare Access standing in for the e-mail link, in workerd: a JWT signed with a locally generated key
// set, published where Access publishes the team's keys, signs in an enabled account by its address; a
// JWT from another key, for another application, expired, or without configuration signs in no one.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addStaffStatement } from "../../worker/src/db/staff.ts";
import worker from "../../worker/src/index.ts";
import { ORIGIN } from "./fixtures.ts";

const TEAM = "https://kreis-test.cloudflareaccess.com";
const AUD = "0123456789abcdef-access-audience-tag";
const ACCESS = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };

let keys: { privateKey: CryptoKey; jwk: JWK };
let stranger: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  keys = {
    privateKey: pair.privateKey,
    jwk: { ...(await exportJWK(pair.publicKey)), kid: "test-key-1", alg: "RS256" },
  };
  stranger = (await generateKeyPair("RS256")).privateKey;
  await env.DB.batch([
    addStaffStatement(
      env.DB,
      { id: "s-team", email: "team@kreis.example", name: "Kreis-Team", role: "admin", towns: [] },
      new Date().toISOString(),
    ),
  ]);
});

afterEach(() => vi.restoreAllMocks());

/** The team's key set, answered where Access publishes it; everything else goes out unchanged. */
function publishKeys() {
  const real = globalThis.fetch;
  const asked: string[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === `${TEAM}/cdn-cgi/access/certs`) {
      asked.push(url);
      return Response.json({ keys: [keys.jwk] });
    }
    return real(input, init);
  });
  return asked;
}

async function jwt(o: { email?: string; aud?: string; key?: CryptoKey; expires?: string; iss?: string } = {}) {
  return new SignJWT({ email: o.email ?? "Team@Kreis.example", type: "app" })
    .setProtectedHeader({ alg: "RS256", kid: "test-key-1" })
    .setIssuer(o.iss ?? TEAM)
    .setAudience(o.aud ?? AUD)
    .setSubject("idp-user-1")
    .setIssuedAt()
    .setExpirationTime(o.expires ?? "10m")
    .sign(o.key ?? keys.privateKey);
}

async function call(
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
  settings: Partial<Env> = ACCESS,
) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${ORIGIN}${path}`, { ...init, redirect: "manual" }),
    { ...env, ...settings } as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

const signInPage = async (token: string, settings: Partial<Env> = ACCESS) =>
  (await call("/console/sign-in", { headers: { "Cf-Access-Jwt-Assertion": token } }, settings)).text();
const signInPost = (token: string, settings: Partial<Env> = ACCESS) =>
  call(
    "/console/sign-in/access",
    { method: "POST", headers: { "Cf-Access-Jwt-Assertion": token, Origin: ORIGIN } },
    settings,
  );

describe("signing in through Cloudflare Access", () => {
  it("offers a button for the address in a valid JWT, and its POST opens a session like the link's", async () => {
    const asked = publishKeys();
    const token = await jwt();
    expect(await signInPage(token)).toContain("Als team@kreis.example anmelden");
    const res = await signInPost(token);
    expect(res.status).toBe(303);
    const cookie = /__Host-hv-staff=([^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1];
    expect(cookie).toBeDefined();
    const me = await call("/v1/staff/me", { headers: { Cookie: `__Host-hv-staff=${cookie}` } });
    expect(((await me.json()) as { email: string }).email).toBe("team@kreis.example");
    expect(asked.length).toBeGreaterThan(0);
  });

  it("signs in no one with a JWT from another key, for another application or team, or expired", async () => {
    publishKeys();
    for (const token of [
      await jwt({ key: stranger }),
      await jwt({ aud: "another-application" }),
      await jwt({ iss: "https://someone-else.cloudflareaccess.com" }),
      await jwt({ expires: "-1m" }),
      "not.a.jwt",
    ]) {
      expect(await signInPage(token)).not.toContain("Cloudflare Access hat Sie");
      const res = await signInPost(token);
      expect(res.status).toBe(401);
      expect(res.headers.get("Set-Cookie")).toBeNull();
    }
  });

  it("signs in only an enabled account, only by POST from our page, and not at all unless configured", async () => {
    publishKeys();
    const unknown = await signInPost(await jwt({ email: "fremd@example.org" }));
    expect(unknown.status).toBe(403);
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
    const foreign = await call("/console/sign-in/access", {
      method: "POST",
      headers: { "Cf-Access-Jwt-Assertion": await jwt(), Origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    // Without ACCESS_TEAM_DOMAIN and ACCESS_AUD the header means nothing, whatever it holds.
    const off = { ACCESS_TEAM_DOMAIN: "", ACCESS_AUD: "" };
    expect(await signInPage(await jwt(), off)).not.toContain("Cloudflare Access hat Sie");
    expect((await signInPost(await jwt(), off)).status).toBe(401);
    await env.DB.prepare("UPDATE staff SET disabled = 1 WHERE id = 's-team'").run();
    expect((await signInPost(await jwt())).status).toBe(403);
  });
});
