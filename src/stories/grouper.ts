import type { RashomonDocument } from "../model/index.js";
import { DEFAULT_GROUPER_OPTIONS, type GroupInput, type GrouperOptions } from "./options.js";
import { bisect } from "./split.js";
import { MemoryStoryIndex, type StoryChanges, type StoryIndex } from "./story-index.js";
import { TermWeights, heaviest, pruneVec, similarity, type Vec } from "./vectors.js";
import { DAY_MS, absorbStory, describeStory, emptyStory, sortForArrival, toMs, topTerms, type Member, type StoryState } from "./story-state.js";

/** What one grouper step works on: the stories it loaded or made, and what it changed. */
interface Step {
  changed: Set<StoryState>;
  merged: [string, string][];
  gone: Set<string>;
  assigned: [string, string][];
}

/**
 * Streaming story grouper (single pass with merges and splits). Each document
 * becomes a TF-IDF vector in four channels (content words, names, numbers and
 * dates, years), weighted with fixed term statistics that ship with the code,
 * so a document's vector never depends on the rest of the library. Candidate
 * stories come from an inverted index on each story's heaviest terms, among
 * stories whose last document is within `windowDays` of the new one, never
 * from a scan of all stories; the document joins the candidate it links to best
 * (average link over the story's latest members) or starts a new story.
 * Stories that turn out to be one event merge; a story whose members fall into
 * two weakly linked groups (two events of the same kind) splits. All state
 * lives in a `StoryIndex` (memory, or a store's database) and is read and
 * written one document at a time, so adding a document costs the same whatever
 * the library holds.
 */
export class StoryGrouper {
  readonly options: GrouperOptions;
  private readonly terms = new TermWeights();

  constructor(options: Partial<GrouperOptions> = {}, readonly index: StoryIndex = new MemoryStoryIndex()) {
    this.options = { ...DEFAULT_GROUPER_OPTIONS, ...options };
  }

  /** Adds one document and returns the id of the story it joined (or started). */
  async add(doc: GroupInput | RashomonDocument): Promise<string> {
    const o = this.options;
    const text = ("body" in doc && doc.body ? doc.body : doc.text) ?? "";
    const vec = this.terms.vectorize(((doc.title ?? "") + "\n" + text).trim(), o.weights);
    const ms = toMs(doc.published);
    const step: Step = { changed: new Set(), merged: [], gone: new Set(), assigned: [] };

    const top = heaviest(vec);
    const cands = await this.candidates(vec, top, ms);
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
    let story = best ?? emptyStory(await this.index.newStoryId());
    this.join(story, doc, pruneVec(vec, top, o.memberTerms), ms, step);
    step.assigned.push([doc.id, story.id]);
    // Merge: other candidates that now look like the same event.
    for (const [s, sim] of sims) {
      if (s === story || step.gone.has(s.id) || sim < o.mergeGate) continue;
      if (this.storyLink(s, story) >= o.mergeThreshold) story = this.merge(story, s, step);
    }
    let joined = story.id;
    const n = story.size;
    if (o.splitEvery > 0 && n >= o.splitMin && n % o.splitEvery === 0) {
      const moved = await this.trySplit(story, step);
      if (moved?.docs.has(doc.id)) joined = moved.id;
    }
    const changes: StoryChanges = {
      changed: [...step.changed].filter((s) => !step.gone.has(s.id)),
      merged: step.merged,
      assigned: step.assigned,
    };
    await this.index.save(changes);
    return joined;
  }

  /** Adds documents after sorting them by publication time, ties by id, so the result does not depend on input order. */
  async addAll(docs: readonly (GroupInput | RashomonDocument)[]): Promise<void> {
    for (const d of sortForArrival(docs)) await this.add(d);
  }

  private sim(a: Vec, b: Vec): number {
    return similarity(a, b, this.options.shares, this.options.nameGate, this.options.namePenalty);
  }

  /** Mean of the `linkTopK` best similarities between a document and a story's member documents. */
  private link(vec: Vec, s: StoryState): number {
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
    for (const x of a.members) for (const y of b.members) {
      sum += this.sim(x.vec, y.vec);
      n++;
    }
    return n ? sum / n : 0;
  }

