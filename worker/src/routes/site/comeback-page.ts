/**
 * `GET /embed/comeback`: the signup form's own page, shown by `<hv-comeback>` in an iframe on other
 * sites (so it may be framed anywhere); `GET /komm-zurueck`: the same form as a page of its own, for
 * links (the browser extension's hint, mails, flyers); `GET /privacy`: the privacy notice its consent
 * links to.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { isLang } from "../../../../shared/i18n.ts";
import type { AppEnv } from "../../env.ts";
import { PAGE_CSP, page } from "../../pages/layout.ts";
import { SIGNUP_PAGE } from "../../pages/signup-link.ts";

export const comebackPage = new Hono<AppEnv>();

// Scripts and the Turnstile frame from Cloudflare, calls to ourselves; framed by any site.
const formCsp = (frameAncestors: string) =>
  `default-src 'none'; script-src 'self' https://challenges.cloudflare.com; frame-src https://challenges.cloudflare.com; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors ${frameAncestors}`;
// Shown as the embedding site in the consent proof; a label only, cut short.
const sourceLabel = (source: string | undefined) => (source ?? "").slice(0, 100);

comebackPage.get("/embed/comeback", (c) => {
  const q = c.req.query();
  const lang = isLang(q.lang) ? q.lang : c.get("language");
  const accent = /^#[0-9a-f]{3,8}$/i.test(q.accent ?? "") ? (q.accent as string) : "";
  // Light unless the host asks for dark or for the reader's setting, like the other widgets.
  const theme = q.theme === "dark" || q.theme === "auto" ? q.theme : "light";
  c.header("Content-Security-Policy", formCsp("*"));
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex");
  return c.html(html`<!doctype html>
<html lang="${lang}"${theme === "auto" ? "" : html` data-theme="${theme}"`}${accent ? html` data-accent="${accent}"` : ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Komm zurück</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/site.css">
<script type="module" src="/embed/comeback.js"></script>
</head>
<body class="embedded">
<hv-comeback-form lang="${lang}" source="${sourceLabel(q.source)}" host="${q.host ?? ""}" site-key="${c.env.TURNSTILE_SITE_KEY ?? ""}"></hv-comeback-form>
</body>
</html>`);
});

const PRIVACY = {
  de: html`<h1>Datenschutz bei „Komm zurück“</h1>
<p>Verantwortlich: die Wirtschaftsförderung des Hochsauerlandkreises. Wir speichern die Angaben deines Steckbriefs (E-Mail-Adresse, freiwillig Vorname, Berufsfeld und Beruf, Abschluss, Wunschorte, frühester Rückkehrtermin, gewünschte Informationen) mit dem Nachweis deiner Einwilligung (Zeitpunkt, Wortlaut, Sprache, Website, auf der das Formular war) – keine IP-Adressen.</p>
<p>Zweck: dir die gewählten Informationen zu schicken und deinen Steckbrief an Arbeitgeber der Region weiterzugeben – an jeden nur, wenn wir ihn dir vorher nennen und du zustimmst; du wählst, was er sieht, sein Link gilt 30 Tage und du kannst ihn jederzeit zurückziehen. Rechtsgrundlage ist deine Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die du jederzeit widerrufen kannst.</p>
<p>Für die gewählten E-Mails merken wir uns, wann du welche bekommen hast (Betreff und Zeit), bis wohin dir Stellen geschickt wurden, zu welchen Treffen wir dich eingeladen haben und deine Antwort darauf (die sieht nur das Team, keine anderen Gäste). Höchstens zwei solcher E-Mails in sieben Tagen, nur zwischen 7 und 20 Uhr; jede Art beendest du mit einem Klick auf den Abmeldelink darin. Der Newsletter „Heimatpost“ hat keine Zählpixel und keine umgeleiteten Links: wir erfahren nicht, ob und was du liest; jede Ausgabe steht auch öffentlich im Archiv, ohne Namen von Empfängern. Kommt eine E-Mail an deiner Adresse nicht an oder meldest du sie als Spam, schicken wir dir keine mehr und behalten dafür nur einen Fingerabdruck (SHA-256) der Adresse.</p>
<p>Trittst du auf deiner Seite dem anonymen Bewerberpool bei (eine eigene Einwilligung), sehen Arbeitgeber eine Karte mit den Angaben, die du dafür wählst, so vergröbert, dass sie auf mehrere andere zutreffen; wir speichern dazu deine Wahl, den Zeitpunkt und den Wortlaut deiner Einwilligung. Eine Zeile, die du für die Suche schreibst, durchsuchen Arbeitgeber, sehen sie aber nicht. Fragt dich ein Arbeitgeber an, speichern wir seine Anfrage (Stelle, Nachricht, Gehaltsspanne) und deine Antwort; erst wenn du annimmst, sieht dieser eine Arbeitgeber deinen Vornamen, deine E-Mail-Adresse und deinen Steckbrief. Wen du blockierst, speichern wir, und der Arbeitgeber erfährt es nicht. Was Arbeitgeber im Pool tun (Suchen mit ihren Filtern, Anfragen, angesehene Kontakte), steht im Protokoll des Teams.</p>
<p>Auftragsverarbeiter: Cloudflare betreibt für uns die Datenbank (in der EU) und versendet unsere E-Mails; eine versandte E-Mail löschen wir sofort aus unserem Postausgang (von Sammel-E-Mails bleibt 30 Tage nur ein leerer Eintrag, damit niemand eine doppelt bekommt).</p>
<p>Nicht bestätigte Anmeldungen werden nach 7 Tagen gelöscht. Über den Link in jeder E-Mail siehst, änderst, exportierst und löschst du deine Daten selbst; gelöschte Daten bleiben in den Sicherungen unseres Datenbankdienstes noch bis zu 30 Tage wiederherstellbar.</p>`,
  en: html`<h1>Privacy for "Komm zurück"</h1>
<p>Controller: the economic development office of the Hochsauerlandkreis. We store your profile (e-mail address, optionally first name, field and occupation, qualification, towns, earliest return, the information you want) with the proof of your consent (time, exact wording, language, the website the form was on) – no IP addresses.</p>
<p>Purpose: to send you the information you chose and to pass your profile on to employers in the region – to each one only after we name it to you and you agree; you choose what it sees, its link works for 30 days and you can revoke it at any time. The legal basis is your consent (Art. 6(1)(a) GDPR), which you can withdraw at any time.</p>
<p>For the e-mails you chose we keep when you got which one (subject and time), how far the jobs sent to you go, which meet-ups we invited you to and your answer (only the team sees it, no other guest). At most two such e-mails in seven days, only between 7:00 and 20:00; you end each kind with one click on the unsubscribe link in it. The “Heimatpost” newsletter has no tracking pixels and no redirected links: we do not learn whether or what you read; each issue is also in the public archive, naming no recipient. If an e-mail does not arrive at your address or you report it as spam, we send you no more and keep only a fingerprint (SHA-256) of the address for that.</p>
<p>If you join the anonymous applicant pool on your page (a consent of its own), employers see a card with the details you choose for it, coarsened so that they are true of several others; for that we store your choice, the time and the wording of your consent. A line you write for the search is searched by employers but not shown to them. When an employer asks for contact, we store its request (role, message, salary range) and your answer; only once you accept does that one employer see your first name, your e-mail address and your profile. We store whom you block, and the employer is not told. What employers do in the pool (searches with their filters, requests, contacts viewed) is in the team's audit log.</p>
<p>Processor: Cloudflare runs our database (in the EU) and sends our e-mails; once an e-mail is sent we delete it from our outbox at once (of bulk e-mails only an empty entry stays for 30 days, so nobody gets one twice).</p>
<p>Unconfirmed signups are deleted after 7 days. Through the link in every e-mail you see, change, export and delete your data yourself; deleted data stays restorable in our database provider's backups for up to 30 days.</p>`,
};

const INTRO = {
  de: html`<h1>Komm zurück ins Hochsauerland</h1>
<p>Erzähl uns kurz, was du machst und wohin es dich zieht. Die Wirtschaftsförderung schickt dir passende Stellen und lädt dich zu Rückkehrer-Treffen ein – nur mit deiner Einwilligung, jederzeit widerrufbar.</p>`,
  en: html`<h1>Come back to the Hochsauerland</h1>
<p>Tell us briefly what you do and where you would like to live. The economic development office sends you matching jobs and invites you to returnee meet-ups – only with your consent, which you can withdraw at any time.</p>`,
};

comebackPage.get(SIGNUP_PAGE, (c) => {
  const q = c.req.query();
  const lang = isLang(q.lang) ? q.lang : c.get("language");
  c.header("Content-Security-Policy", formCsp("'none'"));
  return c.html(
    page({
      lang,
      title: lang === "de" ? "Komm zurück – Heimvorteil" : "Come back – Heimvorteil",
      description: lang === "de" ? "Steckbrief für Rückkehrer ins Hochsauerland" : "A profile for returnees",
      script: "/embed/comeback.js",
      body: html`${INTRO[lang]}
<hv-comeback-form lang="${lang}" source="${sourceLabel(q.source)}" site-key="${c.env.TURNSTILE_SITE_KEY ?? ""}"></hv-comeback-form>`,
    }),
  );
});

comebackPage.get("/privacy", (c) => {
  const lang = c.get("language");
  c.header("Content-Security-Policy", PAGE_CSP);
  return c.html(page({ lang, title: "Datenschutz / Privacy", description: "Privacy notice", body: PRIVACY[lang] }));
});
