/**
 * `/console`: the programme console's page. Signed-in staff get the app (console/, its own build in
 * dist/public/console/); anyone else is sent to the sign-in page. The app talks to /v1/staff/… only.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import type { AppEnv } from "../../env.ts";
import { currentStaff } from "../../lib/staff-session.ts";

export const consolePage = new Hono<AppEnv>();

// The app's own script and our API only; Lit's styles are constructed style sheets, which need no
// style-src of their own.
const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

consolePage.get("/", async (c) => {
  const lang = c.get("language");
  const staff = await currentStaff(c);
  if (!staff) return c.redirect(`/console/sign-in?lang=${lang}`, 303);
  c.header("Content-Security-Policy", CONSOLE_CSP);
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Robots-Tag", "noindex");
  return c.html(html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${lang === "en" ? "Heimvorteil console" : "Heimvorteil-Konsole"}</title>
<link rel="stylesheet" href="/console/console.css">
<script type="module" src="/console/app.js"></script>
</head>
<body>
<hv-console lang="${lang}"><noscript>${lang === "en" ? "The console needs JavaScript." : "Die Konsole braucht JavaScript."}</noscript></hv-console>
</body>
</html>`);
});
