/**
 * The one error envelope every API failure is answered with, and its texts in German and English.
 * `{"error":{"code":"invalid_query","message":"…","fields":{"town":"…"}}}`
 */
import { z } from "zod";
import type { Lang, Text } from "./i18n.ts";

export const ERROR_MESSAGES = {
  invalid_query: {
    de: "Die Suchparameter sind ungültig.",
    en: "The query parameters are invalid.",
  },
  invalid_path: {
    de: "Die Adresse enthält einen ungültigen Wert.",
    en: "The address contains an invalid value.",
  },
  invalid_body: {
    de: "Die gesendeten Daten sind ungültig.",
    en: "The data sent is invalid.",
  },
  not_found: {
    de: "Das Gesuchte gibt es hier nicht.",
    en: "Nothing was found at this address.",
  },
  job_expired: {
    de: "Diese Stelle ist nicht mehr ausgeschrieben.",
    en: "This job is no longer advertised.",
  },
  method_not_allowed: {
    de: "Diese Methode ist für diese Adresse nicht erlaubt.",
    en: "This method is not allowed for this address.",
  },
  payload_too_large: {
    de: "Die gesendeten Daten sind zu groß.",
    en: "The data sent is too large.",
  },
  verification_failed: {
    de: "Die Sicherheitsprüfung ist fehlgeschlagen. Bitte die Seite neu laden und erneut versuchen.",
    en: "The security check failed. Please reload the page and try again.",
  },
  unauthorized: {
    de: "Dafür ist eine Anmeldung nötig.",
    en: "This needs authorisation.",
  },
  rate_limited: {
    de: "Zu viele Versuche. Bitte später noch einmal probieren.",
    en: "Too many attempts. Please try again later.",
  },
  invalid_token: {
    de: "Dieser Link ist ungültig, abgelaufen oder wurde schon benutzt.",
    en: "This link is invalid, has expired or was already used.",
  },
  forbidden: {
    de: "Diese Anfrage kam nicht von unserer eigenen Seite und wurde abgelehnt.",
    en: "This request did not come from our own page and was refused.",
  },
  not_allowed: {
    de: "Für dieses Konto nicht freigegeben.",
    en: "This account may not do this.",
  },
  not_open: {
    de: "Diese Weitergabe ist dafür nicht (mehr) offen.",
    en: "This forward is not open for this (any more).",
  },
  unavailable: {
    de: "Anmeldungen sind gerade nicht möglich. Bitte später noch einmal versuchen.",
    en: "Signing up is not possible just now. Please try again later.",
  },
  mail_not_configured: {
    de: "Ohne öffentliche Adresse (PUBLIC_ORIGIN) verschicken wir keine E-Mails: Ihre Links könnten sonst überallhin zeigen.",
    en: "Without a public origin (PUBLIC_ORIGIN) we send no e-mails: their links could point anywhere.",
  },
  internal_error: {
    de: "Ein unerwarteter Fehler ist aufgetreten. Bitte später erneut versuchen.",
    en: "An unexpected error occurred. Please try again later.",
  },
} as const satisfies Record<string, Text>;
export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe("One message per invalid field, keyed by the field's name (dotted for nested fields)."),
    }),
  })
  .meta({ id: "Error" });
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Texts for the checks our schemas add themselves (`ctx.addIssue({ params: { key } })`). */
export const CUSTOM_MESSAGES = {
  radius_needs_town: {
    de: "Ein Umkreis braucht einen Ort (town).",
    en: "A radius needs a town to measure from.",
  },
  bad_cursor: {
    de: "Dieser Blätter-Verweis ist ungültig oder gehört zu einer anderen Sortierung.",
    en: "This page cursor is invalid or belongs to another sort order.",
  },
  to_before_from: {
    de: "Das Ende liegt vor dem Anfang.",
    en: "The end lies before the start.",
  },
  control_characters: {
    de: "Bitte keine Steuerzeichen verwenden.",
    en: "Please do not use control characters.",
  },
  origin: {
    de: "Bitte eine Herkunft wie https://beispiel.de angeben.",
    en: "Please give an origin such as https://example.org.",
  },
  month_or_open: {
    de: "Bitte einen Monat (JJJJ-MM) oder „offen“ angeben.",
    en: "Please give a month (YYYY-MM) or “open”.",
  },
  consent_required: {
    de: "Ohne deine Einwilligung können wir deine Angaben nicht speichern.",
    en: "Without your consent we cannot store your details.",
  },
  consent_outdated: {
    de: "Der Einwilligungstext hat sich geändert. Bitte die Seite neu laden (der aktuelle Text mit seiner Version: GET /v1/consent).",
    en: "The consent text has changed. Please reload the page (the current text with its version: GET /v1/consent).",
  },
  calendar_needs_town: {
    de: "Ein Kalender gehört zu einem Ort (town).",
    en: "A calendar belongs to a town.",
  },
  town_account_needs_towns: {
    de: "Ein Konto einer Stadt oder Gemeinde braucht mindestens einen Ort (towns).",
    en: "A town account needs at least one town.",
  },
  feed_needs_employer: {
    de: "Ein Stellen-Feed gehört zu einem Arbeitgeber (employer).",
    en: "A job feed belongs to an employer.",
  },
  source_needs_url: {
    de: "Diese Art Quelle braucht eine Adresse (url).",
    en: "This kind of source needs an address (url).",
  },
  source_url: {
    de: "Bitte eine https-Adresse mit Namen angeben, keine IP-Adresse und keinen lokalen Rechner.",
    en: "Please give an https address with a name, not an IP address or a local machine.",
  },
  unknown_employer: {
    de: "Diesen Arbeitgeber kennen wir nicht.",
    en: "We do not know this employer.",
  },
  source_exists: {
    de: "Eine Quelle mit diesem Namen gibt es schon.",
    en: "A source with this id exists already.",
  },
  nothing_suggested: {
    de: "Bitte mindestens ein Feld vorschlagen.",
    en: "Please suggest at least one field.",
  },
  no_contact_address: {
    de: "Für diesen Arbeitgeber ist keine Kontaktadresse hinterlegt.",
    en: "This employer has no contact address yet.",
  },
  not_confirmed: {
    de: "Diese Person hat ihre Adresse noch nicht bestätigt.",
    en: "This person has not confirmed their address yet.",
  },
  clock_time: {
    de: "Bitte eine Uhrzeit wie 19:00 angeben.",
    en: "Please give a time such as 19:00.",
  },
  series_too_long: {
    de: "Eine Reihe reicht höchstens 18 Monate weit; für später bitte eine neue anlegen.",
    en: "A series reaches at most 18 months ahead; please start a new one for later.",
  },
  not_editable: {
    de: "Dieser Termin kommt aus einer importierten Quelle und ändert sich nur dort.",
    en: "This event comes from an imported source and changes only there.",
  },
  period_too_long: {
    de: "Bitte einen Zeitraum von höchstens drei Jahren wählen.",
    en: "Please choose a period of at most three years.",
  },
  newsletter_link: {
    de: "Links bitte nur zu https-, http- oder mailto-Adressen oder zu unseren eigenen Seiten (beginnend mit /).",
    en: "Links may only go to https, http or mailto addresses or to our own pages (starting with /).",
  },
  newsletter_image: {
    de: "Bilder nur von unserer eigenen Seite: bitte hochladen und die Adresse verwenden, die mit /heimatpost/bilder/ beginnt.",
    en: "Images from our own site only: please upload them and use the address starting with /heimatpost/bilder/.",
  },
  english_needs_both: {
    de: "Für die englische Fassung bitte Betreff und Text angeben, oder beides leer lassen.",
    en: "For the English version please give both subject and text, or leave both empty.",
  },
  month: {
    de: "Bitte einen Monat (JJJJ-MM) angeben.",
    en: "Please give a month (YYYY-MM).",
  },
  salary_range: {
    de: "Bitte beide Enden der Gehaltsspanne angeben (von und bis, in Euro im Jahr), oder beide leer lassen.",
    en: "Please give both ends of the salary range (from and to, euros a year), or leave both empty.",
  },
  nothing_searchable: {
    de: "Bitte mindestens ein Wort mit Buchstaben oder Ziffern eingeben.",
    en: "Please enter at least one word with letters or digits.",
  },
} as const satisfies Record<string, Text>;
export type CustomMessageKey = keyof typeof CUSTOM_MESSAGES;

