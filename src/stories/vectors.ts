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
  /** Term weights before IDF (sublinear count times kind weight), parallel to `ids`. */
  raw: Float64Array;
  /** Documents the table had seen when `vals` were weighted. */
  seen: number;
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

/** Term ids and online document frequencies (IDF from the documents seen so far). */
export class TermTable {
  private readonly ids = new Map<string, number>();
  private readonly df: number[] = [];
  private n = 0;

  /** Documents counted so far. */
  get seen(): number {
    return this.n;
  }

  /** The vector of a text, counting it into the document frequencies afterwards. */
  vectorize(text: string, w: FeatureWeights): Vec {
    const counts = termCounts(text, 2000, w.leadTokens, w.leadBoost);
    const entries: [number, number][] = [];
    for (const [t, c] of counts) {
      const kind = t.charCodeAt(0);
      let id = this.ids.get(t);
      if (id === undefined) {
        id = (this.df.length << 2) | channelOf(kind);
        this.ids.set(t, id);
        this.df.push(0);
      }
      entries.push([id, (1 + Math.log(c)) * kindWeight(kind, w)]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const v: Vec = {
      ids: Int32Array.from(entries, (e) => e[0]),
      vals: new Float64Array(entries.length),
      has: 0,
      raw: Float64Array.from(entries, (e) => e[1]),
      seen: 0,
    };
    this.n++;
    for (const [id] of entries) this.df[id >> 2]!++;
    this.weigh(v);
    return v;
  }

  /** (Re)weights a vector with the current IDF, each channel normalized apart. */
  weigh(v: Vec): void {
    const n = this.n;
    const sq = [0, 0, 0, 0];
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i]!;
      const x = v.raw[i]! * (Math.log((n + 1) / this.df[id >> 2]!) + 1);
      v.vals[i] = x;
      sq[id & 3] += x * x;
    }
    let has = 0;
    for (let c = 0; c < 4; c++) {
      if (sq[c]! > 0) has |= 1 << c;
      sq[c] = Math.sqrt(sq[c]!) || 1;
    }
    for (let i = 0; i < v.ids.length; i++) v.vals[i]! /= sq[v.ids[i]! & 3]!;
    v.has = has;
    v.seen = n;
  }

  /** stories:idf-refresh — reweights a stored vector once the stream has doubled since it was weighted. */
  refresh(v: Vec): void {
    if (v.seen * 2 <= this.n) this.weigh(v);
  }
}

/**
 * Similarity of two vectors: the channel cosines (merge join over sorted ids)
 * blended by `shares`, multiplied by `namePenalty` when both documents carry
 * names but their name cosine is below `nameGate` (same vocabulary, other
 * people and places: likely another event of the same kind).
 */
export function similarity(a: Vec, b: Vec, shares: ChannelShares, nameGate = 0, namePenalty = 1): number {
  let i = 0;
  let j = 0;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  let d3 = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      const p = a.vals[i]! * b.vals[j]!;
      const c = x & 3;
      if (c === 0) d0 += p;
      else if (c === 1) d1 += p;
      else if (c === 2) d2 += p;
      else d3 += p;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const sim = shares[0] * d0 + shares[1] * d1 + shares[2] * d2 + shares[3] * d3;
  // stories:name-gate — both name people or places, but hardly the same ones.
  const both = a.has & b.has;
  return both & 2 && d1 < nameGate ? sim * namePenalty : sim;
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
    raw: Float64Array.from(keep, (i) => v.raw[i]!), seen: v.seen,
  };
}
