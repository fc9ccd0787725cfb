/**
 * The grouper's state in memory, for one-off analyses and benchmarks. Postings
 * are bucketed by day, so a lookup reads only the days of its window.
 */
import type { DocEntry, GroupingState, GroupingStep, NodeLinkState, NodeState, StorySummaryRow, WindowCandidates } from "./grouping-state.js";
import { VectorArena } from "./vector-arena.js";
import { DAY_MS } from "./arrival.js";

function day(ms: number): number {
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : -1;
}

/** A GroupingState held in memory. */
export class MemoryGroupingState implements GroupingState {
  private readonly docs = new Map<string, DocEntry>();
  /** Term → day → slots of the documents indexed under it. */
  private readonly postings = new Map<number, Map<number, number[]>>();
  /** Each document's slot, and by slot its id, time and a shared-term counter (a document is compared with hundreds). */
  private readonly slotOf = new Map<string, number>();
  private readonly slotIds: string[] = [];
  private slotMs = new Float64Array(1024);
  private counts = new Uint16Array(1024);
  /** Documents' vectors by slot, filled by the grouper as it meets them (see `WindowCandidates`). */
  private vectors = new VectorArena();
  private readonly docNode = new Map<string, string>();
  private readonly docsOfNode = new Map<string, string[]>();
  private readonly nodeRows = new Map<string, NodeState>();
  private readonly compNodes = new Map<string, Set<string>>();
  private readonly links = new Map<string, Map<string, NodeLinkState>>();
  private readonly docTerms = new Map<string, readonly number[]>();
  /** Story summaries, in creation order. */
  readonly stories = new Map<string, StorySummaryRow>();
  private readonly storyDocs = new Map<string, string[]>();
  private readonly docStory = new Map<string, string>();
  private seq = 0;

  async candidates(terms: readonly number[], ms: number, windowMs: number, minShared: number): Promise<string[]> {
    return Array.from(this.candidateSlots(terms, ms, windowMs, minShared, -1), (k) => this.slotIds[k]!);
  }

  async windowCandidates(terms: readonly number[], ms: number, windowMs: number, minShared: number, exclude: string): Promise<WindowCandidates | null> {
    const slots = this.candidateSlots(terms, ms, windowMs, minShared, this.slotOf.get(exclude) ?? -1);
    return { slots, ids: this.slotIds, ms: this.slotMs, vectors: this.vectors, entries: (ids) => this.entries(ids), rest: [] };
  }

  /** Slots of the documents `candidates` gives, ascending, without slot `skip`. */
  private candidateSlots(terms: readonly number[], ms: number, windowMs: number, minShared: number, skip: number): Int32Array {
    const days = Number.isFinite(ms) ? [-1, ...span(day(ms - windowMs), day(ms + windowMs))] : null;
    const { counts, slotMs } = this;
    const touched: number[] = [];
    for (const t of terms) {
      const byDay = this.postings.get(t);
      if (!byDay) continue;
      for (const d of days ?? byDay.keys()) {
        for (const k of byDay.get(d) ?? []) {
          if (d === -1 || !days || Math.abs(slotMs[k]! - ms) <= windowMs) if (counts[k]!++ === 0) touched.push(k);
        }
      }
    }
    const out = new Int32Array(touched.length);
    let n = 0;
    for (const k of touched) {
      if (counts[k]! >= minShared && k !== skip) out[n++] = k;
      counts[k] = 0;
    }
    return out.subarray(0, n).sort();
  }

  /** The slot of a document, made on its first save. */
  private slot(id: string, ms: number): number {
    let k = this.slotOf.get(id);
    if (k !== undefined) {
      this.slotMs[k] = ms;
      // Saved again (its vector may differ): the vectors held by slot start again.
      this.vectors = new VectorArena();
      return k;
    }
    k = this.slotIds.length;
    if (k === this.slotMs.length) {
      const m = new Float64Array(k * 2);
      m.set(this.slotMs);
      this.slotMs = m;
      this.counts = new Uint16Array(k * 2);
    }
    this.slotIds.push(id);
    this.slotMs[k] = ms;
    this.slotOf.set(id, k);
    return k;
  }

  async entries(ids: readonly string[]): Promise<Map<string, DocEntry>> {
    return pick(ids, this.docs);
  }

  async nodesOfDocs(ids: readonly string[]): Promise<Map<string, string>> {
    return pick(ids, this.docNode);
  }

  async nodes(ids: readonly string[]): Promise<Map<string, NodeState>> {
    return pick(ids, this.nodeRows);
  }

