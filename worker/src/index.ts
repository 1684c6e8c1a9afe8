/** The Heimvorteil API: composes middleware, one sub-app per resource, and the error handlers. */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { languageDetector } from "hono/language";
import { secureHeaders } from "hono/secure-headers";
import { DEFAULT_LANG, LANGS } from "../../shared/i18n.ts";
import type { AppEnv } from "./env.ts";
import type { ImportMessage } from "./import/queue.ts";
import { RSVP_PATH, UNSUBSCRIBE_PATH } from "./keep-in-touch/links.ts";
import { ARCHIVE_PATH } from "./keep-in-touch/newsletter.ts";
import { MAX_IMAGE_BYTES } from "./keep-in-touch/newsletter-images.ts";
import type { MailMessage } from "./keep-in-touch/queue.ts";
import { errorResponse, notFound, onError } from "./lib/errors.ts";
import { queue } from "./queues.ts";
import { consent } from "./routes/api/consent.ts";
import { events } from "./routes/api/events.ts";
import { health } from "./routes/api/health.ts";
import { jobs } from "./routes/api/jobs.ts";
import { mailEvents } from "./routes/api/mail-events.ts";
import { openapi } from "./routes/api/openapi.ts";
import { employers, towns } from "./routes/api/region.ts";
import { signups } from "./routes/api/signups.ts";
import { dev } from "./routes/dev/dev.ts";
import { employerPool } from "./routes/employer/pool.ts";
import { employerSignIn } from "./routes/employer/sign-in.ts";
import { employerSteckbrief } from "./routes/employer/steckbrief.ts";
import { me } from "./routes/person/me.ts";
import { meJson } from "./routes/person/me-json.ts";
import { rsvp } from "./routes/person/rsvp.ts";
import { signupPages } from "./routes/person/signup-pages.ts";
import { unsubscribe } from "./routes/person/unsubscribe.ts";
import { comebackPage } from "./routes/site/comeback-page.ts";
import { crawlers } from "./routes/site/crawlers.ts";
import { demo } from "./routes/site/demo.ts";
import { embed } from "./routes/site/embed.ts";
import { home } from "./routes/site/home.ts";
import { jobPages } from "./routes/site/job-pages.ts";
import { newsletterArchive } from "./routes/site/newsletter-archive.ts";
import { admin } from "./routes/staff/admin.ts";
import { staffApi } from "./routes/staff/api.ts";
import { consolePage } from "./routes/staff/console.ts";
import { signIn } from "./routes/staff/sign-in.ts";
import { scheduled } from "./scheduled.ts";

// Nothing this API accepts comes near this, but a newsletter's picture; larger bodies are refused before
// anything reads them.
const MAX_BODY_BYTES = 64 * 1024;
const IMAGE_UPLOAD = "/v1/staff/newsletter-images";

export const app = new Hono<AppEnv>();

app.use(
  languageDetector({
    // A page linked with ?lang=en (the form's privacy link, mails) speaks it; otherwise Accept-Language.
    order: ["querystring", "header"],
    lookupQueryString: "lang",
    supportedLanguages: [...LANGS],
    fallbackLanguage: DEFAULT_LANG,
    caches: false,
  }),
);
app.use(
  secureHeaders({
    // Set below, per route.
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    // Pages say who may frame them in their CSP (frame-ancestors); the signup form may be framed anywhere.
    xFrameOptions: false,
  }),
);
const tooLarge = (c: Parameters<typeof errorResponse>[0]) => errorResponse(c, 413, "payload_too_large");
const bodyLimits = {
  usual: bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge }),
  image: bodyLimit({ maxSize: MAX_IMAGE_BYTES, onError: tooLarge }),
};
app.use((c, next) => (c.req.path === IMAGE_UPLOAD ? bodyLimits.image : bodyLimits.usual)(c, next));
// Public data for any site: no credentials, so any origin may read it.
const publicCors = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD", "OPTIONS"],
  exposeHeaders: ["ETag"],
  maxAge: 86400,
});
// The admin and staff routes are for the programme team's tools only, never for other sites' scripts.
const teamOnly = (path: string) => path.startsWith("/v1/admin/") || path.startsWith("/v1/staff/");
app.use("/v1/*", (c, next) => (teamOnly(c.req.path) ? next() : publicCors(c, next)));
// Only public data may be read from other sites' pages: the public API and the signup form's page (framed
// anywhere); the widget files say so in their _headers. Personal pages and the admin API stay same-origin.
app.use(async (c, next) => {
  await next();
  const path = c.req.path;
  const open = (path.startsWith("/v1/") && !teamOnly(path)) || path === "/embed/comeback";
  c.res.headers.set("Cross-Origin-Resource-Policy", open ? "cross-origin" : "same-origin");
});
app.use("/v1/*", etag());
app.use("/jobs/*", etag());

app.route("/", home);
app.route("/", crawlers);
app.route("/healthz", health);
app.route("/v1/openapi.json", openapi);
app.route("/v1/jobs", jobs);
app.route("/v1/towns", towns);
app.route("/v1/employers", employers);
app.route("/v1", events);
app.route("/jobs", jobPages);
app.route("/demo", demo);
app.route("/", comebackPage);
app.route("/embed", embed);
app.route("/v1/consent", consent);
app.route("/v1/signups", signups);
app.route("/v1/mail/events", mailEvents);
app.route("/v1/admin", admin);
app.route("/signup", signupPages);
app.route("/me.json", meJson);
app.route("/me", me);
app.route(UNSUBSCRIBE_PATH, unsubscribe);
app.route(RSVP_PATH, rsvp);
app.route(ARCHIVE_PATH, newsletterArchive);
app.route("/dev", dev);
app.route("/v1/staff", staffApi);
app.route("/steckbrief", employerSteckbrief);
app.route("/console/sign-in", signIn);
app.route("/console", consolePage);
app.route("/arbeitgeber/anmelden", employerSignIn);
app.route("/arbeitgeber", employerPool);

app.notFound(notFound);
app.onError(onError);

export default { fetch: app.fetch, scheduled, queue } satisfies ExportedHandler<Env, ImportMessage | MailMessage>;
