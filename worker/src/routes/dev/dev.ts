/**
 * `/dev/outbox` and `/dev/outbox.json`: the mails that would have been sent, and `/dev/fixtures/…`, the demo
 * import sources; for local development and tests only. Answers 404 unless the DEV variable is "true"
 * (never set in production).
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { listOutbox, type OutboxRow } from "../../db/outbox.ts";
import type { AppEnv } from "../../env.ts";
import { writeNewsletterMails } from "../../keep-in-touch/newsletter.ts";
import { ApiError } from "../../lib/errors.ts";
import { PAGE_CSP, page } from "../../pages/layout.ts";
import { devFixtures } from "./dev-fixtures.ts";

export const dev = new Hono<AppEnv>();

dev.use(async (c, next) => {
  if (c.env.DEV !== "true") throw new ApiError(404, "not_found");
  await next();
  c.header("Cache-Control", "no-store");
});

dev.route("/fixtures", devFixtures);

/**
 * The outbox, with the newsletter mails that still wait (for sending hours, for a reader's cap) written
 * as they would go now: such a mail gets its text only at delivery.
 */
async function outbox(env: Env): Promise<OutboxRow[]> {
  const rows = await listOutbox(env.DB);
  const { ready } = await writeNewsletterMails(
    env,
    rows.map((r) => ({ ...r, to: r.to_address, headers: r.headers ? JSON.parse(r.headers) : undefined })),
  );
  const written = new Map(ready.map((m) => [m.id, m]));
  return rows.map((r) => {
    const mail = written.get(r.id);
    return mail && r.text === "" && !r.sent_at
      ? { ...r, subject: mail.subject, text: mail.text, headers: mail.headers ? JSON.stringify(mail.headers) : null }
      : r;
  });
}

dev.get("/outbox.json", async (c) => c.json({ data: await outbox(c.env) }));

dev.get("/outbox", async (c) => {
  const mails = await outbox(c.env);
  c.header("Content-Security-Policy", PAGE_CSP);
  return c.html(
    page({
      lang: "de",
      title: "Dev outbox",
      description: "Mails that would have been sent",
      robots: "noindex",
      body: html`<h1>Outbox (${mails.length})</h1>
${mails.map(
  (m) =>
    html`<article><h2>${m.subject}</h2><p><small>${m.created_at} → ${m.to_address} · ${
      m.sent_at
        ? `sent ${m.sent_at}`
        : m.attempts
          ? `waiting after ${m.attempts} attempts: ${m.last_error ?? ""}`
          : m.mailing
            ? "waiting: mails of a mailing go 07:00–20:00 Berlin time, at the provider's rate"
            : "waiting"
    }</small></p>${
      m.headers
        ? html`<pre>${Object.entries(JSON.parse(m.headers) as Record<string, string>)
            .map(([k, v]) => `${k}: ${v}`)
            .join("\n")}</pre>`
        : ""
    }<pre>${m.text}</pre></article>`,
)}`,
    }),
  );
});
