import type { Claim, Fact, SummarySentence } from "../model/index.js";
import { representative } from "./facts.js";
import { conceptTokens } from "./lexicon.js";

/** Settings of {@link summarize}. */
export interface SummaryOptions {
  min?: number;
  max?: number;
}

/**
 * An extractive, cited summary: the representative sentences of the best
 * corroborated facts (facts arrive ranked by independent sources, then
 * documents, then position), skipping sentences that repeat one already taken,
 * that lean on a pronoun for their subject, or that carry a partial quote. Every
 * sentence is a document's own sentence, so no sentence lacks support; its
 * first citation is the span it was taken from, the others the aligned claims.
 */
export function summarize(facts: Fact[], claimIndex: Map<string, Claim>, opts: SummaryOptions = {}): SummarySentence[] {
  const max = opts.max ?? 8;
  const min = opts.min ?? 5;
  const chosen: { sentence: SummarySentence; tokens: Set<string> }[] = [];
  const tryFacts = (strict: boolean) => {
    for (const f of facts) {
      if (chosen.length >= max) return;
      const members = f.claims.map((c) => claimIndex.get(key(c.document, c.span.start))).filter((c): c is Claim => c !== undefined);
      if (members.length === 0) continue;
      const best = representative(members);
      const text = stripDateline(best.text);
      if (strict && !readsAlone(text)) continue;
      const tokens = new Set(conceptTokens(text));
      if (chosen.some((c) => overlap(c.tokens, tokens) > 0.5)) continue;
      if (chosen.some((c) => c.sentence.text === text)) continue;
      const citations = [{ document: best.document, span: best.span }, ...f.claims.filter((c) => !(c.document === best.document && c.span.start === best.span.start))];
      chosen.push({ sentence: { text, citations }, tokens });
    }
  };
  tryFacts(true);
  if (chosen.length < min) tryFacts(false);
  return chosen.map((c) => c.sentence);
}

/** Index key of a claim by document and start offset. */
export function key(document: string, start: number): string {
  return `${document}\u0000${start}`;
}

function readsAlone(text: string): boolean {
  if (/^(?:She|He|It|They|Her|His|Their|This|That|But|And|However)\b/.test(text)) return false;
  if (/[“"‘]/.test(text) || /’\W*$/.test(text)) return false;
  if (/^\p{Ll}/u.test(text)) return false;
  // First and second person only occur inside quotations in news copy: not the outlet's own voice.
  if (/\b(?:I|we|We|you|You|our|Our|us)\b/.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words >= 8 && words <= 45;
}

/** Drops a leading dateline ("MEXICO CITY (AP) — ") from a sentence taken for the summary. */
function stripDateline(text: string): string {
  return text.replace(/^[\p{Lu}][\p{Lu} .,'-]{1,40}\([A-Za-z]{2,12}\)\s*[—–-]\s*/u, "");
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}
