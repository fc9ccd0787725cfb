import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/index.js";
import { syntheticRecords } from "../../src/store/fixtures.js";
import { rashomonAsync, tempDir, writeRecords } from "./library-helpers.js";

const WRITERS = 4;
const PER_WRITER = 500;

/** The stories of a library as sets of document ids (sorted lists, sorted), with what its check says. */
async function partition(db: string): Promise<{ stories: string[][]; problems: string[] }> {
  const store = openSqliteStore(db, { readonly: true });
  try {
    const stories: string[][] = [];
    for (const s of await store.listStories()) stories.push((await store.getDocuments(s.id)).map((d) => d.id).sort());
    return { stories: stories.sort((a, b) => (a[0]! < b[0]! ? -1 : 1)), problems: await store.check() };
  } finally {
    await store.close();
  }
}

describe("concurrent rashomon ingest into one library", () => {
  it(`${WRITERS} processes of ${PER_WRITER} records each: each waits its turn, and the library equals one sequential ingest`, async () => {
    const dir = tempDir();
    try {
      const { records, gold } = syntheticRecords(WRITERS * PER_WRITER);
      // Every file covers every story, so the writers contend for the same stories.
      const files = Array.from({ length: WRITERS }, (_, k) => writeRecords(join(dir, `part-${k}.jsonl`), records.filter((_, i) => i % WRITERS === k)));
      const db = join(dir, "shared.db");

      const started = performance.now();
      const runs = await Promise.all(files.map((f) => rashomonAsync(["ingest", f, "--db", db])));
      const concurrentMs = performance.now() - started;

      const stored = new Set<string>();
      for (const [k, run] of runs.entries()) {
        if (run.code === 0) {
          expect(run.stderr).toContain(`${PER_WRITER} added, 0 already in the library`);
          for (const [i, r] of records.entries()) if (i % WRITERS === k) stored.add(r.id);
        } else {
          // Allowed only when it failed before writing anything, naming the library.
          expect(run.code).toBe(1);
          expect(run.stderr).toContain(db);
          expect(run.stderr).toContain("nothing of this run was stored");
        }
      }
      expect(stored.size).toBeGreaterThan(0);

      const concurrent = await partition(db);
      expect(concurrent.problems).toEqual([]);
      const placed = concurrent.stories.flat();
      expect(placed.length).toBe(new Set(placed).size); // each document in one story only
      expect(new Set(placed)).toEqual(stored); // every document of the processes that exited 0, nothing of the others
      for (const ids of concurrent.stories) expect(new Set(ids.map((id) => gold.get(id))).size).toBe(1);

      // One sequential ingest of the same records (of the processes that exited 0).
      const seqDb = join(dir, "sequential.db");
      const okFiles = files.filter((_, k) => runs[k]!.code === 0);
      const started2 = performance.now();
      const seq = await rashomonAsync(["ingest", ...okFiles, "--db", seqDb]);
      const sequentialMs = performance.now() - started2;
      expect(seq.code).toBe(0);
      const sequential = await partition(seqDb);
      expect(sequential.problems).toEqual([]);
      expect(concurrent.stories).toEqual(sequential.stories);
      console.log(`${WRITERS}x${PER_WRITER} concurrent ingest: ${(concurrentMs / 1000).toFixed(1)} s; sequential ingest of the same: ${(sequentialMs / 1000).toFixed(1)} s`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
