import type { RashomonDocument, Story } from "../model/index.js";
import { DEFAULT_GROUPER_OPTIONS, type GroupInput, type GrouperOptions } from "./options.js";
import { bisect } from "./split.js";
import { TermTable, heaviest, pruneVec, similarity, type Vec } from "./vectors.js";
import { DAY_MS, absorbStory, describeStory, emptyStory, sortForArrival, toMs, topTerms, type Member, type StoryState } from "./story-state.js";



/**
 * Streaming story grouper (single pass with merges and splits). Each document
 * becomes a TF-IDF vector in four channels (content words, names, numbers and
 * dates, years; IDF from the documents seen so far, stored vectors reweighted
 * as the stream grows); candidate stories come from an inverted index on each
 * story's heaviest terms, never from a scan of all stories; the document joins
 * the open story it links to best (average link over the story's latest
 * members) or starts a new one. Stories that turn out to be one event merge;
 * a story whose members fall into two weakly linked groups (two events of the
 * same kind) splits. Stories close `windowDays` after their last document.
 */
export class StoryGrouper {
  readonly options: GrouperOptions;
  private readonly terms = new TermTable();
  private seq = 0;
  private readonly states = new Map<string, StoryState>();
  private readonly index = new Map<number, Set<string>>();
  private readonly docStory = new Map<string, string>();
  private readonly mergedInto = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private nowMs = -Infinity;
  private sinceSweep = 0;

  constructor(options: Partial<GrouperOptions> = {}) {
    this.options = { ...DEFAULT_GROUPER_OPTIONS, ...options };
  }

  /** Number of documents added. */
  get size(): number {
    return this.docStory.size;
  }

  /** Adds one document and returns the id of the story it joined (or started). */
  add(doc: GroupInput | RashomonDocument): string {
    const existing = this.docStory.get(doc.id);
    if (existing) return this.resolve(existing);
    const o = this.options;
    const text = ("body" in doc && doc.body ? doc.body : doc.text) ?? "";
    const vec = this.terms.vectorize(((doc.title ?? "") + "\n" + text).trim(), o.weights);
    const ms = toMs(doc.published);
    if (Number.isFinite(ms) && ms > this.nowMs) this.nowMs = ms;
    // Undated documents say nothing about the clock: they never trigger a sweep.
    if (Number.isFinite(ms) && ++this.sinceSweep >= 1000) this.sweep();

    const top = heaviest(vec);
    const cands = this.candidates(vec, top, ms);
    let best: StoryState | null = null;
    let bestSim = 0;
    const sims: [StoryState, number][] = [];
    for (const s of cands) {
      const sim = this.link(vec, s);
      sims.push([s, sim]);
      if (sim < o.threshold) continue;
      if (sim > bestSim || (sim === bestSim && best && s.id < best.id)) {
        best = s;
        bestSim = sim;
      }
    }
    let story: StoryState;
    if (best) story = best;
    else story = this.newStory();
    this.join(story, doc, pruneVec(vec, top, o.memberTerms), ms);
    // Merge: other candidates that now look like the same event.
    for (const [s, sim] of sims) {
      if (s === story || !s.open || !this.states.has(s.id)) continue;
      if (sim < o.mergeGate) continue;
      if (this.storyLink(s, story) >= o.mergeThreshold) story = this.merge(story, s);
    }
    this.docStory.set(doc.id, story.id);
    const n = story.docs.length;
    if (o.splitEvery > 0 && n >= o.splitMin && n % o.splitEvery === 0) this.trySplit(story);
    return this.storyOf(doc.id)!;
  }

  /** Adds documents after sorting them by publication time, ties by id, so the result does not depend on input order. */
  addAll(docs: readonly (GroupInput | RashomonDocument)[]): void {
    for (const d of sortForArrival(docs)) this.add(d);
  }

  /** The story a document is in now (following merges), or null. */
  storyOf(docId: string): string | null {
    const s = this.docStory.get(docId);
    return s ? this.resolve(s) : null;
  }

  /** Current stories, in creation order, without lineage. */
  stories(): Story[] {
    return [...this.states.values()].map((s) => this.toStory(s));
  }

