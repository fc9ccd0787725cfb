import type { RashomonDocument, Story } from "../model/index.js";
import type { StorySummaryRow } from "../stories/index.js";
import type { FeedStore } from "./feeds.js";
import type { SearchHit, StoredView, StoryPage, StoryQuery } from "./queries.js";

export type { SearchHit, StoredView, StoryPage, StoryQuery } from "./queries.js";

/** One line of a story listing (the summary the grouper keeps). */
export type StorySummary = StorySummaryRow;

/** What an ingest did. */
export interface IngestResult {
  /** Documents stored by this call. */
  added: number;
  /** Documents already in the library (same content hash). */
  skipped: number;
  /** Documents refused (an id already used by a different text), with the reason. */
  refused: { id: string; reason: string }[];
  /** Story of each document given, by document id. */
  stories: Record<string, string>;
}

/** Ingest settings. */
export interface IngestOptions {
  /** Documents per transaction. */
  batchSize?: number;
  /** Called after each committed batch with the number of documents handled so far. */
  onBatch?: (done: number, total: number) => void;
  /**
   * Hash of the input each document was analysed from (`inputHash`), by document id:
   * stored with the document so that `knownInputs` can skip the input before analysis.
   */
  inputHashes?: Readonly<Record<string, string>>;
}

/**
 * A story library. Every store (SQLite now, PostgreSQL later) implements this
 * and passes the contract suite in `store-contract.ts`. Ingest is transactional
 * per batch and idempotent: a document whose content hash is stored already is skipped.
 * Several writers (processes) may ingest into one library at once: each batch
 * takes the library's write lock, catches up with what others stored, and only
 * then assigns stories, so the library always equals one writer having stored
 * the batches in commit order.
 */
export interface Store {
  ingest(docs: readonly RashomonDocument[], options?: IngestOptions): Promise<IngestResult>;
  /** Which of these input hashes (`inputHash`) belong to stored documents. */
  knownInputs(hashes: readonly string[]): Promise<Set<string>>;
  listStories(): Promise<StorySummary[]>;
  /** One page of the stories matching a query (time, outlet, words), most recently seen first. */
  queryStories(query: StoryQuery): Promise<StoryPage>;
  /** Documents matching every word of `text`, best first, each with the passage that matched. */
  search(text: string, options?: { limit?: number }): Promise<SearchHit[]>;
  /** A story's listing row and its documents' ids in arrival order, without reading the documents; null for an unknown story. */
  storyMembers(id: string): Promise<{ summary: StorySummary; documents: string[] } | null>;
  /** A story's stored view (dossier and renderings), current or stale: compare its key; null when none. */
  getStoryView(id: string): Promise<StoredView | null>;
  /** Keeps a story's view, replacing the one stored (derived data: the library's generation does not move). */
  putStoryView(id: string, view: StoredView): Promise<void>;
  /** One stored document and its story, or null. */
  getDocument(id: string): Promise<{ document: RashomonDocument; story: string } | null>;
  /** The library's write generation: it grows with every committed write, by any process. */
  generation(): Promise<number>;
  /** One story with its lineage, or null. */
  getStory(id: string): Promise<Story | null>;
  /** A story's documents in arrival order ([] for an unknown story). */
  getDocuments(storyId: string): Promise<RashomonDocument[]>;
  /** Number of documents stored. */
  countDocuments(): Promise<number>;
  /** The library's feed subscriptions and their status (see `feeds.ts`). */
  readonly feeds: FeedStore;
  /** Problems found by a consistency check ([] when consistent). */
  check(): Promise<string[]>;
  close(): Promise<void>;
}
