/**
 * The pool for signed-in employers (`/arbeitgeber/…`): search the anonymous cards, ask for contact, see the
 * answers, keep saved searches. Every page is the employer's own: a card is known only by a reference sealed
 * for this employer (pool/card-refs.ts), a request or saved search only through this account's lists, so
 * nothing of another employer can be reached by changing an id.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { fieldErrors } from "../../../../shared/errors.ts";
import type { Lang } from "../../../../shared/i18n.ts";
import {
  type PoolSearchInput,
  poolRequestSchema,
  poolSavedSearchSchema,
  poolSearchSchema,
} from "../../../../shared/schemas/pool.ts";
import { employerAuditStatement } from "../../db/employer-accounts.ts";
import {
  addPoolRequestStatement,
  employerRequestFigures,
  employerRequests,
  requestAuditStatement,
  requestMailStatement,
} from "../../db/pool-requests.ts";
import { addPoolSearchStatement, deletePoolSearchStatement } from "../../db/pool-searches.ts";
import { getSignup } from "../../db/signups.ts";
import { getSteckbrief } from "../../db/steckbriefe.ts";
import { type EmployerEnv, employerOnly } from "../../lib/employer-session.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { dataPageUrl } from "../../lib/signed-links.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import {
  cardDetails,
  cardsList,
  EMPLOYER_TEXT,
  employerView,
  type RequestFormValues,
  requestForm,
  requestsList,
  type ShownGroup,
  savedSearches,
  searchForm,
} from "../../pages/employer-pool.ts";
import { ownFormsOnly, privatePage } from "../../pages/layout.ts";
import { poolRequestMail } from "../../pages/pool-mail.ts";
import { steckbriefValues } from "../../pages/steckbrief.ts";
import { openCard, sealCard } from "../../pool/card-refs.ts";
import { poolK } from "../../pool/cards.ts";
import { anyAvailable, cardCount, type FoundGroup, findCards, groupFor, poolIndex } from "../../pool/pool-index.ts";
import { searchParams, storedSearch, toPoolSearch } from "../../pool/query.ts";
import { RATES_DAYS, REQUEST_DAYS, requestAllowance } from "../../pool/request-limit.ts";

export const employerPool = new Hono<EmployerEnv>();

employerPool.use(privatePage);
employerPool.use(ownFormsOnly);
employerPool.use(employerOnly());

// Groups of alike cards per page.
const PAGE_SIZE = 20;
const DAY = 86_400_000;

function parseSearch(raw: Record<string, string>, lang: Lang) {
  const parsed = poolSearchSchema.safeParse(raw, { reportInput: true });
  return parsed.success
    ? { input: parsed.data, fields: {} as Record<string, string> }
    : { input: {} as PoolSearchInput, fields: fieldErrors(parsed.error.issues, lang) };
}

const secretOf = (c: Context<EmployerEnv>) => c.env.SIGNING_KEY ?? "";

/** What this employer may see of the pool now (read with the session, lib/employer-session.ts), and the index. */
async function view(c: Context<EmployerEnv>) {
  const state = c.get("pool");
  return { ...state, index: await poolIndex(c.env.DB, poolK(c.env.POOL_K), state.version) };
}

employerPool.get("/", (c) => c.redirect(`/arbeitgeber/pool?lang=${c.get("language")}`, 303));

