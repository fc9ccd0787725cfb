/**
 * Where the story grouper keeps its state: stories (summary, centroid, index
 * terms, latest members) and the inverted index from terms to stories. The
 * grouper reads and writes it one document at a time, so a store that keeps
 * this state in its database (SQLite, PostgreSQL) groups a new document at the
 * same cost whatever the library holds, with nothing replayed on start.
 * `MemoryStoryIndex` keeps it in memory for one-off analyses and benchmarks.
 */
import type { StoryState } from "./story-state.js";
import { DAY_MS } from "./story-state.js";

/** What a grouper step changed, written back by `StoryIndex.save`. */
export interface StoryChanges {
  /** Stories created or changed (their full state). */
  changed: StoryState[];
  /** Stories merged into another: [gone, kept]. Their documents now belong to the kept story. */
  merged: [gone: string, kept: string][];
  /** Documents placed in a story (a new document, or members moved by a split), in order. */
  assigned: [docId: string, storyId: string][];
}

/** The grouper's state, read and written one document at a time. */
export interface StoryIndex {
  /**
   * For each term, the stories indexed under it whose last document is within
   * `windowMs` of `ms` (any time when `ms` is NaN), together with the undated stories.
   */
  postings(terms: readonly number[], ms: number, windowMs: number): Promise<Map<number, string[]>>;
  /** The states of these stories (those that exist). */
  load(ids: readonly string[]): Promise<Map<string, StoryState>>;
  /** A fresh story id ("story-N", N never reused in this library). */
  newStoryId(): Promise<string>;
  /** Writes back what one grouper step changed. */
  save(changes: StoryChanges): Promise<void>;
}

/** Day bucket of a story's last time (-1: undated). */
function bucket(ms: number): number {
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : -1;
}

/**
 * The grouper's state in memory. Postings are bucketed by the day of each
 * story's last document, so a lookup reads only the days of its window.
 */
export class MemoryStoryIndex implements StoryIndex {
  readonly states = new Map<string, StoryState>();
  private readonly index = new Map<number, Map<number, Set<string>>>();
  /** Terms and day bucket each story is indexed under. */
  private readonly indexed = new Map<string, { terms: number[]; day: number }>();
  private readonly docStory = new Map<string, string>();
  private readonly storyDocs = new Map<string, string[]>();
  private seq = 0;

  async postings(terms: readonly number[], ms: number, windowMs: number): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    const days = Number.isFinite(ms) ? [-1, ...range(bucket(ms - windowMs), bucket(ms + windowMs))] : null;
    for (const t of terms) {
      const byDay = this.index.get(t);
      if (!byDay) continue;
      const ids: string[] = [];
      for (const day of days ?? byDay.keys()) {
        const set = byDay.get(day);
        if (!set) continue;
        for (const id of set) {
          const s = this.states.get(id)!;
          if (day === -1 || !Number.isFinite(ms) || Math.abs(ms - s.lastMs) <= windowMs) ids.push(id);
        }
      }
      if (ids.length) out.set(t, ids);
    }
    return out;
  }

  async load(ids: readonly string[]): Promise<Map<string, StoryState>> {
    const out = new Map<string, StoryState>();
    for (const id of ids) {
      const s = this.states.get(id);
      if (s) out.set(id, s);
    }
    return out;
  }

  async newStoryId(): Promise<string> {
    return `story-${++this.seq}`;
  }

  async save(c: StoryChanges): Promise<void> {
    for (const s of c.changed) {
      this.states.set(s.id, s);
      this.reindex(s.id, s.indexed, bucket(s.lastMs));
    }
    for (const [gone, kept] of c.merged) {
      this.states.delete(gone);
      this.reindex(gone, [], -1);
      const docs = this.storyDocs.get(gone) ?? [];
      for (const d of docs) this.docStory.set(d, kept);
      this.storyDocs.get(kept)?.push(...docs);
      this.storyDocs.delete(gone);
    }
    for (const [d, s] of c.assigned) {
      const old = this.docStory.get(d);
      if (old === s) continue;
      if (old) {
        const list = this.storyDocs.get(old)!;
        list.splice(list.indexOf(d), 1);
      }
      this.docStory.set(d, s);
      let list = this.storyDocs.get(s);
      if (!list) this.storyDocs.set(s, (list = []));
      list.push(d);
    }
  }

  private reindex(id: string, terms: readonly number[], day: number): void {
    const prev = this.indexed.get(id);
    if (prev) for (const t of prev.terms) this.index.get(t)?.get(prev.day)?.delete(id);
    for (const t of terms) {
      let byDay = this.index.get(t);
      if (!byDay) this.index.set(t, (byDay = new Map()));
      let set = byDay.get(day);
      if (!set) byDay.set(day, (set = new Set()));
      set.add(id);
    }
    if (terms.length) this.indexed.set(id, { terms: [...terms], day });
    else this.indexed.delete(id);
  }

  /** The story a document is in, or null. */
  storyOf(docId: string): string | null {
    return this.docStory.get(docId) ?? null;
  }

  /** Documents of a story, in the order they joined. */
  documentsOf(storyId: string): string[] {
    return this.storyDocs.get(storyId) ?? [];
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
