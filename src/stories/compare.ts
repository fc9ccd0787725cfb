import type { DocEntry, WindowCandidates } from "./grouping-state.js";
import type { GrouperOptions } from "./options.js";
import type { SimilarityProbe, Vec } from "./vectors.js";
import type { VectorArena } from "./vector-arena.js";

/** A pair stopped at the bound that may still count: where its candidate's vector is. */
export type Stopped = ({ arena: VectorArena; slot: number } | { vec: Vec }) & { ms: number };

/** Similarities made ahead of the write lock (`StoryGrouper.prepare`), by window slot or by vector object. */
export interface AheadSims {
  /** By slot of this window arena (slots ascending). */
  window: { vectors: VectorArena; slots: Int32Array; sims: Float64Array } | null;
  /** By the candidate's vector object (documents outside a window). */
  byVec: Map<Vec, number>;
}

/** What comparing a document with its candidates gives. */
export interface Comparison {
  /** Candidates whose similarity reaches the edge floor, with it (exact). */
  edges: [string, number][];
  /** Time of each edge's candidate. */
  ms: Map<string, number>;
  /** Candidates stopped under the join threshold whose bound reaches the edge floor (compared in full only if needed). */
  weak: Map<string, Stopped>;
}

/**
 * Compares the document loaded in a `SimilarityProbe` with its candidates:
 * those of a state's window by slot (`WindowCandidates`: no lookup by id per
 * candidate), the others (a batch's own documents, undated ones, a state with
 * no window) through the grouper's own arena by id. Every similarity is made
 * by the same arithmetic either way (`VectorArena.similarityAbove`), so the
 * stories do not depend on which way a candidate came.
 */
export class CandidateComparer {
  constructor(
    private readonly probe: SimilarityProbe,
    private readonly arena: VectorArena,
    private readonly options: GrouperOptions,
  ) {}

  /** Copies into the window arena the candidates' vectors it does not hold yet (one read of their entries). */
  async fill(wc: WindowCandidates): Promise<void> {
    const missing: number[] = [];
    for (const k of wc.slots) if (!wc.vectors.holds(k)) missing.push(k);
    if (!missing.length) return;
    const got = await wc.entries(missing.map((k) => wc.ids[k]!));
    for (const k of missing) {
      const e = got.get(wc.ids[k]!);
      if (e) wc.vectors.put(k, e.vec);
    }
  }

  private get stop(): number {
    return this.options.boundBelowJoin ? this.options.joinThreshold : -Infinity;
  }

  /** Similarities of `vec` to window candidates (after `fill`) and to entries, made ahead of the lock. */
  ahead(vec: Vec, wc: WindowCandidates | null, others: Map<string, DocEntry>, skip: string): AheadSims {
    this.probe.load(vec);
    const byVec = new Map<Vec, number>();
    for (const [id, other] of others) if (id !== skip) byVec.set(other.vec, this.arena.similarityAbove(this.probe, this.arena.slot(id, other.vec), this.stop));
    if (!wc) return { window: null, byVec };
    const slots = wc.slots.filter((k) => wc.vectors.holds(k));
    const sims = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) sims[i] = wc.vectors.similarityAbove(this.probe, slots[i]!, this.stop);
    return { window: { vectors: wc.vectors, slots, sims }, byVec };
  }

  /** Compares `vec` with the window candidates (after `fill`) and with `others`, using what `ahead` made where it applies. */
  compare(vec: Vec, wc: WindowCandidates | null, others: Map<string, DocEntry>, ready: AheadSims | null): Comparison {
    const floor = this.options.edgeFloor;
    const stop = this.stop;
    const out: Comparison = { edges: [], ms: new Map(), weak: new Map() };
    this.probe.load(vec);
    if (wc) {
      const pre = ready?.window && ready.window.vectors === wc.vectors ? ready.window : null;
      const arena = wc.vectors;
      let p = 0;
      for (const k of wc.slots) {
        if (!arena.holds(k)) continue;
        if (pre) while (p < pre.slots.length && pre.slots[p]! < k) p++;
        const sim = pre && pre.slots[p] === k ? pre.sims[p]! : arena.similarityAbove(this.probe, k, stop);
        if (sim >= floor) {
          const id = wc.ids[k]!;
          out.edges.push([id, sim]);
          out.ms.set(id, wc.ms[k]!);
        } else if (sim < 0 && -1 - sim >= floor) out.weak.set(wc.ids[k]!, { arena, slot: k, ms: wc.ms[k]! });
      }
    }
    for (const other of others.values()) {
      // Made ahead on this very vector object, or made now (an entry read again is another object: compared again).
      const sim = ready?.byVec.get(other.vec) ?? this.arena.similarityAbove(this.probe, this.arena.slot(other.id, other.vec), stop);
      if (sim >= floor) {
        out.edges.push([other.id, sim]);
        out.ms.set(other.id, other.ms);
      } else if (sim < 0 && -1 - sim >= floor) out.weak.set(other.id, { vec: other.vec, ms: other.ms });
    }
    return out;
  }

  /** Loads `vec` for `full` (with no await between this and the calls). */
  load(vec: Vec): void {
    this.probe.load(vec);
  }

  /** The full similarity of a stopped pair to the loaded vector. */
  full(id: string, s: Stopped): number {
    return "arena" in s ? s.arena.similarity(this.probe, s.slot) : this.arena.similarity(this.probe, this.arena.slot(id, s.vec));
  }
}
