import { extractEntities, sentenceIndexAt, TITLE_AT_LINE_END, tokenize, type Entity, type Token } from "../entities/index.js";
import { clipSpans, LIMITS, MessageBag } from "../model/index.js";
import type { Message, Paragraph, Quote, RashomonDocument, Span } from "../model/index.js";
import { attribute, continuesOnNextLine, isCueLine, leadsIn, type Attribution, type AttributionContext, type QuoteSpeaker } from "./attribute.js";
import { findIndirect } from "./indirect.js";
import { verbFollows } from "./subjects.js";
import { CUE_VERBS } from "./cues.js";
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

const SMALL = "of|and|the|in|on|to|for|a|an|at|under|with|by|from|or";
/** A phrase in title case: capitalised words, with only small function words in lower case. */
const TITLE_CASE = new RegExp(`^(?:(?:The|A|An|${SMALL})\\s+)*\\p{Lu}\\S*(?:\\s+(?:\\p{Lu}\\S*|\\d\\S*|${SMALL}))*[.,!?]?$`, "u");

/** Words in `s`, counted up to `cap` (callers only compare with small numbers; a 1 MB quote stays cheap). */
const words = (s: string, cap = 8): number => {
  const re = /[\p{L}\p{N}]+/gu;
  let n = 0;
  while (n < cap && re.exec(s)) n++;
  return n;
};

/**
 * The paragraphs the stage reads: the first `LIMITS.analysedChars` characters of
 * the body (or of the text, when there are no paragraphs), with one message when
 * the body is longer.
 */
function readParagraphs(doc: Pick<RashomonDocument, "text" | "paragraphs">, bag: MessageBag): Paragraph[] {
  const text = doc.text ?? "";
  const paragraphs = doc.paragraphs?.length ? doc.paragraphs : text.length > LIMITS.analysedChars ? [{ span: { start: 0, end: text.length }, kind: "paragraph" as const }] : [];
  const { spans, total } = clipSpans(paragraphs.map((p) => p.span));
  if (total <= LIMITS.analysedChars) return doc.paragraphs ?? [];
  bag.warn("quotes:long-body", `the body has ${total} characters; quotes are read in the first ${LIMITS.analysedChars} only`);
  return spans.map((span, i) => ({ ...paragraphs[i]!, span }));
}

/**
 * Once the quoted passages kept hold `LIMITS.quotedChars` characters, or twice the
 * characters read (`read`; at least 20,000), nested ones counted again (32 marks
 * left open to the end of a huge paragraph would hold 32 copies of it; 256 KB of
 * `"last week ` held three copies of the whole body), the rest are not read, with
 * one message; a dropped passage's quotes go to its parent.
 */
function boundQuotedText(marks: MarkedQuote[], bag: MessageBag, read: number): MarkedQuote[] {
  const bound = Math.min(LIMITS.quotedChars, Math.max(20_000, 2 * read));
  let chars = 0;
  const at = marks.findIndex((m) => (chars += m.content.end - m.content.start) > bound);
  if (at < 0) return marks;
  bag.warn("quotes:too-much-quoted", `quoted passages hold more than ${bound} characters; those opening at ${marks[at]!.open} or later are not read`);
  const kept = marks.slice(0, at);
  const keep = new Set(kept);
  for (const q of kept) while (q.parent && !keep.has(q.parent)) q.parent = q.parent.parent;
  return kept;
}

/**
 * Finds the direct, indirect and mixed quotes of a document's body with their
 * cues and resolved speakers; quotes inside quotes are linked to the quote
 * that reports them. Never throws on odd punctuation: unbalanced marks become
 * messages.
 */
