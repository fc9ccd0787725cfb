import Database from "better-sqlite3";
import type { RashomonDocument, Story } from "../../model/index.js";
import { StoryGrouper, sortForArrival } from "../../stories/index.js";
import { buildLineage } from "../../lineage/index.js";
import { contentHash } from "../hash.js";
import type { IngestOptions, IngestResult, Store, StorySummary } from "../store.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE,
  story_id TEXT NOT NULL,
  published TEXT,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_story ON documents(story_id, seq);
CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY,
  title TEXT,
  size INTEGER NOT NULL,
  outlets TEXT NOT NULL,
  first_seen TEXT,
  last_seen TEXT
);
`;

/** Default library file, in the working directory. */
export const DEFAULT_LIBRARY = "rashomon.db";

/**
 * A story library in one SQLite file (better-sqlite3, WAL). Documents are
 * stored as JSON beside their content hash and story; each ingest batch is one
 * transaction. Story assignment is replayed from the stored documents (in
 * arrival order) when the library is first written to in a process, so a
 * killed ingest leaves only whole batches and a rerun continues where it stopped.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private grouper: StoryGrouper | null = null;

  constructor(readonly path: string = DEFAULT_LIBRARY) {
    try {
      this.db = new Database(path);
    } catch (e) {
      throw new Error(`${path}: cannot open the library (${(e as Error).message})`);
    }
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(SCHEMA);
  }

  private loadGrouper(): StoryGrouper {
    if (this.grouper) return this.grouper;
    const g = new StoryGrouper();
    const rows = this.db.prepare("SELECT json, story_id FROM documents ORDER BY seq").iterate() as Iterable<{ json: string; story_id: string }>;
    for (const r of rows) g.add(JSON.parse(r.json) as RashomonDocument);
    // Repair: persist the replayed state if it differs from the stored one.
    const { changed, removed } = g.takeChanges();
    this.db.transaction(() => this.writeStories(changed, removed, true))();
    this.grouper = g;
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

  /** Adds documents (sorted by publication time, ties by id), one transaction per batch. */
  async ingest(docs: readonly RashomonDocument[], options: IngestOptions = {}): Promise<IngestResult> {
    const batchSize = Math.max(1, options.batchSize ?? 200);
    const result: IngestResult = { added: 0, skipped: 0, refused: [], stories: {} };
    const byHash = this.db.prepare("SELECT id, story_id FROM documents WHERE hash = ?");
    const byId = this.db.prepare("SELECT hash FROM documents WHERE id = ?");
    const insert = this.db.prepare("INSERT INTO documents (id, hash, story_id, published, json) VALUES (?, ?, ?, ?, ?)");
    const sorted = sortForArrival(docs.filter((d) => d && typeof d.id === "string"));
    for (const d of docs) if (!d || typeof d.id !== "string") result.refused.push({ id: "", reason: "not a document (no id)" });
    const g = this.loadGrouper();
    for (let i = 0; i < sorted.length; i += batchSize) {
      const batch = sorted.slice(i, i + batchSize);
      try {
        this.db.transaction(() => {
          for (const d of batch) {
            if (!d || typeof d.id !== "string" || !d.id || typeof d.text !== "string") {
              result.refused.push({ id: String(d?.id ?? ""), reason: `${d?.input ?? "?"}: not a document (needs a string id and text)` });
              continue;
            }
            const h = contentHash(d);
            const same = byHash.get(h) as { id: string } | undefined;
            if (same) {
              result.skipped++;
              continue;
            }
            if (byId.get(d.id)) {
              result.refused.push({ id: d.id, reason: `${d.input}: document id ${d.id} is already used by a different text` });
              continue;
            }
            const story = g.add(d);
            insert.run(d.id, h, story, d.published, JSON.stringify(d));
            result.added++;
          }
          const { changed, removed } = g.takeChanges();
          this.writeStories(changed, removed, false);
        })();
      } catch (e) {
        this.grouper = null; // memory state is ahead of the rolled-back database
        throw e;
      }
      options.onBatch?.(Math.min(i + batchSize, sorted.length), sorted.length);
    }
    const story = this.db.prepare("SELECT story_id FROM documents WHERE id = ?");
    for (const d of docs) {
      const r = story.get(d.id) as { story_id: string } | undefined;
      if (r) result.stories[d.id] = r.story_id;
    }
    return result;
  }

  async listStories(): Promise<StorySummary[]> {
    const rows = this.db.prepare("SELECT * FROM stories ORDER BY COALESCE(last_seen, '') DESC, id").all() as StoryRow[];
    return rows.map(summary);
  }

  async getStory(id: string): Promise<Story | null> {
    const row = this.db.prepare("SELECT * FROM stories WHERE id = ?").get(id) as StoryRow | undefined;
    if (!row) return null;
    const docs = await this.getDocuments(id);
    const s = summary(row);
    return {
      id: s.id, title: s.title, documents: docs.map((d) => d.id), firstSeen: s.firstSeen, lastSeen: s.lastSeen,
      outlets: s.outlets, lineage: buildLineage(docs),
    };
  }

  async getDocuments(storyId: string): Promise<RashomonDocument[]> {
    const rows = this.db.prepare("SELECT json FROM documents WHERE story_id = ? ORDER BY seq").all(storyId) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as RashomonDocument);
  }

  async countDocuments(): Promise<number> {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n;
  }

  async check(): Promise<string[]> {
    const problems: string[] = [];
    const ic = this.db.pragma("integrity_check") as { integrity_check: string }[];
    for (const r of ic) if (r.integrity_check !== "ok") problems.push(`sqlite: ${r.integrity_check}`);
    const orphans = this.db.prepare("SELECT COUNT(*) AS n FROM documents d LEFT JOIN stories s ON s.id = d.story_id WHERE s.id IS NULL").get() as { n: number };
    if (orphans.n) problems.push(`${orphans.n} documents in no stored story`);
    const sizes = this.db.prepare(
      "SELECT s.id, s.size, COUNT(d.id) AS n FROM stories s LEFT JOIN documents d ON d.story_id = s.id GROUP BY s.id HAVING s.size <> COUNT(d.id)",
    ).all() as { id: string; size: number; n: number }[];
    for (const r of sizes) problems.push(`story ${r.id}: size ${r.size} but ${r.n} documents`);
    return problems;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

interface StoryRow { id: string; title: string | null; size: number; outlets: string; first_seen: string | null; last_seen: string | null }

function summary(r: StoryRow): StorySummary {
  return { id: r.id, title: r.title, size: r.size, outlets: JSON.parse(r.outlets) as string[], firstSeen: r.first_seen, lastSeen: r.last_seen };
}

/** Opens (creating if needed) a SQLite story library. */
export function openSqliteStore(path: string = DEFAULT_LIBRARY): SqliteStore {
  return new SqliteStore(path);
}
