/**
 * Sentences, quotations and tense around a time expression. No POS tagger: cue
 * words nearest the expression decide, a cheap heuristic that is right for the
 * common news patterns ("said Friday that ... will", "told reporters on Tuesday").
 *
 * Words inside a quotation are the speaker's tense, not the narrator's: in
 * `"I will not resign," she told the paper on Tuesday night` the "will" is what she
 * said, while "told" dates the telling. So an expression outside a quotation reads
 * cues with the quoted stretches blanked out, and one inside reads the quotation
 * first (falling back to the reporting sentence when the quotation has no cue).
 */
import type { Span } from "../model/index.js";

// An intention reported in the past still points ahead: "promised to hold elections in March",
// "is expected in March", "was slated for March" (the cue ends after the verb it governs).
const INTENT = "(?:expect|hope|promise|pledge|vow|intend|plan|aim|seek|threaten|prepare|want)(?:s|d|ed|ing)?|planned|sought|planning|hoping|preparing";
const FUTURE_CUE = new RegExp(
  `\\b(?:upcoming|forthcoming|pending|set for|next (?:[a-z]+ ){0,2}(?:hearing|appearance|court date|meeting|session|trial|vote|election|summit)|(?:has|have|had) been (?:scheduled|slated|planned|set for)|will|won['’]t|shall|going to|is to|are to|set to|due to|scheduled|slated|expected to|plans? to|wants? to|intends? to|aims? to|until|should|(?:may|might|could|would|to) (?:be|have) (?!(?:seen|heard|reached|spotted|observed|contacted)\\b)\\w+|would (?!have\\b)\\w+|(?:is|are|be|been) (?:expected|planned|due)|(?:${INTENT}) to (?!(?:have|the|a|an|his|her|its|their|this|that)\\b)[a-z]+)\\b|['’]ll\\b`,
  "gi",
);
// Regular pasts end in -ed; the irregular ones news reports with are listed (forms that are
// also common presents or nouns, "read", "put", "set", "cut", "hit", are left out). After
// "be"/"been" either is a passive participle ("to be held"), not a past.
const IRREGULAR_PAST = "told|wrote|spoke|met|came|went|began|took|gave|made|found|saw|held|sent|left|became|brought|fell|rose|won|lost|broke|struck|thought|knew|felt|heard|kept|led|paid|ran|sold|stood|spent|fought|flew|drove|chose|caught|built|bought|taught|threw|sank|withdrew|got|sought|meant|shook|swore|woke|froze|hid|stole|tore|wore|slept|dealt|fled|sat|lay";
// Participles that announce what is still ahead ("is scheduled for", "was slated for", "expected Friday"): no past cue.
const AHEAD_ED = "(?:scheduled|slated|planned|expected)";
const PAST_CUE = new RegExp(
  `\\b(?:said|says|announced|was|were|had|did|has been|have been|reported|ago|(?<!\\bbe )(?<!\\bbeen )(?!${AHEAD_ED}\\b)(?:${IRREGULAR_PAST}|[a-z]{3,}ed))\\b`,
  "gi",
);

function lastMatch(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) last = m.index + m[0].length;
  return last;
}
function firstMatch(re: RegExp, s: string): number {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? m.index : -1;
}

const ABBREV_BEFORE_DOT = /(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Inc|Corp|Co|Ltd|vs|Lt|Col)$/;

/** Whether text[i] ends a sentence: ! ? newline, brackets, or a period not after an abbreviation. */
function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i]!;
  if (c === "\n" || c === "!" || c === "?" || c === "[" || c === "]" || c === "|") return true;
  if (c !== ".") return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  return !ABBREV_BEFORE_DOT.test(text.slice(Math.max(0, i - 6), i));
}

/** Sentence bounds around a position (bounded look-around, so linear overall). */
export function sentenceAround(text: string, start: number, end: number): Span {
  let s = start;
  const minS = Math.max(0, start - 400);
  while (s > minS && !isSentenceEnd(text, s - 1)) s--;
  let e = end;
  const maxE = Math.min(text.length, end + 400);
  while (e < maxE && !isSentenceEnd(text, e)) e++;
  return { start: s, end: e };
}

