import type { RashomonDocument, Story } from "../model/index.js";
import { DEFAULT_WEIGHTS, type FeatureWeights } from "./features.js";
import { TermTable, pruneVec, similarity, topIds, type Vec } from "./vectors.js";

/** The least a document must carry to be grouped. */
export interface GroupInput {
  id: string;
  /** The text to group on (the clean body when there is one). */
  text: string;
  title?: string | null;
  published?: string | null;
  outlet?: string | null;
}

/** Tuning of the streaming grouper. */
export interface GrouperOptions {
  /** Cosine similarity to a story centroid needed to join it. */
  threshold: number;
  /** Share of the entity (names, numbers) cosine in the similarity; the rest is the word cosine. */
  lambda: number;
  /** Below this entity cosine, a pair's similarity is multiplied by `gatePenalty`. */
  entityGate: number;
  gatePenalty: number;
  /** Cosine between two story centroids needed to merge them. */
  mergeThreshold: number;
  /** Days after its last document that a story stops taking new ones. */
  windowDays: number;
  weights: FeatureWeights;
  /** Scoring a story: mean of this many best document-to-member similarities. */
  linkTopK: number;
  /** Member document vectors kept per story, and terms kept per member. */
  maxMembers: number;
  memberTerms: number;
  /** Terms kept per story centroid. */
  centroidTerms: number;
  /** Terms of a story that go into the inverted index. */
  indexTerms: number;
  /** Terms of a new document used to look up candidates. */
  queryTerms: number;
  /** Candidate stories scored exactly, best index hits first. */
  maxCandidates: number;
  /** Postings longer than this are not followed (common terms). */
  maxPosting: number;
}

/** Defaults tuned on the ECB+ train and dev topics (bench:cluster --tune). */
export const DEFAULT_GROUPER_OPTIONS: GrouperOptions = {
  threshold: 0.2,
  mergeThreshold: 0.4,
  lambda: 0.4,
  entityGate: 0.05,
  gatePenalty: 0.5,
  windowDays: 3,
  weights: DEFAULT_WEIGHTS,
  centroidTerms: 200,
  linkTopK: 3,
  maxMembers: 30,
  memberTerms: 100,
  indexTerms: 40,
  queryTerms: 30,
  maxPosting: 400,
  maxCandidates: 20,
};

interface StoryState {
  id: string;
  docs: string[];
  /** Summed document vectors (pruned): only used to pick the story's index terms. */
  centroid: Map<number, number>;
  /** Vectors of the latest documents (pruned), for average-link scoring. */
  members: Vec[];
  indexed: number[];
  first: string | null;
  last: string | null;
  lastMs: number;
  outlets: Set<string>;
  title: string | null;
  titleScore: number;
  open: boolean;
}

const DAY_MS = 86_400_000;

/** Parses an ISO date to ms, or NaN. */
function toMs(iso: string | null | undefined): number {
  if (!iso) return NaN;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : NaN;
}

