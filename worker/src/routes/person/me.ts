/**
 * `/me`: a person's own data, from the signed link in every mail. See it all, download it as JSON,
 * change the answers, withdraw a purpose, or delete everything at once.
 */
import { type Context, Hono } from "hono";
import { html } from "hono/html";
import { CONSENT_TEXT, consentTextOf, consentVersion } from "../../../../shared/consent.ts";
import { fieldErrors } from "../../../../shared/errors.ts";
import { isLang, type Lang } from "../../../../shared/i18n.ts";
import { monthLabel, returnMonths } from "../../../../shared/months.ts";
import {
  DIGEST_EVERY,
  DIGEST_EVERY_IDS,
  digestEverySchema,
  QUALIFICATION_IDS,
  QUALIFICATIONS,
  signupSchema,
  WANT_IDS,
  WANTS,
} from "../../../../shared/schemas/signup.ts";
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "../../../../shared/taxonomy.ts";
import { TOWNS } from "../../../../shared/towns.ts";
import { listForwards } from "../../db/forwards.ts";
import { activePoolProfiles, employerNames, getPoolMember, listBlocks, poolProfile } from "../../db/pool.ts";
import { memberRequests } from "../../db/pool-requests.ts";
import { renewStatement } from "../../db/retention.ts";
import { eraseSignup, getSignup, renewLinks, type SignupRecord, updateSignup } from "../../db/signups.ts";
import { getSteckbrief, listNotes, listSuggestions } from "../../db/steckbriefe.ts";
import type { AppEnv } from "../../env.ts";
import { mailOrigin } from "../../lib/origin.ts";
import { dataPageUrl } from "../../lib/signed-links.ts";
import { deliverSoon } from "../../mail/deliver.ts";
import { formatDate, formatDateTime } from "../../pages/format.ts";
import { ownFormsOnly, page, privatePage } from "../../pages/layout.ts";
import { poolSection } from "../../pages/me-pool.ts";
import { steckbriefSection } from "../../pages/me-steckbrief.ts";
import { signupHref } from "../../pages/signup-link.ts";
import { newLinkMail } from "../../pages/signup-mail.ts";
import { poolK } from "../../pool/cards.ts";
import { ownCard, ownCardFromIndex } from "../../pool/own-card.ts";
import { poolIndex } from "../../pool/pool-index.ts";
import { toForward } from "../../present/staff.ts";
import { eraseAtOf } from "../../retention.ts";
import { invalid, type Person, pageLang, person, queryOf } from "./link.ts";
import { meMail } from "./me-mail.ts";
import { mePool } from "./me-pool.ts";
import { DONE, isDoneKey, meSteckbrief } from "./me-steckbrief.ts";

const isCategory = (id: string): id is CategoryId => (CATEGORY_IDS as readonly string[]).includes(id);
const isQualification = (id: string): id is (typeof QUALIFICATION_IDS)[number] =>
  (QUALIFICATION_IDS as readonly string[]).includes(id);
const isWant = (id: string): id is (typeof WANT_IDS)[number] => (WANT_IDS as readonly string[]).includes(id);

export const me = new Hono<AppEnv>();

