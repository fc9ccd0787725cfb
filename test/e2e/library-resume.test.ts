import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/index.js";
import { syntheticRecords } from "../../src/store/fixtures.js";
import { rashomonAsync, tempDir, writeRecords } from "./library-helpers.js";

/** Documents stored so far (0 while the library or its tables do not exist yet). */
function stored(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

describe("resuming rashomon ingest", () => {
  it("after a kill, a rerun skips the stored inputs before analysing them and completes the library", async () => {
    const dir = tempDir();
    try {
      const n = 600;
      const records = writeRecords(join(dir, "records.jsonl"), syntheticRecords(n).records);
      const db = join(dir, "library.db");
      // Kill (SIGKILL) the first run once a few batches are committed.
      let timer: NodeJS.Timeout | undefined;
      const killed = await rashomonAsync(["ingest", records, "--db", db], {
        started: (child) => {
          timer = setInterval(() => {
            if (stored(db) >= 100) child.kill("SIGKILL");
          }, 20);
        },
      });
      clearInterval(timer);
      expect(killed.code).toBe(-1);
      const partial = stored(db);
      expect(partial).toBeGreaterThanOrEqual(100);
      expect(partial).toBeLessThan(n);

      const rerun = await rashomonAsync(["ingest", records, "--db", db]);
      expect(rerun.code).toBe(0);
      expect(rerun.stderr).toContain(`${n - partial} added, ${partial} already in the library (${partial} not analysed again)`);
      const again = await rashomonAsync(["ingest", records, "--db", db]);
      expect(again.stderr).toContain(`0 added, ${n} already in the library (${n} not analysed again)`);

      const store = openSqliteStore(db, { readonly: true });
      expect(await store.check()).toEqual([]);
      expect(await store.countDocuments()).toBe(n);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("migrates a library from before input hashes, and learns the hashes of its stored inputs on the next run", async () => {
    const dir = tempDir();
    try {
      const { records } = syntheticRecords(60);
      const first = writeRecords(join(dir, "first.jsonl"), records.slice(0, 40));
      const all = writeRecords(join(dir, "all.jsonl"), records);
      const db = join(dir, "old.db");
      expect((await rashomonAsync(["ingest", first, "--db", db])).code).toBe(0);
      // Make it a library as the previous version wrote it: no input_hash column, no meta table.
      const conn = new Database(db);
      conn.exec("DROP INDEX IF EXISTS documents_input; DROP TABLE IF EXISTS meta");
      const columns = conn.pragma("table_info(documents)") as { name: string }[];
      if (columns.some((c) => c.name === "input_hash")) conn.exec("ALTER TABLE documents DROP COLUMN input_hash");
      conn.close();

      const list = await rashomonAsync(["stories", "--db", db, "--format", "json"]);
      expect(list.code).toBe(0); // readers need no migration (and do none)

      const r = await rashomonAsync(["ingest", all, "--db", db]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain("20 added, 40 already in the library (0 not analysed again)");
      const again = await rashomonAsync(["ingest", all, "--db", db]);
      expect(again.stderr).toContain("0 added, 60 already in the library (60 not analysed again)");
      expect((await rashomonAsync(["check", "--db", db])).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
