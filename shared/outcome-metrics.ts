/** What the Outcomes view counts, in the order of the way from a signup to a hire; without zod, for the console. */
import type { Text } from "./i18n.ts";

export const OUTCOME_LABELS = {
  signup: { de: "Anmeldungen", en: "Signups" },
  confirmed: { de: "Bestätigt", en: "Confirmed" },
  withdrawn: { de: "Abgemeldet oder gelöscht", en: "Withdrawn or erased" },
  proposed: { de: "Weitergaben vorgeschlagen", en: "Forwards proposed" },
  accepted: { de: "Weitergaben zugestimmt", en: "Forwards accepted" },
  declined: { de: "Weitergaben abgelehnt", en: "Forwards declined" },
  opened: { de: "Steckbriefe geöffnet", en: "Profiles opened" },
  replied: { de: "Ergebnis: Antwort", en: "Outcome: replied" },
  interview: { de: "Ergebnis: Gespräch", en: "Outcome: interview" },
  hired: { de: "Ergebnis: eingestellt", en: "Outcome: hired" },
  no_fit: { de: "Ergebnis: passt nicht", en: "Outcome: no fit" },
} as const satisfies Record<string, Text>;

export type OutcomeMetric = keyof typeof OUTCOME_LABELS;
export const OUTCOME_METRICS = /* @__PURE__ */ Object.keys(OUTCOME_LABELS) as [OutcomeMetric, ...OutcomeMetric[]];

/** What came of a forward, as the team records it on the forward (the last four of the metrics above). */
export const FORWARD_OUTCOMES = ["replied", "interview", "hired", "no_fit"] as const satisfies readonly OutcomeMetric[];
