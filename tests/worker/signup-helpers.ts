// What the signup tests share: a valid signup, and Turnstile's siteverify answered as Cloudflare documents it.
// Turnstile's siteverify, answered as Cloudflare documents its test keys: "pass" tokens succeed with the
// always-pass secret. Other URLs go to `other` (a test's own stand-in), else out unchanged.
import { vi } from "vitest";
import { consentVersion } from "../../shared/consent.ts";
import { TURNSTILE_TEST } from "../../worker/src/lib/turnstile.ts";

export const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

/** A production secret (not one of Cloudflare's test keys), for tests of production settings. */
export const PRODUCTION_TURNSTILE = { secret: "0x4AAAAAAAtest-production-secret", siteKey: "0x4AAAAAAAtest-site" };

/**
 * Tokens the stand-in knows: "pass" was solved on our page (api.test) for the signup; "pass-elsewhere" on
 * another site; "pass-other-action" on our page for something else. Anything else fails.
 */
export function stubSiteverify(other?: (url: string, init?: RequestInit) => Promise<Response | undefined>) {
  const calls = { siteverify: 0 };
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === SITEVERIFY) {
      calls.siteverify++;
      const form = new URLSearchParams(String(init?.body ?? ""));
      const secret = form.get("secret");
      const token = form.get("response") ?? "";
      const knownSecret = secret === TURNSTILE_TEST.secretPasses || secret === PRODUCTION_TURNSTILE.secret;
      const success = knownSecret && ["pass", "pass-elsewhere", "pass-other-action"].includes(token);
      return Response.json({
        success,
        "error-codes": success ? [] : ["invalid-input-response"],
        hostname: token === "pass-elsewhere" ? "evil.example" : "api.test",
        action: token === "pass-other-action" ? "login" : "signup",
      });
    }
    return (await other?.(url, init)) ?? realFetch(input, init);
  });
  return calls;
}

/** A signup the API accepts, with `overrides`. */
export async function valid(overrides: Record<string, unknown> = {}) {
  return {
    email: "anna.beispiel@example.org",
    first_name: "Anna",
    field: "it",
    occupation: "Softwareentwicklerin",
    qualification: "master",
    towns: ["meschede", "brilon"],
    earliest_return: "2027-04",
    wants: ["job_offers", "meetups"],
    consent: true,
    consent_version: await consentVersion("de"),
    lang: "de",
    source: "karriere.example",
    page_origin: "https://karriere.example",
    turnstile_token: "pass",
    ...overrides,
  };
}