  async componentNodes(components: readonly string[]): Promise<NodeState[]> {
    return components.flatMap((c) => [...(this.compNodes.get(c) ?? [])].map((id) => this.nodeRows.get(id)!));
  }

  async componentLinks(components: readonly string[]): Promise<NodeLinkState[]> {
    const out = new Map<string, NodeLinkState>();
    for (const n of await this.componentNodes(components)) for (const l of this.links.get(n.id)?.values() ?? []) out.set(`${l.a}\u0000${l.b}`, l);
    return [...out.values()];
  }

  async nodeDocs(nodes: readonly string[]): Promise<{ id: string; node: string; terms: readonly number[] }[]> {
    return nodes.flatMap((n) => (this.docsOfNode.get(n) ?? []).map((id) => ({ id, node: n, terms: this.docTerms.get(id) ?? [] })));
  }

  async newStoryId(): Promise<string> {
    return `story-${++this.seq}`;
  }

  async save(s: GroupingStep): Promise<void> {
    const d = s.doc;
    this.docTerms.set(d.id, s.terms);
    this.docs.set(d.id, d);
    const k = this.slot(d.id, d.ms);
    for (const t of s.terms) {
      let byDay = this.postings.get(t);
      if (!byDay) this.postings.set(t, (byDay = new Map()));
      let list = byDay.get(day(d.ms));
      if (!list) byDay.set(day(d.ms), (list = []));
      list.push(k);
    }
    // Nodes: merged ones hand their documents over; the document joins its node.
    let docs = this.docsOfNode.get(s.node);
    if (!docs) this.docsOfNode.set(s.node, (docs = []));
    for (const m of s.mergedNodes) {
      for (const x of this.docsOfNode.get(m) ?? []) {
        this.docNode.set(x, s.node);
        docs.push(x);
      }
      this.docsOfNode.delete(m);
      this.dropNode(m);
    }
    docs.push(d.id);
    this.docNode.set(d.id, s.node);
    // Components: merged ones hand their nodes over.
    let members = this.compNodes.get(s.component);
    if (!members) this.compNodes.set(s.component, (members = new Set()));
    for (const c of s.mergedComponents) {
      for (const n of this.compNodes.get(c) ?? []) {
        members.add(n);
        const row = this.nodeRows.get(n);
        if (row) row.comp = s.component;
      }
      this.compNodes.delete(c);
    }
    for (const m of s.mergedNodes) members.delete(m);
    members.add(s.node);
    for (const l of s.links) {
      this.linkOf(l.a).set(l.b, l);
      this.linkOf(l.b).set(l.a, l);
    }
    for (const n of s.nodes) {
      this.nodeRows.set(n.id, { ...n, comp: s.component, outlets: [...n.outlets] });
      for (const x of this.docsOfNode.get(n.id) ?? []) this.assign(x, n.story!);
    }
    for (const r of s.stories) this.stories.set(r.id, r);
    for (const id of s.removed) {
      this.stories.delete(id);
      this.storyDocs.delete(id);
    }
  }

  private assign(doc: string, story: string): void {
    const old = this.docStory.get(doc);
    if (old === story) return;
    if (old) {
      const list = this.storyDocs.get(old);
      if (list) list.splice(list.indexOf(doc), 1);
    }
    this.docStory.set(doc, story);
    let list = this.storyDocs.get(story);
    if (!list) this.storyDocs.set(story, (list = []));
    list.push(doc);
  }

  private linkOf(node: string): Map<string, NodeLinkState> {
    let m = this.links.get(node);
    if (!m) this.links.set(node, (m = new Map()));
    return m;
  }

  private dropLinks(node: string): void {
    for (const other of this.links.get(node)?.keys() ?? []) this.links.get(other)?.delete(node);
    this.links.delete(node);
  }

  private dropNode(node: string): void {
    this.dropLinks(node);
    this.nodeRows.delete(node);
  }

  /** The story a document is in, or null. */
  storyOf(docId: string): string | null {
    return this.docStory.get(docId) ?? null;
  }

  /** Documents of a story, in the order they joined it. */
  documentsOf(storyId: string): string[] {
    return this.storyDocs.get(storyId) ?? [];
  }
}

function pick<V>(ids: readonly string[], from: Map<string, V>): Map<string, V> {
  const out = new Map<string, V>();
  for (const id of ids) {
    const v = from.get(id);
    if (v !== undefined) out.set(id, v);
  }
  return out;
}

function span(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
