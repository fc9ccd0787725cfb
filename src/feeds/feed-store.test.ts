import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgresStore, type PostgresStore } from "../store/postgres/index.js";
import { openSqliteStore } from "../store/sqlite/index.js";
import { syntheticDocuments } from "../store/fixtures.js";
import { storyContent, storyTitle } from "./fixtures.js";
import { FeedPoller } from "./poller.js";
import { conditional, rss, startServer } from "./test-server.js";

const dir = mkdtempSync(join(tmpdir(), "rashomon-feed-store-"));
/** The test database (PostgreSQL on 127.0.0.1:5432, trust auth), one fresh schema per test. */
const BASE = process.env.RASHOMON_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const schemas: string[] = [];
const opened: PostgresStore[] = [];
const freshPostgres = (): string => {
  const schema = `rashomon_feeds_${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
  schemas.push(schema);
  return `${BASE}?schema=${schema}`;
};

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const s of opened) await s.close().catch(() => {});
  const c = new pg.Client({ connectionString: BASE });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await c.end();
});

const item = (k: number, link: string) => ({ title: storyTitle(k), link, description: storyContent(k) });

describe("feeds in a PostgreSQL library", () => {
  it("polls conditionally, ingests each item once, records errors, and a read-only handle lists the same feeds", async () => {
    const server = await startServer();
    try {
      const url = freshPostgres();
      const store = await openPostgresStore(url);
      opened.push(store);
      const base = server.base;
      server.route("/feed.xml", conditional(rss("Wire", [item(0, `${base}/a`)]), '"1"', null));
      server.route("/broken.xml", { status: 500 });
      const feed = await store.feeds.addFeed(`${base}/feed.xml`, { intervalSeconds: 60 });
      const broken = await store.feeds.addFeed(`${base}/broken.xml`, { intervalSeconds: 60 });
      let clock = Date.parse("2030-01-01T00:00:00Z");
      const p = new FeedPoller(store, { allowPrivate: true, perHostDelayMs: 0, now: () => clock });
      const round = await p.pollDue();
      expect(round.map((o) => o.status).sort()).toEqual(["error", "ok"]);
      expect(await store.countDocuments()).toBe(1);
      clock += 60_000;
      expect((await p.pollFeed(feed.id)).status).toBe("not-modified");
      server.route("/feed.xml", conditional(rss("Wire", [item(1, `${base}/b`), item(0, `${base}/a?utm_source=x`)]), '"2"', null));
      for (let i = 0; i < 2; i++) await p.pollFeed(feed.id);
      expect(await store.countDocuments()).toBe(2);

      const reader = await openPostgresStore(url, { readonly: true });
      opened.push(reader);
      const feeds = await reader.feeds.listFeeds();
      expect(feeds.map((f) => f.id)).toEqual([feed.id, broken.id]);
      expect(feeds[0]).toMatchObject({ title: "Wire", etag: '"2"', itemsSeen: 2, itemsIngested: 2, consecutiveErrors: 0 });
      expect(feeds[1]).toMatchObject({ lastError: "HTTP 500 Internal Server Error", consecutiveErrors: 1, lastSuccessAt: null });
      await expect(reader.feeds.addFeed(`${base}/other.xml`)).rejects.toThrow(/opened read-only; open it for writing to change its feeds/);
      await expect(reader.feeds.removeFeed(feed.id)).rejects.toThrow(/read-only/);
    } finally {
      await server.close();
    }
  });

  it("a read-only handle on a library from before feeds lists none", async () => {
    const url = freshPostgres();
    const w = await openPostgresStore(url);
    await w.close();
    const c = new pg.Client({ connectionString: BASE });
    await c.connect();
    await c.query(`DROP TABLE "${schemas.at(-1)}".feed_items; DROP TABLE "${schemas.at(-1)}".feeds`);
    await c.end();
    const r = await openPostgresStore(url, { readonly: true });
    opened.push(r);
    expect(await r.feeds.listFeeds()).toEqual([]);
    expect(await r.feeds.getFeed(1)).toBeNull();
    expect(await r.feeds.feedsDue(Date.now())).toEqual([]);
    expect(await r.feeds.seenItems(1, ["https://x.example/"])).toEqual(new Set());
  });
});

describe("feeds in a SQLite library", () => {
  it("a read-only handle lists the feeds and refuses changes; a library from before feeds lists none and gains them when opened for writing", async () => {
    const path = join(dir, "lib.db");
    const w = openSqliteStore(path);
    const f = await w.feeds.addFeed("https://news.example/rss", { intervalSeconds: 120 });
    await w.feeds.markItems(f.id, ["https://news.example/a"]);
    await w.close();
    const r = openSqliteStore(path, { readonly: true });
    expect((await r.feeds.listFeeds()).map((x) => [x.url, x.intervalSeconds])).toEqual([["https://news.example/rss", 120]]);
    expect(await r.feeds.seenItems(f.id, ["https://news.example/a"])).toEqual(new Set(["https://news.example/a"]));
    await expect(r.feeds.addFeed("https://news.example/other")).rejects.toThrow(`library ${path}: opened read-only; open it for writing to change its feeds`);
    await expect(r.feeds.recordPoll(f.id, { at: 0, error: null, nextPollAt: 0 })).rejects.toThrow(/read-only/);
    await r.close();

    // As version 3 left it: no feed tables.
    const old = new Database(path);
    old.exec("DROP TABLE feeds; DROP TABLE feed_items; UPDATE meta SET value = 3 WHERE key = 'schema_version'");
    old.close();
    const ro = openSqliteStore(path, { readonly: true });
    expect(await ro.feeds.listFeeds()).toEqual([]);
    expect(await ro.feeds.getFeed(f.id)).toBeNull();
    expect(await ro.feeds.feedsDue(Date.now())).toEqual([]);
    expect(await ro.feeds.seenItems(f.id, ["https://news.example/a"])).toEqual(new Set());
    await ro.close();
    const migrated = openSqliteStore(path);
    expect(await migrated.feeds.listFeeds()).toEqual([]);
    expect((await migrated.feeds.addFeed("https://news.example/rss")).url).toBe("https://news.example/rss");
    expect(await migrated.check()).toEqual([]);
    await migrated.close();
    const meta = new Database(path, { readonly: true });
    expect((meta.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: number }).value).toBeGreaterThanOrEqual(4);
    meta.close();
  });

  it("feed changes wait for an ingest in flight on the same connection, and survive its rollback", async () => {
    const store = openSqliteStore(join(dir, "shared.db"));
    const { docs } = syntheticDocuments(30);
    await store.ingest(docs.slice(0, 1)); // loads the grouper, so the next ingest reaches its transaction through microtasks only
    // The last document of the batch fails inside the transaction (its text can be read once only): the batch rolls back.
    let reads = 0;
    const failing = { ...docs[29]!, id: "failing", published: "2099-01-01" };
    Object.defineProperty(failing, "text", { get: () => { if (reads++ > 0) throw new Error("disk on fire"); return "Text."; } });
    const ingest = store.ingest([...docs.slice(1, 29), failing], { batchSize: 29 });
    // Its awaits inside the transaction are microtasks: look between them (a bounded number of times).
    const db = (store as unknown as { db: Database.Database }).db;
    for (let i = 0; i < 100_000 && !db.inTransaction; i++) await null;
    expect(db.inTransaction).toBe(true);
    const added = store.feeds.addFeed("https://news.example/while-ingesting");
    await expect(ingest).rejects.toThrow(/disk on fire/);
    await added;
    expect((await store.feeds.listFeeds()).map((x) => x.url)).toEqual(["https://news.example/while-ingesting"]);
    expect(await store.countDocuments()).toBe(1);
    await store.close();
  });
});
