// Signing in as staff in the worker tests: ask for the link, take it from the outbox, post its button.
import { env, SELF } from "cloudflare:test";
import { expect } from "vitest";
import { ORIGIN } from "./fixtures.ts";

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM = { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN };

export async function askForLink(email: string, ip = "203.0.113.7") {
  return SELF.fetch(`${ORIGIN}/console/sign-in`, {
    method: "POST",
    headers: { ...FORM, "CF-Connecting-IP": ip },
    body: form({ email }),
  });
}

export async function latestLinkTo(email: string): Promise<string | undefined> {
  const row = await env.DB.prepare("SELECT text FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1")
    .bind(email)
    .first<{ text: string }>();
  return /https?:\/\/\S+\/console\/sign-in\/link\?token=([A-Za-z0-9_-]{43})/.exec(row?.text ?? "")?.[1];
}

export async function signIn(email: string): Promise<string> {
  // These tests sign in more often than a person could within the hourly limit tested above.
  await env.DB.prepare("DELETE FROM rate_limits").run();
  await askForLink(email);
  const token = await latestLinkTo(email);
  if (!token) throw new Error("no link");
  const res = await SELF.fetch(`${ORIGIN}/console/sign-in/link`, {
    method: "POST",
    headers: FORM,
    body: form({ token }),
    redirect: "manual",
  });
  expect(res.status).toBe(303);
  const cookie = /__Host-hv-staff=([^;]+)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1];
  if (!cookie) throw new Error("no session cookie");
  return `__Host-hv-staff=${cookie}`;
}

export const api = (path: string, cookie?: string, init: RequestInit = {}) =>
  SELF.fetch(`${ORIGIN}/v1/staff${path}`, {
    ...init,
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...(init.headers as Record<string, string>) },
  });

/** An admin account (added when missing) signed in: the headers of its console session, from our origin. */
export async function adminSession(email = "team@kreis.example"): Promise<Record<string, string>> {
  await env.DB.prepare(
    "INSERT OR IGNORE INTO staff (id, email, name, role, towns, created_at) VALUES (?, ?, 'Kreis-Team', 'admin', '[]', ?)",
  )
    .bind(`s-${email}`, email, new Date().toISOString())
    .run();
  return { Cookie: await signIn(email), Origin: ORIGIN };
}

/** A read-only machine token made in the console by the signed-in admin of `session`. */
export async function machineToken(session: Record<string, string>, name = "Monatsbericht"): Promise<string> {
  const res = await api("/machine-tokens", undefined, {
    method: "POST",
    headers: { ...session, "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}
