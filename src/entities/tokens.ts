import type { Span } from "../model/index.js";

/** A word of the text with its span; `possessive` when it ended in ’s (stripped from `text`). */
export interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

// One quantifier per alternative, the repeated group always starts with a
// separator the inner class excludes, so matching is linear.
const WORD = /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{N}]+(?:[’'‘\-][\p{L}\p{N}]+)*/gu;

/** Abbreviated titles written before a name with a full stop ("Sgt.", "Msgr."): one list for tokens, sentences and quotes. */
const TITLES = "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Rev|Const|Det|Cpl|Pvt|Insp|Supt|Cmdr|Adm|Maj|Brig|Atty|Lieut|Cllr|Msgr|Fr";

/** A title's abbreviation ending a line ("Const.", "Sgt."), which the next line's name continues. */
export const TITLE_AT_LINE_END = new RegExp(`\\b(?:${TITLES})\\.\\s*$`);

const ABBREVIATIONS = new RegExp(`^(?:${TITLES}|St|Jr|Sr|Inc|Corp|Ltd)$`);

/** Splits a stretch of text into word tokens (abbreviations such as U.S. kept whole). */
export function tokenize(text: string, region: Span = { start: 0, end: text.length }): Token[] {
  const out: Token[] = [];
  const slice = text.slice(region.start, region.end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let t = m[0];
    const start = region.start + m.index;
    let end = start + t.length;
    let possessive = false;
    const last = t.charCodeAt(t.length - 1);
    if ((last === 115 || last === 83) && t.length > 2 && /[’'‘]s$/i.test(t)) {
      t = t.slice(0, -2);
      possessive = true;
    }
    // A plural's possessive: "the 76ers' thinking", "the Jenkins' home" (an apostrophe after -s, then a word).
    // The apostrophe stays outside the token's span, so that the span is the name itself.
    if (!possessive && (last === 115 || last === 83) && t.length > 2 && /^[’'] \p{L}/u.test(text.slice(end, end + 3))) possessive = true;
    // Abbreviations with an initial capital and a full stop: "Mr.", "Dr.", "Sen."
    // ... and middle initials: "Raymond W. Kelly" (a capital, a full stop, a space and a capital).
    if (text[end] === "." && t.length <= 5) {
      const initial = text[end + 1] === " " && /^\p{Lu}$/u.test(t) && /\p{Lu}/u.test(text[end + 2] ?? "");
      if (initial || ABBREVIATIONS.test(t)) {
        t += ".";
        end++;
      }
    }
    out.push({ text: t, start, end, possessive });
  }
  return out;
}

const ABBREV = new RegExp(`(?:\\b(?:${TITLES}|St|Jr|Sr|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|vs|etc|approx|Inc|Corp|Ltd|Co)|\\b\\p{Lu}(?:\\.\\p{Lu})*|\\b[ap]\\.m)$`, "u");

/**
 * Sentence spans of a region: a sentence ends at . ! ? (and any closing quote
 * marks after it) followed by white space and a capital, digit or opening
 * quote, unless the word before the stop is a known abbreviation or initial.
 * Written by hand (wink-nlp's splitter is accurate but costs ~3 ms per 5 KB,
 * most of the quote stage's budget).
 */
export function sentenceSpans(text: string, region: Span): Span[] {
  const out: Span[] = [];
  let start = region.start;
  for (let i = region.start; i < region.end; i++) {
    const c = text[i];
    if (c === "\n" && i + 1 < region.end && text[i + 1] === "\n") {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?") continue;
    let j = i + 1;
    while (j < region.end && /[”"’'»)\]]/.test(text[j]!)) j++;
    if (j < region.end && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < region.end && k - j < 8 && /\s/.test(text[k]!)) k++;
    if (k < region.end && !/[\p{Lu}\p{N}“"‘'«„(\[—-]/u.test(text[k]!)) continue;
    if (c === ".") {
      const before = text.slice(Math.max(start, i - 12), i);
      if (ABBREV.test(before)) {
        // "U.S. President": an abbreviation, unless the next word starts a new clause (too costly to tell): keep going
        continue;
      }
    }
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < region.end) out.push({ start, end: region.end });
  return out.filter((s) => /\S/.test(text.slice(s.start, Math.min(s.end, s.start + 200))) || s.end - s.start > 200);
}

/** Index of the sentence containing `pos` (binary search over sorted spans), or -1. */
export function sentenceIndexAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
