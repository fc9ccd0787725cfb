import type { Span } from "../model/index.js";
import { DEFAULT_MINHASH, LshIndex, estimateJaccard, minhash, type MinHashOptions } from "./minhash.js";
import { sharedPassages, type Overlap, type SharedPassage } from "./passages.js";
import { shingle, type Shingled } from "./shingles.js";

/** How one document relates to an earlier one. */
export interface CopyMatch {
  /** The earlier document. */
  other: string;
  /** `copy`: most of the shorter text is shared verbatim; `rewrite`: substantial passages are shared. */
  kind: "copy" | "rewrite";
  /** MinHash estimate of the Jaccard similarity of the two shingle sets. */
  jaccard: number;
  /** Share of the new document's distinct shingles found in the other, and the reverse. */
  containment: number;
  containmentOther: number;
  /** The shared passages (`a` in the new document, `b` in the other), aligned on demand. */
  passages(): SharedPassage[];
}

/** Copy detector settings. */
export interface DetectorOptions {
  k: number;
  minhash: MinHashOptions;
  /** Containment of the smaller document needed for `copy`. */
  copyContainment: number;
  /** Containment of the smaller document needed for `rewrite`. */
  rewriteContainment: number;
  /** One shingle in `sample` goes into the containment index. */
  sample: number;
  /** Sampled shingles two documents must share to be compared. */
  minSampled: number;
  /** Postings longer than this are boilerplate and not followed. */
  maxPosting: number;
  /** Compare with about this many recent documents (two generations of half as many; older ones dropped). */
  keep: number;
}

/** Defaults. */
export const DEFAULT_DETECTOR: DetectorOptions = {
  k: 5, minhash: DEFAULT_MINHASH, copyContainment: 0.5, rewriteContainment: 0.15, sample: 8, minSampled: 2,
  maxPosting: 50, keep: 200_000,
};

interface Entry { sh: Shingled; sig: Uint32Array; set: Uint32Array }

/** One generation of indexed documents; the detector keeps two and drops the older as the newer fills. */
interface Generation {
  lsh: LshIndex;
  sampled: Map<number, string[]>;
  entries: Map<string, Entry>;
}

/**
 * Finds verbatim, near-verbatim and partial copies among documents as they
 * arrive: candidates come from MinHash LSH (near-duplicates) and from an index
 * of sampled shingles (containment: a page that keeps half of a wire story or
 * adds paragraphs to it); each candidate is verified by aligning shared passages.
 */
export class CopyDetector {
  readonly options: DetectorOptions;
  private current: Generation;
  private previous: Generation | null = null;

  constructor(options: Partial<DetectorOptions> = {}) {
    this.options = { ...DEFAULT_DETECTOR, ...options };
    this.current = this.generation();
  }

  private generation(): Generation {
    return { lsh: new LshIndex(this.options.minhash), sampled: new Map(), entries: new Map() };
  }

  private entry(id: string): Entry | undefined {
    return this.current.entries.get(id) ?? this.previous?.entries.get(id);
  }

  /** Adds a document (optionally only its body ranges) and returns its matches with earlier documents. */
  add(id: string, text: string, ranges?: readonly Span[]): CopyMatch[] {
    const o = this.options;
    const sh = shingle(text, o.k, ranges);
    const sig = minhash(sh, o.minhash);
    const cands = new Map<string, number>();
    const gens = this.previous ? [this.previous, this.current] : [this.current];
    for (const g of gens) for (const c of g.lsh.query(sig)) cands.set(c, o.minSampled);
    const seen = new Set<number>();
    for (const h of sh.hashes) {
      if (h % o.sample !== 0 || seen.has(h)) continue;
      seen.add(h);
      for (const g of gens) {
        const p = g.sampled.get(h);
        if (!p || p.length > o.maxPosting) continue;
        for (const c of p) cands.set(c, (cands.get(c) ?? 0) + 1);
      }
    }
    const matches: CopyMatch[] = [];
    const set = uniqueSorted(sh.hashes);
    for (const [c, n] of cands) {
      if (n < o.minSampled || c === id) continue;
      const e = this.entry(c);
      if (!e) continue;
      const m = classify(c, { sh, sig, set }, e, o);
      if (m) matches.push(m);
    }
    const g = this.current;
    g.lsh.add(id, sig);
    for (const h of seen) {
      const p = g.sampled.get(h);
      if (!p) g.sampled.set(h, [id]);
      else if (p.length <= o.maxPosting) p.push(id);
    }
    g.entries.set(id, { sh, sig, set });
    // Bounded memory and postings: documents are compared with the last `keep` to `keep / 2` documents.
    if (g.entries.size >= Math.max(1, Math.floor(o.keep / 2))) {
      this.previous = g;
      this.current = this.generation();
    }
    return matches.sort((x, y) => (x.other < y.other ? -1 : 1));
  }
}

function classify(other: string, cur: Entry, e: Entry, o: DetectorOptions): CopyMatch | null {
  const shared = intersectSize(cur.set, e.set);
  const containment = cur.set.length ? shared / cur.set.length : 0;
  const containmentOther = e.set.length ? shared / e.set.length : 0;
  const smaller = Math.max(containment, containmentOther);
  const kind = smaller >= o.copyContainment ? "copy" : smaller >= o.rewriteContainment ? "rewrite" : null;
  if (!kind) return null;
  let cached: SharedPassage[] | null = null;
  return {
    other, kind, jaccard: estimateJaccard(cur.sig, e.sig), containment, containmentOther,
    passages: () => (cached ??= sharedPassages(cur.sh, e.sh).passages),
  };
}

/** Distinct values of a hash array, sorted. */
function uniqueSorted(h: Uint32Array): Uint32Array {
  const s = Uint32Array.from(h).sort();
  let n = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[n++] = s[i]!;
  return s.slice(0, n);
}

/** Size of the intersection of two sorted distinct arrays. */
function intersectSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/** Compares two texts directly (no index): their shared passages and containments. */
export function compareTexts(a: string, b: string, k = 5, rangesA?: readonly Span[], rangesB?: readonly Span[]): Overlap {
  return sharedPassages(shingle(a, k, rangesA), shingle(b, k, rangesB));
}
