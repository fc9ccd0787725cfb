import { tokenAt, cueSubject, finish, type Attribution, type AttributionContext } from "./attribute.js";
import { REPORTING } from "./cues.js";
import type { MarkedQuote } from "./marks.js";
import type { Span } from "../model/index.js";

/** Reported speech found in a sentence: the content span and its attribution. */
export interface IndirectQuote {
  span: Span;
  att: Attribution;
}

const CLAUSE_START = /^(?:he|she|they|it|we|i|the|this|there|while|if|all|some|no)$/;
/** Verbs that report a clause without "that" ("X said Y had ..."); the others need "that". */
const BARE = new Set(["said", "says", "added", "adds", "insisted", "argued", "claimed", "warned", "noted", "stressed",
  "suggested", "predicted", "maintained", "contended", "conceded", "asserted", "wrote", "saying", "adding", "insisting",
  "arguing", "warning", "claiming", "noting"]);

/**
 * Reported speech: "X said (that) CLAUSE", "X responded that ...", "X told Y
 * that ...", "according to X, CLAUSE" and "CLAUSE, according to X". The
 * content runs from after the cue (and "that") to the sentence's end.
 * Cues inside quotation marks and cues that introduce a direct quote are skipped.
 */
export function findIndirect(ctx: AttributionContext, regions: Span[], marks: MarkedQuote[], usedCues: Set<number>): IndirectQuote[] {
  const { text, tokens, analysis } = ctx;
  const out: IndirectQuote[] = [];
  const quoted = marks.filter((m) => !m.parent).map((m) => ({ start: m.open, end: m.close ?? m.content.end })).sort((a, b) => a.start - b.start);
  const inQuote = (pos: number): boolean => {
    let lo = 0;
    let hi = quoted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = quoted[mid]!;
      if (pos < q.start) hi = mid - 1;
      else if (pos >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const inRegion = (s: Span): boolean => regions.some((r) => r.start <= s.start && s.end <= r.end);
  for (const sent of analysis.sentences) {
    if (sent.end - sent.start > 3000 || !inRegion(sent)) continue;
    const first = tokenAt(tokens, sent.start);
    let end = sent.end;
    while (end > sent.start && /[\s.!?”"’']/.test(text[end - 1]!)) end--;
    for (let k = first; k < tokens.length && tokens[k]!.start < sent.end; k++) {
      const t = tokens[k]!;
      if (inQuote(t.start)) continue;
      if (t.text.toLowerCase() === "according" && tokens[k + 1]?.text === "to") {
        let e = k + 2;
        while (e < tokens.length && e - k < 9 && tokens[e]!.end < end && !/^,/.test(text.slice(tokens[e]!.end, tokens[e]!.end + 1))) e++;
        if (e >= tokens.length) break;
        const np = { from: k + 2, to: e };
        let span: Span | null = null;
        if (k === first && text[tokens[e]!.end] === ",") span = { start: tokens[e]!.end + 1, end };
        else if (/,\s*$/.test(text.slice(sent.start, t.start))) span = { start: sent.start, end: text.lastIndexOf(",", t.start) };
        if (!span) continue;
        const att = finish(ctx, k, np, null, "quotes:according-to", null);
        if (att) push(out, text, span, att, quoted);
        continue;
      }
      if (!REPORTING.has(t.text) || usedCues.has(t.start)) continue;
      const next = tokens[k + 1];
      if (!next || next.start >= end) continue;
      const gap = text.slice(t.end, next.start);
      if (/[“"‘:]/.test(gap)) continue;
      let start = -1;
      for (let j = k + 1; j < tokens.length && j <= k + 10 && tokens[j]!.start < end; j++) {
        if (/[“”"‘:;]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
        if (tokens[j]!.text === "that") {
          start = tokens[j]!.end;
          break;
        }
      }
      if (start < 0 && gap === " " && BARE.has(t.text) && (CLAUSE_START.test(next.text) || /^\p{Lu}/u.test(next.text))) start = next.start;
      if (start < 0) continue;
      const np = cueSubject(ctx, k, first);
      const att = finish(ctx, k, np, null, "quotes:reported-speech", null);
      if (!att) continue;
      push(out, text, { start, end }, att, quoted);
    }
  }
  return out;
}

function push(out: IndirectQuote[], text: string, s: Span, att: Attribution, quoted: Span[]): void {
  let { start, end } = s;
  while (start < end && /[\s,]/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if ((text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return;
  // A quotation mark pair starting before the content and reaching into it: not reported speech.
  if (quoted.some((q) => q.start < start && q.end > start)) return;
  // The content is mostly one direct quote: that quote already carries it.
  const inside = quoted.filter((q) => q.start >= start && q.end <= end + 2).reduce((n, q) => n + q.end - q.start, 0);
  if (inside > 0.6 * (end - start)) return;
  out.push({ span: { start, end }, att });
}
