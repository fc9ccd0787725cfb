/**
 * `rashomon serve --queue` on a PostgreSQL library: added documents are queued
 * (202, committed to the queue) and `rashomon worker` processes store them;
 * the server's pages then show the story. On SQLite, --queue is refused.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openPostgresStore } from "../../src/store/index.js";
import { membersKey } from "../../src/store/queries.js";
import { rashomonAsync } from "./library-helpers.js";
import { postJson, seedRecords, startServe } from "./serve-helpers.js";

const PG = process.env.RASHOMON_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

describe("rashomon serve --queue", { timeout: 180_000 }, () => {
  it("queues added documents for the workers, which store them as one story", async () => {
    const schema = `serve_queue_${process.pid}`;
    const db = `${PG}?schema=${schema}`;
    const serve = await startServe(db, ["--queue", "--no-feeds"]);
    try {
      const r = await postJson(`${serve.url}/api/v1/documents`, { records: seedRecords() });
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ queued: 5, failed: [] });
      expect((await (await fetch(`${serve.url}/api/v1/health`)).json()).documents).toBe(0);
      const worker = await rashomonAsync(["worker", "--db", db, "--until-empty", "-q"]);
      expect(worker.code, worker.stderr).toBe(0);
      // The server sees what another process stored (its watcher reads the library's generation).
      await expect.poll(async () => (await (await fetch(`${serve.url}/api/v1/stories`)).json()).stories.map((s: { size: number }) => s.size), { timeout: 10_000 }).toEqual([5]);
      // The worker built the story's view when its run ended: stored, current, and what `rashomon story` prints.
      const store = await openPostgresStore(db, { readonly: true });
      const [story] = (await store.listStories()).map((s) => s.id);
      const members = await store.storyMembers(story!);
      expect((await store.getStoryView(story!))?.key).toBe(membersKey(members!.documents));
      await store.close();
      const printed = await rashomonAsync(["story", story!, "--db", db, "--format", "json"]);
      expect(JSON.parse(printed.stdout).stories[0].summary.length).toBeGreaterThan(0);
    } finally {
      await serve.stop();
      const client = new pg.Client(PG);
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  it("refuses --queue on a SQLite library, naming it", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "rashomon-queue-")), "lib.db");
    const r = await rashomonAsync(["serve", "--db", db, "--queue", "--port", "0"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--queue needs a PostgreSQL library/);
  });
});
