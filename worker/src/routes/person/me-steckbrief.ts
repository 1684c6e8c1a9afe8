/**
 * The forms of a person's Steckbrief on /me: save it, take or leave a suggestion of the team's, and answer
 * a forward (yes with the fields an employer may see, no, or revoke). Each is a POST from our own page
 * (ownFormsOnly on /me) naming the person's signed link; success goes back to the page (303) with a note.
 */
import { type Context, Hono } from "hono";
import { fieldErrors } from "../../../../shared/errors.ts";
import type { Lang } from "../../../../shared/i18n.ts";
import { FORWARD_DAYS, isForwardField, steckbriefInputSchema } from "../../../../shared/schemas/steckbrief.ts";
import {
  declineForward,
  forwardEmployers,
  getForward,
  revokeForwardStatement,
  shareForward,
} from "../../db/forwards.ts";
import {
  answerSuggestionStatement,
  getSteckbrief,
  listSuggestions,
  saveSteckbriefStatement,
} from "../../db/steckbriefe.ts";
import type { AppEnv } from "../../env.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { hashToken, newToken } from "../../lib/tokens.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import { forwardEmployerMail } from "../../pages/forward-mail.ts";
import { toSteckbrief } from "../../present/staff.ts";
import { invalid, type Person, pageLang, person, queryOf } from "./link.ts";

/** The notes a form's success leaves on the page, by the key the redirect names. */
export const DONE = {
  steckbrief: { de: "Dein Steckbrief ist gespeichert.", en: "Your profile is saved." },
  accepted: { de: "Vorschlag übernommen.", en: "Suggestion accepted." },
  declined: { de: "Vorschlag abgelehnt; nichts geändert.", en: "Suggestion declined; nothing changed." },
  yes: {
    de: "Danke! Der Arbeitgeber bekommt jetzt einen Link zu deinem Steckbrief.",
    en: "Thank you! The employer now gets a link to your profile.",
  },
  no: { de: "In Ordnung: Dieser Arbeitgeber bekommt nichts.", en: "All right: this employer gets nothing." },
  revoked: { de: "Zurückgezogen: Der Link zeigt nichts mehr.", en: "Revoked: the link shows nothing any more." },
  renewed: {
    de: "Danke, dass du dabei bleibst! Deine Einwilligung gilt ein weiteres Jahr.",
    en: "Thank you for staying! Your consent holds for another year.",
  },
  poolJoined: {
    de: "Willkommen im Pool! Unten siehst du deine Karte, wie Arbeitgeber sie sehen.",
    en: "Welcome to the pool! Below is your card as employers see it.",
  },
  poolConsent: {
    de: "Für den Pool brauchen wir dein Einverständnis: bitte setze das Häkchen dazu.",
    en: "The pool needs your consent: please tick its box.",
  },
  poolSaved: { de: "Die Angaben deiner Karte sind gespeichert.", en: "Your card's details are saved." },
  poolPaused: {
    de: "Pausiert: Arbeitgeber sehen deine Karte nicht mehr.",
    en: "Paused: employers no longer see your card.",
  },
  poolResumed: { de: "Deine Karte ist wieder zu sehen.", en: "Your card can be seen again." },
  poolLeft: {
    de: "Du hast den Pool verlassen; deine Karte ist gelöscht.",
    en: "You have left the pool; your card is deleted.",
  },
  poolHeadline: {
    de: "Deine Zeile für die Suche darf höchstens 120 Zeichen lang sein und keine Steuerzeichen enthalten.",
    en: "Your line for the search may be at most 120 characters long, without control characters.",
  },
  poolAccepted: {
    de: "Angenommen! Der Arbeitgeber sieht jetzt, wer du bist, und meldet sich; seinen Kontakt findest du unten und in deinem Postfach.",
    en: "Accepted! The employer now sees who you are and will get in touch; their contact is below and in your inbox.",
  },
  poolDeclined: {
    de: "Abgelehnt: Der Arbeitgeber erfährt nur das, nicht wer du bist.",
    en: "Declined: the employer learns only that, not who you are.",
  },
  poolBlocked: {
    de: "Blockiert: Dieser Arbeitgeber sieht deine Karte nicht mehr.",
    en: "Blocked: this employer no longer sees your card.",
  },
  poolUnblocked: { de: "Die Blockierung ist aufgehoben.", en: "The block is lifted." },
  mailResumed: {
    de: "Wir stellen dir wieder E-Mails zu. Kommen sie wieder nicht an, halten wir sie wieder an.",
    en: "We deliver e-mails to you again. If they do not arrive again, we stop them again.",
  },
  stale: {
    de: "Das war schon erledigt; hier steht der aktuelle Stand.",
    en: "That was already done; this is where things stand.",
  },
} as const;
export type DoneKey = keyof typeof DONE;
export const isDoneKey = (v: unknown): v is DoneKey => typeof v === "string" && v in DONE;

