/**
 * German-aware text folding for full-text search. The same functions build the index (the seed, later the
 * job import) and the query, and the browser extension uses them for its local matching, so both sides of
 * every comparison are folded alike.
 */

// Gender forms written as one word with a marker: "Elektroniker*in", "Pfleger:innen", "Kaufmann/-frau" is
// left alone, but "Mitarbeiter/-in", "Mitarbeiter/in", "Mitarbeiter_in" and "Mitarbeiter(in)" all become
// "mitarbeiterin", so a search for "Elektroniker" (a prefix) finds every form.
const GENDER_SUFFIX = /(\p{L})(?:\*|:|_|\/-?|\()(in|innen)(?:\))?(?![\p{L}])/giu;
const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** Lowercase, German transliteration (ä→ae, ß→ss), other accents dropped, gender markers joined. */
export function foldGerman(text: string): string {
  return text
    .replace(GENDER_SUFFIX, "$1$2")
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => UMLAUTS[ch] ?? ch)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
}

/** Words of a folded text: letters and digits only. */
export function tokenize(text: string): string[] {
  return foldGerman(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Heads of German compound job titles. A title word that ends in one of them is also indexed under the
// head, so "Entwickler" finds "Softwareentwickler*in" and "Techniker" finds "Servicetechniker".
const COMPOUND_HEADS = [
  "entwickler",
  "techniker",
  "mechaniker",
  "mechatroniker",
  "elektroniker",
  "elektriker",
  "ingenieur",
  "informatiker",
  "kaufmann",
  "kauffrau",
  "leiter",
  "berater",
  "betreuer",
  "pfleger",
  "pflegekraft",
  "fachkraft",
  "hilfe",
  "helfer",
  "meister",
  "fahrer",
  "arbeiter",
  "mitarbeiter",
  "assistent",
  "referent",
  "sachbearbeiter",
  "manager",
  "planer",
  "monteur",
  "schlosser",
  "verkaeufer",
  "koch",
  "erzieher",
  "therapeut",
  "administrator",
  "architekt",
  "designer",
  "analyst",
  "disponent",
  "lagerist",
  "bauer",
].sort((a, b) => b.length - a.length);

/** The head of a compound job-title word ("softwareentwickler" → "entwickler"), if it has a known one. */
export function compoundHead(word: string): string | undefined {
  for (const head of COMPOUND_HEADS) {
    for (const form of [head, `${head}in`, `${head}innen`]) {
      if (word.length > form.length + 2 && word.endsWith(form)) return head;
    }
  }
  return undefined;
}

/** What the index stores for a text: its words plus the heads of compound words, space-separated. */
export function indexText(text: string): string {
  const words = tokenize(text);
  const heads = words.map(compoundHead).filter((h): h is string => h !== undefined);
  return [...words, ...heads].join(" ");
}

/**
 * An FTS5 MATCH expression for what a person typed: every word must occur, each as a prefix, so
 * "Elektroniker" matches "elektronikerin". Words are re-quoted, so FTS5 operators in the input are inert.
 * Returns undefined when nothing searchable is left.
 */
export function ftsQuery(input: string, maxWords = 8): string | undefined {
  const words = tokenize(input).filter((w) => w.length > 1 || /\p{N}/u.test(w));
  if (words.length === 0) return undefined;
  return [...new Set(words)]
    .slice(0, maxWords)
    .map((w) => `"${w.slice(0, 40)}"*`)
    .join(" ");
}