const T = {
  de: {
    title: "Deine Daten",
    intro: "Das ist alles, was Heimvorteil über dich gespeichert hat.",
    email: "E-Mail-Adresse",
    firstName: "Vorname",
    field: "Berufsfeld",
    occupation: "Beruf",
    qualification: "Höchster Abschluss",
    towns: "Wunschorte",
    earliest: "Frühestens zurück",
    open: "Noch offen",
    wants: "Was du bekommst",
    language: "Sprache",
    signedUp: "Angemeldet",
    confirmed: "Bestätigt",
    notConfirmed: "noch nicht bestätigt",
    via: "Angemeldet über",
    viaForm: "das Formular auf",
    retention: "Wie lange wir deine Daten behalten",
    retentionText:
      "Deine Einwilligung gilt bis zum {date}. Dann fragen wir dich per E-Mail, ob du dabei bleiben möchtest; ohne Antwort löschen wir deine Daten 30 Tage später.",
    retentionAsked:
      "Wir haben dich am {asked} gefragt, ob du dabei bleiben möchtest. Ohne deine Antwort löschen wir deine Daten am {erase}.",
    renewText: "Mit einem Klick verlängerst du deine Einwilligung um ein Jahr, zu diesem Text:",
    renew: "Ja, ich bleibe dabei",
    consent: "Deine Einwilligung",
    consentText: "Am {date} hast du diesem Text zugestimmt:",
    consentEarlier:
      "Das ist eine frühere Fassung. Heute fragen wir jeden, bevor sein Steckbrief an einen Arbeitgeber geht – zu jedem einzeln, auch dich.",
    consentOld:
      "Am {date} hast du einer früheren Fassung unseres Einwilligungstexts zugestimmt; ihr Fingerabdruck steht in der JSON-Datei.",
    download: "Alles als JSON-Datei herunterladen",
    change: "Angaben ändern",
    wantsChange: "Was möchtest du bekommen?",
    wantsHint: "Was du abwählst, schicken wir dir nicht mehr: Deine Einwilligung dafür ist dann widerrufen.",
    digestEvery: "Wie oft passende Stellen kommen",
    digestHint: "Nur Stellen, die seit der letzten E-Mail neu sind; gibt es keine, kommt auch keine E-Mail.",
    digestRow: "Stellen-E-Mail",
    mailStopped: {
      bounce:
        "Seit dem {date} schicken wir dir keine E-Mails mehr: Sie kamen an deiner Adresse nicht an. Stimmt die Adresse wieder, schalte die Zustellung hier wieder ein.",
      complaint:
        "Seit dem {date} schicken wir dir keine E-Mails mehr: Du hast eine davon als Spam gemeldet. Möchtest du wieder E-Mails von uns, schalte sie hier wieder ein.",
    },
    mailResume: "E-Mails wieder zustellen",
    pending:
      "Noch nicht bestätigt: Bitte öffne den Link in unserer E-Mail. Ohne Bestätigung löschen wir deine Angaben nach 7 Tagen.",
    downloadTitle: "Deine Daten herunterladen",
    downloadText: "Alles, was hier steht, als Datei im Format JSON – zum Aufheben oder Mitnehmen.",
    optional: "freiwillig",
    choose: "– keine Angabe –",
    save: "Änderungen speichern",
    saved: "Gespeichert.",
    erase: "Alles löschen",
    eraseText:
      "Wir löschen sofort deinen Steckbrief und den Nachweis deiner Einwilligung; danach bekommst du keine E-Mails mehr von uns. In den Sicherungen unseres Datenbankdienstes bleiben die Daten noch bis zu 30 Tage wiederherstellbar, dann sind sie ganz fort.",
    eraseConfirm: "Ja, alle meine Daten jetzt löschen",
    erased:
      "Erledigt: Alle deine Daten sind gelöscht. Du bekommst keine E-Mails mehr von uns; nur ein anonymer Zähler bleibt.",
    comeBack: "Wenn du es dir anders überlegst, kannst du dich jederzeit neu anmelden.",
    links: "Alle meine Links ungültig machen",
    linksText:
      "Hat jemand anderes einen Link aus deinen E-Mails gesehen? Dann mach alle bisherigen Links ungültig; wir schicken dir sofort einen neuen an deine Adresse. Links gelten ohnehin höchstens ein Jahr.",
    linksRenewed:
      "Erledigt: Alle bisherigen Links zu deinen Angaben funktionieren nicht mehr. Ein neuer Link ist an {email} unterwegs.",
    none: "–",
  },
  en: {
    title: "Your data",
    intro: "This is everything Heimvorteil has stored about you.",
    email: "E-mail address",
    firstName: "First name",
    field: "Field",
    occupation: "Occupation",
    qualification: "Highest qualification",
    towns: "Towns",
    earliest: "Earliest return",
    open: "Still open",
    wants: "What you receive",
    language: "Language",
    signedUp: "Signed up",
    confirmed: "Confirmed",
    notConfirmed: "not confirmed yet",
    via: "Signed up through",
    viaForm: "the form on",
    retention: "How long we keep your data",
    retentionText:
      "Your consent holds until {date}. Then we ask you by e-mail whether you would like to stay; without an answer we erase your data 30 days later.",
    retentionAsked:
      "We asked you on {asked} whether you would like to stay. Without your answer we erase your data on {erase}.",
    renewText: "One click renews your consent for a year, to this text:",
    renew: "Yes, keep me in",
    consent: "Your consent",
    consentText: "On {date} you agreed to this text:",
    consentEarlier:
      "That is an earlier version. Today we ask everyone before their profile goes to an employer – for each one, you too.",
    consentOld: "On {date} you agreed to an earlier version of our consent text; its fingerprint is in the JSON file.",
    download: "Download everything as a JSON file",
    change: "Change your details",
    wantsChange: "What would you like to receive?",
    wantsHint: "What you untick we no longer send you: your consent for it is then withdrawn.",
    digestEvery: "How often matching jobs come",
    digestHint: "Only jobs new since the last e-mail; when there are none, no e-mail comes either.",
    digestRow: "Job e-mail",
    mailStopped: {
      bounce:
        "Since {date} we send you no more e-mails: they did not arrive at your address. If the address works again, switch delivery back on here.",
      complaint:
        "Since {date} we send you no more e-mails: you reported one of them as spam. If you want our e-mails again, switch them back on here.",
    },
    mailResume: "Deliver e-mails again",
    pending:
      "Not confirmed yet: please open the link in our e-mail. Without confirmation we delete your details after 7 days.",
    downloadTitle: "Download your data",
    downloadText: "Everything shown here, as a file in JSON format – to keep or to take elsewhere.",
    optional: "optional",
    choose: "– not given –",
    save: "Save changes",
    saved: "Saved.",
    erase: "Delete everything",
    eraseText:
      "We delete your profile and the proof of your consent at once; after that you get no more e-mails from us. Our database provider's backups keep them restorable for up to 30 days, then they are gone for good.",
    eraseConfirm: "Yes, delete all my data now",
    erased: "Done: all your data is deleted. You will get no more e-mails from us; only an anonymous counter remains.",
    comeBack: "If you change your mind, you can sign up again at any time.",
    links: "Invalidate all my links",
    linksText:
      "Has someone else seen a link from your e-mails? Then invalidate all earlier links; we send you a new one to your address at once. Links work for a year at most anyway.",
    linksRenewed: "Done: no earlier link to your details works any more. A new link is on its way to {email}.",
    none: "–",
  },
} as const;

