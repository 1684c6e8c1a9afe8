// The outcome counts by Berlin days and weeks, in workerd with the real D1: a signup at 00:30 on a Monday
// in Berlin is still Sunday in UTC, and belongs to the new week; also across the switch to summer time.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { adminSession, api } from "./staff-helpers.ts";

let session: Record<string, string>;

beforeAll(async () => {
  // 30 March 2025: summer time began at 01:00 UTC; Berlin is UTC+2 from then on.
  const at = [
    ["p-sunday", "2025-03-30T21:30:00.000Z"], // 23:30 on Sunday in Berlin
    ["p-monday", "2025-03-30T22:30:00.000Z"], // 00:30 on Monday in Berlin
    ["p-winter", "2025-03-23T23:30:00.000Z"], // 00:30 on Monday 24 March, still winter time (UTC+1)
    // 26 October 2025: winter time again from 01:00 UTC.
    ["p-autumn-sunday", "2025-10-26T22:30:00.000Z"], // 23:30 on Sunday in Berlin (UTC+1)
    ["p-autumn-monday", "2025-10-26T23:30:00.000Z"], // 00:30 on Monday 27 October
  ];
  await env.DB.batch(
    at.map(([id, created]) =>
      env.DB.prepare(
        `INSERT INTO signups (id, email, towns, earliest_return, wants, lang, status, consent_version,
           consent_given_at, created_at, last_mail_at)
         VALUES (?, ?, '["olsberg"]', 'open', '["job_offers"]', 'de', 'pending', ?, ?, ?, ?)`,
      ).bind(id, `${id}@example.org`, "a".repeat(64), created, created, created),
    ),
  );
  session = await adminSession();
});

describe("outcomes by Berlin weeks", () => {
  it("put each signup on the Berlin day it happened, whatever the UTC date says", async () => {
    const res = await api("/outcomes?from=2025-03-17&to=2025-04-06", session.Cookie);
    const body = (await res.json()) as { weeks: { starts: string; signup: number }[]; totals: { signup: number } };
    expect(body.weeks.map((w) => [w.starts, w.signup])).toEqual([
      ["2025-03-17", 0],
      ["2025-03-24", 2],
      ["2025-03-31", 1],
    ]);
    expect(body.totals.signup).toBe(3);
    // A period is whole Berlin days: Monday 31 March alone holds the one from 00:30 that night.
    const monday = (await (await api("/outcomes?from=2025-03-31&to=2025-03-31", session.Cookie)).json()) as {
      totals: { signup: number };
    };
    expect(monday.totals.signup).toBe(1);
    const sunday = (await (await api("/outcomes?from=2025-03-30&to=2025-03-30", session.Cookie)).json()) as {
      totals: { signup: number };
    };
    expect(sunday.totals.signup).toBe(1);
    const autumn = (await (await api("/outcomes?from=2025-10-20&to=2025-11-02", session.Cookie)).json()) as {
      weeks: { starts: string; signup: number }[];
    };
    expect(autumn.weeks.map((w) => [w.starts, w.signup])).toEqual([
      ["2025-10-20", 1],
      ["2025-10-27", 1],
    ]);
  });
});
