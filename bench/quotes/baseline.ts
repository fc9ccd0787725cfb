/**
 * A reference floor for bench:quotes (`--baseline`): every stretch between a
 * pair of quotation marks on one line of at least four words is a predicted
 * quote, with no speaker. It shows what quotation marks alone are worth; the
 * quotes stage should beat it on recall (indirect quotes) and on speakers.
 * Regular expressions are bounded and have no nested quantifiers.
 */
import type { PredictedQuote } from "./score.js";

const PAIRS = [/"([^"\n]{1,3000})"/g, /“([^”\n]{1,3000})”/g];

/** Predicts quotes from quotation marks only. */
export function quoteMarkBaseline(text: string): PredictedQuote[] {
  const out: PredictedQuote[] = [];
  for (const re of PAIRS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const inner = m[1]!;
      if (inner.trim().split(/\s+/).length < 4) continue;
      const start = m.index! + 1;
      out.push({ span: { start, end: start + inner.length }, speaker: null });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
