import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import { MIGRATIONS } from "./migrations.js";
import { storeContract } from "../store-contract.js";
import { syntheticDocuments } from "../fixtures.js";
import { LibraryError } from "../sqlite/errors.js";
import { openPostgresStore, type PostgresStore } from "./index.js";

/** The test database (PostgreSQL on 127.0.0.1:5432, trust auth; `.ci/run` starts it). */
const BASE = process.env.RASHOMON_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const run = `t${process.pid}_${Date.now().toString(36)}`;
const schemas: string[] = [];
const opened: PostgresStore[] = [];

/** A URL of a fresh, empty library (its own schema). */
function freshLibrary(): string {
  const schema = `rashomon_${run}_${schemas.length}`;
  schemas.push(schema);
  return `${BASE}?schema=${schema}`;
}

storeContract("postgres", async () => {
  const url = freshLibrary();
  return async () => {
    const s = await openPostgresStore(url);
    opened.push(s);
    return s;
  };
});

describe("postgres store", () => {
  it("migrates once: reopening a library keeps its documents and stories", async () => {
    const url = freshLibrary();
    const a = await openPostgresStore(url);
    await a.ingest(syntheticDocuments(12).docs);
    const stories = await a.listStories();
    await a.close();
    const b = await openPostgresStore(url);
    expect(await b.countDocuments()).toBe(12);
    expect(await b.listStories()).toEqual(stories);
    expect(await b.check()).toEqual([]);
    await b.close();
  });

  it("stores each document's search vector, and gives one to documents of a library made before the column (migration 0009)", async () => {
    const url = freshLibrary();
    const schema = url.split("schema=")[1]!;
    // A library at migration 0008, holding one document as that version wrote it.
    const pool = new pg.Pool({ connectionString: BASE, max: 1, options: `-c search_path=${schema}` });
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
    const { error } = await new Migrator({ db, provider: MIGRATIONS, migrationTableSchema: schema }).migrateTo("0008-doc-terms");
    expect(error).toBeUndefined();
    const old = { id: "old-1", text: "Harbour cranes idle as dockworkers strike.", title: "Dockworkers strike", paragraphs: [] };
    await sql`INSERT INTO documents (id, hash, story_id, published, json) VALUES ('old-1', 'h-old-1', 'story-1', NULL, ${JSON.stringify(old)})`.execute(db);

    const s = await openPostgresStore(url);
    opened.push(s);
    expect((await s.search("dockworkers")).map((h) => h.document)).toEqual(["old-1"]);
    const { docs } = syntheticDocuments(6);
    await s.ingest(docs);
    const word = docs[0]!.text.split(/\W+/).find((w) => w.length > 6)!;
    expect((await s.search(word)).map((h) => h.document)).toContain(docs[0]!.id);
    // Every stored vector is the one PostgreSQL makes from the title and text.
    const bad = await sql<{ id: string }>`SELECT id FROM documents WHERE search IS DISTINCT FROM
      to_tsvector('english', coalesce((json::jsonb)->>'title', '') || ' ' || coalesce((json::jsonb)->>'text', ''))`.execute(db);
    await db.destroy();
    expect(bad.rows).toEqual([]);
  });

  it("refreshes the planner's statistics on its tables as it stores documents (a server may run without autovacuum)", async () => {
    const url = freshLibrary();
    const s = await openPostgresStore(url, { analyzeEvery: 30 });
    opened.push(s);
    const schema = new URL(url).searchParams.get("schema");
    const analyzed = async () => {
      const c = new pg.Client({ connectionString: BASE });
      await c.connect();
      const r = await c.query("SELECT relname FROM pg_stat_user_tables WHERE schemaname = $1 AND last_analyze IS NOT NULL ORDER BY relname", [schema]);
      await c.end();
      return r.rows.map((x: { relname: string }) => x.relname);
    };
    const docs = syntheticDocuments(40).docs;
    await s.ingest(docs.slice(0, 20));
    expect(await analyzed()).toEqual([]);
    await s.ingest(docs.slice(20));
    expect(await analyzed()).toEqual(["documents", "group_docs", "group_links", "group_nodes", "group_terms", "stories"]);
  });

  it("names the library in errors: no server, no library in a schema opened read-only", async () => {
    const err = await openPostgresStore("postgres://postgres@127.0.0.1:1/test").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as Error).message).toMatch(/^library postgres:\/\/postgres@127\.0\.0\.1:1\/test: cannot connect/);
    const url = freshLibrary();
    const ro = await openPostgresStore(url, { readonly: true }).catch((e: unknown) => e);
    expect((ro as LibraryError).problem).toBe("not-a-library");
    expect((ro as Error).message).toContain(url.split("?")[1]!);
  });

  it("four writers at once store every document exactly once, in consistent stories", async () => {
    const url = freshLibrary();
    const writers = await Promise.all([0, 1, 2, 3].map(() => openPostgresStore(url)));
    const { docs, gold } = syntheticDocuments(80);
    await Promise.all(writers.map((w, k) => w.ingest(docs.filter((_, i) => i % 4 === k), { batchSize: 5 })));
    expect(await writers[0]!.countDocuments()).toBe(80);
    expect(await writers[1]!.check()).toEqual([]);
    const list = await writers[2]!.listStories();
    expect(list).toHaveLength(5);
    for (const s of list) expect(new Set((await writers[3]!.getDocuments(s.id)).map((d) => gold.get(d.id))).size).toBe(1);
    for (const w of writers) await w.close();
  });
});

afterAll(async () => {
  for (const s of opened) await s.close().catch(() => {});
  const c = new pg.Client({ connectionString: BASE });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await c.end();
});
