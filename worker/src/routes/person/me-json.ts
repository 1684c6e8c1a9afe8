/**
 * `GET /me.json`: the same data as /me, as a download (signed link): the signup, the Steckbrief, every
 * forward, the team's suggestions and notes (the GDPR's right of access covers what staff wrote about a
 * person), the mails sent (subjects and times), and the pool membership with its consent, employers'
 * requests and the person's blocks.
 */
import { Hono } from "hono";
import { listForwards } from "../../db/forwards.ts";
import { getPoolMember, listBlocks } from "../../db/pool.ts";
import { memberRequests } from "../../db/pool-requests.ts";
import { getSignup } from "../../db/signups.ts";
import { getSteckbrief, listMailLog, listNotes, listSuggestions } from "../../db/steckbriefe.ts";
import type { AppEnv } from "../../env.ts";
import { ApiError } from "../../lib/errors.ts";
import { verifyLink } from "../../lib/signed-links.ts";
import { toForward, toNote, toSteckbrief, toSuggestion } from "../../present/staff.ts";

export const meJson = new Hono<AppEnv>();

meJson.get("/", async (c) => {
  const link = await verifyLink(c.env.SIGNING_KEY ?? "", c.req.query());
  const r = link ? await getSignup(c.env.DB, link.id) : null;
  if (!r || r.link_version !== link?.version) throw new ApiError(404, "not_found");
  const db = c.env.DB;
  const now = new Date().toISOString();
  const [steckbrief, forwards, suggestions, notes, mails, pool, requests, blocks] = await Promise.all([
    getSteckbrief(db, r.id),
    listForwards(db, r.id),
    listSuggestions(db, r.id),
    listNotes(db, r.id),
    listMailLog(db, r.id),
    getPoolMember(db, r.id),
    memberRequests(db, r.id, now),
    listBlocks(db, r.id),
  ]);
  c.header("Content-Disposition", 'attachment; filename="heimvorteil-meine-daten.json"');
  c.header("Cache-Control", "no-store");
  return c.json({
    ...r,
    towns: JSON.parse(r.towns),
    wants: JSON.parse(r.wants),
    steckbrief: toSteckbrief(steckbrief),
    forwards: forwards.map((f) => {
      const { person_id: _, ...forward } = toForward(f, now);
      return forward;
    }),
    suggestions: suggestions.map(toSuggestion),
    staff_notes: notes.map(toNote),
    mails,
    pool: pool && {
      details: JSON.parse(pool.details),
      consent_version: pool.consent_version,
      joined_at: pool.joined_at,
      paused_at: pool.paused_at,
      headline: pool.headline,
    },
    // Employers' requests and the person's blocks: theirs to see even after leaving the pool.
    pool_requests: requests.map((q) => ({
      employer: q.employer_name,
      contact: q.state === "accepted" ? { name: q.contact_name, email: q.contact_email } : null,
      role: q.role,
      message: q.message,
      salary_min: q.salary_min,
      salary_max: q.salary_max,
      created_at: q.created_at,
      expires_at: q.expires_at,
      state: q.state,
      answered_at: q.answered_at,
    })),
    pool_blocks: blocks.map((b) => b.name),
  });
});
