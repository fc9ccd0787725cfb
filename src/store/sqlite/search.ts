/**
 * The SQLite library's story listing and full-text search: an FTS5 index
 * (`doc_search`, Porter stemming) over each document's title and text, kept in
 * the ingest transaction. The index is created and filled by writers when
 * missing (a library made before it); readers of such a library fall back to a
 * plain scan of titles.
 */
import type Database from "better-sqlite3";
import type { RashomonDocument } from "../../model/index.js";
import { fts5Match, pageOf, queryWords, searchHit, type SearchHit, type StoredView, type StoryPage, type StoryQuery } from "../queries.js";
import type { StorySummaryRow } from "../../stories/index.js";
import { STORY_COLUMNS, storyRow, type StoryRow } from "../sql/story-row.js";

const SEARCH_TABLES = `
CREATE VIRTUAL TABLE IF NOT EXISTS doc_search USING fts5(id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE INDEX IF NOT EXISTS stories_last_seen ON stories(last_seen);
`;

/** Whether the library has its search index. */
export function hasSearch(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'doc_search'").get() !== undefined;
}

/** Creates the search index of a writer's library and fills it from stored documents when it is new (one write transaction). */
export function ensureSearch(db: Database.Database): void {
  if (hasSearch(db)) return;
  db.transaction(() => {
    if (hasSearch(db)) return;
    db.exec(SEARCH_TABLES);
    const add = db.prepare("INSERT INTO doc_search (id, title, text) VALUES (?, ?, ?)");
    for (const row of db.prepare("SELECT json FROM documents ORDER BY seq").iterate() as Iterable<{ json: string }>) {
      const d = JSON.parse(row.json) as RashomonDocument;
      add.run(d.id, d.title ?? "", d.text);
    }
  }).immediate();
}

/** Adds a document to the search index (inside the ingest transaction). */
export function indexDocument(db: Database.Database, doc: RashomonDocument): void {
  db.prepare("INSERT INTO doc_search (id, title, text) VALUES (?, ?, ?)").run(doc.id, doc.title ?? "", doc.text);
}

/** A page of stories matching the query, most recently seen first. */
export function queryStories(db: Database.Database, q: StoryQuery): StoryPage {
  const { limit, offset } = pageOf(q);
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.since) where.push("last_seen >= ?"), args.push(q.since);
  if (q.until) where.push("first_seen <= ?"), args.push(q.until);
  if (q.outlet) where.push("EXISTS (SELECT 1 FROM json_each(stories.outlets) WHERE lower(json_each.value) = lower(?))"), args.push(q.outlet);
  const words = q.text ? queryWords(q.text) : [];
  if (q.text && words.length === 0) return { total: 0, stories: [] };
  if (words.length) {
    const title = words.map(() => "lower(title) LIKE ? ESCAPE '\\'");
    const likeArgs = words.map((w) => `%${w.replace(/[\\%_]/g, "\\$&")}%`);
    if (hasSearch(db)) {
      where.push(`((${title.join(" AND ")}) OR id IN (SELECT story_id FROM documents WHERE id IN (SELECT id FROM doc_search WHERE doc_search MATCH ?)))`);
      args.push(...likeArgs, fts5Match(words));
    } else {
      where.push(`(${title.join(" AND ")})`);
      args.push(...likeArgs);
    }
  }
  const filter = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM stories ${filter}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${STORY_COLUMNS} FROM stories ${filter} ORDER BY COALESCE(last_seen, '') DESC, id LIMIT ? OFFSET ?`)
    .all(...args, limit, offset) as StoryRow[];
  return { total, stories: rows.map(storyRow) };
}

/** Documents matching every word (best first by FTS5's rank), with the passage that matched. */
export function searchDocuments(db: Database.Database, text: string, limit: number): SearchHit[] {
  const words = queryWords(text);
  if (words.length === 0 || !hasSearch(db)) return [];
  const rows = db
    .prepare(
      `SELECT d.json AS json, d.story_id AS story FROM doc_search JOIN documents d ON d.id = doc_search.id
       WHERE doc_search MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(fts5Match(words), Math.min(100, Math.max(1, limit))) as { json: string; story: string }[];
  return rows.map((r) => searchHit(JSON.parse(r.json) as RashomonDocument, r.story, words));
}

/** A stored document and its story, or null. */
export function getDocument(db: Database.Database, id: string): { document: RashomonDocument; story: string } | null {
  const row = db.prepare("SELECT json, story_id FROM documents WHERE id = ?").get(id) as { json: string; story_id: string } | undefined;
  return row ? { document: JSON.parse(row.json) as RashomonDocument, story: row.story_id } : null;
}


/** A story's row and its documents' ids in arrival order, or null. */
export function storyMembers(db: Database.Database, id: string): { summary: StorySummaryRow; documents: string[] } | null {
  const row = db.prepare(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`).get(id) as StoryRow | undefined;
  if (!row) return null;
  const ids = db.prepare("SELECT id FROM documents WHERE story_id = ? ORDER BY seq").pluck().all(id) as string[];
  return { summary: storyRow(row), documents: ids };
}

const VIEW_TABLE = "CREATE TABLE IF NOT EXISTS story_views (story_id TEXT PRIMARY KEY, key TEXT NOT NULL, built_at TEXT NOT NULL, view BLOB NOT NULL, report BLOB NOT NULL)";

/** Creates the table of stored story views (a writer's library; readers of a library without it find no views). */
export function ensureViews(db: Database.Database): void {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'story_views'").get() === undefined) db.exec(VIEW_TABLE);
}

/** A story's stored view, or null. */
export function getStoryView(db: Database.Database, id: string): StoredView | null {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'story_views'").get() === undefined) return null;
  const row = db.prepare("SELECT key, built_at, view, report FROM story_views WHERE story_id = ?").get(id) as { key: string; built_at: string; view: Buffer; report: Buffer } | undefined;
  return row ? { key: row.key, builtAt: row.built_at, view: new Uint8Array(row.view), report: new Uint8Array(row.report) } : null;
}

/** Keeps a story's view. */
export function putStoryView(db: Database.Database, id: string, v: StoredView): void {
  db.prepare("INSERT INTO story_views (story_id, key, built_at, view, report) VALUES (?, ?, ?, ?, ?) ON CONFLICT(story_id) DO UPDATE SET key = excluded.key, built_at = excluded.built_at, view = excluded.view, report = excluded.report")
    .run(id, v.key, v.builtAt, Buffer.from(v.view), Buffer.from(v.report));
}