  /** Stories changed since the last call (and ids of stories merged away), for stores that persist incrementally. */
  takeChanges(): { changed: Story[]; removed: string[] } {
    const changed: Story[] = [];
    const removed: string[] = [];
    for (const id of this.dirty) {
      const s = this.states.get(id);
      if (s) changed.push(this.toStory(s));
      else removed.push(id);
    }
    this.dirty.clear();
    return { changed, removed };
  }

  private toStory(s: StoryState): Story {
    return {
      id: s.id, title: s.title, documents: [...s.docs], firstSeen: s.first, lastSeen: s.last,
      outlets: [...s.outlets].sort(),
    };
  }

  private sim(a: Vec, b: Vec): number {
    return similarity(a, b, this.options.shares, this.options.nameGate, this.options.namePenalty);
  }

  /** Mean of the `linkTopK` best similarities between a document and a story's member documents. */
  private link(vec: Vec, s: StoryState): number {
    for (const m of s.members) this.terms.refresh(m.vec);
    const sims = s.members.map((m) => this.sim(vec, m.vec));
    const k = Math.min(this.options.linkTopK, sims.length);
    if (k < sims.length) sims.sort((a, b) => b - a);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += sims[i]!;
    return k ? sum / k : 0;
  }

  /** Average link between two stories' member documents. */
  private storyLink(a: StoryState, b: StoryState): number {
    let sum = 0;
    let n = 0;
    for (const m of a.members) this.terms.refresh(m.vec);
    for (const m of b.members) this.terms.refresh(m.vec);
    for (const x of a.members) for (const y of b.members) {
      sum += this.sim(x.vec, y.vec);
      n++;
    }
    return n ? sum / n : 0;
  }

  private resolve(id: string): string {
    let cur = id;
    for (let next = this.mergedInto.get(cur); next; next = this.mergedInto.get(cur)) cur = next;
    if (cur !== id) this.mergedInto.set(id, cur);
    return cur;
  }

