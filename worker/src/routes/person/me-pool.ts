/**
 * The pool's forms on /me: join (with the pool's own consent and the details the card may show), change
 * the details, pause, resume, leave. Each takes effect at once: searches read the members as they are.
 * Like the page's other forms, a POST from our own page naming the person's signed link.
 */
import { Hono } from "hono";
import { poolConsentVersion } from "../../../../shared/consent.ts";
import {
  getPoolMember,
  joinPoolStatement,
  leavePoolStatement,
  pausePoolStatement,
  savePoolDetailsStatement,
} from "../../db/pool.ts";
import type { AppEnv } from "../../env.ts";
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
  switch (form.action) {
    case "join":
      if (p.record.status !== "confirmed") return back("stale");
      if (form.consent !== "yes") return back("poolConsent");
      await joinPoolStatement(db, id, [...new Set(details)], await poolConsentVersion(lang), now).run();
      return back("poolJoined");
    case "save":
      if (!member) return back("stale");
      await savePoolDetailsStatement(db, id, [...new Set(details)], now).run();
      return back("poolSaved");
    case "pause":
    case "resume":
      if (!member) return back("stale");
      await pausePoolStatement(db, id, form.action === "pause", now).run();
      return back(form.action === "pause" ? "poolPaused" : "poolResumed");
    case "leave":
      await leavePoolStatement(db, id).run();
      return back("poolLeft");
    default:
      return back("stale");
  }
});
