/** The Hono environment every route shares: the bindings from wrangler.jsonc and per-request variables. */
import type { Lang } from "../../shared/i18n.ts";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** Set by the language detector from Accept-Language; German unless English is preferred. */
    language: Lang;
  };
}

declare global {
  interface Env {
    /** Turnstile's site key (public, shown to the form): `wrangler secret put TURNSTILE_SITE_KEY`. */
    TURNSTILE_SITE_KEY?: string;
    /** Turnstile's secret key: `wrangler secret put TURNSTILE_SECRET` in production. */
    TURNSTILE_SECRET?: string;
    /** Development only: another siteverify endpoint (the signup benchmark's); ignored unless DEV. */
    TURNSTILE_SITEVERIFY_URL?: string;
    /** Key for the HMACs of IP and e-mail addresses in rate limits: `wrangler secret put SIGNING_KEY`. */
    SIGNING_KEY?: string;
    /** Bearer token of the HTTP mail API (MAIL_TRANSPORT "http"): `wrangler secret put MAIL_API_TOKEN`. */
    MAIL_API_TOKEN?: string;
    /** Bearer token the mail provider's webhook sends to POST /v1/mail/events: `wrangler secret put MAIL_WEBHOOK_SECRET`. */
    MAIL_WEBHOOK_SECRET?: string;
  }
}
