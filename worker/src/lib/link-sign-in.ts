/**
 * The steps both sign-ins share (routes/staff/sign-in.ts for the console, routes/employer/sign-in.ts for the
 * pool): the address asked for, a link mailed (single-use, hashed, good for 15 minutes), the link page's
 * button, and the session its POST opens. Each caller brings its own tables, texts, mail and cookie.
 */
import type { Context } from "hono";
import { html } from "hono/html";
import { outboxInsert } from "../db/outbox.ts";
import { addLinkTokenStatement, type LinkTables } from "../db/sign-in-links.ts";
import { deliverSoon } from "../mail/deliver.ts";
import type { Mail } from "../mail/mailer.ts";
import { ABSOLUTE_MS, newSessionId } from "./staff-session.ts";
import { hashToken, isTokenShaped, newToken } from "./tokens.ts";

const LINK_MS = 15 * 60_000;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** The address a sign-in form sent, lower-cased, and whether it is one. */
export async function requestedEmail(c: Context): Promise<{ email: string; valid: boolean }> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
  return { email, valid: EMAIL.test(email) };
}

/** A new link for the account, stored as its hash, and its mail, in one batch; delivery starts at once. */
export async function mailLink<E extends { Bindings: Env }>(
  c: Context<E>,
  tables: LinkTables,
  accountId: string,
  mail: (link: string) => Mail,
  linkUrl: (token: string) => string,
): Promise<void> {
  const token = newToken();
  const now = new Date();
  await c.env.DB.batch([
    addLinkTokenStatement(
      c.env.DB,
      tables,
      await hashToken(token),
      accountId,
      now.toISOString(),
      new Date(now.getTime() + LINK_MS).toISOString(),
    ),
    outboxInsert(c.env.DB, null, mail(linkUrl(token)), now.toISOString()),
  ]);
  deliverSoon(c.executionCtx, c.env);
}

/** The link page's only content: a button whose POST signs in (a GET never does, so mail scanners sign in no one). */
export const linkButton = (action: string, token: string, label: string) =>
  html`<form method="post" action="${action}"><input type="hidden" name="token" value="${token}"><button class="button" type="submit">${label}</button></form>`;

/**
 * The button's POST: the token it carries used (by `use`, with a fresh session id's hash and the absolute
 * expiry), giving the account and the session id for the cookie; null when the link is no good.
 */
export async function signInFromLink<T>(
  c: Context,
  use: (tokenHash: string, session: { idHash: string; expiresAt: string }, now: string) => Promise<T | null>,
): Promise<{ account: T; sessionId: string } | null> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  if (!isTokenShaped(body.token)) return null;
  const session = await newSessionId();
  const now = new Date();
  const account = await use(
    await hashToken(body.token),
    { idHash: session.hash, expiresAt: new Date(now.getTime() + ABSOLUTE_MS).toISOString() },
    now.toISOString(),
  );
  return account ? { account, sessionId: session.id } : null;
}
