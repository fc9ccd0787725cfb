/**
 * Where the story grouper keeps its state: each grouped document's vector and
 * index terms; nodes (near-duplicate documents grouped together) with the
 * connected component they belong to; summed similarity links between the
 * nodes of a component; and the story of each node. Links between documents
 * of different components are not kept: when components merge, the pairs
 * between them are found again from the documents' index terms and vectors. The grouper
 * reads and writes it one document at a time, so a store that keeps it in its
 * database (SQLite, PostgreSQL) groups a new document at a cost that depends on
 * its own component only, with nothing replayed on start.
 */
import type { Vec } from "./vectors.js";
import type { VectorArena } from "./vector-arena.js";

/** What the grouper keeps of one document (never changes once written). */
export interface DocEntry {
  id: string;
  /** The document's vector, pruned to its heaviest terms. */
  vec: Vec;
  /** Publication time in ms (NaN when undated). */
  ms: number;
  published: string | null;
  title: string | null;
  outlet: string | null;
}

/** A node: documents so alike (copies, close rewrites) that they always share a story. */
export interface NodeState {
  /** The node's id (the id of one of its documents). */
  id: string;
  /** Its connected component. */
  comp: string;
  size: number;
  /** Summed similarity of the edges among its documents. */
  internal: number;
  dated: boolean;
  /** Canonical order key of its earliest document (publication time, then id). */
  key: string;
  first: string | null;
  last: string | null;
  outlets: string[];
  /** Title of its earliest titled document, with that document's key. */
  title: string | null;
  titleKey: string | null;
  story: string | null;
}

/** Summed similarity between the documents of two nodes of one component (`a` < `b`). */
export interface NodeLinkState {
  a: string;
  b: string;
  sum: number;
  /** A dated document of each links at the join threshold. */
  strong: boolean;
}

/** A story's summary, as listings show it. */
export interface StorySummaryRow {
  id: string;
  title: string | null;
  size: number;
  outlets: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** What one grouper step writes. */
export interface GroupingStep {
  doc: DocEntry;
  terms: number[];
  /** The node the document joined, and the nodes merged into it. */
  node: string;
  mergedNodes: string[];
  /** The component it is in, and the components merged into it. */
  component: string;
  mergedComponents: string[];
  /** Nodes created or changed (size, summary or story). */
  nodes: NodeState[];
  /** Nodes whose documents changed story (their story changed, or they took in merged nodes). */
  moved: string[];
  /** Links created or changed (the links of merged nodes are gone with them). */
  links: NodeLinkState[];
  /** Stories created or changed, and stories left empty. */
  stories: StorySummaryRow[];
  removed: string[];
}

/**
 * A document's candidates as slots of a window of documents held in memory
 * (`GroupingState.windowCandidates`): the grouper reads them by slot number,
 * without a lookup by id per candidate, which at thousands of candidates per
 * document was as much of the cost as comparing them.
 */
export interface WindowCandidates {
  /** Slots of the candidates held in the window, ascending. */
  slots: Int32Array;
  /** Id and time of each slot of the window. */
  ids: readonly string[];
  ms: Float64Array;
  /**
   * The window's vectors by slot, filled by the grouper on first use (from
   * `entries`). A window that numbers its slots anew starts a new arena, so a
   * slot of this arena always means the same document.
   */
  vectors: VectorArena;
  /** The entries of these documents, read as `candidates` would see them. */
  entries(ids: readonly string[]): Promise<Map<string, DocEntry>>;
  /** Candidates outside the window (a batch's own documents, undated ones), by id. */
  rest: string[];
}

/** The grouper's state, read and written one document at a time. */
export interface GroupingState {
  /**
   * Documents indexed under at least `minShared` of these terms whose time is
   * within `windowMs` of `ms`, and undated ones (all of them when `ms` is NaN).
   */
  candidates(terms: readonly number[], ms: number, windowMs: number, minShared: number): Promise<string[]>;
  /**
   * Some of the documents `candidates` would give, with their entries, found
   * without the library's write lock (optional; they may miss what was stored
   * lately, and a state that cannot tell gives none). `StoryGrouper.prepare`
   * compares with them ahead.
   */
  knownCandidates?(terms: readonly number[], ms: number, windowMs: number, minShared: number): Promise<Map<string, DocEntry>>;
  /**
   * The same documents as `candidates` (but `exclude`), by window slot where
   * the state holds its time window in memory (optional; null: use `candidates`).
   */
  windowCandidates?(terms: readonly number[], ms: number, windowMs: number, minShared: number, exclude: string): Promise<WindowCandidates | null>;
  /** The same as `knownCandidates`, by window slot (optional; null: use `knownCandidates`). */
  knownWindowCandidates?(terms: readonly number[], ms: number, windowMs: number, minShared: number, exclude: string): Promise<WindowCandidates | null>;
  /** The entries of these documents (those that exist). */
  entries(ids: readonly string[]): Promise<Map<string, DocEntry>>;
  /** Node of each of these documents. */
  nodesOfDocs(ids: readonly string[]): Promise<Map<string, string>>;
  /** These nodes (those that exist). */
  nodes(ids: readonly string[]): Promise<Map<string, NodeState>>;
  /** All nodes of these components. */
  componentNodes(components: readonly string[]): Promise<NodeState[]>;
  /** Links among the nodes of these components. */
  componentLinks(components: readonly string[]): Promise<NodeLinkState[]>;
  /** The documents of these nodes, with their index terms. */
  nodeDocs(nodes: readonly string[]): Promise<{ id: string; node: string; terms: ArrayLike<number> }[]>;
  /** A fresh story id ("story-N", N never reused in this library). */
  newStoryId(): Promise<string>;
  /** Writes what one step changed. */
  save(step: GroupingStep): Promise<void>;
}