export type Render = (
  c: Context<AppEnv>,
  p: Person,
  note?: string,
  errors?: Record<string, string>,
  steckbriefErrors?: Record<string, string>,
  done?: string,
) => Promise<Response>;

const DAY_MS = 86_400_000;

function back(c: Context<AppEnv>, p: Person, lang: Lang, done: DoneKey) {
  return c.redirect(`/me?${queryOf(p.link)}&lang=${lang}&done=${done}#done`, 303);
}

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

/** The Steckbrief routes, given /me's page renderer (so a form with errors shows them in place). */
export function meSteckbrief(render: Render) {
  const app = new Hono<AppEnv>();

  app.post("/steckbrief", async (c) => {
    const form = await c.req.parseBody();
    const p = await person(c, form);
    if (!p) return invalid(c);
    const lang = pageLang(c, p.record);
    const parsed = steckbriefInputSchema.safeParse({
      headline: text(form.headline),
      about: text(form.about),
      looking_for: text(form.looking_for),
      languages: (text(form.languages) ?? "")
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
      cv_url: text(form.cv_url),
    });
    if (!parsed.success) return render(c, p, undefined, {}, fieldErrors(parsed.error.issues, lang));
    await saveSteckbriefStatement(c.env.DB, p.record.id, parsed.data, new Date().toISOString()).run();
    return back(c, p, lang, "steckbrief");
  });

  app.post("/suggestion", async (c) => {
    const form = await c.req.parseBody();
    const p = await person(c, form);
    if (!p) return invalid(c);
    const lang = pageLang(c, p.record);
    const answer = form.answer === "accepted" ? "accepted" : "declined";
    const suggestion = (await listSuggestions(c.env.DB, p.record.id)).find(
      (g) => g.id === form.suggestion && g.answer === null,
    );
    if (!suggestion) return back(c, p, lang, "stale");
    const now = new Date().toISOString();
    const statements = [
      answerSuggestionStatement(c.env.DB, { id: suggestion.id, signup_id: p.record.id, answer }, now),
    ];
    if (answer === "accepted") {
      const current = toSteckbrief(await getSteckbrief(c.env.DB, p.record.id));
      const merged = steckbriefInputSchema.safeParse({
        headline: current.headline ?? undefined,
        about: current.about ?? undefined,
        looking_for: current.looking_for ?? undefined,
        languages: current.languages,
        cv_url: current.cv_url ?? undefined,
        ...(JSON.parse(suggestion.changes) as Record<string, unknown>),
      });
      if (merged.success) statements.push(saveSteckbriefStatement(c.env.DB, p.record.id, merged.data, now));
    }
    await c.env.DB.batch(statements);
    return back(c, p, lang, answer);
  });

  app.post("/forward", async (c) => {
    const form = await c.req.parseBody({ all: true });
    const p = await person(c, form);
    if (!p) return invalid(c);
    const r = p.record;
    const lang = pageLang(c, r);
    const forward = typeof form.forward === "string" ? await getForward(c.env.DB, form.forward) : null;
    // Another person's forward is as unknown as one that does not exist.
    if (!forward || forward.signup_id !== r.id) return back(c, p, lang, "stale");
    const now = new Date();
    if (form.answer === "revoke") {
      const result = await revokeForwardStatement(
        c.env.DB,
        { id: forward.id, signup_id: r.id, by: "person" },
        now.toISOString(),
      ).run();
      return back(c, p, lang, result.meta.changes ? "revoked" : "stale");
    }
    if (form.answer !== "yes")
      return back(c, p, lang, (await declineForward(c.env.DB, forward, now.toISOString())) ? "no" : "stale");
    const origin = mailOrigin(c);
    const [employer] = await forwardEmployers(c.env.DB, r.id, [forward.employer_id]);
    // Without an address to send to (or a configured origin for the link) nothing is shared yet.
    if (!origin || !employer?.contact_email) return back(c, p, lang, "stale");
    const ticked = (Array.isArray(form.fields) ? form.fields : [form.fields]).filter(isForwardField);
    const token = newToken();
    const expiresAt = new Date(now.getTime() + FORWARD_DAYS * DAY_MS).toISOString();
    const steckbrief = await getSteckbrief(c.env.DB, r.id);
    const mail = forwardEmployerMail(employer.contact_email, {
      contactName: employer.contact_name,
      headline: ticked.includes("headline") ? (steckbrief?.headline ?? null) : null,
      link: `${origin}/steckbrief/${token}`,
      expiresAt,
    });
    const shared = await shareForward(
      c.env.DB,
      { id: forward.id, signup_id: r.id, fields: ticked, token_hash: await hashToken(token), expires_at: expiresAt },
      mail,
      now.toISOString(),
    );
    if (shared) deliverSoon(c.executionCtx, c.env);
    return back(c, p, lang, shared ? "yes" : "stale");
  });

  return app;
}
