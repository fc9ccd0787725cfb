import { extractEntities, sentenceIndexAt, tokenize, type Token } from "../entities/index.js";
import { MessageBag } from "../model/index.js";
import type { Message, Quote, RashomonDocument, Span } from "../model/index.js";
import { attribute, type Attribution, type AttributionContext, type QuoteSpeaker } from "./attribute.js";
import { findIndirect } from "./indirect.js";
import { pairQuoteMarks, type MarkedQuote } from "./marks.js";

/** A quote as this stage returns it: the model's Quote plus the rule that attributed it and its quoted stretches. */
export interface ExtractedQuote extends Quote {
  speaker: QuoteSpeaker | null;
  /** Rule that found the speaker (`quotes:cue-before`, `quotes:continuation`, ...), or `quotes:none`. */
  rule: string;
  /** The stretches inside quotation marks (empty for indirect speech). */
  quoted: Span[];
}

interface Work {
  mq: MarkedQuote | null;
  kind: Quote["kind"];
  span: Span;
  quoted: Span[];
  att: Attribution | null;
  parent: Work | null;
  reportedBy: Work | null;
  id?: string;
}

const words = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * Finds the direct, indirect and mixed quotes of a document's body with their
 * cues and resolved speakers; quotes inside quotes are linked to the quote
 * that reports them. Never throws on odd punctuation: unbalanced marks become
 * messages.
 */
export function extractQuotes(doc: Pick<RashomonDocument, "id" | "text" | "paragraphs">): { quotes: ExtractedQuote[]; messages: Message[] } {
  const bag = new MessageBag(doc.id);
  const text = doc.text ?? "";
  const analysis = extractEntities({ id: doc.id, text, paragraphs: doc.paragraphs ?? [] });
  bag.messages.push(...analysis.messages);
  const regions = analysis.regions.filter((r) => r.start >= 0 && r.end <= text.length && r.start <= r.end);
  const marks = pairQuoteMarks(text, regions, bag);
  const tokens: Token[] = [];
  for (const r of regions) for (const t of tokenize(text, r)) tokens.push(t);
  const top = marks.filter((m) => !m.parent);
  const ctx: AttributionContext = { text, analysis, tokens, quoted: top.map((m) => m.content), lastSpeaker: null, owners: new Map() };
  const sentences = analysis.sentences;
  const regionOf = (pos: number): Span => regions.find((r) => r.start <= pos && pos < r.end) ?? { start: 0, end: text.length };
  const sentenceOf = (pos: number): Span => sentences[sentenceIndexAt(sentences, pos)] ?? regionOf(pos);
  const works = new Map<MarkedQuote, Work>();

  // Bounds for adversarial input: quotes past these counts keep no speaker.
  const MAX_ATTRIBUTED = 400;
  if (marks.length > MAX_ATTRIBUTED) bag.warn("quotes:too-many", `${marks.length} quotes; only the first ${MAX_ATTRIBUTED} get speakers`);
  let attributed = 0;
  const siblings = new Map<MarkedQuote, MarkedQuote | undefined>();
  const lastChild = new Map<MarkedQuote, MarkedQuote>();
  for (const m of marks) {
    if (!m.parent) continue;
    siblings.set(m, lastChild.get(m.parent));
    if (m.close !== null) lastChild.set(m.parent, m);
  }
  // Top-level quotes, in text order.
  for (const m of top) {
    const reg = regionOf(m.open);
    const sOpen = sentenceOf(m.open);
    const closeAt = m.close ?? m.content.end;
    const sClose = sentenceOf(Math.max(m.open, closeAt - 1));
    const lastRegion = regionOf(closeAt > m.open ? closeAt - 1 : m.open);
    const ceil = Math.min(lastRegion.end, Math.max(sClose.end, closeAt + 1) + 120);
    let att: Attribution | null = null;
    try {
      if (attributed++ < MAX_ATTRIBUTED) att = attribute(ctx, m.open, m.close, Math.max(reg.start, sOpen.start, m.open - 400), ceil, null);
    } catch (e) {
      bag.warn("quotes:attribution-failed", `attribution failed: ${(e as Error).message}`, m.content);
    }
    const lead = text.slice(Math.max(reg.start, m.open - 3), m.open).trimEnd();
    const attached = lead === "" || /[,:?—]$/.test(lead) || m.open === sOpen.start;
    let kind: Quote["kind"] = "direct";
    let span = m.content;
    if (!attached && att?.reportStart !== null && att?.reportStart !== undefined && att.reportStart < m.open) {
      kind = "mixed";
      let rs = att.reportStart;
      while (rs < m.open && /\s/.test(text[rs]!)) rs++;
      span = { start: rs, end: m.content.end };
    } else if (!attached) {
      kind = "mixed";
    }
    if (att?.entity) ctx.lastSpeaker = att.entity;
    works.set(m, { mq: m, kind, span, quoted: [m.content], att, parent: null, reportedBy: null });
  }
  fallbackSpeakers([...works.values()].sort((a, b) => a.span.start - b.span.start), regions, sentences);
  // Quotes within quotes: the cue is looked for inside the enclosing quote.
  for (const m of marks) {
    if (!m.parent) continue;
    const parent = works.get(m.parent);
    if (!parent) continue;
    const prevSibling = siblings.get(m);
    const floor = Math.max(m.parent.content.start, prevSibling?.close !== null && prevSibling ? prevSibling.close + 1 : 0);
    const inside = parent.att ? { speaker: parent.att.speaker, entity: parent.att.entity } : { speaker: null, entity: null };
    let att: Attribution | null = null;
    try {
      if (attributed++ < MAX_ATTRIBUTED) att = attribute(ctx, m.open, m.close, Math.max(floor, m.open - 400), m.parent.content.end, inside);
    } catch (e) {
      bag.warn("quotes:attribution-failed", `attribution failed: ${(e as Error).message}`, m.content);
    }
    if (att && att.rule === "quotes:cue-in-sentence" && !/[,:?]\s*$/.test(text.slice(floor, m.open))) att = null;
    const content = text.slice(m.content.start, m.content.end);
    if (!att && words(content) < 3) continue; // a scare quote, not speech
    works.set(m, { mq: m, kind: "direct", span: m.content, quoted: [m.content], att, parent: null, reportedBy: parent });
  }
  const list = [...works.values()].filter((w) => w.mq).sort((a, b) => a.span.start - b.span.start);
  // Short quotes nobody said (titles, scare quotes) are dropped.
  const direct = list.filter((w) => w.att?.speaker || words(text.slice(w.span.start, w.span.end)) >= 4);
  const usedCues = new Set(direct.map((w) => w.att?.cue?.span.start ?? -1));
  const indirect = text.length > 200_000 ? [] : findIndirect(ctx, regions, direct.map((w) => w.mq!), usedCues);
  if (text.length > 200_000) bag.info("quotes:indirect-skipped", `text of ${text.length} characters: reported speech not searched`);
  const all: Work[] = [...direct];
  for (const ind of indirect) {
    const w: Work = { mq: null, kind: "indirect", span: ind.span, quoted: [], att: ind.att, parent: null, reportedBy: null };
    for (const d of direct) {
      if (!d.mq || d.reportedBy) continue;
      if (d.mq.open >= ind.span.start && d.mq.open < ind.span.end && d.att?.entity !== ind.att.entity) d.reportedBy = w;
    }
    all.push(w);
  }
  all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  all.forEach((w, i) => (w.id = `${doc.id}#q${i + 1}`));
  const quotes: ExtractedQuote[] = all.map((w) => ({
    id: w.id!,
    kind: w.kind,
    text: text.slice(w.span.start, w.span.end),
    span: w.span,
    cue: w.att?.cue ?? null,
    speaker: w.att?.speaker ?? null,
    reportedBy: w.reportedBy?.id ?? null,
    rule: w.att?.rule ?? "quotes:none",
    quoted: w.quoted,
  }));
  return { quotes, messages: bag.messages };
}

