import { describe, it, expect } from "vitest";
import { MemoryGroupingState, StoryGrouper, VectorArena, groupInMemory, groupStories, type DocEntry, type GroupingStep, type PreparedDoc, type WindowCandidates } from "./index.js";
import { makeDocument } from "./seeds.fixture.js";

const quake = (place: string, mag: string, who: string) =>
  `An earthquake of magnitude ${mag} struck near ${place} on Tuesday, collapsing buildings and cutting power. ` +
  `Rescuers searched the rubble in ${place} through the night, and ${who} said the death toll was rising. ` +
  `Aftershocks rattled ${place} as residents slept outdoors.`;

describe("StoryGrouper", () => {
  it("keeps two events of the same kind apart (names, places and numbers discriminate)", async () => {
    const g = new StoryGrouper();
    const a1 = await g.add({ id: "a1", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-01T10:00" });
    const b1 = await g.add({ id: "b1", text: quake("Antakya", "6.4", "Minister Ali Yerlikaya"), published: "2025-01-01T11:00" });
    const a2 = await g.add({ id: "a2", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai").replace("Tuesday", "Tuesday morning"), published: "2025-01-01T12:00" });
    const b2 = await g.add({ id: "b2", text: quake("Antakya", "6.4", "Minister Ali Yerlikaya") + " Hospitals were overwhelmed.", published: "2025-01-01T13:00" });
    expect(a1).not.toBe(b1);
    expect(a2).toBe(a1);
    expect(b2).toBe(b1);
  });

  it("ages stories out of the candidate window", async () => {
    const state = new MemoryGroupingState();
    const g = new StoryGrouper({ windowDays: 3 }, state);
    const s1 = await g.add({ id: "x1", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-01T10:00" });
    const s2 = await g.add({ id: "x2", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-09T10:00" });
    expect(s2).not.toBe(s1);
    expect(state.stories.size).toBe(2);
  });

  it("lets a batch arrive out of time order: a later document does not shut an earlier story", async () => {
    const g = new StoryGrouper({ windowDays: 3 });
    const a1 = await g.add({ id: "a1", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-01T10:00" });
    const late = await g.add({ id: "late", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-20T10:00" });
    const a2 = await g.add({ id: "a2", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai") + " Schools stayed shut.", published: "2025-01-02T10:00" });
    const undated = await g.add({ id: "u", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai") + " Trains stopped." });
    expect(late).not.toBe(a1);
    expect(a2).toBe(a1);
    expect([a1, late]).toContain(undated);
  });

  it("gives the same stories whatever the input order, for documents with equal times", async () => {
    const docs = ["Sendai", "Antakya", "Sendai", "Antakya", "Sendai"].map((p, i) =>
      makeDocument(`d${i}`, quake(p, p === "Sendai" ? "7.1" : "6.4", p === "Sendai" ? "Governor Yoshihiro Murai" : "Minister Ali Yerlikaya") + ` Report ${i}.`, 0, 10_000, { published: "2025-01-01" }),
    );
    const norm = (ss: { documents: string[] }[]) => ss.map((s) => [...s.documents].sort()).sort();
    const a = norm(await groupStories(docs));
    expect(norm(await groupStories([...docs].reverse()))).toEqual(a);
    expect(norm(await groupStories([docs[2]!, docs[0]!, docs[4]!, docs[1]!, docs[3]!]))).toEqual(a);
    expect(a).toEqual([["d0", "d2", "d4"], ["d1", "d3"]]);
  });

  it("writes each step to its state: the document, its edges, its component and the stories that changed", async () => {
    const steps: GroupingStep[] = [];
    const state = new MemoryGroupingState();
    const save = state.save.bind(state);
    state.save = async (c) => {
      steps.push(c);
      await save(c);
    };
    const g = new StoryGrouper({}, state);
    await g.add({ id: "a", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai") });
    expect(steps[0]!.nodes.map((n) => [n.id, n.size, n.story])).toEqual([["a", 1, "story-1"]]);
    expect(steps[0]!.stories.map((s) => [s.id, s.size])).toEqual([["story-1", 1]]);
    expect(steps[0]!.terms.length).toBeGreaterThan(10); // its heaviest terms but the very common ones, at most 30
    // A near-copy joins the node of its original; a different report of the same event gets a node of its own, linked to it.
    await g.add({ id: "b", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai") + " Trains stopped." });
    expect([steps[1]!.node, steps[1]!.component]).toEqual(["a", "a"]);
    expect(steps[1]!.nodes[0]!.internal).toBeGreaterThan(0.6);
    await g.add({ id: "c", text: "Aftershocks kept residents of Sendai outdoors on Wednesday, a day after the quake; schools stayed shut and trains stopped." });
    expect([steps[2]!.node, steps[2]!.component]).toEqual(["c", "a"]);
    expect(steps[2]!.links.map((l) => [l.a, l.b])).toEqual([["a", "c"]]);
    expect(state.documentsOf("story-1")).toEqual(["a", "b", "c"]);
  });

  it("a document that links two stories regroups them as a whole, the same in any order", async () => {
    const docs = [
      { id: "s1", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai"), published: "2025-01-01T10:00" },
      { id: "s2", text: quake("Sendai", "7.1", "Governor Yoshihiro Murai") + " Trains stopped.", published: "2025-01-01T11:00" },
      { id: "t1", text: quake("Antakya", "6.4", "Minister Ali Yerlikaya"), published: "2025-01-01T12:00" },
      { id: "t2", text: quake("Antakya", "6.4", "Minister Ali Yerlikaya") + " Hospitals were overwhelmed.", published: "2025-01-01T13:00" },
    ];
    const parts = async (order: typeof docs) => {
      const state = new MemoryGroupingState();
      const g = new StoryGrouper({}, state);
      for (const d of order) await g.add(d);
      return [...state.stories.keys()].map((s) => [...state.documentsOf(s)].sort()).sort();
    };
    const want = [["s1", "s2"], ["t1", "t2"]];
    expect(await parts(docs)).toEqual(want);
    expect(await parts([...docs].reverse())).toEqual(want);
    expect(await parts([docs[2]!, docs[0]!, docs[3]!, docs[1]!])).toEqual(want);
    expect((await groupInMemory(docs)).map((s) => s.documents.length)).toEqual([2, 2]);
  });

  it("handles empty and adversarial texts", async () => {
    const state = new MemoryGroupingState();
    const g = new StoryGrouper({}, state);
    for (const [id, text, what] of [["e", "", "an empty text"], ["big", "a".repeat(1_000_000), "1 MB of one letter"], ["caps", "Ab ".repeat(300_000), "900 KB of capitalized words"]] as const) {
      const t0 = performance.now();
      await g.add({ id, text });
      expect(performance.now() - t0, `adding ${what}`).toBeLessThan(1000);
    }
    expect(["e", "big", "caps"].every((id) => state.storyOf(id))).toBe(true);
  });
});

/**
 * A state that also names candidates without the lock (all of them), its entries passed through `alter`:
 * by window slot (`knownWindowCandidates`, over a new arena when `alter` changes them), or by id
 * (`knownCandidates`, and then `add` too finds them by id).
 */
class PeekingState extends MemoryGroupingState {
  constructor(private readonly byWindow: boolean, private readonly alter?: (e: DocEntry) => DocEntry) {
    super();
  }
  override async windowCandidates(terms: readonly number[], ms: number, windowMs: number, minShared: number, exclude: string): Promise<WindowCandidates | null> {
    return this.byWindow ? super.windowCandidates(terms, ms, windowMs, minShared, exclude) : null;
  }
  async knownWindowCandidates(terms: readonly number[], ms: number, windowMs: number, minShared: number, exclude: string): Promise<WindowCandidates | null> {
    if (!this.byWindow) return null;
    const wc = (await super.windowCandidates(terms, ms, windowMs, minShared, exclude))!;
    const alter = this.alter;
    if (!alter) return wc;
    return { ...wc, vectors: new VectorArena(), entries: async (ids) => new Map([...(await wc.entries(ids))].map(([id, e]) => [id, alter(e)])) };
  }
  async knownCandidates(terms: readonly number[], ms: number, windowMs: number, minShared: number): Promise<Map<string, DocEntry>> {
    if (this.byWindow) return new Map();
    const found = await this.entries(await this.candidates(terms, ms, windowMs, minShared));
    return new Map([...found].map(([id, e]) => [id, this.alter ? this.alter(e) : e]));
  }
}

describe("StoryGrouper.prepare (comparisons made before the write lock)", () => {
  const places = [["Sendai", "7.1", "Governor Yoshihiro Murai"], ["Antakya", "6.4", "Minister Ali Yerlikaya"], ["Valdivia", "5.9", "Mayor Carla Amtmann"]] as const;
  const extras = ["", " Hospitals were overwhelmed.", " Schools stayed shut.", " Trains stopped for a day."];
  const docs = places.flatMap(([p, m, w], i) => extras.map((x, k) => ({ id: `${p}-${k}`, text: quake(p, m, w) + x, published: `2025-01-0${1 + k}T1${i}:00` })));
  const partition = (state: MemoryGroupingState) => {
    const by = new Map<string, string[]>();
    for (const d of docs) by.set(state.storyOf(d.id)!, [...(by.get(state.storyOf(d.id)!) ?? []), d.id]);
    return [...by.values()].map((ids) => ids.sort().join(",")).sort();
  };
  const run = async (state: MemoryGroupingState, edit: (p: PreparedDoc) => void = () => {}) => {
    const g = new StoryGrouper({}, state);
    let known = 0;
    for (const d of docs) {
      const prepared = await g.prepare(d);
      known += prepared.sims.byVec.size + (prepared.sims.window?.slots.length ?? 0);
      edit(prepared);
      await g.add(d, prepared);
    }
    return known;
  };

  for (const byWindow of [true, false]) {
    const how = byWindow ? "by window slot" : "by id";
    it(`gives the stories of add alone, with the comparisons made ahead (${how})`, async () => {
      const alone = new MemoryGroupingState();
      await new StoryGrouper({}, alone).addAll(docs);
      const state = new PeekingState(byWindow);
      expect(await run(state)).toBeGreaterThan(20);
      expect(partition(state)).toEqual(partition(alone));
      expect(partition(alone)).toHaveLength(3);
    });

    it(`uses a similarity made ahead (all set to zero: nothing joins; ${how})`, async () => {
      const state = new PeekingState(byWindow);
      await run(state, (p) => {
        for (const v of p.sims.byVec.keys()) p.sims.byVec.set(v, 0);
        p.sims.window?.sims.fill(0);
      });
      expect(partition(state)).toHaveLength(docs.length);
    });

    it(`compares again when the candidate's vector is not the one compared ahead (${how})`, async () => {
      // Ahead, each candidate is seen with an empty vector (another object, another arena): add must not trust those similarities.
      const state = new PeekingState(byWindow, (e) => ({ ...e, vec: { ids: new Int32Array(0), vals: new Float64Array(0), has: 0 } }));
      expect(await run(state)).toBeGreaterThan(20);
      expect(partition(state)).toHaveLength(3);
    });
  }

  it("prepares nothing ahead over a state that cannot name candidates without the lock", async () => {
    expect(await run(new MemoryGroupingState())).toBe(0);
  });
});

describe("StoryGrouper's bounded comparisons", () => {
  /** Each document's story, its summary, and every stored link and node, as one comparable value. */
  async function groupAll(docs: { id: string; text: string; published: string | null }[], boundBelowJoin: boolean) {
    const state = new MemoryGroupingState();
    const steps: GroupingStep[] = [];
    const save = state.save.bind(state);
    state.save = async (c) => {
      steps.push(c);
      await save(c);
    };
    const g = new StoryGrouper({ boundBelowJoin }, state);
    for (const d of docs) await g.add(d);
    return { stories: docs.map((d) => state.storyOf(d.id)), summaries: [...state.stories.values()], steps: JSON.stringify(steps) };
  }

  it("give exactly the stories, links and summaries of comparing every candidate pair in full (ECB+ dev, and a dense generated day)", async () => {
    const { readFileSync } = await import("node:fs");
    const { articleText, generateSpecs } = await import("../../bench/stream/generate.js");
    const ecb = readFileSync(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean)
      .map((l) => JSON.parse(l) as { doc_id: string; split: string; text: string })
      .filter((d) => d.split === "dev").map((d) => ({ id: d.doc_id, text: d.text, published: null }));
    const stream = generateSpecs(1200, 1, 7).map((sp) => ({ id: sp.id, text: articleText(sp), published: new Date(sp.time).toISOString() }));
    for (const docs of [ecb, stream]) {
      const bounded = await groupAll(docs, true);
      const full = await groupAll(docs, false);
      expect(bounded.stories).toEqual(full.stories);
      expect(bounded.summaries).toEqual(full.summaries);
      expect(bounded.steps === full.steps).toBe(true);
      expect(new Set(full.stories).size).toBeGreaterThan(20);
    }
  }, 60_000);

  it("are not thrown off by a document prepared on the same grouper while one is being added", async () => {
    // ECB+ dev, dated (a document is prepared against others only when dated): its stories hold pairs that cannot
    // join but link inside a component, the comparisons made after add's awaits.
    const { readFileSync } = await import("node:fs");
    const docs = readFileSync(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean)
      .map((l) => JSON.parse(l) as { doc_id: string; split: string; text: string })
      .filter((d) => d.split === "dev").map((d) => ({ id: d.doc_id, text: d.text, published: "2025-01-01T00:00:00Z" }));
    // A document like the others (a stray vector would only lower similarities under the edge floor).
    const other = { ...docs[0]!, id: "elsewhere" };
    // Another caller prepares a document (loading the grouper's probe) whenever add awaits the state.
    class Interleaving extends PeekingState {
      constructor() {
        super(true);
      }
      grouper: StoryGrouper | null = null;
      override async nodesOfDocs(ids: readonly string[]): Promise<Map<string, string>> {
        const out = await super.nodesOfDocs(ids);
        if (this.grouper) await this.grouper.prepare(other);
        return out;
      }
    }
    const busy = new Interleaving();
    const g = new StoryGrouper({}, busy);
    busy.grouper = g;
    const quiet = new MemoryGroupingState();
    const h = new StoryGrouper({}, quiet);
    // Every link and node written, compared step by step.
    const written = (state: MemoryGroupingState): string[] => {
      const out: string[] = [];
      const save = state.save.bind(state);
      state.save = async (c) => {
        out.push(JSON.stringify([c.links, c.nodes]));
        await save(c);
      };
      return out;
    };
    const a = written(busy);
    const b = written(quiet);
    for (const d of docs) {
      await g.add(d);
      await h.add(d);
    }
    expect(a.length).toBe(docs.length);
    expect(a.filter((x, i) => x !== b[i])).toEqual([]);
    expect(docs.map((d) => busy.storyOf(d.id))).toEqual(docs.map((d) => quiet.storyOf(d.id)));
  }, 60_000);
});
