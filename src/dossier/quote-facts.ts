import type { DocumentSpan, RashomonDocument, Span } from "../model/index.js";
import { STOP_WORDS } from "./lexicon.js";

/** A phrase one speaker is quoted saying in several documents. */
export interface QuotedPhrase {
  speaker: string;
  /** The phrase as the representative document words it. */
  text: string;
  /** Each document's occurrence of the phrase (one or more per document). */
  evidence: DocumentSpan[];
}

interface Word {
  norm: string;
  start: number;
  end: number;
}

interface Piece {
  doc: string;
  speaker: string;
  /** The speaker's name as the document gives it. */
  name: string;
  words: Word[];
}

/** Longest piece of a quote compared (words): pieces are cut at sentence ends, so this bounds rare run-on quotes. */
const MAX_PIECE = 80;
/** Most pieces one document contributes. */
const MAX_PIECES = 300;
/** Most other pieces one piece is compared with. */
const MAX_CANDIDATES = 200;
/** Most index postings one piece looks through (matches or not), which bounds the search on repetitive input. */
const MAX_SCANNED = 4_000;

/**
 * Phrases quoted in several documents: the words of one speaker's direct quotes
 * that outlets share, found as the longest common run of words between quote
 * pieces of different documents (at least three words, two of them content
 * words, or a whole short piece). "No, President Trump" inside a longer quote of
 * one outlet and alone in another is one phrase; so is "sovereignty is not for
 * sale" inside both, and the two stay apart because they do not overlap. Runs
 * that overlap by half in one piece join, so one phrase gathers every outlet.
 */
export function quotedPhrases(docs: readonly RashomonDocument[]): QuotedPhrase[] {
  const pieces: Piece[] = [];
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  for (const d of docs) pieces.push(...quotePieces(d));
  const index = new Map<string, number[]>();
  pieces.forEach((p, i) => {
    for (let k = 0; k + 2 < p.words.length; k++) {
      const key = `${p.words[k]!.norm} ${p.words[k + 1]!.norm} ${p.words[k + 2]!.norm}`;
      const list = index.get(key) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      index.set(key, list);
    }
  });
  // Nodes are runs: [piece, from, to) in word indices; edges join the two runs of a match.
  const runs: { piece: number; from: number; to: number }[] = [];
  const edges: [number, number][] = [];
  const tried = new Set<string>();
  pieces.forEach((p, i) => {
    let budget = MAX_CANDIDATES;
    // Postings looked at, counted too: a document repeating one quote fills every list with its own pieces.
    let scanned = MAX_SCANNED;
    for (let k = 0; k + 2 < p.words.length && budget > 0 && scanned > 0; k++) {
      const key = `${p.words[k]!.norm} ${p.words[k + 1]!.norm} ${p.words[k + 2]!.norm}`;
      for (const j of index.get(key) ?? []) {
        if (scanned-- <= 0) break;
        if (j <= i || pieces[j]!.doc === p.doc || pieces[j]!.speaker !== p.speaker) continue;
        const pair = `${i}:${j}`;
        if (tried.has(pair)) continue;
        tried.add(pair);
        if (budget-- <= 0) break;
        const m = longestCommonRun(p.words, pieces[j]!.words);
        if (!m || !meaningful(p.words.slice(m.a, m.a + m.length), m.length === Math.min(p.words.length, pieces[j]!.words.length))) continue;
        runs.push({ piece: i, from: m.a, to: m.a + m.length }, { piece: j, from: m.b, to: m.b + m.length });
        edges.push([runs.length - 2, runs.length - 1]);
      }
    }
  });
  const parent = runs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (a: number, b: number) => {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };
  for (const [a, b] of edges) join(a, b);
  const byPiece = new Map<number, number[]>();
  runs.forEach((r, i) => {
    const list = byPiece.get(r.piece);
    if (list) list.push(i);
    else byPiece.set(r.piece, [i]);
  });
  for (const list of byPiece.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = runs[list[x]!]!, b = runs[list[y]!]!;
        const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from);
        if (overlap > 0 && overlap * 2 >= Math.min(a.to - a.from, b.to - b.from)) join(list[x]!, list[y]!);
      }
    }
  }
  const groups = new Map<number, number[]>();
  runs.forEach((_, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });
  const out: QuotedPhrase[] = [];
  const pieceLength = (r: { piece: number }) => pieces[r.piece]!.words.length;
  for (const members of groups.values()) {
    const spans = new Map<string, Span>();
    for (const i of members) {
      const r = runs[i]!, p = pieces[r.piece]!;
      const s = { start: p.words[r.from]!.start, end: p.words[r.to - 1]!.end };
      const key = `${p.doc}\u0000${s.start}`;
      const cur = spans.get(key);
      // One span per occurrence: the shortest run that every match shares is the phrase itself.
      if (!cur || s.end - s.start < cur.end - cur.start) spans.set(key, s);
    }
    const evidence = mergeOverlaps([...spans.entries()].map(([k, s]) => ({ document: k.split("\u0000")[0]!, span: s })));
    if (new Set(evidence.map((e) => e.document)).size < 2) continue;
    // The fact reads as the whole quoted sentence of the outlet that quotes the shared words most closely.
    const rep = members.map((i) => runs[i]!).reduce((best, r) => (pieceLength(r) - (r.to - r.from) < pieceLength(best) - (best.to - best.from) ? r : best));
    const piece = pieces[rep.piece]!;
    const text = texts.get(piece.doc)!.slice(piece.words[0]!.start, piece.words[piece.words.length - 1]!.end);
    const names = members.map((i) => pieces[runs[i]!.piece]!.name).sort((a, b) => b.length - a.length);
    out.push({ speaker: names[0]!, text, evidence });
  }
  return out.sort((a, b) => new Set(b.evidence.map((e) => e.document)).size - new Set(a.evidence.map((e) => e.document)).size || a.text.localeCompare(b.text));
}

