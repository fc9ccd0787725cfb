/**
 * Pairs of documents whose shingle containment can reach a threshold, found
 * through an inverted index instead of comparing every pair.
 *
 * Containment is the one {@link sharedPassages} reports: for documents A and B
 * with shared distinct hashes S, `containmentA = Σ_{h∈S} countA(h) / |A.hashes|`
 * and `containmentB = Σ_{h∈S} countB(h) / |B.hashes|` (every occurrence counts,
 * duplicates included). {@link containmentPairs} returns exactly the pairs with
 * `max(containmentA, containmentB) >= threshold` — no more, no fewer:
 *
 * 1. Prefix filter (exact). Hashes are ordered globally by the number of
 *    documents that hold them (rarest first, ties by value). For each document A
 *    its most common hashes are set aside as a suffix only while their
 *    occurrences stay under the threshold: `suffix / |A| < threshold`. If B
 *    shares none of A's prefix, then `Σ_{h∈S} countA(h) <= suffix`, so A's
 *    containment is below the threshold. Hence every pair that reaches it on A's
 *    side shares a prefix hash of A and is met while probing A's prefix against
 *    the full postings (and symmetrically for B's side). Only the story's most
 *    common shingles are skipped, and only as far as this bound allows: a story
 *    where every document carries the same boilerplate still finds its copies.
 * 2. Count bound (exact). While probing A, the occurrences of A's prefix hashes
 *    shared with B are summed; `Σ_{h∈S} countA(h) <= that sum + suffix`, so a
 *    pair whose bound is below the threshold cannot reach it on A's side.
 * 3. Verification (exact). Each remaining pair's two numerators are counted by
 *    merging the sorted distinct hashes, and divided exactly as sharedPassages
 *    divides them (same integers, same division), so the test
 *    `>= threshold` gives the same answer bit for bit.
 *
 * Cost: the probes touch `Σ_A Σ_{h∈prefix(A)} postings(h)`, linear in the
 * story's shingles when documents share little, and proportional to the
 * shared text where they share a lot (copies are output, not overhead).
 */
import type { Shingled } from "./shingles.js";

/** A pair of documents (indices `i < j` into the input) and the exact containments of each in the other. */
export interface ContainmentPair {
  i: number;
  j: number;
  /** Share of i's shingles (occurrences) whose hash is also in j; as sharedPassages(i, j).containmentA. */
  containmentI: number;
  /** Share of j's shingles (occurrences) whose hash is also in i; as sharedPassages(i, j).containmentB. */
  containmentJ: number;
}

interface Profile {
  /** Distinct hashes, ascending. */
  keys: Uint32Array;
  /** Occurrences of each key. */
  counts: Uint32Array;
  total: number;
}

/** Distinct hashes of a document, sorted, with their number of occurrences. */
function hashCounts(s: Shingled): { keys: Uint32Array; counts: Uint32Array } {
  const sorted = Uint32Array.from(s.hashes).sort();
  const keys: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1]!++;
    else {
      keys.push(sorted[i]!);
      counts.push(1);
    }
  }
  return { keys: Uint32Array.from(keys), counts: Uint32Array.from(counts) };
}

/**
 * Every pair of documents where `max(containmentA, containmentB) >= threshold`
 * (as {@link sharedPassages} computes them), sorted by `i` then `j`. Exact (see
 * the file comment); deterministic. A threshold at or below 0 returns every pair
 * that shares at least one shingle.
 */
export function containmentPairs(docs: readonly Shingled[], threshold: number): ContainmentPair[] {
  const n = docs.length;
  const prof: Profile[] = docs.map((s) => ({ ...hashCounts(s), total: s.hashes.length }));
  // Postings: the documents holding each hash, ascending (documents are visited in order).
  const postings = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    for (const h of prof[d]!.keys) {
      const p = postings.get(h);
      if (p) p.push(d);
      else postings.set(h, [d]);
    }
  }
  const df = (h: number) => postings.get(h)!.length;

  const acc = new Float64Array(n);
  const touched: number[] = [];
  const candidates = new Set<number>();
  for (let a = 0; a < n; a++) {
    const { keys, counts, total } = prof[a]!;
    if (total === 0) continue;
    // A's hashes, most common in the story last; the suffix holds under `threshold` of A's occurrences.
    const order = Array.from(keys.keys()).sort((x, y) => df(keys[x]!) - df(keys[y]!) || keys[x]! - keys[y]!);
    let suffix = 0;
    let cut = order.length;
    while (cut > 0 && (suffix + counts[order[cut - 1]!]!) / total < threshold) suffix += counts[order[--cut]!]!;
    for (let p = 0; p < cut; p++) {
      const k = order[p]!;
      const w = counts[k]!;
      for (const b of postings.get(keys[k]!)!) {
        if (b === a) continue;
        if (acc[b] === 0) touched.push(b);
        acc[b]! += w;
      }
    }
    for (const b of touched) {
      if ((acc[b]! + suffix) / total >= threshold) candidates.add(a < b ? a * n + b : b * n + a);
      acc[b] = 0;
    }
    touched.length = 0;
  }

  const out: ContainmentPair[] = [];
  for (const key of [...candidates].sort((x, y) => x - y)) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    const [inI, inJ] = sharedOccurrences(prof[i]!, prof[j]!);
    const ci = prof[i]!.total ? inI / prof[i]!.total : 0;
    const cj = prof[j]!.total ? inJ / prof[j]!.total : 0;
    if (Math.max(ci, cj) >= threshold) out.push({ i, j, containmentI: ci, containmentJ: cj });
  }
  return out;
}

/** Occurrences, in each of two documents, of the hashes they share. */
function sharedOccurrences(a: Profile, b: Profile): [number, number] {
  let i = 0;
  let j = 0;
  let inA = 0;
  let inB = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (a.keys[i] === b.keys[j]) {
      inA += a.counts[i++]!;
      inB += b.counts[j++]!;
    } else if (a.keys[i]! < b.keys[j]!) i++;
    else j++;
  }
  return [inA, inB];
}
