import { LIMITS, type MessageBag, type Span } from "../model/index.js";
import { BRACKET, CLOSES_BEFORE, DOUBLE as DOUBLE_MARK, LETTER, MARK, NONE, OPENS_AFTER, SENTENCE_END, SPACE, TRIM_END, charClass, classAt } from "./char-class.js";

/** A pair of quotation marks found in the text (or an open mark closed by the paragraph's end). */
export interface MarkedQuote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or null when the paragraph ended first. */
  close: number | null;
  /** The quoted text, without the marks, trimmed. */
  content: Span;
  level: "double" | "single";
  /** The enclosing quote (for a quote within a quote). */
  parent: MarkedQuote | null;
  /** Offsets of the opening marks that continue the quote into later paragraphs. */
  continuations: number[];
}

const DOUBLE = new Set(["“", "”", '"', "„", "«", "»", "‟"]);

const isSpace = (c: string): boolean => c === "" || /\s/.test(c);

interface Open {
  q: MarkedQuote;
  contentStart: number;
}

/**
 * Pairs the quotation marks of the body, in every style (“ ” ‘ ’ " ' « » „ “),
 * by whether each mark can open (followed by text, preceded by space or
 * punctuation) or close (preceded by text, followed by space or punctuation),
 * not by its shape, so broken forms still pair: a closing “, a doubled ''
 * opener, a ' closing a ‘. A mark inside a word (Trump‘s) is an apostrophe.
 * A mark with space on both sides (tokenised text: `“ We ... , ” he said`)
 * goes by its shape, a straight one by whether a double quote is open.
 * An open quote at a paragraph's end continues when the next paragraph opens
 * with a mark of the same kind, or (one sentence a line) when the first double
 * mark in the next few short lines closes it; otherwise it is closed there with
 * a warning. One pass, a bounded stack and look-ahead: linear in the text.
 */
export function pairQuoteMarks(text: string, regions: readonly Span[], bag: MessageBag): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  const counts = new Map<string, number>();
  const note = (rule: string, reason: string, s: Span | null, severity: "warning" | "info" = "warning"): void => {
    const n = (counts.get(rule) ?? 0) + 1;
    counts.set(rule, n);
    if (n <= LIMITS.quoteMarkMessages) bag.add(severity, rule, reason, s);
    else if (n === LIMITS.quoteMarkMessages + 1) bag.add(severity, rule, `more than ${LIMITS.quoteMarkMessages} such marks; the rest are not reported`, null);
  };
  let stack: Open[] = [];
  let skipMark = -1;
  const finish = (o: Open, close: number | null, end: number): void => {
    let ce = end;
    let cs = o.contentStart;
    while (cs < ce && (charClass(text.charCodeAt(cs)) & SPACE) !== 0) cs++;
    while (ce > cs && (charClass(text.charCodeAt(ce - 1)) & TRIM_END) !== 0) ce--;
    o.q.close = close;
    o.q.content = { start: cs, end: ce };
    if (ce > cs) out.push(o.q);
  };
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r]!;
    // A scan by code unit and class table, not by regex and one-character
    // strings: a megabyte of marks makes no string per mark (issue 3's bound).
    const { start: from, end: to } = region;
    for (let i = from; i < to; i++) {
      const cc = charClass(text.charCodeAt(i));
      if ((cc & MARK) === 0 || i === skipMark) continue;
      const at = i;
      const code = text.charCodeAt(at);
      const len = code === 0x27 && text.charCodeAt(at + 1) === 0x27 ? 2 : 1;
      if (len === 2) i++;
      const pc = classAt(text, at - 1, from, to);
      const nc = classAt(text, at + len, from, to);
      let level: "double" | "single" = (cc & DOUBLE_MARK) !== 0 ? "double" : "single";
      if (len === 2) level = stack.some((o) => o.q.level === "double") ? "single" : "double";
      const letters = (pc & LETTER) !== 0 && (nc & LETTER) !== 0;
      if (level === "single" && letters) continue; // apostrophe: Mexico’s, Trump‘s
      let canOpen = (nc & SPACE) === 0 && ((pc & (NONE | OPENS_AFTER | MARK)) !== 0 || (level === "double" && letters));
      let canClose = (pc & (SPACE | BRACKET)) === 0 && ((nc & (NONE | CLOSES_BEFORE | MARK)) !== 0 || (level === "double" && letters));
      if (level === "double" && len === 1 && (pc & SPACE) !== 0 && (nc & SPACE) !== 0) {
        // quotes:spaced-mark: a mark with space on both sides (tokenised text, “ We ... , ” he said)
        // opens or closes by its shape, a straight " by whether a double quote is open.
        const role = spacedRole(text[at]!, findOpen(stack, "double") >= 0);
        canOpen = role === "open";
        canClose = role === "close";
      }
      // quotes:spaced-close: `decision, "a friend said` in tokenised text closes the open quote.
      if (code === 0x22 && (pc & SPACE) !== 0 && (classAt(text, at - 2, from, to) & SENTENCE_END) !== 0 && findOpen(stack, "double") >= 0) {
        canClose = true;
        canOpen = false;
      }
      const idx = findOpen(stack, level);
      if (canClose && idx >= 0) {
        // Marks left open above the one this closes: singles were apostrophes, doubles are broken.
        for (let k = stack.length - 1; k > idx; k--) {
          const o = stack[k]!;
          if (o.q.level === "double") {
            note("quotes:unclosed", `opening quote mark at ${o.q.open} has no closing mark before ${at}`, { start: o.q.open, end: at });
            finish(o, null, at);
          }
        }
        const o = stack[idx]!;
        stack.length = idx;
        finish(o, at, at);
      } else if (canOpen) {
        if (stack.length >= LIMITS.quoteNesting) {
          note("quotes:too-deep", `more than ${LIMITS.quoteNesting} quotes open at once; mark ignored`, { start: at, end: at + len });
          continue;
        }
        const parent = stack.length ? stack[stack.length - 1]!.q : null;
        stack.push({ q: { open: at, close: null, content: { start: at + len, end: at + len }, level, parent, continuations: [] }, contentStart: at + len });
      } else if (level === "double") {
        note("quotes:stray-mark", `quote mark ${text[at]} at ${at} neither opens nor closes a quote`, { start: at, end: at + len });
      }
    }
    if (stack.length === 0) continue;
    // Open at the paragraph's end: a continuation, or an unclosed quote.
    const ahead = stack[0]!.q.level === "double" ? continuation(text, regions, r) : { keep: false, mark: -1 };
    const cont = ahead.mark;
    const keep = ahead.keep ? 1 : 0;
    for (let k = stack.length - 1; k >= keep; k--) {
      const o = stack[k]!;
      if (o.q.level === "double") {
        note("quotes:unclosed", `quote opened at ${o.q.open} is still open at the end of its paragraph`, { start: o.q.open, end: region.end });
        finish(o, null, region.end);
      }
    }
    stack = stack.slice(0, keep);
    if (cont >= 0) {
      stack[0]!.q.continuations.push(cont);
      skipMark = cont;
    }
  }
  for (const o of stack) finish(o, null, regions[regions.length - 1]?.end ?? text.length);
  // Parents that were dropped (apostrophes taken for openers) give way to their own parents.
  const kept = new Set(out);
  for (const q of out) while (q.parent && !kept.has(q.parent)) q.parent = q.parent.parent;
  return out.sort((a, b) => a.open - b.open);
}