export function extractQuotes(doc: Pick<RashomonDocument, "id" | "text" | "paragraphs">): { quotes: ExtractedQuote[]; messages: Message[] } {
  const bag = new MessageBag(doc.id);
  const text = doc.text ?? "";
  const analysis = extractEntities({ id: doc.id, text, paragraphs: readParagraphs(doc, bag) });
  bag.messages.push(...analysis.messages);
  const regions = analysis.regions.filter((r) => r.start >= 0 && r.end <= text.length && r.start <= r.end);
  let marks = pairQuoteMarks(text, regions, bag);
  if (marks.length > LIMITS.quoteMarks) {
    // No article quotes this many passages (adversarial input, 1 MB of quote pairs): the first quotes in text order are kept, parents before children.
    bag.warn("quotes:too-many-marks", `${marks.length} quoted passages; only the first ${LIMITS.quoteMarks} are read`);
    const cut = [...marks].sort((a, b) => a.open - b.open)[LIMITS.quoteMarks]!.open;
    marks = marks.filter((m) => m.open < cut);
  }
  marks = boundQuotedText(marks, bag, regions.reduce((n, r) => n + r.end - r.start, 0));
  let tokens: Token[] = analysis.tokens ?? [];
  if (!analysis.tokens) for (const r of regions) for (const t of tokenize(text, r)) tokens.push(t);
  // Out-of-order regions (overlapping paragraphs) would break the binary searches: sort to be safe.
  if (tokens.some((t, i) => i > 0 && t.start < tokens[i - 1]!.start)) tokens = [...tokens].sort((a, b) => a.start - b.start);
  const top = marks.filter((m) => !m.parent);
  const ctx: AttributionContext = { text, analysis, tokens, quoted: top.map((m) => m.content), lastSpeaker: null, owners: new Map() };
  const sentences = analysis.sentences;
  const regionOf = (pos: number): Span => regions[sentenceIndexAt(regions, pos)] ?? { start: 0, end: text.length };
  const sentenceOf = (pos: number): Span => sentences[sentenceIndexAt(sentences, pos)] ?? regionOf(pos);
  const works = new Map<MarkedQuote, Work>();

  // Bounds for adversarial input: quotes past this count keep no speaker.
  const MAX_ATTRIBUTED = LIMITS.attributedQuotes;
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
    // "”\nsaid Stephen Harper, ...": a line opening with a speech verb belongs to the quote before it.
    const nextRegion = regions[sentenceIndexAt(regions, Math.max(lastRegion.start, lastRegion.end - 1)) + 1];
    const cueLine = nextRegion && /^\s*$/.test(text.slice(closeAt + 1, nextRegion.start))
      && (isCueLine(text.slice(nextRegion.start, nextRegion.start + 80)) || m.close !== null && continuesOnNextLine(text, m.close, nextRegion.start));
    // "..., \" Vancouver police Const.\nTim Fanning told ...": a line cut after a title's abbreviation goes on in the next.
    const titleCut = nextRegion && TITLE_AT_LINE_END.test(text.slice(Math.max(closeAt, lastRegion.end - 12), lastRegion.end));
    const ceil = cueLine || titleCut ? Math.min(nextRegion!.end, nextRegion!.start + 160) : Math.min(lastRegion.end, Math.max(sClose.end, closeAt + 1) + 120);
    let att: Attribution | null = null;
    try {
      if (attributed++ < MAX_ATTRIBUTED) att = attribute(ctx, m.open, m.close, Math.max(introFloor(text, regions, sentences, m.open, reg) ?? Math.max(reg.start, sOpen.start), m.open - 400), ceil, null);
    } catch (e) {
      bag.warn("quotes:attribution-failed", `attribution failed: ${(e as Error).message}`, m.content);
    }
    const lead = text.slice(Math.max(reg.start, m.open - 12), m.open).trimEnd();
    const attached = lead === "" || leadsIn(text, lead, m.open) || m.open === sOpen.start;
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
  fallbackSpeakers(text, [...works.values()].sort((a, b) => a.span.start - b.span.start), regions, sentences);
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
  // A word or two that only inherits the previous speaker ("and, “exciting”") is a label too.
  // A title in title case ("The Hunger Games") inherits no one's voice either.
  const inherits = (w: Work): boolean => {
    const c = text.slice(w.span.start, w.span.end);
    return words(c) >= 3 && !(words(c) <= 8 && TITLE_CASE.test(c));
  };
  const direct = list.filter((w) => (w.att?.speaker && (w.att.rule !== "quotes:continuation" || inherits(w)))
    || words(text.slice(w.span.start, w.span.end)) >= 4);
  // A cue on the line before its quote ("Reid told People she was ... habits:\n“No. ...") may still report speech of its own.
  // A cue after its quote ("“...\n... barricaded in,” Bill Adgate ... told CNN affiliate WDIV") is used up too.
  const usedCues = new Set(direct.filter((w) => w.kind === "direct" && (!w.att?.cue || w.att.cue.span.start >= w.span.end
    || sentenceIndexAt(regions, w.att.cue.span.start) === sentenceIndexAt(regions, w.span.start)))
    .map((w) => w.att?.cue?.span.start ?? -1));
  const spoke = direct.filter((w) => w.att?.entity).map((w) => ({ at: w.mq!.open, entity: w.att!.entity! }));
  const indirect = text.length > LIMITS.indirectQuoteChars ? [] : findIndirect(ctx, regions, direct.map((w) => w.mq!), usedCues, spoke);
  if (text.length > LIMITS.indirectQuoteChars) bag.info("quotes:indirect-skipped", `text of ${text.length} characters: reported speech not searched`);
  const absorbed = new Set<Work>();
  const all: Work[] = [];
  for (const ind of indirect) {
    const w: Work = { mq: null, kind: "indirect", span: { ...ind.span }, quoted: [], att: ind.att, parent: null, reportedBy: null };
    // quotes:mixed-absorbed: quoted fragments inside reported speech make one mixed quote with it.
    for (const d of direct) {
      if (!d.mq || d.kind !== "mixed" || d.reportedBy || absorbed.has(d)) continue;
      const close = d.mq.close ?? d.mq.content.end;
      // The fragment opens inside the reported content (and may run past a sentence break inside the marks).
      if (d.mq.open < ind.span.start || d.mq.open >= ind.span.end || close > ind.span.end + 2000) continue;
      absorbed.add(d);
      w.kind = "mixed";
      w.quoted.push(d.mq.content);
      if (d.mq.close !== null && d.mq.close >= w.span.end - 1) w.span.end = Math.max(w.span.end, d.mq.close + 1);
      for (const o of direct) if (o.reportedBy === d) o.reportedBy = w;
    }
    for (const d of direct) {
      if (!d.mq || d.reportedBy) continue;
      if (d.mq.open >= ind.span.start && d.mq.open < ind.span.end && d.att?.entity !== ind.att.entity) d.reportedBy = w;
    }
    all.push(w);
  }
  // quotes:scare-quote: a fragment quoted mid-sentence that no reported speech takes in ("American Pie", "high").
  // A quote nobody is said to have said, written in title case ("Angel in a White Coat", "Changing the Face of Medicine."), is a title.
  const fragment = (d: Work): boolean => {
    if (!d.mq || d.kind !== "mixed" && (d.att?.speaker || d.att?.cue)) return false;
    const c = text.slice(d.mq.content.start, d.mq.content.end);
    return d.kind === "mixed" && words(c) < 4 || c.length <= 300 && TITLE_CASE.test(c);
  };
  all.push(...direct.filter((d) => !absorbed.has(d) && !fragment(d)));
  all.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  lateSpeakers(ctx, all, regions, sentences);
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
 * `quotes:colon-line`: a quote opening a paragraph whose previous paragraph ends
 * with a colon ("Playboy founder Hugh Hefner said:" on its own line) is
 * introduced by that paragraph's last sentence; returns where that sentence starts.
 */
function introFloor(text: string, regions: Span[], sentences: Span[], open: number, reg: Span): number | null {
  if (!/^\s*$/.test(text.slice(reg.start, open))) return null;
  const prev = regions[sentenceIndexAt(regions, reg.start) - 1];
  if (!prev || !/:\s*$/.test(text.slice(Math.max(prev.start, prev.end - 4), prev.end)) || !/^\s*$/.test(text.slice(prev.end, reg.start))) return null;
  const s = sentences[sentenceIndexAt(sentences, Math.max(prev.start, prev.end - 1))];
  return Math.max(prev.start, s && s.start <= prev.end ? s.start : prev.start);
}

/**
 * Speakers for quotes with no cue of their own: the speaker of the quote just
 * before (same paragraph or the one before, nothing but the quote between:
 * `quotes:continuation`), else of the next quote when that one "added" or
 * "continued" (`quotes:next-added`).
 */
function fallbackSpeakers(text: string, list: Work[], regions: Span[], sentences: Span[]): void {
  const top = list.filter((w) => !w.reportedBy);
  const paragraphIndex = (pos: number): number => sentenceIndexAt(regions, pos);
  for (let i = 0; i < top.length; i++) {
    const w = top[i]!;
    if (w.att?.speaker || w.att?.cue || w.kind === "mixed") continue;
    // A quote followed by a cue of its own ("“...,” a second juror added") is not the last speaker's, even unparsed.
    if (w.mq?.close != null && ownCueAfter(text, w.mq.close)) continue;
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
    // Two quotes back to back ("“...,” “...” Mr MacFarlane said."): the second one's speaker says both.
    const adjacent = !!next?.mq && !!w.mq && w.mq.close !== null && next.mq.open - w.mq.close <= 3;
    if (next?.att?.speaker && next.att.cue && (adjacent || /^(?:added|adds|continued|continues)$/.test(next.att.cue.text)) && next.mq && w.mq) {
      const gapP = paragraphIndex(next.mq.open) - paragraphIndex(w.mq.close ?? w.span.end);
      if (gapP <= 1) w.att = { ...next.att, cue: null, rule: "quotes:next-added", reportStart: null, speaker: { ...next.att.speaker, mention: null, rule: "quotes:next-added" } };
    }
  }
}


/** Whether a cue verb follows a closing mark within the same sentence's next fourteen words (", X said", "said X"). */
function ownCueAfter(text: string, close: number): boolean {
  const rest = /^[^.!?;:“”"\n]{0,100}/.exec(text.slice(close + 1, close + 101))?.[0] ?? "";
  if (!/^\s*,/.test(rest) && !/^\s*\p{Ll}/u.test(rest) && !/,\s*$/.test(text.slice(Math.max(0, close - 3), close))) return false;
  return rest.split(/[\s,]+/).slice(0, 15).some((w) => CUE_VERBS.has(w));
}

/**
 * Speakers for direct quotes still without one, once reported speech is known:
 * `quotes:after-reported` (the quote follows reported speech of one speaker:
 * "Dorsey said the shooting was hard on everyone. / "We're like family here."")
 * and `quotes:preceding-subject` (a quote opening a paragraph right after a
 * sentence whose subject is a named person: "Mr. Pigeon commended police. /
 * "They managed to stop any further loss of life."").
 */
function lateSpeakers(ctx: AttributionContext, all: Work[], regions: Span[], sentences: Span[]): void {
  const { text, analysis } = ctx;
  let prev: Work | null = null;
  for (const w of all) {
    if (w.parent || w.reportedBy) continue;
    const open = w.mq?.open ?? w.span.start;
    if (w.mq && !w.att?.speaker && !w.att?.cue && w.kind === "direct") {
      const si = sentenceIndexAt(sentences, open);
      const pEnd = prev ? prev.span.end : -1;
      const gapP = prev ? sentenceIndexAt(regions, open) - sentenceIndexAt(regions, Math.max(0, pEnd - 1)) : 99;
      const gapS = prev ? si - sentenceIndexAt(sentences, Math.max(0, pEnd - 1)) : 99;
      if (prev?.att?.speaker && prev.mq === null && gapP <= 1 && gapS <= 1) {
        w.att = { ...prev.att, cue: null, rule: "quotes:after-reported", reportStart: null, speaker: { ...prev.att.speaker, mention: null, rule: "quotes:after-reported" } };
      } else if (si > 0) {
        const before = sentences[si - 1]!;
        const reg = regions[sentenceIndexAt(regions, open)];
        const opensParagraph = !!reg && /^\s*$/.test(text.slice(reg.start, open));
        const first = opensParagraph ? subjectMention(analysis, text, before) : null;
        if (first) w.att = { cue: null, speaker: { ...first.speaker, rule: "quotes:preceding-subject" }, entity: first.entity, rule: "quotes:preceding-subject", reportStart: null };
      }
    }
    if (w.att?.speaker) prev = w;
  }
}

/** The named person a sentence opens with ("Mr. Pigeon also commended ..."), if any. */
function subjectMention(analysis: AttributionContext["analysis"], text: string, sent: Span): { speaker: QuoteSpeaker; entity: Entity } | null {
  let start = sent.start;
  while (start < sent.end && /[\s“"‘']/.test(text[start]!)) start++;
  // "On the department's web site, Benjamin writes ...": past a short opening phrase.
  const opener = /^(?:On|In|At|From|During|Writing|Speaking)\b[^,.;:]{0,80}, /.exec(text.slice(start, Math.min(sent.end, start + 100)));
  if (opener) start += opener[0].length;
  for (const e of analysis.entities) {
    if (e.kind !== "person") continue;
    for (const m of e.mentions) {
      // The mention may leave out a title that opens the sentence ("Mr. Pigeon also commended ...").
      if (m.span.start !== start && !(m.span.start > start && /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+$/.test(text.slice(start, m.span.start)))) continue;
      if (!verbFollows(text, m.span.end)) return null;
      return { speaker: { name: e.name, mention: null, role: e.roles[0] ?? null, kind: "person", named: true, entity: e.id, rule: "quotes:preceding-subject" }, entity: e };
    }
  }
  return null;
}