const LANGUAGE_NAMES: Record<Lang, string> = { de: "Deutsch", en: "English" };

me.use(privatePage);
me.use(ownFormsOnly);

function exportOf(r: SignupRecord) {
  return {
    ...r,
    consent_history: JSON.parse(r.consent_history) as { version: string; given_at: string }[],
    towns: JSON.parse(r.towns) as string[],
    wants: JSON.parse(r.wants) as string[],
  };
}

export async function render(
  c: Context<AppEnv>,
  p: Person,
  note?: string,
  errors: Record<string, string> = {},
  steckbriefErrors: Record<string, string> = {},
  done?: string,
) {
  const r = p.record;
  const { link } = p;
  const query = queryOf(link);
  const lang = pageLang(c, r);
  const t = T[lang];
  const data = exportOf(r);
  const hidden = html`<input type="hidden" name="id" value="${link.id}"><input type="hidden" name="v" value="${link.version}"><input type="hidden" name="t" value="${link.issued}"><input type="hidden" name="sig" value="${link.sig}">`;
  const checked = (on: boolean) => (on ? html` checked` : "");
  const selected = (on: boolean) => (on ? html` selected` : "");
  const err = (field: string) =>
    errors[field] ? html`<span class="field-error" role="alert">${errors[field]}</span>` : "";
  const optional = html` <span class="optional">(${t.optional})</span>`;
  const words = (list: string[]) => (list.length ? list.join(", ") : t.none);
  const townNames = TOWNS.filter((town) => data.towns.includes(town.id)).map((town) => town.name);
  const recordLang = isLang(r.lang) ? r.lang : lang;
  // The text is shown when the stored version is the current text's; an older one is named in the JSON only.
  const agreed = await consentTextOf(r.consent_version);
  const db = c.env.DB;
  const [steckbrief, suggestions, forwards, notes, poolMember] = await Promise.all([
    getSteckbrief(db, r.id),
    listSuggestions(db, r.id),
    listForwards(db, r.id),
    listNotes(db, r.id),
    getPoolMember(db, r.id),
  ]);
  const k = poolK(c.env.POOL_K);
  const now = new Date().toISOString();
  const [mine, requests, blocks, employers] = poolMember
    ? await Promise.all([poolProfile(db, r.id), memberRequests(db, r.id, now), listBlocks(db, r.id), employerNames(db)])
    : [null, [], [], []];
  // An active member's card is the one searches show (the cached index); a paused one's is computed as if
  // it were active, over the whole pool.
  const index = poolMember && !poolMember.paused_at ? await poolIndex(db, k) : null;
  const card = mine
    ? ((index && ownCardFromIndex(index, r.id)) ?? ownCard(await activePoolProfiles(db), mine, k))
    : null;
  const consentDate = formatDateTime(r.consent_given_at, lang);
  const rows: [string, string][] = [
    [t.email, r.email],
    [t.firstName, r.first_name ?? t.none],
    [t.field, r.field && isCategory(r.field) ? CATEGORIES[r.field][lang] : t.none],
    [t.occupation, r.occupation ?? t.none],
    [
      t.qualification,
      r.qualification && isQualification(r.qualification) ? QUALIFICATIONS[r.qualification][lang] : t.none,
    ],
    [t.towns, words(townNames)],
    [t.earliest, r.earliest_return === "open" ? t.open : monthLabel(r.earliest_return, lang)],
    [t.wants, words(data.wants.filter(isWant).map((id) => WANTS[id][lang]))],
    ...(data.wants.includes("job_offers")
      ? ([[t.digestRow, DIGEST_EVERY[r.digest_every][lang]]] as [string, string][])
      : []),
    [t.language, LANGUAGE_NAMES[recordLang]],
    [t.signedUp, consentDate],
    [t.confirmed, r.confirmed_at ? formatDateTime(r.confirmed_at, lang) : t.notConfirmed],
  ];
  const via = [r.source, r.claimed_origin ? `${t.viaForm} ${r.claimed_origin}` : ""].filter(Boolean).join(", ");
  if (via) rows.push([t.via, via]);
  const other: Lang = lang === "de" ? "en" : "de";
  const body = html`<p class="lang-switch"><a href="/me?${query}&lang=${other}" hreflang="${other}" lang="${other}">${LANGUAGE_NAMES[other]}</a></p>
<h1>${t.title}</h1>
${note ? html`<p class="notice" role="status">${note}</p>` : ""}
${r.status === "pending" ? html`<p class="notice">${t.pending}</p>` : ""}
${
  r.mail_stopped_at && r.mail_stop_reason
    ? html`<div class="notice" role="status"><p>${t.mailStopped[r.mail_stop_reason].replace("{date}", formatDate(r.mail_stopped_at, lang))}</p>
<form method="post" action="/me/mail-stop?lang=${lang}">${hidden}<button class="secondary" type="submit">${t.mailResume}</button></form></div>`
    : ""
}
<p>${t.intro}</p>
<dl class="meta">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
<h2>${t.consent}</h2>
${
  agreed
    ? html`<p>${t.consentText.replace("{date}", consentDate)}</p><blockquote>${agreed.text}</blockquote>${agreed.current ? "" : html`<p>${t.consentEarlier}</p>`}`
    : html`<p>${t.consentOld.replace("{date}", consentDate)}</p>`
}
${r.status === "confirmed" && r.renew_due_at ? await retentionSection(lang, r, hidden) : ""}
${steckbriefSection({ lang, hidden, record: r, steckbrief, suggestions, forwards: forwards.map((f) => toForward(f, now)), notes, errors: steckbriefErrors, done })}
${poolSection({ lang, hidden, confirmed: r.status === "confirmed", member: poolMember, card, k, requests, blocks, employers })}
<h2>${t.downloadTitle}</h2>
<p>${t.downloadText}</p>
<p><a class="button" href="/me.json?${query}" download="heimvorteil-meine-daten.json">${t.download}</a></p>
<h2>${t.change}</h2>
<form class="comeback profile" method="post" action="/me?lang=${lang}">${hidden}
<label><span>${t.firstName}${optional}</span><input name="first_name" maxlength="60" autocomplete="given-name" value="${r.first_name ?? ""}"></label> ${err("first_name")}
<label><span>${t.field}${optional}</span><select name="field"><option value="">${t.choose}</option>${CATEGORY_IDS.map((id) => html`<option value="${id}"${selected(r.field === id)}>${CATEGORIES[id][lang]}</option>`)}</select></label>
<label><span>${t.occupation}${optional}</span><input name="occupation" maxlength="100" value="${r.occupation ?? ""}"></label> ${err("occupation")}
<label><span>${t.qualification}${optional}</span><select name="qualification"><option value="">${t.choose}</option>${QUALIFICATION_IDS.map((id) => html`<option value="${id}"${selected(r.qualification === id)}>${QUALIFICATIONS[id][lang]}</option>`)}</select></label>
<fieldset><legend>${t.towns}${optional}</legend>${TOWNS.map((town) => html`<label class="check"><input type="checkbox" name="towns" value="${town.id}"${checked(data.towns.includes(town.id))}><span>${town.name}</span></label>`)}</fieldset>
<label>${t.earliest}<select name="earliest_return"><option value="open"${selected(r.earliest_return === "open")}>${t.open}</option>${returnMonths(lang, new Date(), r.earliest_return).map((m) => html`<option value="${m.value}"${selected(r.earliest_return === m.value)}>${m.label}</option>`)}</select></label> ${err("earliest_return")}
<fieldset class="wide"><legend>${t.wantsChange}</legend><span class="hint">${t.wantsHint}</span>${WANT_IDS.map((id) => html`<label class="check"><input type="checkbox" name="wants" value="${id}"${checked(data.wants.includes(id))}><span>${WANTS[id][lang]}</span></label>`)}</fieldset> ${err("wants")}
<fieldset class="wide" id="keep-in-touch"><legend>${t.digestEvery}</legend><span class="hint">${t.digestHint}</span>${DIGEST_EVERY_IDS.map((id) => html`<label class="check"><input type="radio" name="digest_every" value="${id}"${checked(r.digest_every === id)}><span>${DIGEST_EVERY[id][lang]}</span></label>`)}</fieldset>
<p><button class="button" type="submit">${t.save}</button></p>
</form>
<h2>${t.links}</h2>
<form class="comeback erase" method="post" action="/me/links?lang=${lang}">${hidden}
<p>${t.linksText}</p>
<p><button class="button" type="submit">${t.links}</button></p>
</form>
<h2>${t.erase}</h2>
<form class="comeback erase" method="post" action="/me/delete?lang=${lang}">${hidden}
<p>${t.eraseText}</p>
<label class="check"><input type="checkbox" name="confirm" value="yes" required><span>${t.eraseConfirm}</span></label>
<p><button class="button danger" type="submit">${t.erase}</button></p>
</form>`;
  return c.html(
    page({ lang, title: t.title, description: t.intro, robots: "noindex", body }),
    Object.keys(errors).length || Object.keys(steckbriefErrors).length ? 400 : 200,
  );
}

