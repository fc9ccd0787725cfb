import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { DEFAULT_GROUPER_OPTIONS as o } from "./options.js";
import { SimilarityProbe, TermWeights, heaviest, pruneVec, similarity, type Vec } from "./vectors.js";

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
  it("gives every pair of real documents exactly the merge join's similarity, name gate included", () => {
    const vecs = vectors(150);
    const probe = new SimilarityProbe(o.shares, o.nameGate, o.namePenalty);
    let compared = 0;
    let gated = 0;
    let positive = 0;
    for (const a of vecs) {
      probe.load(a);
      for (const b of vecs) {
        const want = similarity(a, b, o.shares, o.nameGate, o.namePenalty);
        expect(Object.is(probe.similarity(b), want)).toBe(true);
        if (want !== similarity(a, b, o.shares)) gated++;
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
    expect(probe.similarity(other)).toBe(similarity(big, other, o.shares, o.nameGate, o.namePenalty));
    probe.load(other);
    expect(probe.similarity(big)).toBe(similarity(other, big, o.shares, o.nameGate, o.namePenalty));
  });
});
