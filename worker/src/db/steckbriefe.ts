/** A person's Steckbrief, the team's suggestions for it, staff notes and the log of mails sent to them. */
import type { SteckbriefInput } from "../../../shared/schemas/steckbrief.ts";

export interface SteckbriefRow {
  signup_id: string;
  headline: string | null;
  about: string | null;
  looking_for: string | null;
  languages: string;
  cv_url: string | null;
  updated_at: string;
}

export function getSteckbrief(db: D1Database, signupId: string): Promise<SteckbriefRow | null> {
  return db
    .prepare(
      "SELECT signup_id, headline, about, looking_for, languages, cv_url, updated_at FROM steckbriefe WHERE signup_id = ?",
    )
    .bind(signupId)
    .first<SteckbriefRow>();
}

export function saveSteckbriefStatement(
  db: D1Database,
  signupId: string,
  s: SteckbriefInput,
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO steckbriefe (signup_id, headline, about, looking_for, languages, cv_url, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (signup_id) DO UPDATE SET headline = ?2, about = ?3, looking_for = ?4, languages = ?5,
         cv_url = ?6, updated_at = ?7`,
    )
    .bind(
      signupId,
      s.headline ?? null,
      s.about ?? null,
      s.looking_for ?? null,
      JSON.stringify(s.languages),
      s.cv_url ?? null,
      now,
    );
}

export interface SuggestionRow {
  id: string;
  signup_id: string;
  staff_name: string;
  changes: string;
  created_at: string;
  answer: "accepted" | "declined" | null;
  answered_at: string | null;
}

export function addSuggestionStatement(
  db: D1Database,
  s: { id: string; signup_id: string; staff_id: string; changes: Record<string, unknown> },
  now: string,
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO steckbrief_suggestions (id, signup_id, staff_id, changes, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(s.id, s.signup_id, s.staff_id, JSON.stringify(s.changes), now);
}

export async function listSuggestions(db: D1Database, signupId: string): Promise<SuggestionRow[]> {
  const { results } = await db
    .prepare(
      `SELECT g.id, g.signup_id, a.name AS staff_name, g.changes, g.created_at, g.answer, g.answered_at
       FROM steckbrief_suggestions g JOIN staff a ON a.id = g.staff_id
       WHERE g.signup_id = ? ORDER BY g.created_at DESC`,
    )
    .bind(signupId)
    .all<SuggestionRow>();
  return results;
}

/** Answers an open suggestion of this person's; false when there is none by that id (or it is answered). */
export function answerSuggestionStatement(
  db: D1Database,
  o: { id: string; signup_id: string; answer: "accepted" | "declined" },
  now: string,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE steckbrief_suggestions SET answer = ?, answered_at = ?
       WHERE id = ? AND signup_id = ? AND answer IS NULL`,
    )
    .bind(o.answer, now, o.id, o.signup_id);
}

export interface NoteRow {
  id: number;
  text: string;
  staff_name: string;
  created_at: string;
}

export function addNoteStatement(
  db: D1Database,
  n: { signup_id: string; staff_id: string; text: string },
  now: string,
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO staff_notes (signup_id, staff_id, text, created_at) VALUES (?, ?, ?, ?) RETURNING id")
    .bind(n.signup_id, n.staff_id, n.text, now);
}

export async function listNotes(db: D1Database, signupId: string): Promise<NoteRow[]> {
  const { results } = await db
    .prepare(
      `SELECT n.id, n.text, a.name AS staff_name, n.created_at
       FROM staff_notes n JOIN staff a ON a.id = n.staff_id WHERE n.signup_id = ? ORDER BY n.created_at DESC, n.id DESC`,
    )
    .bind(signupId)
    .all<NoteRow>();
  return results;
}

/** The mails sent to a person (subject and time, newest first), from the trigger on the outbox (0011). */
export async function listMailLog(db: D1Database, signupId: string): Promise<{ subject: string; at: string }[]> {
  const { results } = await db
    .prepare("SELECT subject, created_at AS at FROM mail_log WHERE signup_id = ? ORDER BY id DESC LIMIT 200")
    .bind(signupId)
    .all<{ subject: string; at: string }>();
  return results;
}
