import type Database from "better-sqlite3";
import { resolve } from "node:path";
import type { RashomonDocument, Story } from "../../model/index.js";
import type { Kysely } from "kysely";
import { GROUPING_VERSION, StoryGrouper } from "../../stories/index.js";
import type { SqlGroupingState } from "../sql/grouping-state.js";
import type { BatchedGroupingState } from "../sql/batched-state.js";
import { buildLineage } from "../../lineage/index.js";
import { ingestInBatches } from "../sql/ingest-batches.js";
import type { IngestOptions, IngestResult, Store, StorySummary } from "../store.js";
import { LibraryError, libraryError } from "./errors.js";
import { DEFAULT_LIBRARY, openReader, openWriter } from "./open.js";
import type { FeedStore } from "../feeds.js";
import { SqliteFeedStore } from "./feeds.js";
import { bumpGeneration, hasColumn, readGeneration, readMeta } from "./schema.js";
import { STORY_COLUMNS, storyRow, type StoryRow } from "../sql/story-row.js";
import { ensureSearch, ensureViews, getDocument, getStoryView, hasSearch, indexDocument, putStoryView, queryStories, searchDocuments, storyMembers } from "./search.js";
import type { SearchHit, StoredView, StoryPage, StoryQuery } from "../queries.js";

export { LibraryError } from "./errors.js";
export { DEFAULT_LIBRARY } from "./open.js";
export type { LibraryProblem } from "./errors.js";

export { DEFAULT_LOCK_TIMEOUT_MS } from "../defaults.js";

/** The write queue of each library file in this process (resolved path → the last writer's turn). */
const inProcess = new Map<string, Promise<void>>();
import { DEFAULT_LOCK_TIMEOUT_MS } from "../defaults.js";

/** How to open a SQLite library. */
export interface SqliteStoreOptions {
  /** Only read: the file must exist, and nothing is written (no WAL switch, no schema, no migration). */
  readonly?: boolean;
  /** How long to wait for another process's write lock, in ms (default {@link DEFAULT_LOCK_TIMEOUT_MS}). */
  lockTimeoutMs?: number;
}

/** The grouper over the library's tables. */
interface SqlState {
  kysely: Kysely<any>;
  index: SqlGroupingState;
  batched: BatchedGroupingState;
  grouper: StoryGrouper;
}

