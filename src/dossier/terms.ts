import { STOP_WORDS, stem } from "./lexicon.js";
import { wordVectors, type WordVectors } from "./vectors.js";

/** One content word of a claim. */
export interface Term {
  /** Comparable form: lower case, stemmed. */
  key: string;
  /** How informative the word is in English at large (see {@link termWeight}). */
  weight: number;
  /** Its word-vector row, or -1. */
  row: number;
  /** Names, figures and calendar words match only exactly: vectors put "Wednesday" next to "Thursday". */
  exact: boolean;
}

/** A claim's words as the aligner compares them. */
export interface Profile {
  terms: Term[];
  keys: Set<string>;
  total: number;
  /** Weighted mean of the word vectors, unit length (empty when no word has one). */
  vector: Float32Array;
}

const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|tonight|morning|afternoon|evening|night|weekend)$/;
/** Spellings that are one word: "U.S." and "United States" are "us"; not paraphrase, orthography. */
const SPELLINGS: [RegExp, string][] = [
  [/\bU\.S\.(?=\s|$|[,;:])/g, "US"], [/\bU\.S\b/g, "US"], [/\bUnited States\b/g, "US"], [/\bU\.K\.?/g, "UK"], [/\bU\.N\.?/g, "UN"],
  [/\bWSJ\b/g, "Wall Street Journal"],
];

/**
 * Informativeness of a word from its frequency rank in English at large (the
 * vector table lists words by frequency; by Zipf's law -log p grows as log rank):
 * "said" 0.1, "bank" 1.5, "athens" 3.9, a word not among the 100,000 most
 * frequent (a rare name) 6.2. Independent of the story, so that the words every
 * outlet of a story uses ("fire", "bank") keep their weight.
 */
export function termWeight(rank: number): number {
  return Math.log(1 + (rank < 0 ? 100_000 : rank) / 200);
}

/** The content words of a text with their weights and vectors. */
export function profile(text: string, vectors: WordVectors | null = wordVectors()): Profile {
  let t = text;
  for (const [re, to] of SPELLINGS) t = t.replace(re, to);
  const terms: Term[] = [];
  const keys = new Set<string>();
  const re = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;
  let first = true;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const raw = m[0].replace(/[’']s$/u, "");
    const lower = raw.toLowerCase();
    const atStart = first || /[.!?:“"‘]\s*$/u.test(t.slice(Math.max(0, m.index - 3), m.index));
    first = false;
    if (STOP_WORDS.has(lower) || lower.length < 2) continue;
    const key = stem(lower);
    if (keys.has(key)) continue;
    keys.add(key);
    const row = vectors ? vectors.index(lower) : -1;
    const name = /^\p{Lu}/u.test(raw) && !atStart;
    const exact = name || /\d/.test(lower) || CALENDAR.test(lower);
    terms.push({ key, weight: termWeight(row), row, exact });
  }
  const total = terms.reduce((s, x) => s + x.weight, 0);
  const vector = new Float32Array(vectors?.dims ?? 0);
  if (vectors) {
    for (const x of terms) if (x.row >= 0) vectors.addTo(vector, x.row, x.weight);
    let n = 0;
    for (let i = 0; i < vector.length; i++) n += vector[i]! * vector[i]!;
    n = Math.sqrt(n);
    if (n > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= n;
  }
  return { terms, keys, total, vector };
}

/** Cosine of two unit vectors (0 when either is empty). */
export function vectorCosine(a: Float32Array, b: Float32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Least cosine at which two different words count as paraphrases, and how credit grows above it. */
const SOFT_FROM = 0.55;

/** Each profile's closest cosine to a word-vector row, once computed (profiles are made per claim and never change). */
const bestIn = new WeakMap<Profile, Map<number, number>>();

/**
 * How much of `a`'s weight `b` covers: exact words in full, other words by their
 * closest paraphrase in `b` (word-vector cosine above 0.55, credited in
 * proportion), names, figures and calendar words only exactly. Returns the
 * exact and the soft share of `a`'s weight.
 */
export function coverage(a: Profile, b: Profile, vectors: WordVectors | null, cache?: Map<number, number>): { exact: number; soft: number } {
  if (a.total === 0) return { exact: 0, soft: 0 };
  let exact = 0, soft = 0;
  for (const x of a.terms) {
    if (b.keys.has(x.key)) {
      exact += x.weight;
      continue;
    }
    if (!vectors || x.exact || x.row < 0) continue;
    // A word's closest paraphrase in one profile is the same whichever claim asks: kept per profile.
    let closest = bestIn.get(b);
    if (!closest) bestIn.set(b, (closest = new Map()));
    let best = closest.get(x.row);
    if (best === undefined) {
      best = 0;
      for (const y of b.terms) {
        if (y.exact || y.row < 0) continue;
        const k = x.row < y.row ? x.row * 100_003 + y.row : y.row * 100_003 + x.row;
        let c = cache?.get(k);
        if (c === undefined) {
          c = vectors.cosine(x.row, y.row);
          cache?.set(k, c);
        }
        if (c > best) best = c;
      }
      closest.set(x.row, best);
    }
    if (best > SOFT_FROM) soft += x.weight * ((best - SOFT_FROM) / (1 - SOFT_FROM));
  }
  return { exact: exact / a.total, soft: (exact + soft) / a.total };
}

const NUMBER_WORDS = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|bn)$/;

/** A profile with its figures and calendar words left out: what a claim says around its numbers and dates. */
export function withoutFigures(p: Profile): Profile {
  const terms = p.terms.filter((t) => !/\d/.test(t.key) && !CALENDAR.test(t.key) && !NUMBER_WORDS.test(t.key));
  return { terms, keys: new Set(terms.map((t) => t.key)), total: terms.reduce((s, x) => s + x.weight, 0), vector: p.vector };
}
