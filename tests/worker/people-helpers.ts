// People who signed up, written straight into D1 for the keep-in-touch tests: confirmed (or as said) at
// `confirmedAt`, first name from the id ("p-anna" is Anna), address id@example.org.
import { env } from "cloudflare:test";

const iso = (t: number) => new Date(t).toISOString();

export interface Person {
  id: string;
  field?: string;
  occupation?: string;
  towns?: string[];
  wants: string[];
  status?: string;
  every?: string;
  lang?: string;
}

export async function addPeopleAt(people: Person[], confirmedAt: number) {
  const at = iso(confirmedAt);
  await env.DB.batch(
    people.map((p) =>
      env.DB.prepare(
        `INSERT INTO signups (id, email, first_name, field, occupation, towns, earliest_return, wants, lang, status,
           consent_version, consent_given_at, confirmed_at, created_at, last_mail_at, digest_every)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).bind(
        p.id,
        `${p.id}@example.org`,
        p.id.replace("p-", "").replace(/^./, (c) => c.toUpperCase()),
        p.field ?? null,
        p.occupation ?? null,
        JSON.stringify(p.towns ?? []),
        JSON.stringify(p.wants),
        p.lang ?? "de",
        p.status ?? "confirmed",
        "a".repeat(64),
        at,
        (p.status ?? "confirmed") === "confirmed" ? at : null,
        at,
        at,
        p.every ?? "weekly",
      ),
    ),
  );
}