/**
 * A story library in one SQLite file (better-sqlite3, WAL). Documents are
 * stored as JSON beside their content hash, input hash and story, and the
 * grouper's state (stories, their latest members, the inverted index) lives in
 * the same file (`SqlGroupingState`), updated one document at a time: nothing is
 * replayed on start, and adding a document costs the same whatever the library
 * holds. Each ingest batch is one `BEGIN IMMEDIATE` transaction, so writers in
 * several processes queue for the write lock and each reads the state the
 * others committed; ids and assignments always come from the store. A killed
 * ingest leaves only whole batches.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  /** The grouper over the library's tables, made on first write or check (kysely loads only then: reading commands start faster). */
  private sqlState: Promise<SqlState> | null = null;
  readonly readonly: boolean;
  private inputColumn: boolean | null = null;
  /** The library's feed subscriptions. */
  readonly feeds: FeedStore;

  constructor(readonly path: string = DEFAULT_LIBRARY, options: SqliteStoreOptions = {}) {
    this.readonly = options.readonly ?? false;
    const timeout = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    this.db = this.readonly ? openReader(path, timeout) : openWriter(path, timeout);
    this.feeds = new SqliteFeedStore(this.db, path, this.readonly, (fn) => this.exclusive(fn));
    if (!this.readonly) this.guard(() => (ensureSearch(this.db), ensureViews(this.db)));
  }

  private state(): Promise<SqlState> {
    // One state per handle, made once even when asked for twice at the same time (ingest prepares outside the write queue).
    return (this.sqlState ??= (async () => {
      const [{ Kysely, SqliteDialect }, { SqlGroupingState }, { BatchedGroupingState }] = await Promise.all([
        import("kysely"), import("../sql/grouping-state.js"), import("../sql/batched-state.js"),
      ]);
      const kysely = new Kysely<any>({ dialect: new SqliteDialect({ database: this.db }) });
      const index = new SqlGroupingState(kysely);
      const batched = new BatchedGroupingState(index);
      return { kysely, index, batched, grouper: new StoryGrouper({}, batched) };
    })());
  }

  /** Runs `fn`, turning any failure into a LibraryError that names the file. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw libraryError(this.path, e);
    }
  }

  /**
   * Runs `fn` in one write transaction (waiting for other writers up to the lock
   * timeout); on failure rolls back, forgets cached state and names the library.
   */
  private async write<T>(fn: (grouper: StoryGrouper) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.writeLocked(fn));
  }

  /** Runs `fn` once this process's earlier writers to the library (ingest, feed changes) are done. */
  private async exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    // Writers in this process queue here first: SQLite's busy wait is synchronous and would block the
    // event loop, and with it the writer that holds the lock. Other processes queue on SQLite's lock.
    const key = resolve(this.path);
    const prev = inProcess.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const chain = prev.then(() => mine);
    inProcess.set(key, chain);
    await prev;
    try {
      return await fn();
    } finally {
      release();
      if (inProcess.get(key) === chain) inProcess.delete(key);
    }
  }

  private async writeLocked<T>(fn: (grouper: StoryGrouper) => Promise<T>): Promise<T> {
    const db = this.db;
    const { index, batched, grouper } = await this.state();
    this.guard(() => db.exec("BEGIN IMMEDIATE"));
    batched.begin();
    try {
      if (readMeta(db, "grouping") !== GROUPING_VERSION) await this.regroup(grouper, index, batched);
      const r = await fn(grouper);
      await batched.flush();
      bumpGeneration(db);
      db.exec("COMMIT");
      return r;
    } catch (e) {
      batched.abort();
      if (db.inTransaction) db.exec("ROLLBACK");
      throw libraryError(this.path, e);
    }
  }

  /** Regroups every stored document in arrival order (a library made by an older grouping), inside the write transaction. */
  private async regroup(grouper: StoryGrouper, index: SqlGroupingState, batched: BatchedGroupingState): Promise<void> {
    const db = this.db;
    db.exec("DELETE FROM stories; DELETE FROM group_docs; DELETE FROM group_terms; DELETE FROM group_nodes; DELETE FROM group_links; DELETE FROM group_edges; UPDATE meta SET value = 0 WHERE key = 'story_seq'");
    index.reset();
    batched.abort();
    batched.begin();
    const rows = db.prepare("SELECT id, json FROM documents ORDER BY seq").all() as { id: string; json: string }[];
    const assign = db.prepare("UPDATE documents SET story_id = ? WHERE id = ?");
    for (const [k, r] of rows.entries()) {
      assign.run(await grouper.add(JSON.parse(r.json) as RashomonDocument), r.id);
      if (k % 500 === 499) {
        await batched.flush();
        batched.begin();
      }
    }
    db.prepare("UPDATE meta SET value = ? WHERE key = 'grouping'").run(GROUPING_VERSION);
  }

  /** Adds documents (sorted by publication time, ties by id), one write transaction per batch. */
  async ingest(docs: readonly RashomonDocument[], options: IngestOptions = {}): Promise<IngestResult> {
    if (this.readonly) throw new LibraryError(this.path, "read-only", `library ${this.path}: opened read-only; open it for writing to ingest`);
    const db = this.db;
    const search = this.guard(() => hasSearch(db));
    const [byHash, byId, insert, backfill, storyOf] = this.guard(() => [
      db.prepare("SELECT id FROM documents WHERE hash = ?"),
      db.prepare("SELECT hash FROM documents WHERE id = ?"),
      db.prepare("INSERT INTO documents (id, hash, story_id, published, json, input_hash) VALUES (?, ?, ?, ?, ?, ?)"),
      db.prepare("UPDATE documents SET input_hash = ? WHERE hash = ? AND input_hash IS NULL"),
      db.prepare("SELECT story_id FROM documents WHERE id = ?"),
    ]);
    return ingestInBatches(docs, options, {
      write: (fn) => this.write(fn),
      grouper: async () => (await this.state()).grouper,
      hashStored: async (h) => byHash.get(h) !== undefined,
      idStored: async (id) => byId.get(id) !== undefined,
      backfillInput: async (h, given) => void backfill.run(given, h),
      insert: async (d, h, story, given) => {
        insert.run(d.id, h, story, d.published, JSON.stringify(d), given);
        if (search) indexDocument(db, d);
      },
      storiesOf: async (ids) =>
        this.guard(() => new Map(ids.map((id) => [id, (storyOf.get(id) as { story_id: string } | undefined)?.story_id]).filter((e): e is [string, string] => e[1] !== undefined))),
    });
  }

  async knownInputs(hashes: readonly string[]): Promise<Set<string>> {
    return this.guard(() => {
      const found = new Set<string>();
      this.inputColumn ??= hasColumn(this.db, "documents", "input_hash");
      if (!this.inputColumn) return found; // a library from before input hashes, opened read-only
      for (let i = 0; i < hashes.length; i += 500) {
        const chunk = hashes.slice(i, i + 500);
        const rows = this.db.prepare(`SELECT input_hash FROM documents WHERE input_hash IN (${chunk.map(() => "?").join(",")})`).all(...chunk) as { input_hash: string }[];
        for (const r of rows) found.add(r.input_hash);
      }
      return found;
    });
  }

  async listStories(): Promise<StorySummary[]> {
    const rows = this.guard(() => this.db.prepare(`SELECT ${STORY_COLUMNS} FROM stories ORDER BY COALESCE(last_seen, '') DESC, id`).all() as StoryRow[]);
    return rows.map(storyRow);
  }

  async queryStories(query: StoryQuery): Promise<StoryPage> {
    return this.guard(() => queryStories(this.db, query));
  }

  async search(text: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    return this.guard(() => searchDocuments(this.db, text, options.limit ?? 20));
  }

  async getDocument(id: string): Promise<{ document: RashomonDocument; story: string } | null> {
    return this.guard(() => getDocument(this.db, id));
  }

  async getStoryView(id: string): Promise<StoredView | null> {
    return this.guard(() => getStoryView(this.db, id));
  }

  async putStoryView(id: string, view: StoredView): Promise<void> {
    if (this.readonly) throw new LibraryError(this.path, "read-only", `library ${this.path}: opened read-only; open it for writing to keep a story's view`);
    // Derived data, written outside the ingest transaction (the generation does not move), in this process's write queue.
    await this.exclusive(() => this.guard(() => putStoryView(this.db, id, view)));
  }

  async storyMembers(id: string): Promise<{ summary: StorySummary; documents: string[] } | null> {
    return this.guard(() => storyMembers(this.db, id));
  }

  async generation(): Promise<number> {
    return this.guard(() => readGeneration(this.db));
  }

  async getStory(id: string): Promise<Story | null> {
    const row = this.guard(() => this.db.prepare(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`).get(id) as StoryRow | undefined);
    if (!row) return null;
    const docs = await this.getDocuments(id);
    const s = storyRow(row);
    return {
      id: s.id, title: s.title, documents: docs.map((d) => d.id), firstSeen: s.firstSeen, lastSeen: s.lastSeen,
      outlets: s.outlets, lineage: buildLineage(docs),
    };
  }

  async getDocuments(storyId: string): Promise<RashomonDocument[]> {
    const rows = this.guard(() => this.db.prepare("SELECT json FROM documents WHERE story_id = ? ORDER BY seq").all(storyId) as { json: string }[]);
    return rows.map((r) => JSON.parse(r.json) as RashomonDocument);
  }

  async countDocuments(): Promise<number> {
    return this.guard(() => (this.db.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n);
  }

  async check(): Promise<string[]> {
    try {
      const { checkLibrary } = await import("./check.js");
      return await checkLibrary(this.db, (await this.state()).kysely);
    } catch (e) {
      throw libraryError(this.path, e);
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}



/** Opens a SQLite story library: for writing (creating it if needed) by default, or read-only. */
export function openSqliteStore(path: string = DEFAULT_LIBRARY, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
