/** The extension's texts in German and English. */
export type Lang = "de" | "en";

export const TEXT = {
  de: {
    chip: (n: number) => (n === 1 ? "1 passende Stelle im Sauerland" : `${n} passende Stellen im Sauerland`),
    panelTitle: "Passende Stellen im Hochsauerland",
    all: (n: number) => `Alle ${n} Treffer ansehen`,
    dismiss: "Für diese Seite ausblenden",
    snooze: "24 Stunden pausieren",
    off: (board: string) => `Auf ${board} abschalten`,
    comeback: "Zurückkommen? Steckbrief hinterlassen",
    close: "Schließen",
    popupEmpty: "Auf dieser Seite gibt es nichts Passendes – oder sie ist keine der Jobbörsen.",
    popupTitle: "Heimvorteil",
  },
  en: {
    chip: (n: number) => (n === 1 ? "1 matching job in the Sauerland" : `${n} matching jobs in the Sauerland`),
    panelTitle: "Matching jobs in the Hochsauerland",
    all: (n: number) => `See all ${n} matches`,
    dismiss: "Hide on this page",
    snooze: "Pause for 24 hours",
    off: (board: string) => `Switch off on ${board}`,
    comeback: "Coming back? Leave your profile",
    close: "Close",
    popupEmpty: "Nothing matching on this page – or it is not one of the job boards.",
    popupTitle: "Heimvorteil",
  },
} as const;
