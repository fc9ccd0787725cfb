import type { Claim, Quote, RashomonDocument, Span } from "../model/index.js";
import { findAttribution } from "./attribution.js";
import { findNames } from "./names.js";
import { findNumbers } from "./numbers.js";
import { splitSentences } from "./sentences.js";

export { splitSentences, splitClauses } from "./sentences.js";
export { citedSources, sourceKey, sourceName, findAttribution, isReportSource } from "./attribution.js";
export { findNames } from "./names.js";
export { findNumbers } from "./numbers.js";

/** Fewest words a sentence needs to count as asserting something. */
const MIN_WORDS = 4;
/** Most claims taken from one document: the dossier's work per document is bounded. */
export const MAX_CLAIMS = 400;

/** The parts of a document claims are read from. */
export type ClaimSource = Pick<RashomonDocument, "id" | "text" | "paragraphs" | "times" | "quotes"> & Partial<Pick<RashomonDocument, "provenance">>;

/**
 * Splits a document into claims: the sentences of its headline, standfirst and
 * body paragraphs that assert something, each with the names, figures, dates,
 * attribution and speaker inside it. Questions, headings inside the body and
 * sentences of fewer than four words are not claims. At most {@link MAX_CLAIMS}.
 */
export function extractClaims(doc: ClaimSource): Claim[] {
  const claims: Claim[] = [];
  const dated = (doc.times ?? []).filter((t) => t.type === "DATE" || t.type === "TIME").sort((a, b) => a.span.start - b.span.start);
  const quotes = [...(doc.quotes ?? [])].sort((a, b) => a.span.start - b.span.start);
  const units: { span: Span; role: Claim["role"] }[] = [];
  const title = doc.provenance?.title?.span;
  const standfirst = doc.provenance?.standfirst?.span;
  if (title && title.end > title.start) units.push({ span: title, role: "headline" });
  if (standfirst && standfirst.end > standfirst.start) units.push({ span: standfirst, role: "standfirst" });
  for (const p of doc.paragraphs) if (p.kind === "paragraph") units.push({ span: p.span, role: "body" });
  units.sort((a, b) => a.span.start - b.span.start);
  let last = -1;
  for (const unit of units) {
    if (unit.span.start < last) continue; // a title or standfirst that is also a paragraph is read once
    last = unit.span.end;
    for (const sentence of splitSentences(doc.text, unit.span)) {
      if (claims.length >= MAX_CLAIMS) return claims;
      const text = doc.text.slice(sentence.start, sentence.end);
      if (text.split(/\s+/).length < MIN_WORDS || /\?["”’']?$/.test(text)) continue;
      const times = within(dated, sentence);
      const attribution = findAttribution(doc.text, sentence);
      const voice = speakerOf(within(quotes, sentence, true), sentence);
      claims.push({
        id: `${doc.id}#c${claims.length + 1}`,
        document: doc.id,
        text,
        span: sentence,
        role: unit.role,
        entities: [...new Set(findNames(doc.text, sentence).map((n) => n.name))],
        numbers: findNumbers(doc.text, sentence, times.map((t) => t.span)),
        dates: times.map((t) => t.value),
        attribution: attribution ? { source: attribution.source, span: attribution.span } : null,
        speaker: voice.speaker,
        quoted: voice.quoted,
      });
    }
  }
  return claims;
}

/**
 * Items of a list sorted by start that lie inside `s` (or, with `overlap`, touch
 * it), found by binary search so that a document of many sentences and many
 * items stays linear-logarithmic rather than quadratic.
 */
function within<T extends { span: Span }>(sorted: readonly T[], s: Span, overlap = false): T[] {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.span.start < s.start - (overlap ? MAX_QUOTE_REACH : 0)) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.span.start < s.end; i++) {
    const t = sorted[i]!.span;
    if (overlap ? t.start < s.end && s.start < t.end : t.start >= s.start && t.end <= s.end) out.push(sorted[i]!);
  }
  return out;
}

/** How far before a sentence a quote that covers it may start (quotes run over several sentences). */
const MAX_QUOTE_REACH = 3000;

/** Who speaks in a sentence (the speaker of the quote that covers most of it) and how much of it is direct quotation. */
function speakerOf(quotes: readonly Quote[], s: Span): { speaker: string | null; quoted: number } {
  let best: { name: string; cover: number } | null = null;
  let direct = 0;
  for (const q of quotes) {
    const cover = Math.min(q.span.end, s.end) - Math.max(q.span.start, s.start);
    if (cover <= 0) continue;
    if (q.kind !== "indirect") direct += cover;
    if (q.speaker && (!best || cover > best.cover)) best = { name: q.speaker.name, cover };
  }
  const length = Math.max(1, s.end - s.start);
  return { speaker: best && best.cover >= length * 0.3 ? best.name : null, quoted: Math.min(1, direct / length) };
}
