import { clipSpans, LIMITS, type Claim, type Message, type Quote, type RashomonDocument, type Span } from "../model/index.js";
import { findAttribution } from "./attribution.js";
import { findNames } from "./names.js";
import { findNumbers } from "./numbers.js";
import { splitSentences } from "./sentences.js";

export { splitSentences, splitClauses } from "./sentences.js";
export { citedSources, sourceKey, sourceName, findAttribution, isReportSource } from "./attribution.js";
export { findNames } from "./names.js";
export { findNumbers } from "./numbers.js";
export { IRREGULAR_PAST } from "./words.js";

/** Fewest words a sentence needs to count as asserting something. */
const MIN_WORDS = 4;
/** The parts of a document claims are read from; messages about caps go to its `messages` when it has them. */
export type ClaimSource = Pick<RashomonDocument, "id" | "text" | "paragraphs" | "times" | "quotes"> & Partial<Pick<RashomonDocument, "provenance" | "input" | "messages">>;

/**
 * Splits a document into claims: the sentences of its headline, standfirst and
 * body paragraphs that assert something, each with the names, figures, dates,
 * attribution and speaker inside it. Questions, headings inside the body and
 * sentences of fewer than four words are not claims. Bounded (`LIMITS`): at most
 * `claims` claims holding `claimedChars` characters, read in the first
 * `analysedChars` characters of the body, none longer than `claimChars`, at most
 * `claimFigures` figures each; a cap reached is one message on the document's
 * `messages`.
 */
export function extractClaims(doc: ClaimSource): Claim[] {
  const caps = new CapNotes(doc);
  const claims = readClaims(doc, caps);
  caps.flush();
  return claims;
}

function readClaims(doc: ClaimSource, caps: CapNotes): Claim[] {
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
  const read = clipSpans(units.map((u) => u.span));
  if (read.total > LIMITS.analysedChars) caps.note("claims:long-body", `the body has ${read.total} characters; claims are read in the first ${LIMITS.analysedChars} only`);
  let last = -1;
  let chars = 0, figures = 0;
  for (const [i, span] of read.spans.entries()) {
    const unit = { span, role: units[i]!.role };
    if (unit.span.start < last) continue; // a title or standfirst that is also a paragraph is read once
    last = unit.span.end;
    for (const sentence of splitSentences(doc.text, unit.span)) {
      if (claims.length >= LIMITS.claims) {
        caps.note("claims:too-many", `more sentences than the ${LIMITS.claims} claims kept; the rest of the body is not read for claims`);
        return claims;
      }
      if (sentence.end - sentence.start > LIMITS.claimChars) {
        caps.count("claims:long-sentence", (n) => `${n} stretch(es) of text longer than ${LIMITS.claimChars} characters without a sentence end are not read as claims`);
        continue;
      }
      const text = doc.text.slice(sentence.start, sentence.end);
      if (text.split(/\s+/).length < MIN_WORDS || /\?["”’']?$/.test(text)) continue;
      if ((chars += text.length) > LIMITS.claimedChars) {
        caps.note("claims:too-much-text", `claims hold ${LIMITS.claimedChars} characters, the most taken from one document; the body from offset ${sentence.start} on is not read for claims`);
        return claims;
      }
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
        numbers: figuresOf(doc.text, sentence, times.map((t) => t.span), caps, LIMITS.documentFigures - figures),
        dates: times.map((t) => t.value),
        attribution: attribution ? { source: attribution.source, span: attribution.span } : null,
        speaker: voice.speaker,
        quoted: voice.quoted,
      });
      figures += claims[claims.length - 1]!.numbers.length;
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

/** A claim's figures: at most `LIMITS.claimFigures` of them, and `left` for the document. */
function figuresOf(text: string, sentence: Span, skip: Span[], caps: CapNotes, left: number): Claim["numbers"] {
  const found = findNumbers(text, sentence, skip, Math.min(LIMITS.claimFigures, left) + 1);
  if (found.length > left) {
    caps.note("claims:too-many-figures-in-document", `claims hold ${LIMITS.documentFigures} figures, the most read in one document; from offset ${found[Math.max(0, left)]!.span.start} on, figures are not read`);
    return found.slice(0, Math.max(0, left));
  }
  if (found.length <= LIMITS.claimFigures) return found;
  caps.count("claims:too-many-figures", (n) => `${n} claim(s) with more than ${LIMITS.claimFigures} figures; only the first ${LIMITS.claimFigures} of each are read`);
  return found.slice(0, LIMITS.claimFigures);
}

/**
 * The caps one extraction reached, each reported once on the document's
 * messages (replacing the message of an earlier extraction of the same document).
 */
class CapNotes {
  private readonly notes = new Map<string, string>();
  private readonly counts = new Map<string, { n: number; reason: (n: number) => string }>();
  constructor(private readonly doc: ClaimSource) {}
  note(ruleId: string, reason: string): void {
    this.notes.set(ruleId, reason);
  }
  count(ruleId: string, reason: (n: number) => string): void {
    const c = this.counts.get(ruleId);
    if (c) c.n++;
    else this.counts.set(ruleId, { n: 1, reason });
  }
  flush(): void {
    const messages = this.doc.messages;
    if (!Array.isArray(messages)) return;
    for (const [ruleId, c] of this.counts) this.notes.set(ruleId, c.reason(c.n));
    for (const [ruleId, reason] of this.notes) {
      const input = this.doc.input ?? null;
      const m: Message = { ruleId, severity: "warning", reason: input ? `${input}: ${reason}` : reason, input, span: null };
      const at = messages.findIndex((x) => x.ruleId === ruleId);
      if (at >= 0) messages[at] = m;
      else messages.push(m);
    }
  }
}
