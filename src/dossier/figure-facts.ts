import type { Claim, ClaimNumber, DocumentSpan, Span } from "../model/index.js";
import { rankClaims, type FactDraft } from "./facts.js";
import { STOP_WORDS, stem } from "./lexicon.js";
import type { ClaimView } from "./pair-features.js";
import type { WordVectors } from "./vectors.js";

/** Words on each side of a figure that say what it counts and what happened to it. */
const REACH = 5;
/** Most mentions of one value compared (a value in hundreds of sentences is compared in its first ones). */
const MAX_PER_VALUE = 120;
/** Least cosine for two different words of two windows to count as the same word (chosen on the dev gold with MIN_SHARED: the best recall at link precision 0.95). */
const SAME_WORD = 0.75;
/** Words two windows must share (exactly or as paraphrases) for their figures to be one fact. */
export const MIN_SHARED = 3;

interface Mention {
  view: number;
  n: ClaimNumber;
  window: { key: string; row: number }[];
  span: Span;
}

/**
 * Figures as facts: the same value given with the same words around it in
 * several documents ("3 DEAD due to Molotov cocktail at Bank", "three bank
 * workers died in a petrol bomb attack", "Three killed as rioters bomb Greek
 * bank"). A figure's window is the content words within five words of it;
 * two windows agree when they share three words, exactly or as paraphrases
 * (word vectors), so a shared number alone never makes a fact. Mentions of one
 * value join only when every pair of them agrees (complete linkage).
 */
export function figureFacts(views: ClaimView[], vectors: WordVectors | null): FactDraft[] {
  const byValue = new Map<string, Mention[]>();
  views.forEach((v, i) => {
    for (const n of v.claim.numbers) {
      if (!Number.isFinite(n.value) || (n.value >= 1900 && n.value <= 2100 && !n.unit && !n.currency)) continue;
      const key = `${n.currency ?? ""}${n.value}`;
      const list = byValue.get(key) ?? [];
      if (list.length >= MAX_PER_VALUE) continue;
      const w = windowAround(v.claim, n, vectors);
      if (w.window.length >= MIN_SHARED) list.push({ view: i, n, ...w });
      byValue.set(key, list);
    }
  });
  const out: FactDraft[] = [];
  for (const list of byValue.values()) {
    if (new Set(list.map((m) => views[m.view]!.claim.document)).size < 2) continue;
    const agree = (a: Mention, b: Mention) => a.view === b.view || shared(a.window, b.window, vectors) >= MIN_SHARED;
    const groups: Mention[][] = [];
    for (const m of list) {
      const g = groups.find((x) => x.every((y) => agree(m, y)));
      if (g) g.push(m);
      else groups.push([m]);
    }
    for (const g of groups) {
      const docs = new Set(g.map((m) => views[m.view]!.claim.document));
      if (docs.size < 2) continue;
      const claims: DocumentSpan[] = [];
      for (const m of g) {
        const c = views[m.view]!.claim;
        if (!claims.some((x) => x.document === c.document && x.span.start === c.span.start)) claims.push({ document: c.document, span: c.span });
      }
      // The fact reads as a whole sentence that gives the figure (a window of words would be a fragment); the figure is its value.
      const ranked = rankClaims(g.map((m) => views[m.view]!.claim));
      const rep = g.find((m) => views[m.view]!.claim === ranked[0]) ?? g[0]!;
      out.push({
        kind: "number",
        text: ranked[0]!.text,
        alternatives: ranked.slice(1).map((c) => c.text),
        claims,
        mentions: claims.map((c) => ({ document: c.document, cited: views.find((v) => v.claim.document === c.document && v.claim.span.start === c.span.start)!.cited, label: new Map() })),
        slot: rep.n.counts ?? rep.n.unit ?? undefined,
        value: rep.n.counts ? `${rep.n.text} ${rep.n.counts}` : rep.n.text,
        evidence: g.map((m) => ({ document: views[m.view]!.claim.document, span: m.n.span })),
      });
    }
  }
  return out;
}

/** The content words within {@link REACH} words of a figure, and the span they cover (the figure's phrase). */
export function windowAround(c: Claim, n: ClaimNumber, vectors: WordVectors | null): { window: { key: string; row: number }[]; span: Span } {
  const words: { raw: string; start: number; end: number }[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu;
  for (let m = re.exec(c.text); m; m = re.exec(c.text)) words.push({ raw: m[0], start: c.span.start + m.index, end: c.span.start + m.index + m[0].length });
  let at = words.findIndex((w) => w.end > n.span.start);
  if (at < 0) at = words.length - 1;
  let endAt = words.findIndex((w) => w.start >= n.span.end);
  if (endAt < 0) endAt = words.length;
  const from = Math.max(0, at - REACH), to = Math.min(words.length, endAt + REACH);
  const window: { key: string; row: number }[] = [];
  for (let k = from; k < to; k++) {
    if (k >= at && k < endAt) continue;
    const lower = words[k]!.raw.toLowerCase().replace(/[’']s$/u, "");
    if (STOP_WORDS.has(lower) || /\d/.test(lower) || lower.length < 3) continue;
    const key = stem(lower);
    if (!window.some((w) => w.key === key)) window.push({ key, row: vectors ? vectors.index(lower) : -1 });
  }
  const span = { start: words[from]?.start ?? n.span.start, end: words[to - 1]?.end ?? n.span.end };
  return { window, span };
}

/** How many words of one window the other has, exactly or as a paraphrase. */
export function shared(a: { key: string; row: number }[], b: { key: string; row: number }[], vectors: WordVectors | null): number {
  let n = 0;
  for (const x of a) {
    if (b.some((y) => y.key === x.key)) n++;
    else if (vectors && x.row >= 0 && b.some((y) => y.row >= 0 && vectors.cosine(x.row, y.row) >= SAME_WORD)) n++;
  }
  return n;
}
