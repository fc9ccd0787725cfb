/**
 * The SQLite library's tables and their migrations. Writers create and migrate
 * the schema (inside one write transaction); readers never touch it.
 */
import type Database from "better-sqlite3";

/**
 * Schema version written into `meta` (2: `documents.input_hash` and the `meta`
 * table; 3: the grouper's state in the `group_*` tables; 4: feed subscriptions in
 * `feeds` and `feed_items`; 5: each grouped document's index terms in `group_docs.terms`, and `group_docs(ms)` indexed).
 */
export const SCHEMA_VERSION = 5;

const TABLES = `
CREATE TABLE IF NOT EXISTS documents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE,
  story_id TEXT NOT NULL,
  published TEXT,
  json TEXT NOT NULL,
  input_hash TEXT
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
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS group_docs (
  doc_id TEXT PRIMARY KEY,
  node TEXT NOT NULL,
  ms REAL,
  published TEXT,
  title TEXT,
  outlet TEXT,
  vec BLOB NOT NULL,
  terms BLOB
);
CREATE INDEX IF NOT EXISTS group_docs_node ON group_docs(node);
CREATE TABLE IF NOT EXISTS group_terms (
  term INTEGER NOT NULL,
  doc_id TEXT NOT NULL,
  ms REAL,
  PRIMARY KEY (term, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS group_terms_time ON group_terms(term, ms);
CREATE TABLE IF NOT EXISTS group_nodes (
  id TEXT PRIMARY KEY,
  comp TEXT NOT NULL,
  size INTEGER NOT NULL,
  internal REAL NOT NULL,
  dated INTEGER NOT NULL,
  key TEXT NOT NULL,
  first_seen TEXT,
  last_seen TEXT,
  outlets TEXT NOT NULL,
  title TEXT,
  title_key TEXT,
  story TEXT
);
CREATE INDEX IF NOT EXISTS group_nodes_comp ON group_nodes(comp);
CREATE TABLE IF NOT EXISTS group_links (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  sum REAL NOT NULL,
  strong INTEGER NOT NULL,
  comp TEXT NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS group_links_comp ON group_links(comp);
CREATE INDEX IF NOT EXISTS group_links_b ON group_links(b);
CREATE TABLE IF NOT EXISTS group_edges (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  sim REAL NOT NULL,
  comp TEXT NOT NULL,
  PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS group_edges_comp ON group_edges(comp);
CREATE TABLE IF NOT EXISTS feeds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT NOT NULL UNIQUE,
  title TEXT,
  interval_seconds INTEGER NOT NULL,
  added_at INTEGER NOT NULL,
  last_polled_at INTEGER,
  last_success_at INTEGER,
  last_error TEXT,
  consecutive_errors INTEGER NOT NULL DEFAULT 0,
  next_poll_at INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0,
  items_ingested INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS feeds_due ON feeds(next_poll_at);
CREATE TABLE IF NOT EXISTS feed_items (
  feed_id INTEGER NOT NULL,
  url TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (feed_id, url)
) WITHOUT ROWID;
`;

/** Whether the schema is complete and current, read without writing anything. */
function schemaIsCurrent(db: Database.Database): boolean {
  const names = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").all() as { name: string }[]).map((r) => r.name));
  if (!["documents", "stories", "meta", "documents_story", "documents_input", "group_docs", "group_terms", "group_nodes", "group_links", "group_edges", "feeds", "feed_items"].every((n) => names.has(n))) return false;
  if (!hasColumn(db, "documents", "input_hash")) return false;
  const v = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: number } | undefined;
  return v?.value === SCHEMA_VERSION && db.prepare("SELECT 1 FROM meta WHERE key = 'generation'").get() !== undefined && db.prepare("SELECT 1 FROM meta WHERE key = 'grouping'").get() !== undefined;
}

/** Whether `table` has `column`. */
export function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).some((c) => c.name === column);
}

/**
 * Creates the tables of a new library, or migrates an older one (version 1 had
 * no `input_hash` column and no `meta` table), in one write transaction that
 * waits for other writers. Writes nothing when the schema is current.
 */
export function ensureSchema(db: Database.Database): void {
  if (schemaIsCurrent(db)) return;
  db.transaction(() => {
    // Checked again under the write lock: another process may have migrated meanwhile.
    db.exec(TABLES);
    if (!hasColumn(db, "documents", "input_hash")) db.exec("ALTER TABLE documents ADD COLUMN input_hash TEXT");
    db.exec("CREATE INDEX IF NOT EXISTS documents_input ON documents(input_hash)");
    if (!hasColumn(db, "group_docs", "terms")) db.exec("ALTER TABLE group_docs ADD COLUMN terms BLOB");
    db.exec("CREATE INDEX IF NOT EXISTS group_docs_ms ON group_docs(ms)");
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', 0)").run();
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('story_seq', 0)").run();
    // A library from before version 3 has no grouper state: the next write regroups it once.
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('grouping', 0)").run();
    db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(SCHEMA_VERSION);
  }).immediate();
}

/** The library's write generation: bumped by every transaction that adds documents or changes stories. */
export function readGeneration(db: Database.Database): number {
  return (db.prepare("SELECT value FROM meta WHERE key = 'generation'").get() as { value: number } | undefined)?.value ?? 0;
}

/** A value in `meta` (0 when absent). */
export function readMeta(db: Database.Database, key: string): number {
  return (db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: number } | undefined)?.value ?? 0;
}

/** Bumps the write generation (inside a write transaction) and returns the new value. */
export function bumpGeneration(db: Database.Database): number {
  db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'generation'").run();
  return readGeneration(db);
}
