// The people export past one page: streamed page by page along the list's keyset, every person once.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { adminSession, api } from "./staff-helpers.ts";

const COUNT = 2_050; // more than two of the export's pages of 1,000

beforeAll(async () => {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO signups (id, email, towns, earliest_return, wants, lang, status, consent_version, consent_given_at,
       created_at, last_mail_at)
     SELECT 'p-' || i, 'person' || i || '@example.org', '["brilon"]', 'open', '["job_offers"]', 'de', 'confirmed',
       'a', '2026-01-01T00:00:00.000Z', strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' minutes'),
       '2026-01-01T00:00:00.000Z'
     FROM n`,
  )
    .bind(COUNT)
    .run();
});

describe("the people export", () => {
  it("holds everyone who matches, newest first, across pages", async () => {
    const text = await (await api("/people.csv?lang=de", (await adminSession()).Cookie)).text();
    const rows = text.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(COUNT);
    const emails = rows.map((r) => /^"([^"]+)"/.exec(r)?.[1]);
    expect(new Set(emails).size).toBe(COUNT);
    expect(emails[0]).toBe(`person${COUNT}@example.org`);
    expect(emails.at(-1)).toBe("person1@example.org");
  });
});
