/**
 * Matching job titles the way a person means them, inside the browser extension (nothing leaves it):
 * "Kfz-Mechatroniker (m/w/d)" on a job board finds "Mechatroniker*in" at home, "Pflegefachkraft" finds
 * "Gesundheits- und Krankenpfleger/in", "Softwareentwickler" finds "Developer". A title becomes a set of
 * canonical terms: folded German words (shared/search-text.ts), simple stems for gendered and plural
 * forms, synonyms mapped to one term, compound heads added. A job matches when it has the query's
 * occupation; the other words rank the matches.
 */
import { compoundHead, tokenize } from "./search-text.ts";

// Words that say nothing about the occupation: fillers, gender and contract notes, seniority.
const STOP_WORDS = new Set(
  (
    "m w d x f div und oder u fuer im in an am auf der die das den dem des ein eine einer mit bei als zur zum " +
    "von vom nach ab sofort ggf bzw a the of for and with to on at or senior junior lead head erfahrene " +
    "erfahrener vollzeit teilzeit minijob befristet unbefristet festanstellung remote homeoffice hybrid " +
    "bereich schwerpunkt job stelle gesucht neu mwd wmd mfd all gender genders jobs stellen"
  ).split(" "),
);

// One term per group: every spelling on the right stands for the term on the left. Phrases are matched
// as consecutive words.
const SYNONYMS: Record<string, string[]> = {
  softwareentwickler: [
    "softwareentwickler",
    "software entwickler",
    "developer",
    "software developer",
    "software engineer",
    "softwareingenieur",
    "programmierer",
    "anwendungsentwickler",
    "fachinformatiker anwendungsentwicklung",
    "webentwickler",
    "web developer",
    "frontend developer",
    "backend developer",
    "fullstack developer",
  ],
  mechatroniker: ["mechatroniker", "kfzmechatroniker", "kfz mechatroniker", "kraftfahrzeugmechatroniker"],
  kfzmechaniker: ["kfzmechaniker", "kfz mechaniker", "automechaniker", "car mechanic"],
  pflegefachkraft: [
    "pflegefachkraft",
    "pflegefachmann",
    "pflegefachfrau",
    "krankenpfleger",
    "krankenschwester",
    "gesundheits und krankenpfleger",
    "gesundheitspfleger",
    "altenpfleger",
    "examinierte pflegekraft",
    "pflegekraft",
    "nurse",
    "registered nurse",
  ],
  elektroniker: ["elektroniker", "elektriker", "elektroinstallateur", "electrician"],
  berufskraftfahrer: ["berufskraftfahrer", "kraftfahrer", "lkw fahrer", "lkwfahrer", "truck driver", "fahrer ce"],
  lagerist: [
    "lagerist",
    "fachlagerist",
    "fachkraft lagerlogistik",
    "lagerlogistik",
    "lagermitarbeiter",
    "lagerhelfer",
    "warehouse",
    "warehouse worker",
  ],
  erzieher: ["erzieher", "paedagogische fachkraft", "kinderpfleger", "educator"],
  koch: ["koch", "koechin", "kuechenchef", "jungkoch", "cook", "chef de partie"],
  buchhalter: ["buchhalter", "finanzbuchhalter", "bilanzbuchhalter", "accountant"],
  verkaeufer: ["verkaeufer", "kaufmann einzelhandel", "einzelhandelskaufmann", "sales assistant"],
  industriekaufmann: ["industriekaufmann", "industrial clerk"],
  buerokaufmann: ["buerokaufmann", "kaufmann bueromanagement", "office manager", "buerokraft"],
  industriemechaniker: ["industriemechaniker", "maschinenschlosser", "industrial mechanic"],
  zerspanungsmechaniker: ["zerspanungsmechaniker", "cnc fraeser", "cnc dreher", "zerspaner", "cnc machinist"],
  tischler: ["tischler", "schreiner", "carpenter", "joiner"],
  baecker: ["baecker", "baker"],
  lehrer: ["lehrer", "lehrkraft", "teacher"],
  arzt: ["arzt", "aerztin", "mediziner", "physician", "doctor"],
  physiotherapeut: ["physiotherapeut", "krankengymnast", "physiotherapist"],
  sozialarbeiter: ["sozialarbeiter", "sozialpaedagoge", "sozialpaedagog", "social worker"],
  projektmanager: ["projektmanager", "projektleiter", "project manager"],
  vertrieb: [
    "vertriebsmitarbeiter",
    "vertriebsaussendienst",
    "aussendienstmitarbeiter",
    "sales representative",
    "sales manager",
  ],
  systemadministrator: [
    "systemadministrator",
    "itadministrator",
    "it administrator",
    "sysadmin",
    "system administrator",
    "fachinformatiker systemintegration",
  ],
};