  private candidates(vec: Vec, top: readonly number[], ms: number): StoryState[] {
    const o = this.options;
    const hits = new Map<string, number>();
    for (const i of top.slice(0, o.queryTerms)) {
      const posting = this.index.get(vec.ids[i]!);
      if (!posting || posting.size > o.maxPosting) continue;
      const w = vec.vals[i]!;
      for (const id of posting) hits.set(id, (hits.get(id) ?? 0) + w);
    }
    const out: StoryState[] = [];
    // Cut-off score of the best `maxCandidates` (a typed-array sort), then order only those.
    let cut = -Infinity;
    if (hits.size > o.maxCandidates) {
      const scores = Float64Array.from(hits.values()).sort();
      cut = scores[scores.length - o.maxCandidates]!;
    }
    const ranked = [...hits].filter((e) => e[1] >= cut).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.maxCandidates);
    const floor = ranked.length ? ranked[0]![1] * o.minHitShare : 0;
    for (const [id, score] of ranked) {
      if (score < floor) break;
      const s = this.states.get(id);
      if (!s || !s.open) continue;
      // Out of the time window for this document: skipped, not closed. Only the sweep closes stories,
      // so a document that arrives out of order (a batch is not a clock) never shuts a story for the rest.
      if (Number.isFinite(ms) && Number.isFinite(s.lastMs) && Math.abs(ms - s.lastMs) > o.windowDays * DAY_MS) continue;
      out.push(s);
    }
    return out;
  }

  /** Closes every story whose last document is older than the window (keeps the index small over long streams). */
  private sweep(): void {
    this.sinceSweep = 0;
    const limit = this.options.windowDays * DAY_MS;
    for (const s of this.states.values()) if (s.open && Number.isFinite(s.lastMs) && this.nowMs - s.lastMs > limit) this.close(s);
  }

  /** Closes an aged story: it leaves the index and drops its centroid. */
  private close(s: StoryState): void {
    for (const t of s.indexed) this.index.get(t)?.delete(s.id);
    s.indexed = [];
    s.centroid = new Map();
    s.members = [];
    s.open = false;
  }

  private join(s: StoryState, doc: GroupInput | RashomonDocument, vec: Vec, ms: number): void {
    s.docs.push(doc.id);
    s.members.push({
      vec, id: doc.id, published: doc.published ?? null, ms,
      outlet: doc.outlet ?? null, title: doc.title ?? null,
    });
    if (s.members.length > this.options.maxMembers) s.members.shift();
    for (let i = 0; i < vec.ids.length; i++) s.centroid.set(vec.ids[i]!, (s.centroid.get(vec.ids[i]!) ?? 0) + vec.vals[i]!);
    this.prune(s);
    if (doc.published) {
      if (!s.first || doc.published < s.first) s.first = doc.published;
      if (!s.last || doc.published > s.last) s.last = doc.published;
    }
    if (Number.isFinite(ms) && ms > s.lastMs) s.lastMs = ms;
    if (doc.outlet) s.outlets.add(doc.outlet);
    if (doc.title) {
      const score = this.link(vec, s);
      if (score > s.titleScore) {
        s.title = doc.title;
        s.titleDoc = doc.id;
        s.titleScore = score;
      }
    }
    // Index terms settle quickly; refresh them on the first documents, then every fifth.
    if (s.docs.length <= 5 || s.docs.length % 5 === 0) this.reindex(s);
    this.dirty.add(s.id);
  }

  /**
   * stories:split — cuts a story whose members fall into two groups that link
   * below `splitThreshold` (two events of the same kind). The group holding
   * the oldest member keeps the story (and any documents no longer among the
   * members); the other becomes a new story. Returns whether it split.
   */
  private trySplit(s: StoryState): boolean {
    const o = this.options;
    const ms = s.members;
    for (const m of ms) this.terms.refresh(m.vec);
    const sim = ms.map(() => new Float64Array(ms.length));
    for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) sim[i]![j] = sim[j]![i] = this.sim(ms[i]!.vec, ms[j]!.vec);
    const b = bisect(sim);
    if (!b || Math.min(b.sizes[0], b.sizes[1]) < o.splitMinPart) return false;
    if (b.cross >= o.splitThreshold || b.cross >= o.splitRatio * Math.min(b.within[0], b.within[1])) return false;
    const t = this.newStory();
    const moved = new Set<string>();
    const stay: Member[] = [];
    for (let i = 0; i < ms.length; i++) {
      if (b.part[i] === 1) {
        t.members.push(ms[i]!);
        moved.add(ms[i]!.id);
      } else stay.push(ms[i]!);
    }
    const allMembers = s.docs.length === ms.length;
    s.docs = s.docs.filter((d) => !moved.has(d));
    t.docs = t.members.map((m) => m.id);
    s.members = stay;
    for (const d of moved) this.docStory.set(d, t.id);
    this.describe(t, true);
    this.describe(s, allMembers || (s.titleDoc !== null && moved.has(s.titleDoc)));
    this.reindex(s);
    this.reindex(t);
    this.dirty.add(s.id);
    this.dirty.add(t.id);
    return true;
  }

  /** Recomputes a story's centroid from its members and, when `all`, its dates, outlets and title too. */
  private describe(s: StoryState, all: boolean): void {
    describeStory(s, all, (vec) => this.link(vec, s));
  }

  private newStory(): StoryState {
    const s = emptyStory(`story-${++this.seq}`);
    this.states.set(s.id, s);
    return s;
  }

  private merge(a: StoryState, b: StoryState): StoryState {
    // Keep the older story (lower sequence number) so ids stay stable.
    const [keep, gone] = Number(a.id.slice(6)) < Number(b.id.slice(6)) ? [a, b] : [b, a];
    absorbStory(keep, gone, this.options.maxMembers);
    this.prune(keep);
    this.close(gone);
    this.states.delete(gone.id);
    this.mergedInto.set(gone.id, keep.id);
    this.reindex(keep);
    this.dirty.add(keep.id);
    this.dirty.add(gone.id);
    return keep;
  }

  private prune(s: StoryState): void {
    if (s.centroid.size > this.options.centroidTerms * 1.5) {
      const keep = topTerms(s.centroid, this.options.centroidTerms);
      const next = new Map<number, number>();
      for (const t of keep) next.set(t, s.centroid.get(t)!);
      s.centroid = next;
    }
  }

  private reindex(s: StoryState): void {
    const next = topTerms(s.centroid, this.options.indexTerms);
    const nextSet = new Set<number>(next);
    for (const t of s.indexed) if (!nextSet.has(t)) this.index.get(t)?.delete(s.id);
    for (const t of next) {
      let p = this.index.get(t);
      if (!p) this.index.set(t, (p = new Set()));
      p.add(s.id);
    }
    s.indexed = next;
  }
}
