/**
 * Stories do not depend on who else is in the library, nor on arrival order,
 * batches or writers: the seeds plus the ECB+ development documents give the
 * same story partition ingested in one call, batch by batch in reverse and in
 * shuffled order, by four writers at once (SQLite and PostgreSQL), after
 * unrelated documents (the ECB+ training topics), and through `analyze`.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { RashomonDocument } from "../../src/model/index.js";
import { analyze } from "../../src/pipeline/index.js";
import { groupStories } from "../../src/stories/index.js";
import { openPostgresStore, openSqliteStore, type Store } from "../../src/store/index.js";
import { plainDocument } from "../../src/store/fixtures.js";

const ECB = new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url);
const SEEDS = new URL("../../../shared/seeds/", import.meta.url);
const PG = process.env.RASHOMON_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const dir = mkdtempSync(join(tmpdir(), "rashomon-determinism-"));
const schemas: string[] = [];

interface EcbDoc { doc_id: string; split: string; text: string }
const ecb = readFileSync(ECB, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);
const asDoc = (d: EcbDoc) => plainDocument(d.doc_id, d.text, null, null);
const seeds = (await analyze([SEEDS.pathname], {})).documents;
const docs: RashomonDocument[] = [...seeds, ...ecb.filter((d) => d.split === "dev").map(asDoc)];
const unrelated = ecb.filter((d) => d.split === "train").map(asDoc);
const ours = new Set(docs.map((d) => d.id));

/** A deterministic shuffle (mulberry32). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The library's partition of our documents: sorted lists of sorted ids. */
async function partition(store: Store): Promise<string[][]> {
  const out: string[][] = [];
  for (const s of await store.listStories()) {
    const ids = (await store.getDocuments(s.id)).map((d) => d.id).filter((id) => ours.has(id)).sort();
    if (ids.length) out.push(ids);
  }
  expect(await store.check()).toEqual([]);
  return out.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function sqlite(): Store {
  return openSqliteStore(join(dir, `lib-${Math.random().toString(36).slice(2)}.db`));
}

async function postgres(): Promise<string> {
  const schema = `rashomon_det_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  return `${PG}?schema=${schema}`;
}

/** Ingests in batches of `size`, one call each (as `rashomon ingest` runs do). */
async function inBatches(store: Store, list: readonly RashomonDocument[], size: number): Promise<void> {
  for (let i = 0; i < list.length; i += size) await store.ingest(list.slice(i, i + size));
}

describe("stories do not wobble", { timeout: 300_000 }, () => {
  let reference: string[][];

  it("one process, one call: the reference partition (the seeds are one story)", async () => {
    const store = sqlite();
    await store.ingest(docs);
    reference = await partition(store);
    expect(reference.find((p) => p.includes(seeds[0]!.id))).toEqual(seeds.map((d) => d.id).sort());
    expect(reference.length).toBeGreaterThan(10);
    await store.close();
  });

  it("batch by batch in reverse order, and in two shuffled orders", async () => {
    for (const order of [[...docs].reverse(), shuffled(docs, 1), shuffled(docs, 2)]) {
      const store = sqlite();
      await inBatches(store, order, 7);
      expect(await partition(store)).toEqual(reference);
      await store.close();
    }
  });

  it("after unrelated documents (the ECB+ training topics), in the same library", async () => {
    const store = sqlite();
    await inBatches(store, shuffled(unrelated, 3), 50);
    await inBatches(store, shuffled(docs, 4), 25);
    expect(await partition(store)).toEqual(reference);
    await store.close();
  });

  it("four writers at once, on SQLite and on PostgreSQL", async () => {
    const path = join(dir, "four.db");
    const url = await postgres();
    for (const open of [async () => openSqliteStore(path), () => openPostgresStore(url)]) {
      const writers: Store[] = [];
      for (let k = 0; k < 4; k++) writers.push(await open());
      const order = shuffled(docs, 5);
      await Promise.all(writers.map((w, k) => inBatches(w, order.filter((_, i) => i % 4 === k), 5)));
      expect(await partition(writers[0]!)).toEqual(reference);
      for (const w of writers) await w.close();
    }
  });

  it("analyze (in memory) gives the same stories as the library", async () => {
    const stories = await groupStories(shuffled(docs, 6));
    expect(stories.map((s) => [...s.documents].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1))).toEqual(reference);
  });
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await c.end();
});
