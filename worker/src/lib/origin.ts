/**
 * The origins links are built on. Answers to a request may use the request's own origin when no public
 * origin is configured (local development, previews); mails never do: a link in a mail built from whatever
 * Host a request named could send its reader anywhere, so mail needs PUBLIC_ORIGIN outside development.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { turnstileProblem } from "./turnstile.ts";

export function publicOrigin(c: Context<AppEnv>): string {
  return c.env.PUBLIC_ORIGIN || new URL(c.req.url).origin;
}

/** The origin for links in mails: PUBLIC_ORIGIN, or in development the request's; undefined otherwise. */
export function mailOrigin(c: { env: Env; req: { url: string } }): string | undefined {
  if (c.env.PUBLIC_ORIGIN) return c.env.PUBLIC_ORIGIN;
  return c.env.DEV === "true" ? new URL(c.req.url).origin : undefined;
}

/** The hostnames a Turnstile token may have been solved on: our own page's, and any configured extra. */
export function turnstileHostnames(c: Context<AppEnv>): string[] {
  const own = new URL(mailOrigin(c) ?? publicOrigin(c)).hostname;
  const extra = (c.env.TURNSTILE_HOSTNAMES ?? "").split(",").map((h) => h.trim().toLowerCase());
  return [own, ...extra].filter(Boolean);
}

/** What keeps signups (and their mails) from working, in words, or undefined when nothing does. */
export function signupProblems(c: Context<AppEnv>): string[] {
  const problems: string[] = [];
  if (!mailOrigin(c)) problems.push("PUBLIC_ORIGIN is not set: no mail is sent without it");
  if (!c.env.SIGNING_KEY) problems.push("SIGNING_KEY is not set");
  const turnstile = turnstileProblem(c.env);
  if (turnstile) problems.push(turnstile);
  return problems;
}
