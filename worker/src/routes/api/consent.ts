/**
 * `GET /v1/consent?lang=de|en`: the consent text(s) in force and their versions, exactly what
 * `POST /v1/signups` expects in `consent_version`. Our own form reads it too, so there is one source.
 */
import { Hono } from "hono";
import { CONSENT_LINK_WORDS, CONSENT_TEXT, consentVersion } from "../../../../shared/consent.ts";
import { LANGS } from "../../../../shared/i18n.ts";
import { consentQuerySchema } from "../../../../shared/schemas/consent.ts";
import type { AppEnv } from "../../env.ts";
import { publicCache } from "../../lib/cache.ts";
import { publicOrigin } from "../../lib/origin.ts";
import { validate } from "../../lib/validate.ts";

export const consent = new Hono<AppEnv>();

consent.get("/", publicCache(3600), validate("query", consentQuerySchema), async (c) => {
  const { lang } = c.req.valid("query");
  const origin = publicOrigin(c);
  const data = await Promise.all(
    (lang ? [lang] : LANGS).map(async (l) => ({
      lang: l,
      version: await consentVersion(l),
      text: CONSENT_TEXT[l],
      link_words: CONSENT_LINK_WORDS[l],
      privacy_url: `${origin}/privacy?lang=${l}`,
    })),
  );
  return c.json({ data });
});