const TYPE_NAMES: Record<string, Text> = {
  string: { de: "einen Text", en: "a text" },
  number: { de: "eine Zahl", en: "a number" },
  int: { de: "eine ganze Zahl", en: "a whole number" },
  boolean: { de: "ja oder nein", en: "yes or no" },
  array: { de: "eine Liste", en: "a list" },
  object: { de: "ein Objekt", en: "an object" },
};

const FORMAT_MESSAGES: Record<string, Text> = {
  email: { de: "Bitte eine gültige E-Mail-Adresse angeben.", en: "Please enter a valid e-mail address." },
  date: { de: "Bitte ein Datum im Format JJJJ-MM-TT angeben.", en: "Please enter a date as YYYY-MM-DD." },
  datetime: {
    de: "Bitte Datum und Uhrzeit nach ISO 8601 angeben.",
    en: "Please enter a date and time in ISO 8601 form.",
  },
  url: { de: "Bitte eine gültige Adresse (URL) angeben.", en: "Please enter a valid address (URL)." },
};

function sizeText(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, lang: Lang): string {
  const small = issue.code === "too_small";
  const n = String(issue.code === "too_small" ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      return lang === "de"
        ? `${small ? "Mindestens" : "Höchstens"} ${n} Zeichen.`
        : `${small ? "At least" : "At most"} ${n} characters.`;
    case "array":
    case "set":
      if (n === "1")
        return lang === "de"
          ? `${small ? "Mindestens" : "Höchstens"} einen Eintrag.`
          : `${small ? "At least" : "At most"} one entry.`;
      return lang === "de"
        ? `${small ? "Mindestens" : "Höchstens"} ${n} Einträge.`
        : `${small ? "At least" : "At most"} ${n} entries.`;
    default:
      if (lang === "de") {
        const word = small ? (inclusive ? "mindestens" : "größer als") : inclusive ? "höchstens" : "kleiner als";
        return `Der Wert muss ${word} ${n} sein.`;
      }
      return `The value must be ${small ? (inclusive ? "at least" : "greater than") : inclusive ? "at most" : "less than"} ${n}.`;
  }
}

