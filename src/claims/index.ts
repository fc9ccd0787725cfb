import type { Claim, RashomonDocument, Span } from "../model/index.js";
import { findAttribution } from "./attribution.js";
import { findNames } from "./names.js";
import { findNumbers } from "./numbers.js";
import { splitClauses, splitSentences } from "./sentences.js";

export { splitSentences, splitClauses } from "./sentences.js";
export { citedSources, sourceKey } from "./attribution.js";
export { findNames } from "./names.js";

/** Fewest words a sentence needs to count as asserting something. */
const MIN_WORDS = 5;

/**
 * Splits a document's body into claims: sentences (or clauses of compound
 * sentences) that assert something, each with the names, numbers, dates and
 * attribution inside it. Headings and questions are not claims.
 */
export function extractClaims(doc: Pick<RashomonDocument, "id" | "text" | "paragraphs" | "times" | "quotes">): Claim[] {
  const claims: Claim[] = [];
  const times = doc.times ?? [];
  const dateSpans: Span[] = times.filter((t) => t.type === "DATE" || t.type === "TIME").map((t) => t.span);
  for (const p of doc.paragraphs) {
    if (p.kind !== "paragraph") continue;
    for (const sentence of splitSentences(doc.text, p.span)) {
      for (const clause of splitClauses(doc.text, sentence)) {
        const text = doc.text.slice(clause.start, clause.end);
        if (text.split(/\s+/).length < MIN_WORDS || /\?["”’']?$/.test(text)) continue;
        const inside = (s: Span) => s.start >= clause.start && s.end <= clause.end;
        const attribution = findAttribution(doc.text, clause);
        claims.push({
          id: `${doc.id}#c${claims.length + 1}`,
          document: doc.id,
          text,
          span: clause,
          entities: [...new Set(findNames(doc.text, clause).map((n) => n.name))],
          numbers: findNumbers(doc.text, clause, dateSpans),
          dates: times.filter((t) => inside(t.span) && (t.type === "DATE" || t.type === "TIME")).map((t) => t.value),
          attribution: attribution ? { source: attribution.source, span: attribution.span } : null,
        });
      }
    }
  }
  return claims;
}
