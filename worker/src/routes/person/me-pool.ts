/**
 * The pool's forms on /me: join (with the pool's own consent and the details the card may show), change
 * the details, pause, resume, leave. Each takes effect at once: searches read the members as they are.
 * Like the page's other forms, a POST from our own page naming the person's signed link.
 */
import { type Context, Hono } from "hono";
import { poolConsentVersion } from "../../../../shared/consent.ts";
import type { Lang } from "../../../../shared/i18n.ts";
import { poolHeadlineSchema } from "../../../../shared/schemas/pool.ts";
import {
  blockEmployerStatement,
  endOpenRequestsStatement,
  getPoolMember,
  joinPoolStatement,
  leavePoolStatement,
  pausePoolStatement,
  savePoolDetailsStatement,
  savePoolHeadlineStatement,
  unblockEmployerStatement,
} from "../../db/pool.ts";
import { answeredMailStatement, answerPoolRequestStatement, getPoolRequest } from "../../db/pool-requests.ts";
import type { SignupRecord } from "../../db/signups.ts";
import type { AppEnv } from "../../env.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import { requestAnsweredMail } from "../../pages/employer-mail.ts";
import { poolAcceptedMail } from "../../pages/pool-mail.ts";
import { isPoolDetail } from "../../pool/own-card.ts";
import { invalid, pageLang, person, queryOf } from "./link.ts";

export const mePool = new Hono<AppEnv>();

mePool.post("/pool", async (c) => {
  const form = await c.req.parseBody({ all: true });
  const p = await person(c, form);
  if (!p) return invalid(c);
  const lang = pageLang(c, p.record);
  const back = (done: string) => c.redirect(`/me?${queryOf(p.link)}&lang=${lang}&done=${done}#done`, 303);
  const id = p.record.id;
  const db = c.env.DB;
  const details = [form.details ?? []].flat().filter(isPoolDetail);
  const now = new Date().toISOString();
  const member = await getPoolMember(db, id);
  const headline = typeof form.headline === "string" ? form.headline : "";
  const line = poolHeadlineSchema.safeParse(headline);
  const employer = typeof form.employer === "string" ? form.employer : "";
  switch (form.action) {
    case "join":
      if (p.record.status !== "confirmed") return back("stale");
      if (form.consent !== "yes") return back("poolConsent");
      if (!line.success) return back("poolHeadline");
      await db.batch([
        joinPoolStatement(db, id, [...new Set(details)], await poolConsentVersion(lang), now),
        savePoolHeadlineStatement(db, id, line.data || null, now),
      ]);
      return back("poolJoined");
    case "save":
      if (!member) return back("stale");
      if (!line.success) return back("poolHeadline");
      await db.batch([
        savePoolDetailsStatement(db, id, [...new Set(details)], now),
        savePoolHeadlineStatement(db, id, line.data || null, now),
      ]);
      return back("poolSaved");
    case "accept":
    case "decline": {
      const answered = await answer(
        c,
        p.record,
        String(form.request ?? ""),
        form.action === "accept" ? "accepted" : "declined",
      );
      return back(answered ? (form.action === "accept" ? "poolAccepted" : "poolDeclined") : "stale");
    }
    case "block": {
      // Blocking from a request declines it too, in the same batch: the employer learns only the no.
      const decline =
        typeof form.request === "string" ? await answerStatements(c, p.record, form.request, "declined", now) : null;
      await db.batch([...(decline ?? []), blockEmployerStatement(db, id, employer, now)]);
      if (decline) deliverSoon(c.executionCtx, c.env);
      return back("poolBlocked");
    }
    case "unblock":
      await unblockEmployerStatement(db, id, employer).run();
      return back("poolUnblocked");
    case "pause":
    case "resume":
      if (!member) return back("stale");
      await pausePoolStatement(db, id, form.action === "pause", now).run();
      return back(form.action === "pause" ? "poolPaused" : "poolResumed");
    case "leave":
      await db.batch([leavePoolStatement(db, id), endOpenRequestsStatement(db, id)]);
      return back("poolLeft");
    default:
      return back("stale");
  }
});

/**
 * The member's answer to a request, as statements for one batch: once, while open. Each mail is written only
 * if the answer was: on a yes the employer's contact person learns it (their page now shows who it is) and
 * the member gets that person's contact; on a no the employer learns only that. The first statement's
 * RETURNING says whether the answer counted. Null when the request is not this member's open one.
 */
async function answerStatements(
  c: Context<AppEnv>,
  person: SignupRecord,
  id: string,
  state: "accepted" | "declined",
  now: string,
): Promise<D1PreparedStatement[] | null> {
  const db = c.env.DB;
  const request = /^[0-9a-f-]{36}$/.test(id) ? await getPoolRequest(db, id, now) : null;
  const origin = mailOrigin(c);
  if (!request || request.signup_id !== person.id || request.state !== "open" || !origin) return null;
  const lang: Lang = person.lang === "en" ? "en" : "de";
  const link = `${origin}/arbeitgeber/anfragen?lang=${request.contact_lang}`;
  const statements = [
    answerPoolRequestStatement(db, id, person.id, state, now),
    answeredMailStatement(
      db,
      id,
      state,
      null,
      requestAnsweredMail(request.contact_email, request.contact_lang, request.role, state === "accepted", link),
      now,
    ),
  ];
  if (state === "accepted")
    statements.push(
      answeredMailStatement(
        db,
        id,
        state,
        person.id,
        poolAcceptedMail(person.email, lang, {
          employer: request.employer_name,
          role: request.role,
          contactName: request.contact_name,
          contactEmail: request.contact_email,
        }),
        now,
      ),
    );
  return statements;
}

async function answer(c: Context<AppEnv>, person: SignupRecord, id: string, state: "accepted" | "declined") {
  const statements = await answerStatements(c, person, id, state, new Date().toISOString());
  if (!statements) return false;
  const [answered] = await c.env.DB.batch<{ id: string }>(statements);
  if (!answered?.results.length) return false;
  deliverSoon(c.executionCtx, c.env);
  return true;
}