/** A message a person understands for one zod issue, in their language. */
export function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return lang === "de" ? "Dieses Feld fehlt." : "This field is required.";
      const name = TYPE_NAMES[issue.expected]?.[lang] ?? issue.expected;
      return lang === "de" ? `Erwartet wird ${name}.` : `Expected ${name}.`;
    }
    case "too_small":
    case "too_big":
      return sizeText(issue, lang);
    case "invalid_value": {
      const allowed = issue.values.map(String).join(", ");
      return lang === "de" ? `Erlaubt sind: ${allowed}.` : `Allowed values: ${allowed}.`;
    }
    case "invalid_format": {
      const known = FORMAT_MESSAGES[issue.format];
      if (known) return known[lang];
      return lang === "de" ? "Das Format stimmt nicht." : "The format is not valid.";
    }
    case "unrecognized_keys":
      return lang === "de" ? "Unbekannter Parameter." : "Unknown parameter.";
    case "custom": {
      const key = issue.params?.key as CustomMessageKey | undefined;
      if (key && key in CUSTOM_MESSAGES) return CUSTOM_MESSAGES[key][lang];
      return lang === "de" ? "Ungültiger Wert." : "Invalid value.";
    }
    default:
      return lang === "de" ? "Ungültiger Wert." : "Invalid value.";
  }
}

/**
 * Field name → message for every issue, first issue per field winning. Unknown keys are reported under
 * their own names, so a typo like `twon` is named as the culprit.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    // Fields are named without list positions: "town", not "town.2".
    const base = issue.path
      .filter((segment) => typeof segment !== "number")
      .map(String)
      .join(".");
    const names =
      issue.code === "unrecognized_keys" ? issue.keys.map((k) => (base ? `${base}.${k}` : k)) : [base || "_"];
    for (const name of names) fields[name] ??= issueMessage(issue, lang);
  }
  return fields;
}
