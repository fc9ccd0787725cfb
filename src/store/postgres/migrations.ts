/**
 * Versioned migrations of a PostgreSQL library (kysely's Migrator; each runs
 * once, in order, under kysely's migration lock, and is recorded in the
 * library's schema). Add a migration; never edit one that has shipped.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from "kysely";

const migrations: Record<string, Migration> = {
  "0001-library": {
    async up(db: Kysely<any>): Promise<void> {
      await sql`CREATE TABLE documents (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        hash text NOT NULL UNIQUE,
        story_id text NOT NULL,
        published text,
        json text NOT NULL,
        input_hash text
      )`.execute(db);
      await sql`CREATE INDEX documents_story ON documents (story_id, seq)`.execute(db);
      await sql`CREATE INDEX documents_input ON documents (input_hash)`.execute(db);
      await sql`CREATE TABLE stories (
        id text PRIMARY KEY,
        title text,
        size integer NOT NULL,
        outlets text NOT NULL,
        first_seen text,
        last_seen text
      )`.execute(db);
      await sql`CREATE TABLE group_docs (
        doc_id text PRIMARY KEY,
        node text NOT NULL,
        ms double precision,
        published text,
        title text,
        outlet text,
        vec bytea NOT NULL
      )`.execute(db);
      await sql`CREATE INDEX group_docs_node ON group_docs (node)`.execute(db);
      await sql`CREATE TABLE group_terms (
        term integer NOT NULL,
        doc_id text NOT NULL,
        ms double precision,
        PRIMARY KEY (term, doc_id)
      )`.execute(db);
      await sql`CREATE INDEX group_terms_time ON group_terms (term, ms)`.execute(db);
      await sql`CREATE TABLE group_nodes (
        id text PRIMARY KEY,
        comp text NOT NULL,
        size integer NOT NULL,
        internal double precision NOT NULL,
        dated integer NOT NULL,
        key text NOT NULL,
        first_seen text,
        last_seen text,
        outlets text NOT NULL,
        title text,
        title_key text,
        story text
      )`.execute(db);
      await sql`CREATE INDEX group_nodes_comp ON group_nodes (comp)`.execute(db);
      await sql`CREATE TABLE group_links (
        a text NOT NULL,
        b text NOT NULL,
        sum double precision NOT NULL,
        strong integer NOT NULL,
        comp text NOT NULL,
        PRIMARY KEY (a, b)
      )`.execute(db);
      await sql`CREATE INDEX group_links_comp ON group_links (comp)`.execute(db);
      await sql`CREATE INDEX group_links_b ON group_links (b)`.execute(db);
      await sql`CREATE TABLE group_edges (
        a text NOT NULL,
        b text NOT NULL,
        sim double precision NOT NULL,
        comp text NOT NULL,
        PRIMARY KEY (a, b)
      )`.execute(db);
      await sql`CREATE INDEX group_edges_comp ON group_edges (comp)`.execute(db);
      await sql`CREATE TABLE meta (key text PRIMARY KEY, value integer NOT NULL)`.execute(db);
      await sql`INSERT INTO meta (key, value) VALUES ('generation', 0), ('story_seq', 0), ('grouping', 0)`.execute(db);
    },
  },
  "0002-jobs": {
    async up(db: Kysely<any>): Promise<void> {
      await sql`CREATE TABLE jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        payload text NOT NULL,
        state text NOT NULL DEFAULT 'queued',
        attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz
      )`.execute(db);
      await sql`CREATE INDEX jobs_queued ON jobs (id) WHERE state = 'queued'`.execute(db);
    },
  },
  // Named 0005 so that a migration numbered 0003 or 0004 may land beside it (0009 replaces this index by a stored column).
  "0005-search": {
    async up(db: Kysely<any>): Promise<void> {
      await sql`CREATE INDEX documents_search ON documents USING gin (to_tsvector('english', coalesce((json::jsonb)->>'title', '') || ' ' || coalesce((json::jsonb)->>'text', '')))`.execute(db);
      await sql`CREATE INDEX stories_last_seen ON stories (last_seen)`.execute(db);
    },
  },
};

// Subscribed feeds and the items each has handled (times in ms since the epoch).
migrations["0004-feeds"] = {
  async up(db: Kysely<any>): Promise<void> {
    await sql`CREATE TABLE feeds (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      url text NOT NULL UNIQUE,
      title text,
      interval_seconds integer NOT NULL,
      added_at bigint NOT NULL,
      last_polled_at bigint,
      last_success_at bigint,
      last_error text,
      consecutive_errors integer NOT NULL DEFAULT 0,
      next_poll_at bigint NOT NULL,
      etag text,
      last_modified text,
      items_seen integer NOT NULL DEFAULT 0,
      items_ingested integer NOT NULL DEFAULT 0
    )`.execute(db);
    await sql`CREATE INDEX feeds_due ON feeds (next_poll_at)`.execute(db);
    await sql`CREATE TABLE feed_items (
      feed_id bigint NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
      url text NOT NULL,
      seen_at bigint NOT NULL,
      PRIMARY KEY (feed_id, url)
    )`.execute(db);
  },
};

/** The migrations, by name. */
export const MIGRATIONS: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

// Stored story views (derived data: a story's dossier and renderings, keyed by its documents).
migrations["0007-story-views"] = {
  async up(db: Kysely<any>): Promise<void> {
    await sql`CREATE TABLE story_views (story_id text PRIMARY KEY, key text NOT NULL, built_at text NOT NULL, view bytea NOT NULL, report bytea NOT NULL)`.execute(db);
  },
};

// Each grouped document's index terms beside it, and its time indexed: a process that groups many documents
// reads a span of time into memory (src/store/sql/window-index.ts) instead of querying the postings per document.
migrations["0008-doc-terms"] = {
  async up(db: Kysely<any>): Promise<void> {
    await sql`ALTER TABLE group_docs ADD COLUMN terms bytea`.execute(db);
    await sql`CREATE INDEX group_docs_ms ON group_docs (ms)`.execute(db);
  },
};

// The search vector stored beside each document (was an index over an expression of its JSON): the writer
// computes it before taking the library's write lock (src/store/postgres/index.ts, `prepareBatch`), so the
// lock no longer waits on PostgreSQL parsing the document and stemming its words; searches read the column.
migrations["0009-search-vector"] = {
  async up(db: Kysely<any>): Promise<void> {
    await sql`ALTER TABLE documents ADD COLUMN search tsvector`.execute(db);
    await sql`UPDATE documents SET search = to_tsvector('english', coalesce((json::jsonb)->>'title', '') || ' ' || coalesce((json::jsonb)->>'text', ''))`.execute(db);
    await sql`DROP INDEX documents_search`.execute(db);
    await sql`CREATE INDEX documents_search ON documents USING gin (search)`.execute(db);
  },
};

