import { contentStems } from "./lexicon.js";

/**
 * How much of a sentence a cited span states, by its words: the share of the
 * sentence's content words (stop words out, stemmed) that occur in the span.
 * Deliberately plain (no vectors, no synonyms): a citation the reader opens must
 * visibly say what the sentence says.
 */
export function supportShare(sentence: string, cited: string): number {
  const want = new Set(contentStems(sentence));
  if (want.size === 0) return 0;
  const have = new Set(contentStems(cited));
  let n = 0;
  for (const w of want) if (have.has(w)) n++;
  return n / want.size;
}

/** Least share of a summary sentence's content words a citation must carry to count as its support. */
export const SUPPORT_THRESHOLD = 0.6;

/** Context-bound openers: a sentence that opens with one leans on what came before it. */
const BOUND_OPENER = /^(?:She|He|It|They|We|I|You|Her|His|Their|Its|Our|This|That|These|Those|Such|There|Here|But|And|Or|So|Also|Yet|Still|However|Meanwhile|Moreover|Furthermore|Nevertheless|Instead|Then|Later|Earlier|Elsewhere|Afterwards|Thus|Hence|Therefore|Besides|Otherwise|Likewise|Similarly|Again|Now|Both|Neither|Either|Another|Other|Others|The\s+(?:same|other|latter|former|move|statement|decision|remarks?|comments?|announcement|incident|report|call|offer|proposal|response|measure|plan|agreement|deal|attack|event|case|two|three|pair)\b)\b/;
/** Words inside a sentence that point back to an earlier one ("that day", "the same day", "at the time", "also"). */
const BOUND_INSIDE = /\b(?:that day|the same day|the next day|the day before|at the time|also|too|as well|as well as this|the above|aforementioned|said statement)\b|,\s*(?:he|she|they|it|we)\s+(?:said|says|added|adds|told|noted|argued)\b/i;

/**
 * Whether a sentence reads alone: it opens with no pronoun, connective or
 * anaphoric phrase, points back to nothing, is whole (a capital at the start,
 * final punctuation at the end, quotation marks and brackets balanced) and has
 * 6 to 50 words.
 */
export function readsAlone(text: string): boolean {
  const t = text.trim();
  if (BOUND_OPENER.test(t) || BOUND_INSIDE.test(t)) return false;
  // A capital (or an opening quotation mark) first: a sentence opening with a digit or a bracket is a piece of one cut in two.
  if (!/^(?:[“"‘]?\p{Lu})/u.test(t) || !/[.!?]["”’')]?$/u.test(t)) return false;
  if (!balanced(t)) return false;
  const words = t.split(/\s+/).length;
  return words >= 6 && words <= 50;
}

/** Whether quotation marks and brackets pair up. */
export function balanced(t: string): boolean {
  const count = (re: RegExp) => (t.match(re) ?? []).length;
  if (count(/“/g) !== count(/”/g)) return false;
  if (count(/"/g) % 2 !== 0) return false;
  if (count(/\(/g) !== count(/\)/g)) return false;
  return true;
}