  /**
   * Candidate stories: index hits on the document's heaviest terms, weighted by
   * the term's weight, among stories in the time window; terms that more than
   * `maxPosting` stories of the window share are not followed. The best
   * `maxCandidates` (ties by id) above `minHitShare` of the best are loaded.
   */
  private async candidates(vec: Vec, top: readonly number[], ms: number): Promise<StoryState[]> {
    const o = this.options;
    const query = top.slice(0, o.queryTerms).map((i) => vec.ids[i]!);
    const postings = await this.index.postings(query, ms, o.windowDays * DAY_MS);
    const hits = new Map<string, number>();
    for (const i of top.slice(0, o.queryTerms)) {
      const posting = postings.get(vec.ids[i]!);
      if (!posting || posting.length > o.maxPosting) continue;
      const w = vec.vals[i]!;
      for (const id of posting) hits.set(id, (hits.get(id) ?? 0) + w);
    }
    const ranked = [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.maxCandidates);
    const floor = ranked.length ? ranked[0]![1] * o.minHitShare : 0;
    const ids = ranked.filter((e) => e[1] >= floor).map((e) => e[0]);
    const states = await this.index.load(ids);
    return ids.map((id) => states.get(id)).filter((s): s is StoryState => s !== undefined);
  }

  private join(s: StoryState, doc: GroupInput | RashomonDocument, vec: Vec, ms: number, step: Step): void {
    s.size++;
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
    if (doc.outlet && !s.outlets.includes(doc.outlet)) s.outlets.push(doc.outlet);
    if (doc.title) {
      const score = this.link(vec, s);
      if (score > s.titleScore) {
        s.title = doc.title;
        s.titleDoc = doc.id;
        s.titleScore = score;
      }
    }
    // Index terms settle quickly; refresh them on the first documents, then every fifth.
    if (s.size <= 5 || s.size % 5 === 0) this.reindex(s);
    step.changed.add(s);
  }

  /**
   * stories:split — cuts a story whose members fall into two groups that link
   * below `splitThreshold` (two events of the same kind). The group holding
   * the oldest member keeps the story (and any documents no longer among the
   * members); the other becomes a new story, returned with its documents.
   */
  private async trySplit(s: StoryState, step: Step): Promise<{ id: string; docs: Set<string> } | null> {
    const o = this.options;
    const ms = s.members;
    const sim = ms.map(() => new Float64Array(ms.length));
    for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) sim[i]![j] = sim[j]![i] = this.sim(ms[i]!.vec, ms[j]!.vec);
    const b = bisect(sim);
    if (!b || Math.min(b.sizes[0], b.sizes[1]) < o.splitMinPart) return null;
    if (b.cross >= o.splitThreshold || b.cross >= o.splitRatio * Math.min(b.within[0], b.within[1])) return null;
    const t = emptyStory(await this.index.newStoryId());
    const moved = new Set<string>();
    const stay: Member[] = [];
    for (let i = 0; i < ms.length; i++) {
      if (b.part[i] === 1) {
        t.members.push(ms[i]!);
        moved.add(ms[i]!.id);
      } else stay.push(ms[i]!);
    }
    const allMembers = s.size === ms.length;
    s.size -= moved.size;
    t.size = moved.size;
    s.members = stay;
    for (const m of t.members) step.assigned.push([m.id, t.id]);
    this.describe(t, true);
    this.describe(s, allMembers || (s.titleDoc !== null && moved.has(s.titleDoc)));
    this.reindex(s);
    this.reindex(t);
    step.changed.add(s);
    step.changed.add(t);
    return { id: t.id, docs: moved };
  }

  /** Recomputes a story's centroid from its members and, when `all`, its dates, outlets and title too. */
  private describe(s: StoryState, all: boolean): void {
    describeStory(s, all, (vec) => this.link(vec, s));
  }

  private merge(a: StoryState, b: StoryState, step: Step): StoryState {
    // Keep the older story (lower sequence number) so ids stay stable.
    const [keep, gone] = Number(a.id.slice(6)) < Number(b.id.slice(6)) ? [a, b] : [b, a];
    absorbStory(keep, gone, this.options.maxMembers);
    this.prune(keep);
    step.gone.add(gone.id);
    // Documents placed in `gone` during this step follow it into `keep`.
    for (const e of step.assigned) if (e[1] === gone.id) e[1] = keep.id;
    step.merged.push([gone.id, keep.id]);
    this.reindex(keep);
    step.changed.add(keep);
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
    s.indexed = topTerms(s.centroid, this.options.indexTerms);
  }
}