// Gendered and plural forms of the same occupation: "erzieherin" → "erzieher", "kauffrau" → "kaufmann".
function stem(word: string): string {
  if (word.endsWith("frau") && word.length > 4) return `${word.slice(0, -4)}mann`;
  if (word.endsWith("leute") && word.length > 5) return `${word.slice(0, -5)}mann`;
  if (word.endsWith("kraefte")) return `${word.slice(0, -7)}kraft`;
  if (word.endsWith("innen") && word.length > 7) return word.slice(0, -5);
  if (/(?:er|eur|ent|ant|ist|ekt|ot|og|at|ar|or|ut|oer)in$/.test(word) && word.length > 5) return word.slice(0, -2);
  return word;
}

interface Phrase {
  words: string[];
  term: string;
}
const PHRASES: Phrase[] = Object.entries(SYNONYMS)
  .flatMap(([term, spellings]) => spellings.map((s) => ({ words: s.split(" ").map(stem), term })))
  .sort((a, b) => b.words.length - a.words.length);
const SYNONYM_TERMS = new Set(Object.keys(SYNONYMS));

// Occupations too broad to stand alone: "Sachbearbeiter Einkauf" is not "Sachbearbeiter Personal". With
// one of these, a job must also share one of the query's other words, when the query has any.
const GENERIC = new Set([
  "sachbearbeiter",
  "mitarbeiter",
  "fachkraft",
  "kaufmann",
  "helfer",
  "hilfe",
  "assistent",
  "referent",
  "leiter",
  "manager",
  "berater",
  "arbeiter",
  "meister",
]);

export interface Terms {
  /** Every canonical term of the title. */
  all: Set<string>;
  /** The terms that name an occupation (a synonym group, a known compound head, or a compound with one). */
  occupations: string[];
}

/** The canonical terms of a job title. */
export function titleTerms(title: string): Terms {
  const words = tokenize(title.replace(/\((?:[mwdfx]\s*\/\s*)+[mwdfx]\)|\b[mwdfx]\/[mwdfx]\/[mwdfx]\b/giu, " "))
    .map(stem)
    .filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  const all = new Set<string>();
  const occupations: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = PHRASES.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (phrase) {
      all.add(phrase.term);
      for (const word of words.slice(i, i + phrase.words.length)) all.add(word);
      // "Softwareentwickler" is also an "Entwickler", so a search for the bare head finds it.
      const head = compoundHead(phrase.term);
      if (head) all.add(head);
      occupations.push(phrase.term);
      i += phrase.words.length;
      continue;
    }
    const word = words[i] as string;
    all.add(word);
    const head = compoundHead(word);
    if (head) {
      all.add(head);
      occupations.push(word);
    } else if (compoundHead(`xxx${word}`) === word) occupations.push(word);
    i++;
  }
  return { all, occupations };
}

/** Whether a job's terms hold a query occupation: the same term, or a compound whose head it is. */
function hasOccupation(job: Terms, occupation: string): boolean {
  if (job.all.has(occupation)) return true;
  // A bare head ("techniker") is found in any compound of it ("servicetechniker"), which titleTerms
  // already added as the head; a compound or a synonym term must be there itself.
  return false;
}

/** 0 when the job does not match the query, else a score: higher is a better match. */
export function matchScore(query: Terms, job: Terms): number {
  const wanted = query.occupations.length > 0 ? query.occupations : [...query.all];
  const found = wanted.filter((o) => hasOccupation(job, o));
  if (query.occupations.length > 0 ? found.length === 0 : found.length < wanted.length) return 0;
  let score = found.length * 10;
  const qualifiers = [...query.all].filter(
    (t) => !wanted.includes(t) && !query.occupations.some((o) => compoundHead(o) === t),
  );
  const shared = qualifiers.filter((t) => job.all.has(t));
  if (found.every((o) => GENERIC.has(o)) && qualifiers.length > 0 && shared.length === 0) return 0;
  score += shared.length;
  if (found.some((o) => SYNONYM_TERMS.has(o))) score += 1;
  return score;
}

export interface IndexedJob {
  id: number;
  title: string;
  terms: Terms;
}

/** The region's jobs that match `queryTitle`, best first (ties: the given order, e.g. newest first). */
export function rankJobs<T extends IndexedJob>(queryTitle: string, jobs: readonly T[], limit = 50): T[] {
  const query = titleTerms(queryTitle);
  if (query.all.size === 0) return [];
  const scored: { job: T; score: number; order: number }[] = [];
  jobs.forEach((job, order) => {
    const score = matchScore(query, job.terms);
    if (score > 0) scored.push({ job, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.job);
}
