// What the signup tests share: a valid signup, and Turnstile's siteverify answered as Cloudflare documents it.
// Turnstile's siteverify, answered as Cloudflare documents its test keys: "pass" tokens succeed with the
// always-pass secret. Other URLs go to `other` (a test's own stand-in), else out unchanged.
import { vi } from "vitest";
import { consentVersion } from "../../shared/consent.ts";
import { TURNSTILE_TEST } from "../../worker/src/lib/turnstile.ts";

export const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

export function stubSiteverify(other?: (url: string, init?: RequestInit) => Promise<Response | undefined>) {
  const calls = { siteverify: 0 };
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === SITEVERIFY) {
      calls.siteverify++;
      const form = new URLSearchParams(String(init?.body ?? ""));
      const success = form.get("secret") === TURNSTILE_TEST.secretPasses && form.get("response") === "pass";
      return Response.json({ success, "error-codes": success ? [] : ["invalid-input-response"] });
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
    turnstile_token: "pass",
    ...overrides,
  };
}
