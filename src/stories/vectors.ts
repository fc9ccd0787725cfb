import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { termCounts, type FeatureWeights } from "./features.js";

/**
 * A sparse document vector: term ids sorted ascending, with values. The two
 * lowest bits of a term id name its channel (see `CHANNEL_*`); each channel is
 * normalized to unit length on its own, so that a document's names, numbers
 * and years are compared apart from its vocabulary.
 */
export interface Vec {
  ids: Int32Array;
  vals: Float64Array;
  /** Bit set of the channels the vector has terms in (bit c for channel c). */
  has: number;
}

/** Channel of content-word stems. */
export const CHANNEL_WORD = 0;
/** Channel of names: capitalized words and multiword names. */
export const CHANNEL_NAME = 1;
/** Channel of numbers, months and weekdays. */
export const CHANNEL_NUMBER = 2;
/** Channel of years. */
export const CHANNEL_YEAR = 3;

/** Share of each channel's cosine in a similarity, indexed by channel. */
export type ChannelShares = readonly [word: number, name: number, number: number, year: number];

function channelOf(kind: number): number {
  // w n p d t y
  if (kind === 119) return CHANNEL_WORD;
  if (kind === 110 || kind === 112) return CHANNEL_NAME;
  if (kind === 121) return CHANNEL_YEAR;
  return CHANNEL_NUMBER;
}

function kindWeight(kind: number, w: FeatureWeights): number {
  if (kind === 119) return w.word;
  if (kind === 110) return w.name;
  if (kind === 112) return w.phrase;
  return w.number;
}

/**
 * Term weights from fixed statistics (`data/term-stats/df.tsv`, built by
 * `scripts/build-term-stats.ts` from licensed news text): a document's vector
 * depends on its own text only, never on what else a library holds or in
 * which order it arrived. A term the statistics never saw weighs as the rarest.
 * Term ids are a hash of the term (its channel in the two low bits), so every
 * process gives a term the same id without a shared table.
 */
export class TermWeights {
  private df: Map<string, number> | null = null;
  private n = 1;
  private common: Map<number, Set<number>> = new Map();

  /** The document frequencies, read once on first use. */
  private load(): Map<string, number> {
    if (this.df) return this.df;
    const df = new Map<string, number>();
    const lines = readFileSync(TERM_STATS, "utf8").split("\n");
    this.n = Number(lines[0]!.split("\t")[1]) || 1;
    for (let i = 1; i < lines.length; i++) {
      const tab = lines[i]!.lastIndexOf("\t");
      if (tab > 0) df.set(lines[i]!.slice(0, tab), Number(lines[i]!.slice(tab + 1)));
    }
    return (this.df = df);
  }

  /**
   * Ids of the terms found in more than `share` of the reference articles
   * ("said", "government"): too common to look other documents up by.
   */
  commonTerms(share: number): Set<number> {
    let set = this.common.get(share);
    if (set) return set;
    const df = this.load();
    set = new Set<number>();
    for (const [t, n] of df) if (n > share * this.n) set.add(termId(t, channelOf(t.charCodeAt(0))));
    this.common.set(share, set);
    return set;
  }

  /** Inverse document frequency of a term (an unseen term counts as seen in one document). */
  idf(term: string): number {
    const df = this.load();
    return Math.log((this.n + 1) / (df.get(term) ?? UNSEEN_DF)) + 1;
  }

