import { LIMITS, type DocumentSpan, type EntityRef, type Message, type Quote, type RashomonDocument, type Span, type Utterance } from "../model/index.js";
import { extractQuotes, type ExtractedQuote } from "./extract.js";

/** An utterance with the spans its variants come from (it is generated: it cites them). */
export interface AlignedUtterance extends Utterance {
  variants: { document: string; quote: string; text: string; span: Span }[];
  derivedFrom: DocumentSpan[];
}

interface Segment {
  doc: string;
  quote: Quote;
  span: Span;
  words: Set<string>;
  speaker: string;
}

const STOP = new Set(("a an the and or but of to in on at for with by from as is are was were be been it its this that " +
  "these those we you i he she they our your us them his her their my me so not no do does did will would can could " +
  "has have had there here what which who how very").split(" "));

/** Words of a stretch, lower-cased, accents and ’s dropped. */
export function normWords(s: string): string[] {
  return (s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/u\.s\./g, "us").replace(/[’'‘]s\b/g, "")
    .match(/[\p{L}\p{N}]+/gu) ?? []);
}

const speakerKey = (s: EntityRef | null): string | null => {
  if (!s) return null;
  if (s.kind === "person" && /\s/.test(s.name) && (s as { named?: boolean }).named !== false) return s.name.split(/\s+/).pop()!.toLowerCase();
  return s.name.toLowerCase();
};

/** Sentence-sized pieces of a quote's own words (quotes it reports left out). */
function segments(doc: RashomonDocument, q: Quote, all: readonly Quote[]): Segment[] {
  const key = speakerKey(q.speaker);
  if (!key || q.kind === "indirect") return [];
  const quoted = (q as ExtractedQuote).quoted?.length ? (q as ExtractedQuote).quoted : [q.span];
  const inner = all.filter((o) => o.reportedBy === q.id && o.span.start >= q.span.start && o.span.end <= q.span.end).map((o) => o.span);
  const out: Segment[] = [];
  for (const part of quoted) {
    const cuts = [part.start, ...inner.flatMap((s) => [s.start, s.end]), part.end].filter((p) => p >= part.start && p <= part.end).sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i += 2) {
      const from = cuts[i]!;
      const to = cuts[i + 1]!;
      const piece = doc.text.slice(from, to);
      const re = /[^.!?;…]+[.!?;…]*/g;
      for (let m = re.exec(piece); m; m = re.exec(piece)) {
        const span = trimMarks(doc.text, { start: from + m.index, end: from + m.index + m[0].length });
        const text = doc.text.slice(span.start, span.end);
        const ws = normWords(text);
        // A lead-in to a quote inside the quote ("I told him, ‘", "Trump said:") is narration, not an utterance.
        if (ws.length < 3 || /[,:]$/.test(text)) continue;
        out.push({ doc: doc.id, quote: q, span, words: new Set(ws), speaker: key });
      }
    }
  }
  return out;
}

/** A span without the quotation marks, apostrophes and spaces at its edges. */
function trimMarks(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s"“”‘’'«»]/.test(text[start]!)) start++;
  while (end > start && /[\s"“”‘’'«»]/.test(text[end - 1]!)) end--;
  return { start, end };
}

function same(a: Segment, b: Segment): boolean {
  if (a.speaker !== b.speaker || a.quote === b.quote) return false;
  let inter = 0;
  for (const w of a.words) if (b.words.has(w)) inter++;
  const small = Math.min(a.words.size, b.words.size);
  const big = Math.max(a.words.size, b.words.size);
  return inter >= 3 && inter / small >= 0.6 && inter / big >= 0.15;
}

/**
 * Groups the quotes of a story's documents that render the same utterance:
 * same speaker, sentence pieces whose words overlap after normalisation (one
 * outlet may quote a longer stretch or translate differently). Pieces that
 * always travel in the same quotes form one utterance. Each utterance keeps
 * every variant and the words only some variants use. Pieces are compared in
 * pairs, so each document gives at most `LIMITS.utteranceSegments` of them (a
 * document cut short is said once in `messages`).
 */
export function alignUtterances(docs: RashomonDocument[], messages: Message[] = []): AlignedUtterance[] {
  const segs: Segment[] = [];
  const texts = new Map<string, string>();
  for (const d of docs) {
    texts.set(d.id, d.text);
    const quotes = d.quotes ?? extractQuotes(d).quotes;
    const own: Segment[] = [];
    for (const q of quotes) {
      for (const s of segments(d, q, quotes)) own.push(s);
      if (own.length > LIMITS.utteranceSegments) break;
    }
    if (own.length > LIMITS.utteranceSegments) {
      const reason = `${d.input}: its quotes have more than ${LIMITS.utteranceSegments} sentences; only the first ${LIMITS.utteranceSegments} are compared with other outlets' quotes`;
      messages.push({ ruleId: "utterances:too-many-sentences", severity: "warning", reason, input: d.input, span: null });
      own.length = LIMITS.utteranceSegments;
    }
    for (const s of own) segs.push(s);
  }
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) if (same(segs[i]!, segs[j]!)) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), s]);
  });
  // Groups found in exactly the same quotes are one utterance.
  const merged = new Map<string, Segment[]>();
  for (const g of groups.values()) {
    const key = [...new Set(g.map((s) => s.quote.id))].sort().join("|");
    merged.set(key, [...(merged.get(key) ?? []), ...g]);
  }
  const out: AlignedUtterance[] = [];
  for (const g of merged.values()) {
    const byQuote = new Map<string, Segment[]>();
    for (const s of g) byQuote.set(s.quote.id, [...(byQuote.get(s.quote.id) ?? []), s]);
    const variants = [...byQuote.values()].map((ss) => {
      const span = { start: Math.min(...ss.map((s) => s.span.start)), end: Math.max(...ss.map((s) => s.span.end)) };
      const t = texts.get(ss[0]!.doc)!.slice(span.start, span.end).replace(/^[\s"“”‘’'«»]+|[\s"“”‘’'«»]+$/g, "");
      return { document: ss[0]!.doc, quote: ss[0]!.quote.id, text: t, span };
    }).sort((a, b) => a.document.localeCompare(b.document) || a.span.start - b.span.start);
    const q0 = g[0]!.quote;
    out.push({
      id: "",
      speaker: q0.speaker,
      variants,
      differences: differences(variants),
      derivedFrom: variants.map((v) => ({ document: v.document, span: v.span })),
    });
  }
  out.sort((a, b) => b.variants.length - a.variants.length || a.variants[0]!.document.localeCompare(b.variants[0]!.document) || a.variants[0]!.span.start - b.variants[0]!.span.start);
  out.forEach((u, i) => (u.id = `u${i + 1}`));
  return out;
}

/** Content words some variants use and others do not, grouped by the variants that use them. */
function differences(variants: { quote: string; text: string }[]): Utterance["differences"] {
  if (variants.length < 2) return [];
  const sets = variants.map((v) => new Set(normWords(v.text).filter((w) => !STOP.has(w))));
  const byKey = new Map<string, { variants: string[]; words: string[] }>();
  const seen = new Set<string>();
  sets.forEach((set) => {
    for (const w of set) {
      if (seen.has(w)) continue;
      seen.add(w);
      const having = variants.filter((_, i) => sets[i]!.has(w)).map((v) => v.quote);
      if (having.length === variants.length) continue;
      const key = having.join("|");
      const e = byKey.get(key) ?? { variants: having, words: [] };
      e.words.push(w);
      byKey.set(key, e);
    }
  });
  return [...byKey.values()];
}
