/** The grouper's record of one story, and the bookkeeping on it that needs no index. */
import type { Vec } from "./vectors.js";

/** A story member: a document's pruned vector and what a split needs to know of it. */
export interface Member {
  vec: Vec;
  id: string;
  published: string | null;
  ms: number;
  outlet: string | null;
  title: string | null;
}

/** What the grouper keeps of one story. */
export interface StoryState {
  id: string;
  /** Documents in the story. */
  size: number;
  /** Summed document vectors (pruned): only used to pick the story's index terms. */
  centroid: Map<number, number>;
  /** The latest documents with their vectors (pruned), for average-link scoring and splits. */
  members: Member[];
  /** Document whose title the story carries. */
  titleDoc: string | null;
  indexed: number[];
  first: string | null;
  last: string | null;
  lastMs: number;
  /** Outlets in the order first seen. */
  outlets: string[];
  title: string | null;
  titleScore: number;
}

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** Parses an ISO date to ms, or NaN. */
export function toMs(iso: string | null | undefined): number {
  if (!iso) return NaN;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : NaN;
}

/** A story with no documents yet. */
export function emptyStory(id: string): StoryState {
  return {
    id, size: 0, centroid: new Map(), members: [], indexed: [], first: null, last: null,
    lastMs: -Infinity, outlets: [], title: null, titleDoc: null, titleScore: -1,
  };
}

/**
 * Recomputes a story's centroid from its members and, when `all`, its dates,
 * outlets and title too (the title of the member that `link` scores highest).
 */
export function describeStory(s: StoryState, all: boolean, link: (vec: Vec) => number): void {
  s.centroid = new Map();
  for (const m of s.members) for (let i = 0; i < m.vec.ids.length; i++) s.centroid.set(m.vec.ids[i]!, (s.centroid.get(m.vec.ids[i]!) ?? 0) + m.vec.vals[i]!);
  if (!all) return;
  s.first = s.last = null;
  s.lastMs = -Infinity;
  s.outlets = [];
  s.title = s.titleDoc = null;
  s.titleScore = -1;
  for (const m of s.members) {
    if (m.published) {
      if (!s.first || m.published < s.first) s.first = m.published;
      if (!s.last || m.published > s.last) s.last = m.published;
    }
    if (Number.isFinite(m.ms) && m.ms > s.lastMs) s.lastMs = m.ms;
    if (m.outlet && !s.outlets.includes(m.outlet)) s.outlets.push(m.outlet);
    if (m.title) {
      const score = link(m.vec);
      if (score > s.titleScore) {
        s.title = m.title;
        s.titleDoc = m.id;
        s.titleScore = score;
      }
    }
  }
}

/** Moves `gone`'s documents, members, centroid, dates, outlets and title into `keep` (index untouched). */
export function absorbStory(keep: StoryState, gone: StoryState, maxMembers: number): void {
  keep.size += gone.size;
  keep.members.push(...gone.members);
  if (keep.members.length > maxMembers) keep.members.splice(0, keep.members.length - maxMembers);
  for (const [t, v] of gone.centroid) keep.centroid.set(t, (keep.centroid.get(t) ?? 0) + v);
  if (gone.first && (!keep.first || gone.first < keep.first)) keep.first = gone.first;
  if (gone.last && (!keep.last || gone.last > keep.last)) keep.last = gone.last;
  keep.lastMs = Math.max(keep.lastMs, gone.lastMs);
  for (const x of gone.outlets) if (!keep.outlets.includes(x)) keep.outlets.push(x);
  if (gone.titleScore > keep.titleScore) {
    keep.title = gone.title;
    keep.titleDoc = gone.titleDoc;
    keep.titleScore = gone.titleScore;
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

/** The `k` heaviest terms of a weight map (ties by term id). */
export function topTerms(m: Map<number, number>, k: number): number[] {
  if (m.size <= k) return [...m.keys()];
  return [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map((e) => e[0]);
}