  /** The weighted vector of a text, each channel normalized apart. */
  vectorize(text: string, w: FeatureWeights): Vec {
    const counts = termCounts(text, 2000, w.leadTokens, w.leadBoost);
    const entries: [number, number][] = [];
    const seen = new Set<number>();
    for (const [t, c] of counts) {
      const kind = t.charCodeAt(0);
      const id = termId(t, channelOf(kind));
      if (seen.has(id)) continue; // a hash collision inside one document: the first term keeps the id
      seen.add(id);
      entries.push([id, (1 + Math.log(c)) * kindWeight(kind, w) * this.idf(t)]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const v: Vec = { ids: Int32Array.from(entries, (e) => e[0]), vals: Float64Array.from(entries, (e) => e[1]), has: 0 };
    const sq = [0, 0, 0, 0];
    for (let i = 0; i < v.ids.length; i++) sq[v.ids[i]! & 3] += v.vals[i]! * v.vals[i]!;
    let has = 0;
    for (let c = 0; c < 4; c++) {
      if (sq[c]! > 0) has |= 1 << c;
      sq[c] = Math.sqrt(sq[c]!) || 1;
    }
    for (let i = 0; i < v.ids.length; i++) v.vals[i]! /= sq[v.ids[i]! & 3]!;
    v.has = has;
    return v;
  }
}

/** Document frequency given to a term the statistics never saw (as rare as the rarest kept). */
const UNSEEN_DF = 1;

/** Where the fixed term statistics live (from src/stories or dist/stories). */
const TERM_STATS = fileURLToPath(new URL("../../data/term-stats/df.tsv", import.meta.url));

/** A term's id: FNV-1a of its text with the channel in the two low bits. */
export function termId(term: string, channel: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h & ~3) | channel;
}

/**
 * Similarity of two vectors: the channel cosines blended by `shares`,
 * multiplied by `namePenalty` when both documents carry names but their name
 * cosine is below `nameGate` (same vocabulary, other people and places:
 * likely another event of the same kind). One pair at a time; the grouper
 * compares one document with many through a `SimilarityProbe`.
 */
export function similarity(a: Vec, b: Vec, shares: ChannelShares, nameGate = 0, namePenalty = 1): number {
  const probe = new SimilarityProbe(shares, nameGate, namePenalty);
  probe.load(a);
  return probe.similarity(b);
}

/**
 * `similarity` of one vector against many: the first vector's terms go into a
 * small open-addressing table once, and each other vector's terms are looked
 * up in it, about twice as fast as a merge join per pair (no unpredictable
 * branch per step). The products are summed in ascending term id, as a merge
 * join sums them, so the value is the same to the last bit whichever vector is
 * loaded (stories do not depend on arrival order). Written here: a
 * hash table over int32 keys with float values and no allocation per probe is
 * a few lines, and no package offers one. The table is kept at most one-eighth
 * full and slots come from the top bits of a multiplicative (Fibonacci) hash of
 * the id: with the id's own low bits as slots (FNV-1a, a channel in the lowest
 * two) and a table a quarter full, a lookup cost 22-28 ns against 4.4-4.9 ns now
 * (scratch micro-benchmark, vectors in cache; in a dense library the loop is
 * bound by reading the candidates' vectors from memory instead).
 */
export class SimilarityProbe {
  private keys = new Int32Array(1024);
  private vals = new Float64Array(1024);
  private used = new Uint8Array(1024);
  private mask = 1023;
  private shift = 22;
  private has = 0;
  /** Squared norm of the loaded vector's word channel (1 when it has words, 0 when not). */
  private wordSq = 0;
  /** Sum of the squares of the loaded vector's values found by the last `dot` with `squares` set. */
  private found = 0;

  constructor(private readonly shares: ChannelShares, private readonly nameGate = 0, private readonly namePenalty = 1) {}

  /** Sets the vector the next calls compare with. */
  load(a: Vec): void {
    let size = this.keys.length;
    while (size < a.ids.length * 8) size *= 2;
    if (size !== this.keys.length) {
      this.keys = new Int32Array(size);
      this.vals = new Float64Array(size);
      this.used = new Uint8Array(size);
      this.mask = size - 1;
      this.shift = 32 - Math.log2(size);
    } else this.used.fill(0);
    this.has = a.has;
    this.wordSq = 0;
    const { keys, vals, used, mask, shift } = this;
    for (let i = 0; i < a.ids.length; i++) {
      const id = a.ids[i]!;
      if ((id & 3) === CHANNEL_WORD) this.wordSq += a.vals[i]! * a.vals[i]!;
      let h = Math.imul(id, 0x9e3779b1) >>> shift;
      while (used[h] !== 0) h = (h + 1) & mask;
      used[h] = 1;
      keys[h] = id;
      vals[h] = a.vals[i]!;
    }
  }

  /** `similarity(loaded, b, …)` (one pair at a time; the grouper compares through a VectorArena). */
  similarity(b: Vec): number {
    const ids = new Int32Array(b.ids.length);
    const vals = new Float64Array(b.vals.length);
    return this.similarityOfBlocks(ids, vals, writeByChannel(b, ids, vals, 0), b.has);
  }

  /**
   * Dot product of the loaded vector and the terms stored at `[from, to)`,
   * summed in the order they are stored; with `squares`, also the sum of the
   * squares of the loaded vector's values for those terms (in `found`).
   */
  private dot(bi: Int32Array, bv: Float64Array, from: number, to: number, squares: boolean): number {
    const { keys, vals, used, mask, shift } = this;
    let d = 0;
    let q = 0;
    for (let j = from; j < to; j++) {
      const y = bi[j]!;
      for (let h = Math.imul(y, 0x9e3779b1) >>> shift; used[h] !== 0; h = (h + 1) & mask) {
        if (keys[h] !== y) continue;
        d += vals[h]! * bv[j]!;
        if (squares) q += vals[h]! * vals[h]!;
        break;
      }
    }
    if (squares) this.found = q;
    return d;
  }

