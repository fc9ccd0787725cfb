import { describe, it, expect } from "vitest";
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { LibraryError, openSqliteStore } from "./index.js";
import { storeContract } from "../store-contract.js";
import { syntheticDocuments } from "../fixtures.js";
import { groupInMemory } from "../../stories/index.js";

const dir = mkdtempSync(join(tmpdir(), "rashomon-store-"));
let n = 0;

storeContract("sqlite", async () => {
  const path = join(dir, `lib-${n++}.db`);
  return async () => openSqliteStore(path);
});

/** A library of `count` synthetic documents, closed. */
async function library(name: string, count: number): Promise<string> {
  const path = join(dir, name);
  const store = openSqliteStore(path);
  await store.ingest(syntheticDocuments(count).docs);
  await store.close();
  return path;
}

/** Makes a library as the first version wrote it: no input_hash column, no meta table. */
function downgrade(conn: Database.Database): void {
  conn.exec("DROP INDEX IF EXISTS documents_input; DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS group_docs; DROP TABLE IF EXISTS group_terms; DROP TABLE IF EXISTS group_edges");
  if ((conn.pragma("table_info(documents)") as { name: string }[]).some((c) => c.name === "input_hash")) conn.exec("ALTER TABLE documents DROP COLUMN input_hash");
}

/** What a write would change: the file's bytes and modification time. */
function fingerprint(path: string): string {
  return `${readFileSync(path).toString("base64")} ${statSync(path).mtimeMs}`;
}

describe("sqlite store", () => {
  it("groups a version-4 library (index terms not stored with its documents) as in memory, through SQL, and stores terms from then on", async () => {
    const path = join(dir, "v4.db");
    const docs = syntheticDocuments(600).docs.map((d, i) => ({ ...d, published: new Date(Date.UTC(2025, 2, 1 + (i % 12), i % 24)).toISOString() }));
    const first = openSqliteStore(path);
    await first.ingest(docs.slice(0, 300));
    await first.close();
    const conn = new Database(path);
    conn.exec("UPDATE group_docs SET terms = NULL; DROP INDEX group_docs_ms; UPDATE meta SET value = 4 WHERE key = 'schema_version'");
    conn.close();
    const store = openSqliteStore(path);
    await store.ingest(docs.slice(300), { batchSize: 100 });
    const partition = (stories: string[][]) => stories.map((ids) => [...ids].sort().join(",")).sort();
    const stored = partition(await Promise.all((await store.listStories()).map(async (s) => (await store.getDocuments(s.id)).map((d) => d.id))));
    expect(stored).toEqual(partition((await groupInMemory(docs)).map((s) => s.documents)));
    expect(await store.check()).toEqual([]);
    await store.close();
    const after = new Database(path, { readonly: true });
    expect(after.prepare("SELECT COUNT(*) AS n FROM group_docs WHERE terms IS NOT NULL").get()).toEqual({ n: 300 });
    expect(after.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get()).toEqual({ value: 5 });
    after.close();
  });

  it("reopens a library file with its stories", async () => {
    const path = join(dir, "reopen.db");
    const a = openSqliteStore(path);
    const { docs } = syntheticDocuments(12);
    await a.ingest(docs);
    const before = await a.listStories();
    await a.close();
    const b = openSqliteStore(path);
    expect(await b.listStories()).toEqual(before);
    const r = await b.ingest(syntheticDocuments(17).docs);
    expect(r.added).toBe(5);
    expect(await b.check()).toEqual([]);
    await b.close();
  });

  it("names the file when it cannot be opened", () => {
    expect(() => openSqliteStore(join(dir, "missing-dir", "x.db"))).toThrow(/missing-dir.*cannot open/);
  });

  it("opens read-only without writing: no WAL switch, no schema, no migration, even on an old rollback-journal library", async () => {
    const path = await library("old.db", 15);
    const conn = new Database(path);
    downgrade(conn);
    conn.pragma("journal_mode = DELETE");
    conn.close();
    chmodSync(path, 0o444);
    const before = fingerprint(path);
    const store = openSqliteStore(path, { readonly: true });
    expect(await store.listStories()).toHaveLength(5);
    expect(await store.countDocuments()).toBe(15);
    expect(await store.check()).toEqual([]);
    await store.close();
    expect(fingerprint(path)).toBe(before);
    const again = openSqliteStore(path, { readonly: true });
    expect(await again.knownInputs(["x"])).toEqual(new Set());
    await expect(again.ingest(syntheticDocuments(20).docs)).rejects.toThrow(/old\.db: opened read-only/);
    await again.close();
    expect(fingerprint(path)).toBe(before);
  });

  it("refuses to create a library when only reading", () => {
    const path = join(dir, "never-created.db");
    expect(() => openSqliteStore(path, { readonly: true })).toThrow(LibraryError);
    expect(() => statSync(path)).toThrow();
  });

  it("migrates an old library when opened for writing, keeping its stories", async () => {
    const path = await library("migrate.db", 15);
    const conn = new Database(path);
    downgrade(conn);
    conn.close();
    const store = openSqliteStore(path);
    const r = await store.ingest(syntheticDocuments(20).docs, { inputHashes: { "doc-00019": "h19" } });
    expect(r.added).toBe(5);
    expect(await store.knownInputs(["h19"])).toEqual(new Set(["h19"]));
    expect(await store.check()).toEqual([]);
    await store.close();
  });

  it("a writer that cannot get the lock in time fails with the library named, having written nothing, and works once it is free", async () => {
    const path = await library("locked.db", 10);
    const holder = new Database(path);
    const store = openSqliteStore(path, { lockTimeoutMs: 100 });
    holder.exec("BEGIN EXCLUSIVE");
    const err = await store.ingest(syntheticDocuments(20).docs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect((err as LibraryError).problem).toBe("locked");
    expect((err as Error).message).toContain(`library ${path}: database is locked; another process is writing to it`);
    holder.exec("ROLLBACK");
    holder.close();
    expect(await store.countDocuments()).toBe(10);
    expect((await store.ingest(syntheticDocuments(20).docs)).added).toBe(10);
    expect(await store.check()).toEqual([]);
    await store.close();
  });

  it("check finds documents moved to a story they do not belong to, even with the sizes right", async () => {
    const path = await library("mixed.db", 20);
    const copy = join(dir, "mixed-copy.db");
    copyFileSync(path, copy);
    const conn = new Database(copy);
    // Swap two documents of different stories: sizes stay right, topics are mixed.
    const [a, b] = conn.prepare("SELECT id, story_id FROM documents WHERE id IN ('doc-00000', 'doc-00001')").all() as { id: string; story_id: string }[];
    conn.prepare("UPDATE documents SET story_id = ? WHERE id = ?").run(b!.story_id, a!.id);
    conn.prepare("UPDATE documents SET story_id = ? WHERE id = ?").run(a!.story_id, b!.id);
    conn.close();
    const store = openSqliteStore(copy, { readonly: true });
    const problems = await store.check();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^2 documents are in another story than their node \(doc-00000 in story-\d, node in story-1, doc-00001/);
    expect(problems[1]).toMatch(/^2 documents are not in the story that a replay .* gives \(doc-00000 in story-\d, replay story-1; doc-00001/);
    await store.close();
  });
});

process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
