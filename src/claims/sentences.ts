import type { Span } from "../model/index.js";

/**
 * Abbreviations after which a period does not end a sentence. Our own small
 * splitter (rather than wink-nlp's) because claims need exact UTF-16 spans into
 * the document and wink reports token indices of a normalized copy.
 */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st", "jr", "sr", "inc", "corp",
  "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "fig", "approx", "dept", "est", "mt", "ft",
]);

/** Characters that may close a sentence after its final punctuation. */
const CLOSERS = new Set(["\"", "'", "”", "’", ")", "]", "»"]);

/**
 * Splits a stretch of text into sentence spans. A sentence ends at `.`, `!` or `?`
 * (plus closing quotes or brackets) followed by white space and a capital, digit or
 * opening quote, unless the word before the period is a known abbreviation or an
 * initial; a line break always ends one. Linear in the length of the span.
 */
export function splitSentences(text: string, within: Span = { start: 0, end: text.length }): Span[] {
  const out: Span[] = [];
  let start = within.start;
  const push = (end: number) => {
    let s = start, e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = within.start; i < within.end; i++) {
    const c = text[i]!;
    if (c === "\n") {
      push(i);
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?") continue;
    let j = i + 1;
    while (j < within.end && (CLOSERS.has(text[j]!) || text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
    if (j >= within.end) continue;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < within.end && text[k] === " ") k++;
    const next = text[k];
    if (next === undefined || !/[\p{Lu}\p{N}"“‘'«(]/u.test(next)) continue;
    // "$1. 29" in tokenised text: a number cut at its decimal point, not two sentences.
    if (c === "." && /\d$/.test(text.slice(Math.max(within.start, i - 1), i)) && /\d/.test(next) && /^\d+(?!\s*[.:])\b/.test(text.slice(k, k + 12)) && /^\d{1,2}\b/.test(text.slice(k, k + 3))) continue;
    // "at around 9. 30am" in tokenised text: a clock cut at its point.
    if (c === "." && /\b\d{1,2}$/.test(text.slice(Math.max(within.start, i - 3), i)) && /^\d{2}\s?(?:am|pm|a\.m|p\.m|hrs|GMT|BST)\b/i.test(text.slice(k, k + 8))) continue;
    if (c === "." && isAbbreviation(text, i, within.start) && !clockThenSentence(text, i, k)) continue;
    push(j);
  }
  push(within.end);
  return out;
}

/**
 * "at 6 a.m. The bridge carries ...": a clock abbreviation followed by a capitalised
 * word that is not a day, month or time zone ends the sentence.
 */
function clockThenSentence(text: string, dot: number, next: number): boolean {
  if (!/[ap]\.m$/i.test(text.slice(Math.max(0, dot - 3), dot))) return false;
  const word = /^\p{Lu}[\p{L}]*/u.exec(text.slice(next, next + 20))?.[0] ?? "";
  return word !== "" && !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|ET|EST|EDT|CT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|local)$/.test(word);
}

function isAbbreviation(text: string, dot: number, floor: number): boolean {
  let b = dot;
  while (b > floor && /[\p{L}.]/u.test(text[b - 1]!)) b--;
  const word = text.slice(b, dot).toLowerCase();
  if (word.length === 1) return true;
  // Initials written together ("A.J. Smith", "J.R.R. Tolkien"): one letter between each pair of periods.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

/** Splits a sentence span into clauses at semicolons and at ", but" / ", while" joins. */
export function splitClauses(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  const re = /;\s+|,\s+(?=(?:but|while|whereas)\s)/g;
  re.lastIndex = 0;
  const slice = text.slice(sentence.start, sentence.end);
  let at = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (m.index - at >= 25 && slice.length - (m.index + m[0].length) >= 25) {
      out.push({ start: sentence.start + at, end: sentence.start + m.index });
      at = m.index + m[0].length;
    }
  }
  out.push({ start: sentence.start + at, end: sentence.end });
  return out;
}
