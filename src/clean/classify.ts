import { words, type Block } from "./blocks.js";
import { stopwordDensity } from "./stopwords.js";

/** jusText's classes for a block that no rule labelled. */
export type Quality = "good" | "near-good" | "short" | "bad";

/** Per-block prose features. */
export interface Prose {
  quality: Quality;
  length: number;
  words: number;
  density: number;
  sentence: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
const SENTENCE_END = /[.!?。！？…"”’»)]$/u;

/**
 * Scores prose the way jusText does (length and stop-word density thresholds
 * 70/200 chars and 0.30/0.32), falling back to length and sentence punctuation
 * for languages the stop-word lists do not cover. Own code: jusText has no JS port.
 */
export function assessProse(blocks: readonly Block[]): Map<number, Prose> {
  const raw = new Map<number, { len: number; ws: number; sd: number; sentence: boolean; glued: boolean }>();
  let sdSum = 0, sdWeight = 0;
  for (const b of blocks) {
    if (b.label) continue;
    const sample = b.text.length > 20000 ? b.text.slice(0, 20000) : b.text;
    const ws = words(sample);
    const sd = stopwordDensity(ws);
    const cjk = (sample.match(CJK) ?? []).length;
    const len = b.text.length + cjk * 2;
    raw.set(b.index, { len, ws: ws.length, sd, sentence: SENTENCE_END.test(b.text), glued: b.text.length < 600 && gluedHeadline(ws) });
    if (len >= 100) { sdSum += sd * len; sdWeight += len; }
  }
  // Stop words say nothing for a language the lists miss: then length and punctuation decide.
  const mean = sdWeight > 0 ? sdSum / sdWeight : 0;
  const useStopwords = mean >= 0.12;
  // Lists cover some languages only in part: thresholds scale with the page's own density.
  const k = Math.min(1, mean / 0.3);
  const out = new Map<number, Prose>();
  for (const [i, r] of raw) {
    let quality: Quality;
    if (r.len < 70) quality = "short";
    else if (r.glued) quality = "bad";
    else if (useStopwords) {
      if (r.sd >= 0.32 * k) quality = r.len >= 200 ? "good" : "near-good";
      else if (r.sd >= 0.25 * k) quality = r.len >= 200 && r.sentence ? "good" : "near-good";
      else quality = r.len >= 400 && r.sd >= 0.15 * k ? "near-good" : "bad";
    } else quality = r.len >= 150 && r.sentence ? "good" : r.len >= 100 || r.sentence ? "near-good" : "bad";
    out.set(i, { quality, length: r.len, words: r.ws, density: r.sd, sentence: r.sentence });
  }
  return out;
}

/** A "Top Stories" header costs this much to bridge: only a long article continues past it. */
const BREAKER_COST = 250;
const COMMENTS_FACTOR = 0.2;

/** A teaser's headline glued to its summary: the block opens with six or more capitalized words. */
function gluedHeadline(ws: readonly string[]): boolean {
  let n = 0;
  for (const w of ws.slice(0, 12)) {
    if (/^[\p{Lu}\p{N}]/u.test(w)) n++;
    else break;
  }
  return n >= 6;
}

/**
 * Lists of teasers: three or more headline + one-paragraph pairs in a row
 * ("Kurt Volker throws Rudy Giuliani under the bus" / a two-line summary ...).
 * Labels them as clutter.
 */
export function labelTeaserLists(blocks: readonly Block[], prose: Map<number, Prose>): void {
  const headline = (b: Block) => !b.label && b.text.length <= 160 && b.text.length >= 15 && !/[.:;,…]["”’]?$/u.test(b.text) && /^[\p{Lu}\p{N}"“‘']/u.test(b.text);
  const summary = (b: Block) => !b.label && (prose.get(b.index)?.length ?? 0) >= 60 && b.text.length <= 450;
  let i = 0;
  while (i < blocks.length) {
    const pairs: number[] = [];
    let j = i;
    for (;;) {
      if (j >= blocks.length || !headline(blocks[j]!)) break;
      // The headline's byline and date may sit between it and its summary.
      let k = j + 1;
      while (k < blocks.length && k <= j + 3 && blocks[k]!.label?.role === "field") k++;
      if (k >= blocks.length || !summary(blocks[k]!)) break;
      pairs.push(j, k);
      j = k + 1;
      // Step over a stray short or labelled line between pairs (a date, "Share").
      while (j < blocks.length && (blocks[j]!.label || blocks[j]!.text.length < 15)) j++;
    }
    if (pairs.length >= 6) {
      for (const k of pairs) blocks[k]!.label = { role: "clutter", reason: "teaser", rule: "clean:teaser-list" };
      i = j;
    } else i++;
  }
}

const EMBEDDED_COST = 60;

/**
 * A "Related" box inside the article: its header is followed by at most eight
 * headline lines and then the article's prose resumes. Bridging it is cheap.
 */
function embedded(blocks: readonly Block[], prose: Map<number, Prose>, i: number): boolean {
  if (blocks[i]!.label?.reason !== "related-links") return false;
  for (let j = i + 1; j < Math.min(blocks.length, i + 10); j++) {
    const b = blocks[j]!;
    const q = prose.get(j)?.quality;
    if (!b.label && (q === "good" || q === "near-good")) return j > i + 1 && b.text.length >= 150;
    if (b.label?.breaker || (!b.label && (b.text.length > 160 || /[.!?]$/.test(b.text)))) return false;
  }
  return false;
}

/** What a block adds to (or takes from) a run of article prose. */
function value(b: Block, p: Prose | undefined): number {
  if (b.label) {
    if (b.label.role === "caption" || b.label.role === "field" || b.label.role === "heading") return -5;
    if (b.label.rule === "clean:repeated") return -15;
    if (b.label.role === "title" || b.label.role === "standfirst") return -40;
    return -15;
  }
  if (!p) return -10;
  switch (p.quality) {
    case "good": return p.length;
    case "near-good": return p.length * 0.5;
    case "short": return -(8 + 0.5 * Math.min(p.length, 70));
    default: return -Math.max(10, 0.3 * p.length);
  }
}

/**
 * The densest run of prose: the stretch of blocks with the highest total value
 * (Kadane's maximum-sum segment), never crossing a breaker such as "Top Stories".
 * Returns [first, last] block indexes, or null when there is no prose at all.
 */
export function mainRun(blocks: readonly Block[], prose: Map<number, Prose>): [number, number] | null {
  let best: [number, number] | null = null;
  let bestSum = 0;
  let sum = 0, start = 0;
  // Prose after a comments header is readers' comments: it counts for little.
  let factor = 1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.label?.reason === "comments") factor = COMMENTS_FACTOR;
    let v = b.label?.breaker ? -(embedded(blocks, prose, i) ? EMBEDDED_COST : BREAKER_COST) : value(b, prose.get(i));
    if (v > 0) v *= factor;
    if (sum + v <= 0) {
      sum = 0; start = i + 1;
      continue;
    }
    if (sum === 0) start = i;
    sum += v;
    if (sum > bestSum) { bestSum = sum; best = [start, i]; }
  }
  return best;
}

/** Whether a short block reads as a sentence of the article (jusText's near-good neighbours). */
function sentenceLike(b: Block, p: Prose | undefined): boolean {
  return !b.label && !!p && p.sentence && p.words >= 4 && (p.density >= 0.15 || p.length >= 40);
}

/**
 * Grows the run over sentence-like short blocks just outside it (a closing
 * one-line paragraph), stepping over at most two captions or metadata lines.
 */
export function extendRun(blocks: readonly Block[], prose: Map<number, Prose>, run: [number, number]): [number, number] {
  let [first, last] = run;
  for (const dir of [1, -1] as const) {
    let j = (dir === 1 ? last : first) + dir;
    let skipped = 0;
    while (j >= 0 && j < blocks.length && skipped <= 2) {
      const b = blocks[j]!;
      if (b.label?.breaker) break;
      if (b.label) {
        if (b.label.role === "title" || b.label.role === "standfirst") break;
        skipped++; j += dir; continue;
      }
      if (!sentenceLike(b, prose.get(j))) break;
      if (dir === 1) last = j; else first = j;
      skipped = 0;
      j += dir;
    }
  }
  return [first, last];
}
