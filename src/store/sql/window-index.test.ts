import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleText, generateSpecs } from "../../../bench/stream/generate.js";
import { groupInMemory } from "../../stories/index.js";
import { plainDocument } from "../fixtures.js";
import { openSqliteStore } from "../sqlite/index.js";
import type { Store } from "../store.js";
import { MIRROR_AFTER } from "./window-index.js";

const dir = mkdtempSync(join(tmpdir(), "rashomon-window-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A dense generated day and a half (~1,300 dated articles, hundreds of candidates each): past MIRROR_AFTER
// documents a writer finds candidates in its in-memory window and compares with them by window slot.
// The library keeps one of two identical texts, so the reference is grouped from the same distinct texts.
const texts = new Set<string>();
const docs = generateSpecs(1300, 1.5, 11)
  .map((sp) => plainDocument(sp.id, articleText(sp), new Date(sp.time).toISOString(), null))
  .filter((d) => !texts.has(d.text) && !!texts.add(d.text));

/** Sorted lists of sorted ids. */
const canonical = (groups: string[][]) => groups.map((g) => [...g].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

async function partition(store: Store): Promise<string[][]> {
  const out: string[][] = [];
  for (const s of await store.listStories()) out.push((await store.getDocuments(s.id)).map((d) => d.id));
  expect(await store.check()).toEqual([]);
  return canonical(out);
}

describe("the writer's window mirror", { timeout: 120_000 }, () => {
  it("gives the stories of grouping in memory, for one writer and for two taking turns (comparisons made ahead)", async () => {
    expect(docs.length).toBeGreaterThan(3 * MIRROR_AFTER);
    const reference = canonical((await groupInMemory(docs)).map((s) => s.documents));
    expect(reference.length).toBeGreaterThan(30);

    const one = openSqliteStore(join(dir, "one.db"));
    for (let i = 0; i < docs.length; i += 100) await one.ingest(docs.slice(i, i + 100));
    expect(await partition(one)).toEqual(reference);
    await one.close();

    // Two handles on one library, batches in turn: each syncs the other's documents and compares ahead with its window.
    const path = join(dir, "two.db");
    const writers = [openSqliteStore(path), openSqliteStore(path)];
    for (let i = 0, k = 0; i < docs.length; i += 60, k++) await writers[k % 2]!.ingest(docs.slice(i, i + 60));
    expect(await partition(writers[0]!)).toEqual(reference);
    for (const w of writers) await w.close();
  });
});