const OPEN_SHAPE = new Set(["“", "„", "«"]);
const CLOSE_SHAPE = new Set(["”", "»"]);

function spacedRole(ch: string, doubleOpen: boolean): "open" | "close" {
  if (OPEN_SHAPE.has(ch)) return "open";
  if (CLOSE_SHAPE.has(ch)) return "close";
  return doubleOpen ? "close" : "open";
}

const LOOKAHEAD_REGIONS = 12;
const LOOKAHEAD_CHARS = 2500;
const MAX_LINE = 400;

/**
 * Whether a double quote open at the end of region `r` goes on, and the mark
 * that continues it (-1 for none): `quotes:continued-paragraph` when the next
 * paragraph (or, in one-sentence-a-line text, a later one after lines without
 * marks) opens with a quotation mark; `quotes:open-across-lines` when the first
 * double mark ahead can only close the quote. Bounded look-ahead.
 */
function continuation(text: string, regions: readonly Span[], r: number): { keep: boolean; mark: number } {
  const limit = (regions[r]?.end ?? 0) + LOOKAHEAD_CHARS;
  for (let k = r + 1; k < regions.length && k <= r + LOOKAHEAD_REGIONS; k++) {
    const reg = regions[k]!;
    if (reg.start > limit) break;
    let p = reg.start;
    while (p < reg.end && /\s/.test(text[p]!)) p++;
    const c = text[p] ?? "";
    if (DOUBLE.has(c) && p + 1 < reg.end && !CLOSE_SHAPE.has(c)) {
      const spaced = /\s/.test(text[p + 1]!);
      if (!spaced || OPEN_SHAPE.has(c)) return { keep: true, mark: p };
    }
    const end = Math.min(reg.end, limit);
    for (let q = p; q < end; q++) {
      const ch = text[q]!;
      if (!DOUBLE.has(ch)) continue;
      // The first double mark ahead: the quote goes on only if that mark closes it.
      const prev = q > reg.start ? text[q - 1]! : "";
      const next = q + 1 < reg.end ? text[q + 1]! : "";
      const closes = CLOSE_SHAPE.has(ch) || (ch === '"' && (!isSpace(prev) || isSpace(next)));
      return { keep: closes, mark: -1 };
    }
    // Only sentence-sized lines without marks are passed over (text stored one sentence a line), not paragraphs.
    if (reg.end - reg.start > MAX_LINE) break;
  }
  return { keep: false, mark: -1 };
}

function findOpen(stack: Open[], level: "double" | "single"): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.q.level === level) return k;
  return -1;
}