/**
 * The quoted stretches of `text[from, to)`, between their marks, in order. Double quotes
 * only (curly, straight and guillemets; single quotes are too often apostrophes); a
 * straight quote after a digit is an inch mark; a line break closes an open quotation,
 * as a quotation running over paragraphs opens again on each. One pass, linear.
 */
export function quotedRegions(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let straight = false;
  for (let i = Math.max(0, from); i < Math.min(text.length, to); i++) {
    const c = text[i];
    if (c === "\n") {
      if (open >= 0) out.push({ start: open, end: i });
      open = -1;
    } else if (c === '"') {
      if (open >= 0 && straight) {
        out.push({ start: open, end: i });
        open = -1;
      } else if (open < 0 && !(i > 0 && /\d/.test(text[i - 1]!))) {
        open = i + 1;
        straight = true;
      }
    } else if (c === "“" || c === "«") {
      if (open < 0) {
        open = i + 1;
        straight = false;
      }
    } else if ((c === "”" || c === "»") && open >= 0) {
      out.push({ start: open, end: i });
      open = -1;
    }
  }
  if (open >= 0) out.push({ start: open, end: Math.min(text.length, to) });
  return out;
}

/** Index of the first region ending after `pos` (binary search; regions are sorted and disjoint). */
function firstEndingAfter(regions: Span[], pos: number): number {
  let lo = 0, hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `text[from, to)` with the parts inside `regions` blanked to spaces (same length). */
function blanked(text: string, from: number, to: number, regions: Span[]): string {
  let s = "";
  let at = from;
  for (let i = firstEndingAfter(regions, from); i < regions.length && regions[i]!.start < to; i++) {
    const r = regions[i]!;
    const a = Math.max(at, r.start), b = Math.min(to, r.end);
    if (b <= a) continue;
    s += text.slice(at, a) + " ".repeat(b - a);
    at = b;
  }
  return s + text.slice(at, to);
}

function readCues(before: string, after: string): -1 | 0 | 1 {
  const f = lastMatch(FUTURE_CUE, before), p = lastMatch(PAST_CUE, before);
  if (f >= 0 || p >= 0) return f > p ? 1 : -1;
  const fa = firstMatch(FUTURE_CUE, after), pa = firstMatch(PAST_CUE, after);
  // A tie is a future cue that starts with a past one ("has been scheduled"): the longer cue decides.
  if (fa >= 0 || pa >= 0) return fa >= 0 && (pa < 0 || fa <= pa) ? 1 : -1;
  return 0;
}

/**
 * -1 past, +1 future, 0 when the nearby words do not say. Reads up to 80 characters
 * before the expression in its sentence, then 50 after. Given the `quotes` of the
 * paragraph ({@link quotedRegions}), cues inside a quotation count only for
 * expressions inside it.
 */
export function tenseOf(text: string, start: number, end: number, quotes: Span[] = []): -1 | 0 | 1 {
  const sent = sentenceAround(text, start, end);
  const i = firstEndingAfter(quotes, start);
  const inside = i < quotes.length && quotes[i]!.start <= start ? quotes[i]! : null;
  if (inside) {
    const lo = Math.max(sent.start, inside.start), hi = Math.min(sent.end, inside.end);
    const t = readCues(text.slice(Math.max(lo, start - 80), start), text.slice(end, Math.min(hi, end + 50)));
    if (t !== 0) return t;
    // A quotation with no cue takes the tense of the sentence that reports it.
    return readCues(text.slice(Math.max(sent.start, start - 80), start), text.slice(end, Math.min(sent.end, end + 50)));
  }
  // A day that names a deadline ("a May 10 deadline") is ahead, whatever the tense of its sentence.
  if (/^\s+deadlines?\b/i.test(text.slice(end, end + 12))) return 1;
  const b0 = Math.max(sent.start, start - 80), a1 = Math.min(sent.end, end + 50);
  return readCues(blanked(text, b0, start, quotes), blanked(text, end, Math.max(end, a1), quotes));
}
