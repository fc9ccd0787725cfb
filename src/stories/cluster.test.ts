import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clusterNodes, partLinks, type ClusterOptions, type NodeLink } from "./cluster.js";
import { DEFAULT_GROUPER_OPTIONS } from "./options.js";
import { groupInMemory } from "./index.js";

const O: ClusterOptions = DEFAULT_GROUPER_OPTIONS;

/** Single documents (nodes of one) with pairwise similarities `sim(i, j)`. */
function cluster(n: number, sim: (i: number, j: number) => number, o: ClusterOptions = O): number[][] {
  const nodes = Array.from({ length: n }, () => ({ size: 1, internal: 0, dated: false }));
  const links: NodeLink[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (sim(i, j) > 0) links.push([i, j, sim(i, j), false]);
  return clusterNodes(nodes, links, o);
}

describe("stories:split-prior", () => {
  it("pulls a small part's own link towards the link between the parts, a large part's hardly", () => {
    const [two, twenty] = partLinks({ cross: 0.25, within: [0.45, 0.35], sizes: [2, 20] }, 12);
    expect(two).toBeCloseTo((0.45 + 12 * 0.25) / 13);
    expect(twenty).toBeCloseTo((190 * 0.35 + 12 * 0.25) / 202);
    expect(partLinks({ cross: 0.2, within: [0.5, 0.4], sizes: [2, 2] }, 0)).toEqual([0.5, 0.4]);
  });

  it("keeps a close pair inside the story it belongs to", () => {
    // Ten reports of one event (links 0.36), two of them near rewrites of each other (0.45), each
    // linking 0.26 to the rest: without the prior the pair is split off (0.26 < 0.8 × 0.36 and < 0.3).
    const sim = (i: number, j: number) => (i < 2 && j < 2 ? 0.45 : i < 2 || j < 2 ? 0.26 : 0.36);
    expect(cluster(10, sim)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    expect(cluster(10, sim, { ...O, splitPrior: 0 })).toHaveLength(2);
  });

  it("still cuts two events of the same kind apart, small ones too", () => {
    // Six and three reports of two events, 0.4 within each, 0.15 between them; the cut at 0.18 keeps
    // them in one cluster only when forced to (threshold 0.1), and the split undoes it.
    const sim = (i: number, j: number) => ((i < 6) === (j < 6) ? 0.4 : 0.15);
    expect(cluster(9, sim, { ...O, threshold: 0.1 })).toEqual([[0, 1, 2, 3, 4, 5], [6, 7, 8]]);
  });
});

describe("stories:split-spectral", () => {
  it("cuts two events apart when average-link bisection only peels off a close pair", () => {
    // Events A (0-4) and B (5-9), 0.45 within each and 0.22 between; a close pair C (10, 11) of B
    // links 0.21 to B and 0.19 to A. Bisection by average link gives AB | C, too weak a cut to
    // take; the spectral order cuts A from B and C.
    const ev = (i: number) => (i < 5 ? 0 : i < 10 ? 1 : 2);
    const sim = (i: number, j: number) => {
      const [a, b] = [ev(i), ev(j)].sort();
      return a === b ? (a === 2 ? 0.5 : 0.45) : b === 2 ? (a === 1 ? 0.21 : 0.19) : 0.22;
    };
    expect(cluster(12, sim)).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9, 10, 11]]);
    expect(cluster(12, sim, { ...O, splitSpectral: false })).toHaveLength(1);
  });
});

describe("ECB+ topics (read from ../shared/bench-data)", () => {
  interface EcbDoc { doc_id: string; topic: number; subtopic: string; text: string }
  const all = readFileSync(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url), "utf8")
    .split("\n").filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);
  /** The topic's documents grouped on their own, and the story of each gold story's first document. */
  async function topic(t: number) {
    const docs = all.filter((d) => d.topic === t);
    const stories = await groupInMemory(docs.map((d) => ({ id: d.doc_id, text: d.text })));
    const gold = (sub: string) => docs.filter((d) => d.subtopic === sub).map((d) => d.doc_id).sort();
    const storyOf = (id: string) => [...stories.find((s) => s.documents.includes(id))!.documents].sort();
    return { gold, storyOf };
  }

  it("puts the 14 reports of the 2008 Mediterranean cable cuts (topic 30) in one story, apart from the 2011 ones", async () => {
    const { gold, storyOf } = await topic(30);
    const ecb = gold("30_ecb");
    expect(ecb).toHaveLength(14);
    expect(storyOf(ecb[0]!)).toEqual(ecb);
  });

  it("tells the two Qeshm earthquakes (topic 20) apart, each in one story", async () => {
    const { gold, storyOf } = await topic(20);
    for (const sub of ["20_ecb", "20_ecbplus"]) expect(storyOf(gold(sub)[0]!)).toEqual(gold(sub));
  });
});
