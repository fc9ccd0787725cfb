import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_GROUPER_OPTIONS as o } from "./options.js";
import { SimilarityProbe, TermWeights, heaviest, pruneVec, similarity, type ChannelShares, type Vec } from "./vectors.js";
import { VectorArena } from "./vector-arena.js";

/** The reference: a merge join over the sorted term ids, channel sums in ascending id order. */
function mergeJoin(a: Vec, b: Vec, shares: ChannelShares, nameGate = 0, namePenalty = 1): number {
  const d = [0, 0, 0, 0];
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    if (a.ids[i] === b.ids[j]) {
      d[a.ids[i]! & 3] += a.vals[i]! * b.vals[j]!;
      i++;
      j++;
    } else if (a.ids[i]! < b.ids[j]!) i++;
    else j++;
  }
  const sim = shares[0] * d[0]! + shares[1] * d[1]! + shares[2] * d[2]! + shares[3] * d[3]!;
  return a.has & b.has & 2 && d[1]! < nameGate ? sim * namePenalty : sim;
}

/** The first `n` ECB+ training documents' vectors, pruned as the grouper keeps them. */
function vectors(n: number): Vec[] {
  const lines = readFileSync(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean).slice(0, n);
  const tw = new TermWeights();
  return lines.map((l) => {
    const full = tw.vectorize((JSON.parse(l) as { text: string }).text, o.weights);
    return pruneVec(full, heaviest(full), o.memberTerms);
  });
}

describe("SimilarityProbe", () => {
  it("gives every pair of real documents exactly a merge join's similarity, either way round, name gate included", () => {
    const vecs = vectors(150);
    const probe = new SimilarityProbe(o.shares, o.nameGate, o.namePenalty);
    let compared = 0;
    let gated = 0;
    let positive = 0;
    for (const a of vecs) {
      probe.load(a);
      for (const b of vecs) {
        const want = mergeJoin(a, b, o.shares, o.nameGate, o.namePenalty);
        expect(Object.is(probe.similarity(b), want)).toBe(true);
        expect(Object.is(similarity(b, a, o.shares, o.nameGate, o.namePenalty), want)).toBe(true);
        if (want !== mergeJoin(a, b, o.shares)) gated++;
        if (want > 0) positive++;
        compared++;
      }
    }
    expect(compared).toBe(150 * 150);
    // The comparison covers the gate and real overlaps, not only empty intersections.
    expect(gated).toBeGreaterThan(100);
    expect(positive).toBeGreaterThan(1000);
  });

  it("grows its table for a vector with many terms and still agrees", () => {
    const ids = Int32Array.from({ length: 700 }, (_, i) => (i * 8) | (i % 4));
    const vals = Float64Array.from(ids, (_, i) => 1 / (i + 1));
    const big: Vec = { ids, vals, has: 15 };
    const other: Vec = { ids: ids.filter((_, i) => i % 3 === 0), vals: vals.filter((_, i) => i % 3 === 0), has: 15 };
    const probe = new SimilarityProbe(o.shares, o.nameGate, o.namePenalty);
    probe.load(big);
    expect(probe.similarity(other)).toBe(mergeJoin(big, other, o.shares, o.nameGate, o.namePenalty));
    probe.load(other);
    expect(probe.similarity(big)).toBe(mergeJoin(other, big, o.shares, o.nameGate, o.namePenalty));
  });
});

describe("VectorArena", () => {
  it("gives a merge join's similarity from its copies, keeps a slot while the vector object is the same, and starts again when full", () => {
    const vecs = vectors(120);
    const probe = new SimilarityProbe(o.shares, o.nameGate, o.namePenalty);
    // Small enough to fill several times over the loop below.
    const arena = new VectorArena(3000);
    for (const [i, a] of vecs.entries()) {
      probe.load(a);
      for (const [j, b] of vecs.entries()) {
        const want = mergeJoin(a, b, o.shares, o.nameGate, o.namePenalty);
        expect(Object.is(arena.similarity(probe, arena.slot(`d${j}`, b)), want), `${i} ${j}`).toBe(true);
      }
    }
    const fresh = new VectorArena();
    const k = fresh.slot("d0", vecs[0]!);
    expect(fresh.slot("d0", vecs[0]!)).toBe(k);
    // The same id with another vector object (a reloaded entry) is copied again.
    const copy: Vec = { ids: vecs[1]!.ids, vals: vecs[1]!.vals, has: vecs[1]!.has };
    const k2 = fresh.slot("d0", copy);
    expect(k2).not.toBe(k);
    probe.load(vecs[2]!);
    expect(fresh.similarity(probe, k2)).toBe(mergeJoin(vecs[2]!, vecs[1]!, o.shares, o.nameGate, o.namePenalty));
  });

  it("bounds a similarity it does not finish: never below the exact one, always below the threshold, exact whenever it finishes", () => {
    const vecs = vectors(150);
    const probe = new SimilarityProbe(o.shares, o.nameGate, o.namePenalty);
    const arena = new VectorArena();
    for (const threshold of [0.1, 0.3, 0.6]) {
      let bounded = 0;
      let exact = 0;
      for (const a of vecs) {
        probe.load(a);
        for (const [j, b] of vecs.entries()) {
          const want = mergeJoin(a, b, o.shares, o.nameGate, o.namePenalty);
          const got = arena.similarityAbove(probe, arena.slot(`d${j}`, b), threshold);
          if (got >= 0) {
            expect(Object.is(got, want)).toBe(true);
            exact++;
          } else {
            const bound = -1 - got;
            expect(bound).toBeGreaterThanOrEqual(want);
            expect(bound).toBeLessThan(threshold);
            expect(want).toBeLessThan(threshold);
            bounded++;
          }
        }
      }
      // Every pair at or above the threshold is finished, and the bound spares real work below it.
      expect(exact).toBeGreaterThanOrEqual(vecs.flatMap((a) => vecs.map((b) => mergeJoin(a, b, o.shares, o.nameGate, o.namePenalty))).filter((x) => x >= threshold).length);
      expect(bounded).toBeGreaterThan(150 * 150 * (threshold >= 0.3 ? 0.5 : 0.05));
    }
  });
});