employerPool.get("/pool", async (c) => {
  const lang = c.get("language");
  const t = EMPLOYER_TEXT[lang];
  const account = c.get("account");
  const raw = searchParams(c.req.queries());
  const { input, fields } = parseSearch(raw, lang);
  const pageNo = Math.max(1, Math.min(1000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
  const { index, hidden, searches: saved } = await view(c);
  const k = index.k;
  const started = performance.now();
  const search = toPoolSearch(input);
  const found = findCards(index, search, hidden);
  const cards = cardCount(found);
  const offset = (pageNo - 1) * PAGE_SIZE;
  const groups: ShownGroup[] = await Promise.all(
    found.slice(offset, offset + PAGE_SIZE).map(async (g) => ({
      ref: await sealCard(secretOf(c), account.employer_id, JSON.stringify({ g: g.key, w: search.words ?? [] })),
      exact: g.exact,
      count: g.members.length,
      askable: g.available.length > 0,
      shown: g.shown,
    })),
  );
  // The search itself, k-anonymity included, for bench:pool on the dev server. (Deployed, the Workers clock
  // advances only with I/O, so there the figure would always read 0: it is not sent.)
  if (c.env.DEV === "true") c.header("Server-Timing", `search;dur=${(performance.now() - started).toFixed(1)}`);
  // The search's filters and how many it found, never which cards; written after the answer.
  c.executionCtx.waitUntil(
    employerAuditStatement(
      c.env.DB,
      { account_id: account.id, action: "pool.search", detail: { filters: raw, found: cards } },
      new Date().toISOString(),
    ).run(),
  );
  const next = new URLSearchParams({ ...raw, lang, page: String(pageNo + 1) });
  const done = c.req.query("done");
  const notes: Record<string, string> = { saved: t.savedDone, full: t.savedFull, removed: t.removed };
  const count =
    cards === 1
      ? t.foundOne
      : found.length === 1
        ? t.found.replace("{n}", String(cards))
        : t.counted.replace("{n}", String(cards)).replace("{g}", String(found.length));
  return c.html(
    employerView(
      lang,
      t.poolTitle,
      html`<h1>${t.poolTitle}</h1><p>${t.poolIntro.replace("{k}", String(k))}</p>
${done && notes[done] ? html`<p class="notice" role="status" id="done">${notes[done]}</p>` : ""}
${Object.keys(fields).length ? html`<div class="summary" role="alert"><p>${t.errors}</p><ul>${Object.values(fields).map((m) => html`<li>${m}</li>`)}</ul></div>` : ""}
${searchForm(lang, input, raw)}
<h2 id="results">${found.length ? count : t.none}</h2>
${found.length ? cardsList(lang, groups) : html`<p>${t.noneHint}</p>`}
${offset + PAGE_SIZE < found.length ? html`<p><a class="button" href="/arbeitgeber/pool?${next.toString()}#results">${t.more}</a></p>` : ""}
${savedSearches(lang, saved, JSON.stringify(raw))}`,
      account,
    ),
  );
});

/**
 * The group of alike cards a reference names (sealed for this employer: its combination and the search's
 * words), as it is now, or null when it is no longer shown so. A reference names a group, never a person:
 * whom a request reaches is picked only when it is sent, among those it may reach.
 */
async function cardOf(c: Context<EmployerEnv>, ref: string) {
  const account = c.get("account");
  const sealed = await openCard(secretOf(c), account.employer_id, ref);
  if (!sealed) return null;
  let named: { g?: unknown; w?: unknown };
  try {
    named = JSON.parse(sealed) as { g?: unknown; w?: unknown };
  } catch {
    return null;
  }
  if (typeof named.g !== "string" || !Array.isArray(named.w)) return null;
  const { index, hidden } = await view(c);
  return groupFor(
    index,
    named.g,
    named.w.filter((w): w is string => typeof w === "string"),
    hidden,
  );
}

async function allowance(c: Context<EmployerEnv>) {
  const now = Date.now();
  const figures = await employerRequestFigures(
    c.env.DB,
    c.get("account").employer_id,
    new Date(now).toISOString(),
    new Date(now - RATES_DAYS * DAY).toISOString(),
    new Date(now - 7 * DAY).toISOString(),
  );
  const { perWeek, slowed } = requestAllowance(figures.rates);
  return { perWeek, slowed, left: Math.max(0, perWeek - figures.thisWeek), sent: figures.thisWeek };
}

function allowanceNote(lang: Lang, a: Awaited<ReturnType<typeof allowance>>) {
  const t = EMPLOYER_TEXT[lang];
  const left = a.left === 0 ? t.limit.replace("{n}", String(a.sent)) : t.allowance.replace("{n}", String(a.left));
  return a.slowed ? `${t.slowed.replace("{n}", String(a.perWeek))} ${left}` : left;
}

/** A group whose every member this employer has asked already (or may not reach): said without saying why. */
function noneLeft(c: Context<EmployerEnv>, lang: Lang, shown: FoundGroup["shown"]) {
  const t = EMPLOYER_TEXT[lang];
  return c.html(
    employerView(
      lang,
      t.requestTitle,
      html`<h1>${t.requestTitle}</h1>${cardDetails(lang, shown)}<p>${t.noneLeft}</p><p><a class="button" href="/arbeitgeber/pool?lang=${lang}">${t.cancel}</a></p>`,
      c.get("account"),
    ),
    409,
  );
}

function gone(c: Context<EmployerEnv>, lang: Lang, status: 404 | 409 = 404) {
  const t = EMPLOYER_TEXT[lang];
  return c.html(
    employerView(
      lang,
      t.requestTitle,
      html`<h1>${t.requestTitle}</h1><p>${t.gone}</p><p><a class="button" href="/arbeitgeber/pool?lang=${lang}">${t.cancel}</a></p>`,
      c.get("account"),
    ),
    status,
  );
}

employerPool.get("/pool/anfrage", async (c) => {
  const lang = c.get("language");
  const ref = c.req.query("karte") ?? "";
  const card = await cardOf(c, ref);
  if (!card) return gone(c, lang);
  if (!card.available.length) return noneLeft(c, lang, card.shown);
  const a = await allowance(c);
  return c.html(
    employerView(
      lang,
      EMPLOYER_TEXT[lang].requestTitle,
      requestForm(lang, { ref, shown: card.shown, values: {}, fields: {}, note: allowanceNote(lang, a) }),
      c.get("account"),
    ),
  );
});

employerPool.post("/pool/anfrage", async (c) => {
  const lang = c.get("language");
  const account = c.get("account");
  const body = await c.req.parseBody();
  const values: RequestFormValues & { card?: string } = Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const ref = values.card ?? "";
  const card = await cardOf(c, ref);
  if (!card) return gone(c, lang);
  const a = await allowance(c);
  const parsed = poolRequestSchema.safeParse(values, { reportInput: true });
  const fields = parsed.success ? {} : fieldErrors(parsed.error.issues, lang);
  if (!parsed.success || a.left === 0)
    return c.html(
      employerView(
        lang,
        EMPLOYER_TEXT[lang].requestTitle,
        requestForm(lang, { ref, shown: card.shown, values, fields, note: allowanceNote(lang, a) }),
        account,
      ),
      parsed.success ? 429 : 400,
    );
  const chosen = anyAvailable(card);
  if (!chosen) return noneLeft(c, lang, card.shown);
  const person = await getSignup(c.env.DB, chosen);
  const origin = mailOrigin(c);
  if (!person || !origin) return gone(c, lang);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + REQUEST_DAYS * DAY).toISOString();
  const id = crypto.randomUUID();
  const personLang: Lang = person.lang === "en" ? "en" : "de";
  const mail = poolRequestMail(person.email, personLang, {
    employer: account.employer_name,
    role: parsed.data.role,
    expiresAt,
    dataLink: await dataPageUrl(origin, secretOf(c), person.id, person.link_version),
  });
  const at = now.toISOString();
  const [written] = await c.env.DB.batch<{ id: string }>([
    addPoolRequestStatement(
      c.env.DB,
      {
        id,
        employer_id: account.employer_id,
        account_id: account.id,
        signup_id: person.id,
        role: parsed.data.role,
        message: parsed.data.message,
        card: JSON.stringify(card.shown),
        salary_min: parsed.data.salary_min ?? null,
        salary_max: parsed.data.salary_max ?? null,
      },
      at,
      expiresAt,
      { since: new Date(now.getTime() - 7 * DAY).toISOString(), perWeek: a.perWeek },
    ),
    requestMailStatement(c.env.DB, id, person.id, mail, at),
    requestAuditStatement(c.env.DB, id, account.id, person.id, at),
  ]);
  if (!written?.results.length) return gone(c, lang, 409);
  deliverSoon(c.executionCtx, c.env);
  return c.redirect(`/arbeitgeber/anfragen?lang=${lang}&done=sent#done`, 303);
});

employerPool.get("/anfragen", async (c) => {
  const lang = c.get("language");
  const t = EMPLOYER_TEXT[lang];
  const account = c.get("account");
  const requests = await employerRequests(c.env.DB, account.employer_id, new Date().toISOString());
  const items = await Promise.all(
    requests.map(async (request) => {
      const id = request.signup_id;
      // Only a yes shows who it is; a person who has since erased their data shows no more.
      if (request.state !== "accepted" || !id) return { request };
      const [person, steckbrief] = await Promise.all([getSignup(c.env.DB, id), getSteckbrief(c.env.DB, id)]);
      if (!person) return { request };
      return {
        request,
        contact: {
          name: person.first_name ?? person.email.split("@")[0] ?? "",
          email: person.email,
          steckbrief: steckbriefValues(person, steckbrief, lang),
        },
      };
    }),
  );
  const accepted = items.filter((i) => i.contact).map((i) => i.request.signup_id as string);
  if (accepted.length)
    await employerAuditStatement(
      c.env.DB,
      { account_id: account.id, action: "pool.contacts_viewed", detail: { people: accepted } },
      new Date().toISOString(),
    ).run();
  const done = c.req.query("done") === "sent";
  return c.html(
    employerView(
      lang,
      t.requestsTitle,
      html`<h1>${t.requestsTitle}</h1>${done ? html`<p class="notice" role="status" id="done">${t.sent}</p>` : ""}${requestsList(lang, items)}`,
      account,
    ),
  );
});

employerPool.post("/suchen", async (c) => {
  const lang = c.get("language");
  const account = c.get("account");
  const body = await c.req.parseBody();
  const name = poolSavedSearchSchema.safeParse({ name: body.name });
  const { raw, input } = storedSearch(body.query);
  const back = new URLSearchParams({ ...raw, lang });
  if (!name.success || !input) return c.redirect(`/arbeitgeber/pool?${back.toString()}`, 303);
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  const [added] = await c.env.DB.batch<{ id: string }>([
    addPoolSearchStatement(
      c.env.DB,
      {
        id,
        account_id: account.id,
        employer_id: account.employer_id,
        name: name.data.name,
        query: JSON.stringify(raw),
      },
      now,
    ),
    employerAuditStatement(
      c.env.DB,
      { account_id: account.id, action: "pool.search_saved", detail: { filters: raw } },
      now,
    ),
  ]);
  back.set("done", added?.results.length ? "saved" : "full");
  return c.redirect(`/arbeitgeber/pool?${back.toString()}#done`, 303);
});

employerPool.post("/suchen/:id/loeschen", async (c) => {
  const lang = c.get("language");
  const account = c.get("account");
  const now = new Date().toISOString();
  await c.env.DB.batch([
    deletePoolSearchStatement(c.env.DB, c.req.param("id"), account.id),
    employerAuditStatement(c.env.DB, { account_id: account.id, action: "pool.search_deleted" }, now),
  ]);
  return c.redirect(`/arbeitgeber/pool?lang=${lang}&done=removed#done`, 303);
});
