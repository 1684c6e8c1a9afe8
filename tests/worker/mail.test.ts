// Mail delivery from the outbox through the real senders: Cloudflare's send_email binding (miniflare's local
// one, with the allowed-sender rule from worker/wrangler.jsonc) and the HTTP mail API (answered here, as the
// machine has no route to it). A signup never waits for, or is lost by, a sender that fails.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../../worker/src/index.ts";
import { deliverDueMails, MAX_ATTEMPTS } from "../../worker/src/mail/deliver.ts";
import { PURGE_CRON } from "../../worker/src/scheduled.ts";
import { ORIGIN } from "./fixtures.ts";
import { PRODUCTION_TURNSTILE, stubSiteverify, valid } from "./signup-helpers.ts";

const MAIL_API = "https://mail-api.example/send";
type Sent = Parameters<SendEmail["send"]>[0] & { subject: string; text: string; to: string };

/** Production settings (DEV off) with the send_email binding, its calls recorded on their way through. */
function production(overrides: Partial<Env> = {}) {
  const sent: Sent[] = [];
  const binding: SendEmail = {
    send: (message: Sent) => {
      sent.push(message);
      return env.EMAIL.send(message);
    },
  } as SendEmail;
  const settings = {
    ...env,
    DEV: "",
    PUBLIC_ORIGIN: ORIGIN,
    TURNSTILE_SECRET: PRODUCTION_TURNSTILE.secret,
    TURNSTILE_SITE_KEY: PRODUCTION_TURNSTILE.siteKey,
    MAIL_TRANSPORT: "send_email",
    EMAIL: binding,
    ...overrides,
  };
  return { sent, env: settings as Env };
}

async function signUp(settings: Env, email: string) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(`${ORIGIN}/v1/signups`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": `192.0.2.${email.length}` },
      body: JSON.stringify(await valid({ email })),
    }),
    settings,
    ctx,
  );
  await waitOnExecutionContext(ctx); // the delivery that runs after the answer
  return response;
}

async function cron(settings: Env, at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "*/5 * * * *", scheduledTime: at }), settings, ctx);
  await waitOnExecutionContext(ctx);
}

interface Row {
  to_address: string;
  attempts: number;
  sent_at: string | null;
  message_id: string | null;
  last_error: string | null;
  next_attempt_at: string | null;
}
const rows = async () =>
  (
    await env.DB.prepare(
      "SELECT to_address, attempts, sent_at, message_id, last_error, next_attempt_at FROM outbox ORDER BY id",
    ).all<Row>()
  ).results;