/** The retention clock, and the button that renews the consent to the text shown now. */
async function retentionSection(lang: Lang, r: SignupRecord, hidden: ReturnType<typeof html>) {
  const t = T[lang];
  const current = CONSENT_TEXT[lang];
  const eraseAt = eraseAtOf(r.renewal_mailed_at);
  return html`<h2 id="renew">${t.retention}</h2>
${
  r.renewal_mailed_at && eraseAt
    ? html`<p class="notice" role="status">${t.retentionAsked.replace("{asked}", formatDate(r.renewal_mailed_at, lang)).replace("{erase}", formatDate(eraseAt, lang))}</p>`
    : html`<p>${t.retentionText.replace("{date}", formatDate(r.renew_due_at ?? "", lang))}</p>`
}
<form class="comeback erase" method="post" action="/me/renew?lang=${lang}">${hidden}
<p>${t.renewText}</p><blockquote>${current}</blockquote>
<p><button class="button" type="submit">${t.renew}</button></p>
</form>`;
}

me.get("/", async (c) => {
  const p = await person(c, c.req.query());
  if (!p) return invalid(c);
  const done = c.req.query("done");
  return render(c, p, undefined, {}, {}, isDoneKey(done) ? DONE[done][pageLang(c, p.record)] : undefined);
});

