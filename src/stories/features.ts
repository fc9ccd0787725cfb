/**
 * Story features: content words, names and numbers of a document, weighted.
 * Written here (not wink-nlp) because the grouper must tokenize at thousands of
 * articles per second and only needs cheap, deterministic tokens.
 */

/** One word token with its offsets into the source text. */
export interface Token {
  /** Lower-cased form. */
  norm: string;
  start: number;
  end: number;
  /** Starts with a capital letter and is not the first word of a sentence. */
  name: boolean;
  number: boolean;
}

// Numbers with their decimal and thousands separators ("7.1", "2,500"), else letters or digits with
// optionally one apostrophe-joined tail; bounded, no nesting.
const WORD = /\p{N}{1,12}(?:[.,]\p{N}{1,12}){0,4}\p{L}{0,3}(?![\p{L}\p{N}])|[\p{L}\p{N}]{1,60}(?:['’][\p{L}]{1,10})?/gu;
const UPPER = /^\p{Lu}/u;
const DIGIT = /^\p{N}/u;

const STOP = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers herself him himself his " +
    "how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out " +
    "over own same she should so some such than that the their theirs them themselves then there these they this those through to too " +
    "under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves " +
    "said says say told tell according reported report reports news new one two three also would may might could year years " +
    "today yesterday week last first time mr mrs ms people us it's he's she's " +
    "s t don't didn't won't can't get got make made like well back even still many much way since however"
  ).split(/\s+/),
);

const MONTHS = new Set(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(" "),
);

const WEEKDAYS = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));
const YEAR = /^(?:1[89]|20)\d\d$/;

/** Words that are capitalized but never names (sentence-internal capitals). */
const NOT_NAMES = new Set(["i", "the", "a", "an", "but", "and", "in", "on", "at", "it", "he", "she", "they", "we", "this", "that"]);

/** Tokenizes text into word tokens with offsets and name/number flags. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = WORD.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    // Sentence start: only punctuation/space between previous token and this, containing . ! ? or a newline.
    let sentenceStart = out.length === 0;
    if (!sentenceStart) {
      for (let i = prevEnd; i < start; i++) {
        const c = text.charCodeAt(i);
        if (c === 46 || c === 33 || c === 63 || c === 10 || c === 58 || c === 34 || c === 8220) {
          sentenceStart = true;
          break;
        }
      }
    }
    const norm = raw.toLowerCase().replace(/['’]s$/u, "");
    const isNumber = DIGIT.test(raw);
    const name = !isNumber && !sentenceStart && UPPER.test(raw) && !NOT_NAMES.has(norm);
    out.push({ norm, start, end, name, number: isNumber });
    prevEnd = end;
  }
  return out;
}

/** A light suffix stripper so that "rejected", "rejects" and "rejecting" share a feature. */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith("ies") && w.length > 5) return w.slice(0, -3) + "y";
  if (w.endsWith("ing") && w.length > 6) return w.slice(0, -3);
  if (w.endsWith("ed") && w.length > 5) return w.slice(0, -2);
  if (w.endsWith("es") && w.length > 5) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** Whether a lower-cased token is a stop word. */
export function isStopWord(w: string): boolean {
  return STOP.has(w);
}

/** Feature weights by kind (each scales its terms inside its channel), tuned on ECB+ train topics. */
export interface FeatureWeights {
  word: number;
  name: number;
  /** Multiword names ("p:reggie bush"), counted beside their single words. */
  phrase: number;
  number: number;
  /** Tokens at the start of a document (its lead) that count `leadBoost` times. */
  leadTokens: number;
  leadBoost: number;
}

/** Default feature weights. */
export const DEFAULT_WEIGHTS: FeatureWeights = { word: 1, name: 1, phrase: 1, number: 1, leadTokens: 25, leadBoost: 3 };

/**
 * Raw term counts of a text, keyed by kind: `w:` content-word stems, `n:` names
 * and multiword names (`p:`), `d:` numbers, `t:` months and weekdays, `y:` years.
 * Names are also counted as words so that a name written lower-case still matches.
 */
export function termCounts(text: string, maxTokens = 2000, leadTokens = 0, leadBoost = 1): Map<string, number> {
  const counts = new Map<string, number>();
  const toks = tokenize(text);
  const n = Math.min(toks.length, maxTokens);
  let inc = leadBoost;
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + inc);
  let run = "";
  let runLen = 0;
  const flush = () => {
    if (runLen > 1 && run.length <= 60) add("p:" + run);
    run = "";
    runLen = 0;
  };
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    inc = i < leadTokens ? leadBoost : 1;
    if (!t.name || (i > 0 && toks[i - 1]!.end + 1 < t.start)) flush();
    if (t.number) {
      if (t.norm.length <= 12) add((YEAR.test(t.norm) ? "y:" : "d:") + t.norm);
      continue;
    }
    // "may" and "march" are months only when capitalized mid-sentence.
    if ((MONTHS.has(t.norm) && (t.name || (t.norm !== "may" && t.norm !== "march"))) || WEEKDAYS.has(t.norm)) {
      flush();
      add("t:" + t.norm.slice(0, 3));
      continue;
    }
    if (t.name && run.length <= 60) {
      run = runLen ? run + " " + t.norm : t.norm;
      runLen++;
    }
    if (t.norm.length < 2 || STOP.has(t.norm)) continue;
    add("w:" + stem(t.norm));
    if (t.name) add("n:" + t.norm);
  }
  flush();
  return counts;
}
