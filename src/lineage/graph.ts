import type { DocumentSpan, Lineage, LineageEdge, RashomonDocument } from "../model/index.js";
import { compareTexts, type Overlap } from "../dedup/index.js";
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
 * Compares every pair of documents of a story and returns copy/rewrite links.
 * Only each body's own words count: direct quotes are left out (see ownWordRanges).
 */
export function findCopyLinks(docs: readonly RashomonDocument[], t: CopyThresholds = DEFAULT_COPY_THRESHOLDS): CopyLink[] {
  const links: CopyLink[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const [src, dst] = isSource(docs[i]!, docs[j]!) ? [docs[i]!, docs[j]!] : [docs[j]!, docs[i]!];
      const overlap = compareTexts(dst.text, src.text, 5, ownWordRanges(dst), ownWordRanges(src));
      if (!overlap.passages.length) continue;
      const c = Math.max(overlap.containmentA, overlap.containmentB);
      const kind = c >= t.copy ? "copy" : c >= t.rewrite ? "rewrite" : null;
      if (kind) links.push({ from: dst.id, to: src.id, kind, overlap });
    }
  }
  return links;
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
