import type { Span } from "../model/index.js";
import { shingleSpan, type Shingled } from "./shingles.js";

/** A passage two documents share: its span in each. */
export interface SharedPassage {
  a: Span;
  b: Span;
  /** Number of shared shingles in the run. */
  shingles: number;
}

/** How much of two documents is shared, and where. */
export interface Overlap {
  passages: SharedPassage[];
  /** Share of a's shingles that are also in b (0..1). */
  containmentA: number;
  /** Share of b's shingles that are also in a (0..1). */
  containmentB: number;
}

/**
 * Finds the passages `a` and `b` share: maximal runs of consecutive shingles that
 * match in order in both (runs of at least `minRun` shingles), merged where
 * they touch. Linear in the number of shingles (hash map of a's positions).
 */
export function sharedPassages(a: Shingled, b: Shingled, minRun = 2, aPositions: Map<number, number[]> = positions(a)): Overlap {
  const pos = aPositions;
  const inBSet = new Set<number>();
  let inA = 0;
  const runs: { ai: number; bj: number; len: number }[] = [];
  // Runs still open after shingle j-1: the a-position each expects next, and its run.
  let actI: number[] = [];
  let actR: number[] = [];
  let nxtI: number[] = [];
  let nxtR: number[] = [];
  for (let j = 0; j < b.hashes.length; j++) {
    const ps = pos.get(b.hashes[j]!);
    nxtI.length = 0;
    nxtR.length = 0;
    if (ps) {
      inA++;
      inBSet.add(b.hashes[j]!);
      for (const i of ps) {
        let r = -1;
        for (let q = 0; q < actI.length; q++) if (actI[q] === i) r = actR[q]!;
        if (r >= 0) runs[r]!.len++;
        else {
          runs.push({ ai: i, bj: j, len: 1 });
          r = runs.length - 1;
        }
        nxtI.push(i + 1);
        nxtR.push(r);
      }
    }
    [actI, nxtI] = [nxtI, actI];
    [actR, nxtR] = [nxtR, actR];
  }
  const kept = runs.filter((r) => r.len >= minRun).sort((x, y) => x.bj - y.bj || x.ai - y.ai);
  const passages: SharedPassage[] = [];
  for (const r of kept) {
    const pa = shingleSpan(a, r.ai, r.ai + r.len - 1);
    const pb = shingleSpan(b, r.bj, r.bj + r.len - 1);
    const last = passages[passages.length - 1];
    if (last && pb.start <= last.b.end && pa.start <= last.a.end && pa.start >= last.a.start) {
      last.a = { start: last.a.start, end: Math.max(last.a.end, pa.end) };
      last.b = { start: last.b.start, end: Math.max(last.b.end, pb.end) };
      last.shingles += r.len;
    } else passages.push({ a: pa, b: pb, shingles: r.len });
  }
  let inB = 0;
  for (const h of a.hashes) if (inBSet.has(h)) inB++;
  return {
    passages,
    containmentA: a.hashes.length ? inB / a.hashes.length : 0,
    containmentB: b.hashes.length ? inA / b.hashes.length : 0,
  };
}

/** Positions of each shingle hash in a document (at most 8 per hash), for repeated comparisons. */
export function positions(a: Shingled): Map<number, number[]> {
  const pos = new Map<number, number[]>();
  for (let i = 0; i < a.hashes.length; i++) {
    const h = a.hashes[i]!;
    const p = pos.get(h);
    if (p) {
      if (p.length < 8) p.push(i);
    } else pos.set(h, [i]);
  }
  return pos;
}
