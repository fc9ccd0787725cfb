/**
 * A story library in PostgreSQL (pg with kysely), one library per schema:
 * `postgres://host/db` uses the `public` schema, `postgres://host/db?schema=name`
 * another. The same tables as the SQLite store, made by versioned migrations,
 * and the same grouper state (`SqlGroupingState`), so any process that opens the
 * URL (CLI, server, worker) sees the same library. Each ingest batch is one
 * transaction that first takes the library's advisory lock: writers queue,
 * and each reads the state the others committed.
 */
import pg from "pg";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import type { RashomonDocument, Story } from "../../model/index.js";
import { GROUPING_VERSION, StoryGrouper } from "../../stories/index.js";
import { buildLineage } from "../../lineage/index.js";
import { ingestInBatches } from "../sql/ingest-batches.js";
import type { IngestOptions, IngestResult, Store, StorySummary } from "../store.js";
import { SqlGroupingState } from "../sql/grouping-state.js";
import { BatchedGroupingState } from "../sql/batched-state.js";
import { checkTables } from "../sql/check.js";
import { LibraryError } from "../sqlite/errors.js";
import { MIGRATIONS } from "./migrations.js";
import { WorkQueue } from "./queue.js";
import type { FeedStore } from "../feeds.js";
import { PostgresFeedStore } from "./feeds.js";
import { storyRow, type StoryRow } from "../sql/story-row.js";
import { generationPg, getDocumentPg, getStoryViewPg, putStoryViewPg, queryStoriesPg, searchDocumentsPg, searchText, searchVectors, storyMembersPg } from "./search.js";
import type { SearchHit, StoredView, StoryPage, StoryQuery } from "../queries.js";

/**
 * Documents a writer stores between two refreshes of the planner's statistics
 * on the library's tables (ANALYZE after the batch that passes it). On a server
 * whose autovacuum is off or behind (it was off on the machine of the
 * 1,000,000-article run) the grouping statements otherwise keep the plans of an
 * empty table; ANALYZE samples, so each refresh costs about the same.
 */
const ANALYZE_EVERY = 20_000;

export { WorkQueue, MAX_ATTEMPTS, type Job, type QueueStatus } from "./queue.js";

/** How to open a PostgreSQL library. */
export interface PostgresStoreOptions {
  /** Only read: no schema, no migration, no writes. */
  readonly?: boolean;
  /** How long a writer waits for another writer's lock, in ms (default 60 s). */
  lockTimeoutMs?: number;
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /** Documents this writer stores between two refreshes of the planner's statistics (default ANALYZE_EVERY). */
  analyzeEvery?: number;
}

export { isPostgresUrl } from "../open.js";