me.route("/", meSteckbrief(render));
me.route("/", mePool);
me.route("/", meMail);

const changesSchema = signupSchema
  .pick({
    first_name: true,
    field: true,
    occupation: true,
    qualification: true,
    towns: true,
    earliest_return: true,
    wants: true,
  })
  .extend({ digest_every: digestEverySchema });

me.post("/", async (c) => {
  const form = await c.req.parseBody({ all: true });
  const p = await person(c, form);
  if (!p) return invalid(c);
  const r = p.record;
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
  const parsed = changesSchema.safeParse({
    first_name: text(form.first_name),
    field: text(form.field),
    occupation: text(form.occupation),
    qualification: text(form.qualification),
    towns: list(form.towns),
    earliest_return: text(form.earliest_return) ?? "open",
    wants: list(form.wants),
    digest_every: text(form.digest_every),
  });
  const lang = pageLang(c, r);
  if (!parsed.success) return render(c, p, undefined, fieldErrors(parsed.error.issues, lang));
  const v = parsed.data;
  await updateSignup(c.env.DB, r.id, {
    first_name: v.first_name ?? null,
    field: v.field ?? null,
    occupation: v.occupation ?? null,
    qualification: v.qualification ?? null,
    towns: v.towns,
    earliest_return: v.earliest_return,
    wants: v.wants,
    digest_every: v.digest_every,
  });
  const updated = await getSignup(c.env.DB, r.id);
  return updated ? render(c, { ...p, record: updated }, T[lang].saved) : invalid(c);
});