/**
 * Speakers for quotes with no cue of their own: the speaker of the quote just
 * before (same paragraph or the one before, nothing but the quote between:
 * `quotes:continuation`), else of the next quote when that one "added" or
 * "continued" (`quotes:next-added`).
 */
function fallbackSpeakers(list: Work[], regions: Span[], sentences: Span[]): void {
  const top = list.filter((w) => !w.reportedBy);
  const paragraphIndex = (pos: number): number => regions.findIndex((r) => r.start <= pos && pos < r.end);
  for (let i = 0; i < top.length; i++) {
    const w = top[i]!;
    if (w.att?.speaker) continue;
    const prev = top[i - 1];
    if (prev?.att?.speaker && prev.mq && w.mq) {
      const pEnd = prev.mq.close ?? prev.span.end;
      const gapP = paragraphIndex(w.mq.open) - paragraphIndex(pEnd);
      const between = sentenceIndexAt(sentences, w.mq.open) - sentenceIndexAt(sentences, pEnd);
      if (gapP <= 1 && between <= 2) {
        w.att = { ...prev.att, cue: null, rule: "quotes:continuation", reportStart: null, speaker: { ...prev.att.speaker, mention: null, rule: "quotes:continuation" } };
        continue;
      }
    }
    const next = top[i + 1];
    if (next?.att?.speaker && next.att.cue && /^(?:added|adds|continued|continues)$/.test(next.att.cue.text) && next.mq && w.mq) {
      const gapP = paragraphIndex(next.mq.open) - paragraphIndex(w.mq.close ?? w.span.end);
      if (gapP <= 1) w.att = { ...next.att, cue: null, rule: "quotes:next-added", reportStart: null, speaker: { ...next.att.speaker, mention: null, rule: "quotes:next-added" } };
    }
  }
}