/** A document's direct quotes cut into sentence pieces of normalised words, each with its speaker; quotes inside a quote belong to their own speaker. */
function quotePieces(doc: RashomonDocument): Piece[] {
  const out: Piece[] = [];
  const quotes = (doc.quotes ?? []).filter((q) => q.kind !== "indirect");
  for (const q of quotes) {
    if (!q.speaker || out.length >= MAX_PIECES) continue;
    const inner = quotes.filter((o) => o !== q && o.span.start >= q.span.start && o.span.end <= q.span.end && (o.span.end - o.span.start) < (q.span.end - q.span.start));
    // A mixed quote's own words are its quoted stretches only; the rest is the outlet's paraphrase.
    const stretches = q.kind === "mixed" ? ((q as { quoted?: Span[] }).quoted ?? []) : [q.span];
    const parts: Span[] = [];
    for (const stretch of stretches) {
      let at = stretch.start;
      for (const o of inner.filter((x) => x.span.start >= stretch.start && x.span.end <= stretch.end).sort((a, b) => a.span.start - b.span.start)) {
        if (o.span.start > at) parts.push({ start: at, end: o.span.start });
        at = Math.max(at, o.span.end);
      }
      if (at < stretch.end) parts.push({ start: at, end: stretch.end });
    }
    for (const part of parts) {
      const text = doc.text.slice(part.start, part.end);
      const re = /[^.!?;…—–]+/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const words: Word[] = [];
        const wre = /[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu;
        for (let w = wre.exec(m[0]); w && words.length < MAX_PIECE; w = wre.exec(m[0])) {
          const start = part.start + m.index + w.index;
          words.push({ norm: normalise(w[0]), start, end: start + w[0].length });
        }
        if (words.length >= 2) out.push({ doc: doc.id, speaker: speakerKey(q.speaker.name), name: q.speaker.name, words });
      }
    }
  }
  return out;
}

function normalise(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']s$/u, "");
}

/** A speaker's comparable key: the surname of a person's full name, else the name. */
function speakerKey(name: string): string {
  return name.toLowerCase().split(/\s+/).pop()!;
}

/** The longest run of equal words in two word lists (dynamic programming; both lists are bounded). */
function longestCommonRun(a: Word[], b: Word[]): { a: number; b: number; length: number } | null {
  let best = { a: 0, b: 0, length: 0 };
  let prev = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Uint16Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1]!.norm !== b[j - 1]!.norm) continue;
      cur[j] = prev[j - 1]! + 1;
      if (cur[j]! > best.length) best = { a: i - cur[j]!, b: j - cur[j]!, length: cur[j]! };
    }
    prev = cur;
  }
  return best.length >= 2 ? best : null;
}

/** A shared run worth a fact: three words with two content words, or a whole short quote piece ("No, President Trump"). */
function meaningful(words: Word[], whole: boolean): boolean {
  const content = words.filter((w) => !STOP_WORDS.has(w.norm)).length;
  if (words.length >= 3 && content >= 2) return true;
  return whole && words.length >= 2 && content >= 2;
}

function mergeOverlaps(spans: DocumentSpan[]): DocumentSpan[] {
  const sorted = [...spans].sort((a, b) => a.document.localeCompare(b.document) || a.span.start - b.span.start);
  const out: DocumentSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.document === s.document && s.span.start < last.span.end) last.span = { start: last.span.start, end: Math.max(last.span.end, s.span.end) };
    else out.push({ document: s.document, span: { ...s.span } });
  }
  return out;
}
