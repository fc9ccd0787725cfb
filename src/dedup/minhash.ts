/**
 * MinHash signatures with LSH banding, written in the repo (the npm packages are
 * broken here). A signature has `bands * rows` minima of independent hash
 * permutations of the shingle hashes; two documents become candidates when one
 * band matches exactly.
 */
import type { Shingled } from "./shingles.js";

/** MinHash settings. */
export interface MinHashOptions {
  bands: number;
  rows: number;
}

/** Defaults: 20 bands of 4 rows, candidates from Jaccard ≈ 0.4 upward. */
export const DEFAULT_MINHASH: MinHashOptions = { bands: 20, rows: 4 };

const SEEDS: number[] = [];
function seed(i: number): number {
  while (SEEDS.length <= i) {
    let x = (SEEDS.length + 1) * 0x9e3779b1;
    x ^= x >>> 16;
    x = Math.imul(x, 0x7feb352d);
    x ^= x >>> 15;
    SEEDS.push(x >>> 0);
  }
  return SEEDS[i]!;
}

/** Signature of a shingle set. */
export function minhash(s: Shingled, opts: MinHashOptions = DEFAULT_MINHASH): Uint32Array {
  const n = opts.bands * opts.rows;
  const sig = new Uint32Array(n).fill(0xffffffff);
  const hs = s.hashes;
  for (let p = 0; p < n; p++) {
    const sd = seed(p);
    let min = 0xffffffff;
    for (let i = 0; i < hs.length; i++) {
      // Shingle hashes are already well mixed; one multiply-xorshift per permutation is enough.
      let x = Math.imul(hs[i]! ^ sd, 0x9e3779b1);
      x = (x ^ (x >>> 15)) >>> 0;
      if (x < min) min = x;
    }
    sig[p] = min;
  }
  return sig;
}

/** Share of equal positions: an estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return a.length ? eq / a.length : 0;
}

/** An LSH index over MinHash signatures. */
export class LshIndex {
  private readonly buckets = new Map<number, string[]>();
  constructor(readonly options: MinHashOptions = DEFAULT_MINHASH) {}

  /** One 32-bit key per band (hash of the band's rows and its number); collisions only add candidates, which are verified. */
  private keys(sig: Uint32Array): number[] {
    const { bands, rows } = this.options;
    const out: number[] = [];
    for (let b = 0; b < bands; b++) {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < rows; r++) h = Math.imul(h ^ sig[b * rows + r]!, 0x85ebca6b) ^ (h >>> 13);
      out.push(h >>> 0);
    }
    return out;
  }

  /** Ids already indexed that share a band with `sig`. */
  query(sig: Uint32Array): string[] {
    const seen = new Set<string>();
    for (const k of this.keys(sig)) for (const id of this.buckets.get(k) ?? []) seen.add(id);
    return [...seen];
  }

  /** Indexes a signature under `id`. */
  add(id: string, sig: Uint32Array): void {
    for (const k of this.keys(sig)) {
      const b = this.buckets.get(k);
      if (b) b.push(id);
      else this.buckets.set(k, [id]);
    }
  }
}