// "Invalidate all my links": every link mailed so far stops working, and one new link goes to the address.
me.post("/links", async (c) => {
  const form = await c.req.parseBody();
  const p = await person(c, form);
  const origin = mailOrigin(c);
  if (!p || !origin) return invalid(c);
  const r = p.record;
  const lang = pageLang(c, r);
  const t = T[lang];
  const fresh = await dataPageUrl(origin, c.env.SIGNING_KEY ?? "", r.id, r.link_version + 1);
  await renewLinks(c.env.DB, r.id, r.link_version, newLinkMail(r.email, lang, fresh), new Date().toISOString());
  deliverSoon(c.executionCtx, c.env);
  return c.html(
    page({
      lang,
      title: t.title,
      description: t.linksRenewed,
      robots: "noindex",
      body: html`<h1>${t.title}</h1><p class="notice" role="status">${t.linksRenewed.replace("{email}", r.email)}</p>`,
    }),
  );
});

// The renewal button (from the yearly mail or at any time): a POST from our own page, so no mail scanner
// opening the link renews anyone; the consent is then the text shown now.
me.post("/renew", async (c) => {
  const form = await c.req.parseBody();
  const p = await person(c, form);
  if (p?.record.status !== "confirmed") return invalid(c);
  const lang = pageLang(c, p.record);
  await renewStatement(c.env.DB, p.record.id, await consentVersion(lang), new Date().toISOString()).run();
  return c.redirect(`/me?${queryOf(p.link)}&lang=${lang}&done=renewed#done`, 303);
});

me.post("/delete", async (c) => {
  const form = await c.req.parseBody();
  const p = await person(c, form);
  if (!p || form.confirm !== "yes") return invalid(c);
  const r = p.record;
  await eraseSignup(c.env.DB, r.id);
  const lang = pageLang(c, r);
  const t = T[lang];
  return c.html(
    page({
      lang,
      title: t.title,
      description: t.erased,
      robots: "noindex",
      body: html`<h1>${t.title}</h1><p class="notice" role="status">${t.erased}</p><p>${t.comeBack} <a href="${signupHref(lang)}">Komm zurück</a></p>`,
    }),
  );
});
