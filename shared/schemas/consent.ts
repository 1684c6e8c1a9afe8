/** `GET /v1/consent`: the consent text a signup agrees to, with the version `POST /v1/signups` expects. */
import { z } from "zod";
import { LANGS } from "../i18n.ts";

export const consentQuerySchema = z.strictObject({
  lang: z.enum(LANGS).optional().describe("One language; both when left out."),
});

export const consentTextSchema = z
  .object({
    lang: z.enum(LANGS),
    version: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("The SHA-256 of `text`: send it as `consent_version` with the signup."),
    text: z.string().describe("Show it as it is, next to the checkbox; its last words name the privacy notice."),
    link_words: z.string().describe("The words at the end of `text` to link to `privacy_url`."),
    privacy_url: z.url().describe("The privacy notice in this language."),
  })
  .meta({ id: "ConsentText" });
export type ConsentText = z.infer<typeof consentTextSchema>;

export const consentListSchema = z.object({ data: z.array(consentTextSchema) }).meta({ id: "ConsentList" });