  /** The similarity from the four channel dot products (the name gate applied). */
  private blend(d0: number, d1: number, d2: number, d3: number, bHas: number): number {
    const s = this.shares;
    const sim = s[0] * d0 + s[1] * d1 + s[2] * d2 + s[3] * d3;
    // stories:name-gate — both name people or places, but hardly the same ones.
    return this.has & bHas & 2 && d1 < this.nameGate ? sim * this.namePenalty : sim;
  }

  /**
   * `similarity` of the loaded vector and one stored by channel
   * (`writeByChannel`): each channel's products are summed in ascending term
   * id, as a merge join of the two vectors sums them.
   */
  similarityOfBlocks(bi: Int32Array, bv: Float64Array, at: BlockBounds, bHas: number): number {
    const d1 = this.dot(bi, bv, at.from, at.numbers, false);
    const d2 = this.dot(bi, bv, at.numbers, at.years, false);
    const d3 = this.dot(bi, bv, at.years, at.words, false);
    return this.blend(this.dot(bi, bv, at.words, at.to, false), d1, d2, d3, bHas);
  }

  /**
   * `similarityOfBlocks` when it can reach `threshold`; otherwise, without
   * reading the other vector's whole word channel, `-1 - bound` where `bound`
   * (below `threshold`) is at least the similarity. The names, numbers and
   * years are compared exactly (they are few); the words by the other
   * vector's heaviest ones (`top`, given with the norm `rest` of the others),
   * bounding what the rest can add by Cauchy-Schwarz: at most `rest` times the
   * norm of the loaded vector's words not yet met. The grouper needs every
   * similarity that can join two documents' components, but the weaker ones
   * only inside the components a document joins (stories:bounded-similarity).
   */
  similarityAbove(bi: Int32Array, bv: Float64Array, at: BlockBounds, bHas: number, top: TopWords, threshold: number): number {
    const d1 = this.dot(bi, bv, at.from, at.numbers, false);
    const d2 = this.dot(bi, bv, at.numbers, at.years, false);
    const d3 = this.dot(bi, bv, at.years, at.words, false);
    const head = this.dot(top.ids, top.vals, top.from, top.to, true);
    const left = Math.max(0, this.wordSq - this.found);
    // A margin of 1e-9 covers the rounding of the bound's own sums (the similarities are at most about 1).
    const bound = this.blend(Math.min(1, head + top.rest * Math.sqrt(left)) + 1e-9, d1, d2, d3, bHas) + 1e-9;
    if (bound < threshold) return -1 - bound;
    return this.blend(this.dot(bi, bv, at.words, at.to, false), d1, d2, d3, bHas);
  }
}

/** Where one vector's channels lie in flat arrays: names `[from, numbers)`, numbers, years, words `[words, to)`. */
export interface BlockBounds {
  from: number;
  numbers: number;
  years: number;
  words: number;
  to: number;
}

/** A vector's heaviest words at `[from, to)` of two flat arrays, and the norm of its other words. */
export interface TopWords {
  ids: Int32Array;
  vals: Float64Array;
  from: number;
  to: number;
  rest: number;
}

/** Order of a vector's channel blocks in flat arrays (see `writeByChannel`). */
const BLOCKS = [CHANNEL_NAME, CHANNEL_NUMBER, CHANNEL_YEAR, CHANNEL_WORD] as const;

/**
 * Copies vector `v` into `ids` and `vals` from `at` on, by channel: names,
 * numbers, years, then words, each in ascending term id. Returns where each block lies.
 */
export function writeByChannel(v: Vec, ids: Int32Array, vals: Float64Array, at: number): BlockBounds {
  const starts: number[] = [];
  for (const channel of BLOCKS) {
    starts.push(at);
    for (let i = 0; i < v.ids.length; i++) {
      if ((v.ids[i]! & 3) !== channel) continue;
      ids[at] = v.ids[i]!;
      vals[at++] = v.vals[i]!;
    }
  }
  return { from: starts[0]!, numbers: starts[1]!, years: starts[2]!, words: starts[3]!, to: at };
}

/** Indices of a vector's entries, heaviest first (ties by term id). */
export function heaviest(v: Vec): number[] {
  return Array.from(v.ids.keys()).sort((a, b) => v.vals[b]! - v.vals[a]! || v.ids[a]! - v.ids[b]!);
}

/** Keeps a vector's `k` heaviest terms (`order` from `heaviest`; values unchanged, ids still sorted). */
export function pruneVec(v: Vec, order: readonly number[], k: number): Vec {
  if (v.ids.length <= k) return v;
  const keep = order.slice(0, k).sort((a, b) => a - b);
  return {
    ids: Int32Array.from(keep, (i) => v.ids[i]!), vals: Float64Array.from(keep, (i) => v.vals[i]!), has: v.has,
  };
}
