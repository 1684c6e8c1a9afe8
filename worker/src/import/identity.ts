/**
 * When two sources carry the same job (the Jobbörse and the employer's own feed), it is shown once. Two
 * jobs are the same when the employer, the title and the town are, after normalising away what differs in
 * writing only: legal forms, punctuation, gender markers. What changes the job (Junior, Senior, Leitung,
 * Teilzeit, a second subject) is kept, because a false merge hides a real job and a missed one only shows a
 * job twice. tests/worker/import-identity.test.ts holds the pairs that must and must not merge.
 */
import { foldGerman } from "../../../shared/search-text.ts";

// Legal forms and their spellings, longest first so "gmbh & co kg" goes before "gmbh".
const LEGAL_FORMS = [
  "gmbh & co kgaa",
  "gmbh & co kg",
  "gmbh & co ohg",
  "ag & co kg",
  "ug & co kg",
  "se & co kg",
  "ug haftungsbeschraenkt",
  "haftungsbeschraenkt",
  "ggmbh",
  "gmbh",
  "mbh",
  "kgaa",
  "ag",
  "se",
  "kg",
  "ohg",
  "gbr",
  "ug",
  "ev",
  "eg",
  "ek",
  "ltd",
  "inc",
  "partg",
  "partgmbb",
].map((f) => f.split(" "));

/** "Muster GmbH & Co. KG", "Muster GmbH & Co KG" and "MUSTER" are one employer: "muster". */
export function normaliseEmployer(name: string): string {
  const words = foldGerman(name)
    .replace(/&/g, " & ")
    .replace(/[^\p{L}\p{N}&]+/gu, " ")
    .split(" ")
    .filter(Boolean);
  // "e. V." arrives as loose letters once the dots are gone: a run of single letters is one word.
  const joined: string[] = [];
  let run = false;
  for (const w of words) {
    const single = w.length === 1 && w !== "&";
    if (single && run) joined[joined.length - 1] += w;
    else joined.push(w);
    run = single;
  }
  let end = joined.length;
  for (let stripped = true; stripped && end > 1; ) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      const from = end - form.length;
      if (from >= 1 && form.every((w, i) => joined[from + i] === w)) {
        end = from;
        stripped = true;
        break;
      }
    }
  }
  return joined
    .slice(0, end)
    .filter((w) => w !== "&")
    .join(" ");
}

// Gender markers in every spelling job ads use: "(m/w/d)", "m/w/d", "(w/m/d)", "(gn)", "(all genders)"…
const GENDER_MARKERS =
  /\(\s*(?:[mwdfxi]\s*[/|,]\s*){1,3}[mwdfxi]\s*\)|\b(?:[mwdfxi]\s*\/\s*){2,3}[mwdfxi]\b|\(\s*(?:gn|all genders?|alle geschlechter|divers|d)\s*\)/giu;

/** "Elektroniker (m/w/d)", "Elektroniker*in" and "Elektronikerin" are one title: "elektroniker". */
export function normaliseTitle(title: string): string {
  return (
    foldGerman(title.replace(GENDER_MARKERS, " "))
      // foldGerman joins "Elektroniker*in" into "elektronikerin": the female form is the same title.
      .replace(/(\p{L}{3,}er)in(?:nen)?\b/gu, "$1")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
      .replace(/\s+/g, " ")
  );
}

/** The key two copies of one job share; null when there is too little to tell. */
export function matchKey(employer: string, title: string, town: string): string | null {
  const e = normaliseEmployer(employer);
  const t = normaliseTitle(title);
  if (e === "" || t === "") return null;
  return `${e}|${t}|${town}`;
}

/** An employer's id from its name: the normalised name as a slug ("muster-metall"), at most 80 characters. */
export function employerSlug(name: string): string {
  return normaliseEmployer(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}
