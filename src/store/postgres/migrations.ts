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
        last_seen text,
        last_ms double precision,
        title_doc text,
        title_score double precision NOT NULL DEFAULT -1,
        centroid bytea,
        indexed bytea
      )`.execute(db);
      await sql`CREATE TABLE story_members (
        doc_id text PRIMARY KEY,
        story_id text NOT NULL,
        pos integer NOT NULL,
        vec bytea NOT NULL,
        ms double precision,
        published text,
        outlet text,
        title text
      )`.execute(db);
      await sql`CREATE INDEX story_members_story ON story_members (story_id, pos)`.execute(db);
      await sql`CREATE TABLE story_terms (
        term integer NOT NULL,
        story_id text NOT NULL,
        last_ms double precision,
        PRIMARY KEY (term, story_id)
      )`.execute(db);
      await sql`CREATE INDEX story_terms_time ON story_terms (term, last_ms)`.execute(db);
      await sql`CREATE INDEX story_terms_story ON story_terms (story_id)`.execute(db);
      await sql`CREATE TABLE meta (key text PRIMARY KEY, value integer NOT NULL)`.execute(db);
      await sql`INSERT INTO meta (key, value) VALUES ('generation', 0), ('story_seq', 0), ('grouping', 0)`.execute(db);
    },
  },
};

/** The migrations, by name. */
export const MIGRATIONS: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
