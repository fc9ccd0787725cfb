import { termCounts, type FeatureWeights } from "./features.js";

/**
 * A sparse document vector: term ids sorted ascending, with values. The lowest
 * bit of a term id says whether it is an entity (name or number, 1) or a
 * content word (0); each part is normalized to unit length on its own.
 */
export interface Vec {
  ids: Int32Array;
  vals: Float64Array;
}

/** Term ids and online document frequencies (IDF from the documents seen so far). */
export class TermTable {
  private readonly ids = new Map<string, number>();
  private readonly df: number[] = [];
  private n = 0;

  /** The vector of a text, counting it into the document frequencies afterwards. */
  vectorize(text: string, w: FeatureWeights): Vec {
    const counts = termCounts(text, 2000, w.leadTokens, w.leadBoost);
    const n = this.n + 1;
    const entries: [number, number][] = [];
    let sqW = 0;
    let sqE = 0;
    for (const [t, c] of counts) {
      const kindChar = t.charCodeAt(0);
      const entity = kindChar !== 119;
      let id = this.ids.get(t);
      if (id === undefined) {
        id = (this.df.length << 1) | (entity ? 1 : 0);
        this.ids.set(t, id);
        this.df.push(0);
      }
      const df = this.df[id >> 1]!;
      const idf = Math.log((n + 1) / (df + 1)) + 1;
      const kind = kindChar === 110 ? w.name : kindChar === 100 ? w.number : w.word;
      const v = (1 + Math.log(c)) * idf * kind;
      entries.push([id, v]);
      if (entity) sqE += v * v;
      else sqW += v * v;
      this.df[id >> 1]!++;
    }
    this.n++;
    const nw = Math.sqrt(sqW) || 1;
    const ne = Math.sqrt(sqE) || 1;
    entries.sort((a, b) => a[0] - b[0]);
    const ids = new Int32Array(entries.length);
    const vals = new Float64Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const [id, v] = entries[i]!;
      ids[i] = id;
      vals[i] = id & 1 ? v / ne : v / nw;
    }
    return { ids, vals };
  }
}

/** Blend of the word cosine and the entity cosine of two vectors (merge join over sorted ids), damped by `gatePenalty` when the entity cosine is below `gate`. */
export function similarity(a: Vec, b: Vec, lambda: number, gate = 0, gatePenalty = 1): number {
  let i = 0;
  let j = 0;
  let dw = 0;
  let de = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      if (x & 1) de += a.vals[i]! * b.vals[j]!;
      else dw += a.vals[i]! * b.vals[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const sim = (1 - lambda) * dw + lambda * de;
  // Same vocabulary without shared names, places or numbers: likely another event of the same kind.
  return de < gate ? sim * gatePenalty : sim;
}

/** Keeps a vector's `k` heaviest terms (values unchanged, ids still sorted). */
export function pruneVec(v: Vec, k: number): Vec {
  if (v.ids.length <= k) return v;
  const order = Array.from(v.ids.keys()).sort((a, b) => v.vals[b]! - v.vals[a]! || v.ids[a]! - v.ids[b]!).slice(0, k).sort((a, b) => a - b);
  return { ids: Int32Array.from(order, (i) => v.ids[i]!), vals: Float64Array.from(order, (i) => v.vals[i]!) };
}

/** Ids of the `k` heaviest entries of a vector. */
export function topIds(v: Vec, k: number): number[] {
  return Array.from(v.ids.keys()).sort((a, b) => v.vals[b]! - v.vals[a]! || v.ids[a]! - v.ids[b]!).slice(0, k).map((i) => v.ids[i]!);
}