/** The URL with its password hidden, for messages. */
function shown(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/** A PostgreSQL error turned into a LibraryError that names the library and the way out. */
function pgError(url: string, err: unknown): LibraryError {
  if (err instanceof LibraryError) return err;
  const code = typeof (err as { code?: unknown })?.code === "string" ? (err as { code: string }).code : "";
  const raw = err instanceof Error ? err.message : String(err);
  const where = `library ${shown(url)}`;
  if (code === "55P03" || /lock timeout/i.test(raw)) return new LibraryError(url, "locked", `${where}: ${raw}; another process is writing to it; run the command again, or give a longer --lock-timeout`, code);
  // The server went away (restart, shutdown, a dropped connection): callers may retry once it is back.
  if (/^(57P0[123]|08\d\d\d)$/.test(code) || code === "ECONNRESET" || /terminat|Connection terminated/i.test(raw)) {
    return new LibraryError(url, "io", `${where}: the connection to PostgreSQL was lost (${raw}); run the command again once the server is back`, code || null);
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || /connect/i.test(raw)) return new LibraryError(url, "cannot-open", `${where}: cannot connect (${raw}); check that PostgreSQL runs and the URL is right`, code);
  if (code === "3D000") return new LibraryError(url, "missing", `${where}: ${raw}; create the database first (createdb)`, code);
  if (code === "42P01") return new LibraryError(url, "not-a-library", `${where}: ${raw}; this schema holds no rashomon library; ingest into it first`, code);
  if (code === "53100") return new LibraryError(url, "full", `${where}: ${raw}; free disk space on the database server`, code);
  return new LibraryError(url, "other", `${where}: ${raw}`, code || null);
}

/** A story library in one PostgreSQL schema. */
export class PostgresStore implements Store {
  private readonly index: SqlGroupingState;
  private readonly batched: BatchedGroupingState;
  /** The last write of this process (the next one starts after it). */
  private writing: Promise<unknown> = Promise.resolve();
  /** Documents this writer stored since it last refreshed the planner's statistics (see ANALYZE_EVERY). */
  private sinceAnalyze = 0;
  /** Documents of the batch being written, inserted together at its end. */
  private pending: { id: string; hash: string; story: string; published: string | null; json: string; inputHash: string | null; search: string | null; text: string }[] = [];
  /** Each document of the batch being written, as JSON and with its search vector, made before the lock (`prepareBatch`). */
  private readonly ready = new WeakMap<RashomonDocument, { json: string; search: string }>();
  private readonly grouper: StoryGrouper;
  /** The library's feed subscriptions. */
  readonly feeds: FeedStore;

  private constructor(readonly url: string, readonly schema: string, private readonly db: Kysely<any>, readonly readonly: boolean, private readonly lockTimeoutMs: number,
    private readonly analyzeEvery: number) {
    this.index = new SqlGroupingState(db);
    this.batched = new BatchedGroupingState(this.index);
    this.grouper = new StoryGrouper({}, this.batched);
    this.feeds = new PostgresFeedStore(db, readonly, (e) => pgError(url, e),
      () => new LibraryError(url, "read-only", `library ${shown(url)}: opened read-only; open it for writing to change its feeds`));
  }

  /** Opens (for writing: creates and migrates) the library at `url`. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const u = new URL(url);
    const schema = u.searchParams.get("schema") ?? "public";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new LibraryError(url, "other", `library ${shown(url)}: schema name ${JSON.stringify(schema)} is not a plain identifier`);
    u.searchParams.delete("schema");
    // JIT off: the library's statements read few rows through indexes; compiling one whose estimate is large
    // (a table without statistics yet) costs more than running it.
    const pool = new pg.Pool({ connectionString: u.toString(), max: options.poolSize ?? 4, options: `-c search_path=${schema} -c jit=off` });
    // A dropped connection (a server restart) must not crash the process: an idle one is replaced on next use,
    // and one in use fails its next query, which reports it (workers then wait and retry).
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    const store = new PostgresStore(url, schema, db, options.readonly ?? false, options.lockTimeoutMs ?? 60_000, options.analyzeEvery ?? ANALYZE_EVERY);
    try {
      if (store.readonly) await sql`SELECT 1 FROM meta LIMIT 1`.execute(db);
      else await store.migrate();
    } catch (e) {
      await db.destroy();
      throw pgError(url, e);
    }
    return store;
  }

  /** Creates the schema and runs pending migrations, one process at a time (a session advisory lock on one connection). */
  private async migrate(): Promise<void> {
    await this.db.connection().execute(async (conn) => {
      const key = `rashomon-migrate:${this.schema}`;
      await sql`SELECT pg_advisory_lock(hashtext(${key}))`.execute(conn);
      try {
        await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(this.schema)}`.execute(conn);
        const { error, results } = await new Migrator({ db: conn, provider: MIGRATIONS, migrationTableSchema: this.schema }).migrateToLatest();
        if (error) throw new Error(`migration ${results?.find((r) => r.status === "Error")?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await sql`SELECT pg_advisory_unlock(hashtext(${key}))`.execute(conn);
      }
    });
  }

  /**
   * Runs `fn` in one transaction holding the library's write lock; the grouper's state is read and written inside it.
   * Writers of this process queue here first: they share the grouper's state, which follows one transaction at a time.
   */
  private write<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writing.then(() => this.writeNow(fn));
    this.writing = run.then(() => undefined, () => undefined);
    return run;
  }

  private async writeNow<T>(fn: () => Promise<T>): Promise<T> {
    const r = await this.writeLocked(fn);
    if (this.sinceAnalyze >= this.analyzeEvery) {
      this.sinceAnalyze = 0;
      // Best effort: a library whose statistics cannot be refreshed now still works, with the plans it has.
      await sql`ANALYZE documents, group_docs, group_terms, group_nodes, group_links, stories`.execute(this.db).catch(() => {});
    }
    return r;
  }

  private async writeLocked<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('lock_timeout', ${`${this.lockTimeoutMs}ms`}, true)`.execute(trx);
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`rashomon:${this.schema}`}))`.execute(trx);
        this.index.use(trx);
        this.batched.begin();
        const grouping = Number((await sql<{ value: number }>`SELECT value FROM meta WHERE key = 'grouping'`.execute(trx)).rows[0]!.value);
        if (grouping !== GROUPING_VERSION) await this.regroup(trx);
        const r = await fn();
        await this.insertPending(trx);
        await this.batched.flush();
        await sql`UPDATE meta SET value = value + 1 WHERE key = 'generation'`.execute(trx);
        return r;
      });
    } catch (e) {
      this.batched.abort();
      this.pending = [];
      throw pgError(this.url, e);
    } finally {
      this.index.use(this.db);
    }
  }

  /**
   * Writes the documents the batch added, in multi-row statements (before their stories are settled), each with
   * the search vector made before the lock, or made here for a document that was not prepared.
   */
  private async insertPending(trx: Kysely<any>): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    this.sinceAnalyze += rows.length;
    for (let i = 0; i < rows.length; i += 200) {
      await sql`INSERT INTO documents (id, hash, story_id, published, json, input_hash, search) VALUES ${sql.join(rows.slice(i, i + 200).map((r) =>
        sql`(${r.id}, ${r.hash}, ${r.story}, ${r.published}, ${r.json}, ${r.inputHash}, ${r.search === null ? sql`to_tsvector('english', ${r.text})` : sql`${r.search}::tsvector`})`))}`.execute(trx);
    }
  }

  /** Regroups every stored document in arrival order (a library made by an older grouping). */
  private async regroup(trx: Kysely<any>): Promise<void> {
    await sql`DELETE FROM stories`.execute(trx);
    await sql`DELETE FROM group_docs`.execute(trx);
    await sql`DELETE FROM group_terms`.execute(trx);
    await sql`DELETE FROM group_nodes`.execute(trx);
    await sql`DELETE FROM group_links`.execute(trx);
    await sql`DELETE FROM group_edges`.execute(trx);
    await sql`UPDATE meta SET value = 0 WHERE key = 'story_seq'`.execute(trx);
    this.index.reset();
    this.batched.abort();
    this.batched.begin();
    for (let after = -1; ;) {
      const rows = (await sql<{ seq: string; id: string; json: string }>`SELECT seq, id, json FROM documents WHERE seq > ${after} ORDER BY seq LIMIT 500`.execute(trx)).rows;
      for (const r of rows) {
        const story = await this.grouper.add(JSON.parse(r.json) as RashomonDocument);
        await sql`UPDATE documents SET story_id = ${story} WHERE id = ${r.id}`.execute(trx);
      }
      await this.batched.flush();
      this.batched.begin();
      if (rows.length < 500) break;
      after = Number(rows[rows.length - 1]!.seq);
    }
    await sql`UPDATE meta SET value = ${GROUPING_VERSION} WHERE key = 'grouping'`.execute(trx);
  }

  /** Adds documents (sorted by publication time, ties by id), one transaction per batch. */
  async ingest(docs: readonly RashomonDocument[], options: IngestOptions = {}): Promise<IngestResult> {
    if (this.readonly) throw new LibraryError(this.url, "read-only", `library ${shown(this.url)}: opened read-only; open it for writing to ingest`);
    const trx = () => this.index.current;
    return ingestInBatches(docs, options, {
      write: (fn) => this.write(() => fn(this.grouper)),
      grouper: async () => this.grouper,
      prepareBatch: async (batch) => {
        const texts = batch.map(searchText);
        const vectors = await this.read(() => searchVectors(this.db, texts));
        batch.forEach((d, i) => this.ready.set(d, { json: JSON.stringify(d), search: vectors[i]! }));
      },
      hashStored: async (h) => (await sql`SELECT 1 FROM documents WHERE hash = ${h}`.execute(trx())).rows.length > 0,
      storedAmong: async (hashes, ids) => {
        const found = { hashes: new Set<string>(), ids: new Set<string>() };
        if (hashes.length) for (const r of (await sql<{ hash: string }>`SELECT hash FROM documents WHERE hash IN (${sql.join(hashes)})`.execute(trx())).rows) found.hashes.add(r.hash);
        if (ids.length) for (const r of (await sql<{ id: string }>`SELECT id FROM documents WHERE id IN (${sql.join(ids)})`.execute(trx())).rows) found.ids.add(r.id);
        return found;
      },
      idStored: async (id) => (await sql`SELECT 1 FROM documents WHERE id = ${id}`.execute(trx())).rows.length > 0,
      backfillInput: async (h, given) => {
        for (const p of this.pending) if (p.hash === h && p.inputHash === null) p.inputHash = given;
        await sql`UPDATE documents SET input_hash = ${given} WHERE hash = ${h} AND input_hash IS NULL`.execute(trx());
      },
      // Written when the batch ends (insertPending): every check of the batch reads `storedAmong`, which counts them.
      insert: async (d, h, story, given) => {
        const ready = this.ready.get(d);
        this.pending.push({ id: d.id, hash: h, story, published: d.published ?? null, json: ready?.json ?? JSON.stringify(d), inputHash: given, search: ready?.search ?? null, text: ready ? "" : searchText(d) });
      },
      storiesOf: async (ids) => {
        const out = new Map<string, string>();
        for (let i = 0; i < ids.length; i += 500) {
          const rows = await this.read(() => sql<{ id: string; story_id: string }>`SELECT id, story_id FROM documents WHERE id IN (${sql.join(ids.slice(i, i + 500))})`.execute(this.db));
          for (const r of rows.rows) out.set(r.id, r.story_id);
        }
        return out;
      },
    });
  }

  private async read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw pgError(this.url, e);
    }
  }

  async knownInputs(hashes: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < hashes.length; i += 500) {
      const chunk = hashes.slice(i, i + 500);
      const rows = await this.read(() => sql<{ input_hash: string }>`SELECT input_hash FROM documents WHERE input_hash IN (${sql.join(chunk)})`.execute(this.db));
      for (const r of rows.rows) found.add(r.input_hash);
    }
    return found;
  }

  async listStories(): Promise<StorySummary[]> {
    const rows = await this.read(() => sql<StoryRow>`SELECT id, title, size, outlets, first_seen, last_seen FROM stories ORDER BY COALESCE(last_seen, '') DESC, id`.execute(this.db));
    return rows.rows.map(storyRow);
  }

  async queryStories(query: StoryQuery): Promise<StoryPage> {
    return this.read(() => queryStoriesPg(this.db, query));
  }

  async search(text: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    return this.read(() => searchDocumentsPg(this.db, text, options.limit ?? 20));
  }

  async getDocument(id: string): Promise<{ document: RashomonDocument; story: string } | null> {
    return this.read(() => getDocumentPg(this.db, id));
  }

  async generation(): Promise<number> {
    return this.read(() => generationPg(this.db));
  }

  async getStoryView(id: string): Promise<StoredView | null> {
    return this.read(() => getStoryViewPg(this.db, id));
  }

  async putStoryView(id: string, view: StoredView): Promise<void> {
    if (this.readonly) throw new LibraryError(this.url, "read-only", `library ${shown(this.url)}: opened read-only; open it for writing to keep a story's view`);
    await this.read(() => putStoryViewPg(this.db, id, view));
  }

  async storyMembers(id: string): Promise<{ summary: StorySummary; documents: string[] } | null> {
    return this.read(() => storyMembersPg(this.db, id));
  }

  async getStory(id: string): Promise<Story | null> {
    const row = (await this.read(() => sql<StoryRow>`SELECT id, title, size, outlets, first_seen, last_seen FROM stories WHERE id = ${id}`.execute(this.db))).rows[0];
    if (!row) return null;
    const docs = await this.getDocuments(id);
    const s = storyRow(row);
    return { id: s.id, title: s.title, documents: docs.map((d) => d.id), firstSeen: s.firstSeen, lastSeen: s.lastSeen, outlets: s.outlets, lineage: buildLineage(docs) };
  }

  async getDocuments(storyId: string): Promise<RashomonDocument[]> {
    const rows = await this.read(() => sql<{ json: string }>`SELECT json FROM documents WHERE story_id = ${storyId} ORDER BY seq`.execute(this.db));
    return rows.rows.map((r) => JSON.parse(r.json) as RashomonDocument);
  }

  async countDocuments(): Promise<number> {
    return Number((await this.read(() => sql<{ n: string }>`SELECT COUNT(*) AS n FROM documents`.execute(this.db))).rows[0]!.n);
  }

  async check(): Promise<string[]> {
    return this.read(async () => {
      const grouping = Number((await sql<{ value: number }>`SELECT value FROM meta WHERE key = 'grouping'`.execute(this.db)).rows[0]?.value ?? 0);
      return checkTables(this.db, grouping === GROUPING_VERSION);
    });
  }

  /** The library's queue of jobs of one kind (workers take them; see `rashomon worker`). */
  queue<T>(kind: string): WorkQueue<T> {
    return new WorkQueue<T>(this.db, kind);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}


/** Opens a PostgreSQL story library: for writing (creating and migrating it) by default, or read-only. */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  return PostgresStore.open(url, options);
}