/**
 * Streaming story grouper (single pass with merges). Each document becomes a
 * TF-IDF vector over content words, names and numbers (IDF from the documents
 * seen so far); candidate stories come from an inverted index on each story's
 * heaviest terms, never from a scan of all stories; the document joins the most
 * similar open story or starts a new one, and stories that turn out to be one
 * event merge. Stories close `windowDays` after their last document.
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
    if (++this.sinceSweep >= 1000) this.sweep();

    const cands = this.candidates(vec, ms);
    let best: StoryState | null = null;
    let bestSim = 0;
    const sims: [StoryState, number][] = [];
    for (const s of cands) {
      const sim = this.link(vec, s);
      sims.push([s, sim]);
      if (sim > bestSim || (sim === bestSim && best && s.id < best.id)) {
        best = s;
        bestSim = sim;
      }
    }
    let story: StoryState;
    if (best && bestSim >= o.threshold) story = best;
    else {
      story = {
        id: `story-${++this.seq}`, docs: [], centroid: new Map(), members: [], indexed: [],
        first: null, last: null, lastMs: -Infinity, outlets: new Set(), title: null, titleScore: -1, open: true,
      };
      this.states.set(story.id, story);
    }
    this.join(story, doc, vec, ms);
    // Merge: other candidates that now look like the same event.
    for (const [s, sim] of sims) {
      if (s === story || !s.open || !this.states.has(s.id)) continue;
      if (sim < o.threshold * 0.8) continue;
      if (this.storyLink(s, story) >= o.mergeThreshold) story = this.merge(story, s);
    }
    this.docStory.set(doc.id, story.id);
    return story.id;
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

  /** Mean of the `linkTopK` best similarities between a document and a story's member documents. */
  private link(vec: Vec, s: StoryState): number {
    const sims = s.members.map((m) => similarity(vec, m, this.options.lambda, this.options.entityGate, this.options.gatePenalty)).sort((a, b) => b - a);
    const k = Math.min(this.options.linkTopK, sims.length);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += sims[i]!;
    return k ? sum / k : 0;
  }

  /** Average link between two stories' member documents. */
  private storyLink(a: StoryState, b: StoryState): number {
    let sum = 0;
    let n = 0;
    for (const x of a.members) for (const y of b.members) {
      sum += similarity(x, y, this.options.lambda, this.options.entityGate, this.options.gatePenalty);
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

  private candidates(vec: Vec, ms: number): StoryState[] {
    const o = this.options;
    const hits = new Map<string, number>();
    const weight = new Map<number, number>();
    for (let i = 0; i < vec.ids.length; i++) weight.set(vec.ids[i]!, vec.vals[i]!);
    for (const t of topIds(vec, o.queryTerms)) {
      const posting = this.index.get(t);
      if (!posting || posting.size > o.maxPosting) continue;
      for (const id of posting) hits.set(id, (hits.get(id) ?? 0) + weight.get(t)!);
    }
    const out: StoryState[] = [];
    const ranked = [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.maxCandidates);
    for (const [id] of ranked) {
      const s = this.states.get(id);
      if (!s || !s.open) continue;
      if (Number.isFinite(ms) && Number.isFinite(s.lastMs) && Math.abs(ms - s.lastMs) > o.windowDays * DAY_MS) {
        if (this.nowMs - s.lastMs > o.windowDays * DAY_MS) this.close(s);
        continue;
      }
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
    s.members.push(pruneVec(vec, this.options.memberTerms));
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
        s.titleScore = score;
      }
    }
    // Index terms settle quickly; refresh them on the first documents, then every fifth.
    if (s.docs.length <= 5 || s.docs.length % 5 === 0) this.reindex(s);
    this.dirty.add(s.id);
  }

  private merge(a: StoryState, b: StoryState): StoryState {
    // Keep the older story (lower sequence number) so ids stay stable.
    const [keep, gone] = Number(a.id.slice(6)) < Number(b.id.slice(6)) ? [a, b] : [b, a];
    for (const d of gone.docs) keep.docs.push(d);
    keep.members.push(...gone.members);
    if (keep.members.length > this.options.maxMembers) keep.members.splice(0, keep.members.length - this.options.maxMembers);
    for (const [t, v] of gone.centroid) keep.centroid.set(t, (keep.centroid.get(t) ?? 0) + v);
    this.prune(keep);
    if (gone.first && (!keep.first || gone.first < keep.first)) keep.first = gone.first;
    if (gone.last && (!keep.last || gone.last > keep.last)) keep.last = gone.last;
    keep.lastMs = Math.max(keep.lastMs, gone.lastMs);
    for (const x of gone.outlets) keep.outlets.add(x);
    if (gone.titleScore > keep.titleScore) {
      keep.title = gone.title;
      keep.titleScore = gone.titleScore;
    }
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

/** Sorts documents by publication time (undated last), ties by id. */
export function sortForArrival<T extends { id: string; published?: string | null }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => {
    const pa = a.published ?? "\uffff";
    const pb = b.published ?? "\uffff";
    return pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}


function topTerms(m: Map<number, number>, k: number): number[] {
  if (m.size <= k) return [...m.keys()];
  return [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map((e) => e[0]);
}


