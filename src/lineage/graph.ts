import type { DocumentSpan, Lineage, LineageEdge, RashomonDocument } from "../model/index.js";
import { compareTexts, containmentPairs, positions, sharedPassages, shingle, type Overlap } from "../dedup/index.js";
import { findCues, ownWordRanges } from "./cues.js";

/** Two documents that share passages: `from` derives from `to`. */
export interface CopyLink {
  from: string;
  to: string;
  kind: "copy" | "rewrite";
  /** Passages: `a` spans are in `from`, `b` spans in `to`. */
  overlap: Overlap;
}

/** Copy thresholds on the containment of the smaller document. */
export interface CopyThresholds {
  copy: number;
  rewrite: number;
}

/** Defaults: half the shorter text verbatim is a copy; 15% is a rewrite. */
export const DEFAULT_COPY_THRESHOLDS: CopyThresholds = { copy: 0.5, rewrite: 0.15 };

/** Which of two documents came first: earlier publication, then id. Returns true when `a` is the source. */
export function isSource(a: RashomonDocument, b: RashomonDocument): boolean {
  const pa = a.published ?? "";
  const pb = b.published ?? "";
  if (pa && pb && pa.slice(0, 16) !== pb.slice(0, 16)) return pa < pb;
  return a.id < b.id;
}

/**
 * Finds the copy/rewrite links of a story: for each pair of documents whose
 * shared text reaches a threshold, `from` (the later one, see isSource) derives
 * from `to`. Only each body's own words count: direct quotes are left out (see
 * ownWordRanges).
 *
 * Candidate pairs come from an inverted index over the shingle hashes of the
 * own-word ranges (containmentPairs in src/dedup): it returns exactly the pairs
 * whose containment reaches the lower of the two thresholds, computed as
 * compareTexts computes it, so no pair that could become a link is dropped and
 * the result equals comparing every pair ({@link findCopyLinksAllPairs}); the
 * full comparison (passages) runs only on those pairs. Links come in the same
 * order as the all-pairs loop (by the documents' positions in `docs`).
 */
export function findCopyLinks(docs: readonly RashomonDocument[], t: CopyThresholds = DEFAULT_COPY_THRESHOLDS): CopyLink[] {
  const sh = docs.map((d) => shingle(d.text, 5, ownWordRanges(d)));
  const pos = new Map<number, Map<number, number[]>>();
  const positionsOf = (i: number) => pos.get(i) ?? pos.set(i, positions(sh[i]!)).get(i)!;
  const links: CopyLink[] = [];
  for (const { i, j } of containmentPairs(sh, Math.min(t.copy, t.rewrite))) {
    const [s, d] = isSource(docs[i]!, docs[j]!) ? [i, j] : [j, i];
    // compareTexts(dst.text, src.text, 5, ownWordRanges(dst), ownWordRanges(src)), with the shingles computed once.
    const link = classify(docs[d]!, docs[s]!, sharedPassages(sh[d]!, sh[s]!, 2, positionsOf(d)), t);
    if (link) links.push(link);
  }
  return links;
}

/**
 * Reference implementation of {@link findCopyLinks}: compares every pair of
 * documents (quadratic). Kept for tests and the benchmark, which check that
 * findCopyLinks returns the same links.
 */
export function findCopyLinksAllPairs(docs: readonly RashomonDocument[], t: CopyThresholds = DEFAULT_COPY_THRESHOLDS): CopyLink[] {
  const links: CopyLink[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const [src, dst] = isSource(docs[i]!, docs[j]!) ? [docs[i]!, docs[j]!] : [docs[j]!, docs[i]!];
      const link = classify(dst, src, compareTexts(dst.text, src.text, 5, ownWordRanges(dst), ownWordRanges(src)), t);
      if (link) links.push(link);
    }
  }
  return links;
}

/** The link `dst` → `src` their overlap makes, if any: containment of the smaller document against the thresholds. */
function classify(dst: RashomonDocument, src: RashomonDocument, overlap: Overlap, t: CopyThresholds): CopyLink | null {
  if (!overlap.passages.length) return null;
  const c = Math.max(overlap.containmentA, overlap.containmentB);
  const kind = c >= t.copy ? "copy" : c >= t.rewrite ? "rewrite" : null;
  return kind ? { from: dst.id, to: src.id, kind, overlap } : null;
}

/** Node id of a cited or credited source in lineage edges: `agency:AP`, `source:Wall Street Journal`. */
export function sourceNode(kind: "credits" | "cites", name: string): string {
  return kind === "credits" ? `agency:${name}` : `source:${name}`;
}

/**
 * Builds a story's source graph: credit and cite edges from each document's
 * cues (evidence: the mention and its cue), copy/rewrite edges from shared
 * passages (evidence: the passages in both documents), and the groups of
 * independent sources (documents joined by copy or rewrite edges form one group).
 */
export function buildLineage(docs: readonly RashomonDocument[], links: readonly CopyLink[] = findCopyLinks(docs)): Lineage {
  const edges: LineageEdge[] = [];
  for (const d of docs) {
    const seen = new Map<string, LineageEdge>();
    for (const c of findCues(d)) {
      const to = sourceNode(c.kind, c.source);
      const key = `${c.kind}|${to}`;
      let e = seen.get(key);
      if (!e) {
        e = { from: d.id, to, kind: c.kind, evidence: [] };
        seen.set(key, e);
        edges.push(e);
      }
      if (c.span.end > c.span.start) e.evidence.push({ document: d.id, span: c.span });
      if (c.cue) e.evidence.push({ document: d.id, span: c.cue });
    }
  }
  for (const l of links) {
    const evidence: DocumentSpan[] = [];
    for (const p of l.overlap.passages) {
      evidence.push({ document: l.from, span: p.a }, { document: l.to, span: p.b });
    }
    edges.push({ from: l.from, to: l.to, kind: l.kind, evidence });
  }
  return { edges, independentGroups: independentGroups(docs.map((d) => d.id), links) };
}

/** Groups of documents joined by copy or rewrite links (union-find), each sorted, groups by first id. */
export function independentGroups(ids: readonly string[], links: readonly { from: string; to: string }[]): string[][] {
  const parent = new Map<string, string>(ids.map((i) => [i, i]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const l of links) {
    if (!parent.has(l.from) || !parent.has(l.to)) continue;
    const a = find(l.from);
    const b = find(l.to);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, string[]>();
  for (const i of ids) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** One document's lineage: credited agencies, cited outlets/reports, documents it shares passages with. */
export interface DocumentLineage {
  document: string;
  agencies: string[];
  cites: string[];
  sharesWith: { document: string; kind: "copy" | "rewrite"; direction: "copies" | "copied-by" }[];
}

/** Reads one document's lineage off its story's graph. */
export function documentLineage(docId: string, lineage: Lineage): DocumentLineage {
  const agencies = new Set<string>();
  const cites = new Set<string>();
  const sharesWith: DocumentLineage["sharesWith"] = [];
  for (const e of lineage.edges) {
    if (e.kind === "credits" && e.from === docId) agencies.add(e.to.replace(/^agency:/u, ""));
    else if (e.kind === "cites" && e.from === docId) cites.add(e.to.replace(/^source:/u, ""));
    else if (e.kind === "copy" || e.kind === "rewrite") {
      if (e.from === docId) sharesWith.push({ document: e.to, kind: e.kind, direction: "copies" });
      else if (e.to === docId) sharesWith.push({ document: e.from, kind: e.kind, direction: "copied-by" });
    }
  }
  return { document: docId, agencies: [...agencies].sort(), cites: [...cites].sort(), sharesWith };
}
