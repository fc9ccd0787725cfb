import type Database from "better-sqlite3";
import type { RashomonDocument, Story } from "../../model/index.js";
import { StoryGrouper, sortForArrival } from "../../stories/index.js";
import { buildLineage } from "../../lineage/index.js";
import { contentHash } from "../hash.js";
import type { IngestOptions, IngestResult, Store, StorySummary } from "../store.js";
import { checkLibrary } from "./check.js";
import { LibraryError, libraryError } from "./errors.js";
import { DEFAULT_LIBRARY, openReader, openWriter } from "./open.js";
import { bumpGeneration, hasColumn, readGeneration } from "./schema.js";

export { LibraryError } from "./errors.js";
export { DEFAULT_LIBRARY } from "./open.js";
export type { LibraryProblem } from "./errors.js";

/** How long a writer waits for another writer's lock before it gives up, in ms. */
export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/** How to open a SQLite library. */
export interface SqliteStoreOptions {
  /** Only read: the file must exist, and nothing is written (no WAL switch, no schema, no migration). */
  readonly?: boolean;
  /** How long to wait for another process's write lock, in ms (default {@link DEFAULT_LOCK_TIMEOUT_MS}). */
  lockTimeoutMs?: number;
}

/**
 * A story library in one SQLite file (better-sqlite3, WAL). Documents are
 * stored as JSON beside their content hash, input hash and story; each ingest
 * batch is one `BEGIN IMMEDIATE` transaction, so writers in several processes
 * queue for the write lock. Story assignment comes from a StoryGrouper built by
 * replaying the stored documents in arrival (`seq`) order; inside each batch's
 * transaction the grouper first catches up with whatever other processes
 * stored since (the `generation` in `meta` tells), so ids and assignments are
 * always taken from what is stored, and the library always equals a replay of
 * its documents in `seq` order. A killed ingest leaves only whole batches.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  readonly readonly: boolean;
  private grouper: StoryGrouper | null = null;
  /** The highest `seq` the grouper has added, and the generation it was caught up at. */
  private seenSeq = 0;
  private generation = -1;
  /** Set by a full replay: the next write rewrites every story (repairs a library stored by another grouper version). */
  private rewriteAll = false;
  private inputColumn: boolean | null = null;

  constructor(readonly path: string = DEFAULT_LIBRARY, options: SqliteStoreOptions = {}) {
    this.readonly = options.readonly ?? false;
    const timeout = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
    this.db = this.readonly ? openReader(path, timeout) : openWriter(path, timeout);
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
   * Brings the grouper up to what is stored: a full replay the first time, then
   * only the documents other processes appended (`seq` above the last seen)
   * whenever the generation moved. Documents are only ever appended, so this
   * equals a full replay. Read the generation before the documents: a write
   * committed in between is then caught up next time, never missed.
   */
  private catchUp(): StoryGrouper {
    const gen = readGeneration(this.db);
    if (this.grouper && gen === this.generation) return this.grouper;
    if (!this.grouper) {
      this.grouper = new StoryGrouper();
      this.seenSeq = 0;
      this.rewriteAll = true;
    }
    const g = this.grouper;
    const rows = this.db.prepare("SELECT seq, json FROM documents WHERE seq > ? ORDER BY seq").iterate(this.seenSeq) as Iterable<{ seq: number; json: string }>;
    for (const r of rows) {
      g.add(JSON.parse(r.json) as RashomonDocument);
      this.seenSeq = r.seq;
    }
    g.takeChanges(); // what others stored is stored already
    this.generation = gen;
    return g;
  }

  private writeStories(changed: Story[], removed: string[], full: boolean): void {
    if (full) this.db.prepare("DELETE FROM stories").run();
    const del = this.db.prepare("DELETE FROM stories WHERE id = ?");
    for (const id of removed) del.run(id);
    const up = this.db.prepare(
      "INSERT INTO stories (id, title, size, outlets, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT(id) DO UPDATE SET title = excluded.title, size = excluded.size, outlets = excluded.outlets, first_seen = excluded.first_seen, last_seen = excluded.last_seen",
    );
    const assign = this.db.prepare("UPDATE documents SET story_id = ? WHERE id = ? AND story_id <> ?");
    for (const s of changed) {
      up.run(s.id, s.title, s.documents.length, JSON.stringify(s.outlets), s.firstSeen, s.lastSeen);
      for (const d of s.documents) assign.run(s.id, d, s.id);
    }
  }

  /** Adds documents (sorted by publication time, ties by id), one write transaction per batch. */
  async ingest(docs: readonly RashomonDocument[], options: IngestOptions = {}): Promise<IngestResult> {
    if (this.readonly) throw new LibraryError(this.path, "read-only", `library ${this.path}: opened read-only; open it for writing to ingest`);
    const batchSize = Math.max(1, options.batchSize ?? 200);
    const inputHashes = options.inputHashes ?? {};
    const result: IngestResult = { added: 0, skipped: 0, refused: [], stories: {} };
    const db = this.db;
    const [byHash, byId, insert, backfill] = this.guard(() => [
      db.prepare("SELECT id FROM documents WHERE hash = ?"),
      db.prepare("SELECT hash FROM documents WHERE id = ?"),
      db.prepare("INSERT INTO documents (id, hash, story_id, published, json, input_hash) VALUES (?, ?, ?, ?, ?, ?)"),
      db.prepare("UPDATE documents SET input_hash = ? WHERE hash = ? AND input_hash IS NULL"),
    ]);
    const sorted = sortForArrival(docs.filter((d) => d && typeof d.id === "string"));
    for (const d of docs) if (!d || typeof d.id !== "string") result.refused.push({ id: "", reason: "not a document (no id)" });
    const write = db.transaction((batch: RashomonDocument[]) => {
      const g = this.catchUp();
      let wrote = false;
      if (this.rewriteAll) {
        this.writeStories(g.stories(), [], true);
        wrote = true;
      }
      let added = 0, skipped = 0;
      const refused: IngestResult["refused"] = [];
      for (const d of batch) {
        if (!d || typeof d.id !== "string" || !d.id || typeof d.text !== "string") {
          refused.push({ id: String(d?.id ?? ""), reason: `${d?.input ?? "?"}: not a document (needs a string id and text)` });
          continue;
        }
        const h = contentHash(d);
        const given = inputHashes[d.id] ?? null;
        if (byHash.get(h)) {
          if (given) backfill.run(given, h);
          skipped++;
          continue;
        }
        if (byId.get(d.id)) {
          refused.push({ id: d.id, reason: `${d.input}: document id ${d.id} is already used by a different text` });
          continue;
        }
        const story = g.add(d);
        this.seenSeq = Number(insert.run(d.id, h, story, d.published, JSON.stringify(d), given).lastInsertRowid);
        added++;
      }
      const { changed, removed } = g.takeChanges();
      this.writeStories(changed, removed, false);
      if (wrote || added > 0 || changed.length > 0 || removed.length > 0) this.generation = bumpGeneration(db);
      return { added, skipped, refused };
    });
    // Catch up on a read snapshot first, outside the write lock, so other writers need not wait for the replay;
    // inside the lock only what was committed meanwhile is left to add.
    this.guard(() => db.transaction(() => this.catchUp()).deferred());
    for (let i = 0; i < sorted.length; i += batchSize) {
      let r: { added: number; skipped: number; refused: IngestResult["refused"] };
      try {
        r = write.immediate(sorted.slice(i, i + batchSize));
      } catch (e) {
        this.grouper = null; // memory state is ahead of the rolled-back database
        throw libraryError(this.path, e);
      }
      this.rewriteAll = false;
      result.added += r.added;
      result.skipped += r.skipped;
      result.refused.push(...r.refused);
      options.onBatch?.(Math.min(i + batchSize, sorted.length), sorted.length);
    }
    this.guard(() => {
      const story = db.prepare("SELECT story_id FROM documents WHERE id = ?");
      for (const d of docs) {
        const r = d && typeof d.id === "string" ? (story.get(d.id) as { story_id: string } | undefined) : undefined;
        if (r) result.stories[d.id] = r.story_id;
      }
    });
    return result;
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
    const rows = this.guard(() => this.db.prepare("SELECT * FROM stories ORDER BY COALESCE(last_seen, '') DESC, id").all() as StoryRow[]);
    return rows.map(summary);
  }

  async getStory(id: string): Promise<Story | null> {
    const row = this.guard(() => this.db.prepare("SELECT * FROM stories WHERE id = ?").get(id) as StoryRow | undefined);
    if (!row) return null;
    const docs = await this.getDocuments(id);
    const s = summary(row);
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
    return this.guard(() => checkLibrary(this.db));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

interface StoryRow { id: string; title: string | null; size: number; outlets: string; first_seen: string | null; last_seen: string | null }

function summary(r: StoryRow): StorySummary {
  return { id: r.id, title: r.title, size: r.size, outlets: JSON.parse(r.outlets) as string[], firstSeen: r.first_seen, lastSeen: r.last_seen };
}

/** Opens a SQLite story library: for writing (creating it if needed) by default, or read-only. */
export function openSqliteStore(path: string = DEFAULT_LIBRARY, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