const signupCount = async () => (await env.DB.prepare("SELECT count(*) AS n FROM signups").first<number>("n")) ?? 0;

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  await env.DB.batch(
    ["outbox", "signup_tokens", "signups", "rate_limits"].map((table) => env.DB.prepare(`DELETE FROM ${table}`)),
  );
  logged = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe("send_email binding", () => {
  beforeEach(() => stubSiteverify());

  it("sends the confirmation as plain text from our address and keeps no copy in production", async () => {
    const { sent, env: settings } = production();
    expect((await signUp(settings, "lena@example.org")).status).toBe(202);

    expect(sent).toHaveLength(1);
    expect(sent[0]?.from).toEqual({ name: "Heimvorteil Hochsauerland", email: "noreply@heimvorteil.example" });
    expect(sent[0]?.to).toBe("lena@example.org");
    expect(sent[0]?.subject).toBe("Bitte bestätige deine Anmeldung bei Heimvorteil");
    expect(sent[0]?.text).toMatch(/\/signup\/confirm\?token=[\w-]{43}/);
    expect(sent[0]?.text).toContain(`${ORIGIN}/me?`);
    expect("html" in (sent[0] ?? {})).toBe(false);
    // The mail held a confirmation link: once sent, it is gone from the database.
    expect(await rows()).toEqual([]);
    expect(await signupCount()).toBe(1);
  });

  it("keeps the sent mail, marked with the binding's message id, in development", async () => {
    const { env: settings } = production({ DEV: "true" });
    await signUp(settings, "dev@example.org");
    const [row] = await rows();
    expect(row?.sent_at).not.toBeNull();
    expect(row?.message_id).toMatch(/\S+/);
    expect(row?.attempts).toBe(1);
  });

  it("keeps a refused mail, retries it on the cron with back-off, and sends it once accepted", async () => {
    // The binding may send from our address only (allowed_sender_addresses): this sender is refused.
    const refused = production({ MAIL_FROM: "someone@elsewhere.example" });
    const before = Date.now();
    expect((await signUp(refused.env, "mara@example.org")).status).toBe(202);
    const [row] = await rows();
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row?.last_error).toContain("not allowed");
    expect(row?.last_error).not.toContain("mara@example.org");
    expect(Date.parse(row?.next_attempt_at ?? "")).toBeGreaterThanOrEqual(before + 60_000);
    expect(logged).toHaveBeenCalled();

    const fixed = production();
    await cron(fixed.env, before + 30_000); // before the first retry is due
    expect(fixed.sent).toHaveLength(0);
    expect((await rows())[0]?.attempts).toBe(1);

    await cron(fixed.env, before + 5 * 60_000);
    expect(fixed.sent.map((m) => m.to)).toEqual(["mara@example.org"]);
    expect(await rows()).toEqual([]);
    expect(await signupCount()).toBe(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, about a day, and leaves the mail for the clean-up`, async () => {
    const refused = production({ MAIL_FROM: "someone@elsewhere.example" });
    await signUp(refused.env, "kai@example.org");
    for (let day = 1; day <= MAX_ATTEMPTS + 2; day++) await cron(refused.env, Date.now() + day * 86_400_000);
    const [row] = await rows();
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, sent_at: null });
    expect(refused.sent).toHaveLength(MAX_ATTEMPTS);

    // The person confirmed another way (a later mail); the dead mail goes with the daily clean-up.
    await env.DB.prepare("UPDATE signups SET status = 'confirmed'").run();
    const ctx = createExecutionContext();
    const eightDaysOn = Date.now() + 8 * 86_400_000;
    await worker.scheduled(createScheduledController({ cron: PURGE_CRON, scheduledTime: eightDaysOn }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await rows()).toEqual([]);
    expect(await signupCount()).toBe(1);
  });

  it("loses nothing while the sender is misconfigured, and two senders at once send each mail once", async () => {
    const unconfigured = production({ EMAIL: undefined as unknown as SendEmail });
    for (const email of ["a@example.org", "b@example.org", "c@example.org", "d@example.org"]) {
      expect((await signUp(unconfigured.env, email)).status).toBe(202);
    }
    expect((await rows()).map((r) => r.attempts)).toEqual([0, 0, 0, 0]);
    expect(String(logged.mock.calls[0]?.[0])).toContain("needs the send_email binding EMAIL");

    const fixed = production();
    const [first, second] = await Promise.all([deliverDueMails(fixed.env), deliverDueMails(fixed.env)]);
    expect((first?.sent ?? 0) + (second?.sent ?? 0)).toBe(4);
    expect(fixed.sent.map((m) => m.to).sort()).toEqual([
      "a@example.org",
      "b@example.org",
      "c@example.org",
      "d@example.org",
    ]);
    expect(await rows()).toEqual([]);
  });

  it("refuses to keep mails unsent in production (the outbox transport is for development)", async () => {
    const { env: settings } = production({ MAIL_TRANSPORT: "outbox" });
    await signUp(settings, "ole@example.org");
    expect((await rows()).map((r) => r.attempts)).toEqual([0]);
    expect(String(logged.mock.calls[0]?.[0])).toContain("development (DEV) only");
  });
});

describe("HTTP mail API", () => {
  const requests: { authorization: string | null; body: Record<string, unknown> }[] = [];
  let answers: Response[] = [];
  beforeEach(() => {
    requests.length = 0;
    stubSiteverify(async (url, init) => {
      if (url !== MAIL_API) return undefined;
      requests.push({
        authorization: new Headers(init?.headers).get("Authorization"),
        body: JSON.parse(String(init?.body)) as Record<string, unknown>,
      });
      return answers.shift() ?? Response.json({ success: true, result: { id: "m-1" } });
    });
  });
  const http = production({ MAIL_TRANSPORT: "http", MAIL_API_URL: MAIL_API, MAIL_API_TOKEN: "mail-token" }).env;

  it("posts the mail as JSON with the bearer token", async () => {
    await signUp(http, "ida@example.org");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.authorization).toBe("Bearer mail-token");
    expect(requests[0]?.body).toMatchObject({
      from: { address: "noreply@heimvorteil.example", name: "Heimvorteil Hochsauerland" },
      to: "ida@example.org",
      subject: "Bitte bestätige deine Anmeldung bei Heimvorteil",
    });
    expect(requests[0]?.body.text).toMatch(/\/signup\/confirm\?token=/);
    expect(await rows()).toEqual([]);
  });

  it("retries a server error and a 200 that says success: false", async () => {
    answers = [new Response("busy", { status: 503 }), Response.json({ success: false, errors: [{ code: 1 }] })];
    const start = Date.now();
    await signUp(http, "jan@example.org");
    expect((await rows())[0]).toMatchObject({ attempts: 1, last_error: "Error: mail API answered 503" });
    await cron(http, start + 2 * 60_000);
    expect((await rows())[0]).toMatchObject({ attempts: 2, last_error: "Error: mail API answered 200" });
    await cron(http, start + 10 * 60_000);
    expect(requests).toHaveLength(3);
    expect(await rows()).toEqual([]);
  });

  it("will not send to a plain-http API or without a token", async () => {
    await signUp({ ...http, MAIL_API_URL: "http://mail-api.example/send" }, "tom@example.org");
    await signUp({ ...http, MAIL_API_TOKEN: "" }, "uwe@example.org");
    expect(requests).toHaveLength(0);
    expect((await rows()).map((r) => r.attempts)).toEqual([0, 0]);
  });
});
