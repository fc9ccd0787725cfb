/**
 * The contract every Store passes. A store's test file calls
 * `storeContract(name, newLibrary)` where `newLibrary()` makes a fresh, empty
 * library and returns `connect`, which opens one more handle onto it each time
 * it is called (its own connection, as another process would have).
 */
import { describe, it, expect } from "vitest";
import type { Store } from "./store.js";
import type { RashomonDocument } from "../model/index.js";
import { plainDocument, syntheticDocuments } from "./fixtures.js";

/** Opens one more handle onto one library. */
export type Connect = () => Promise<Store>;

/** Runs the store contract suite. */
export function storeContract(name: string, newLibrary: () => Promise<Connect>): void {
  const open = async (): Promise<Store> => (await newLibrary())();
  describe(`Store contract: ${name}`, () => {
    it("ingests documents into stories and lists them", async () => {
      const store = await open();
      const { docs, gold } = syntheticDocuments(25);
      const r = await store.ingest(docs, { batchSize: 7 });
      expect(r.added).toBe(25);
      const list = await store.listStories();
      expect(list).toHaveLength(5);
      expect(list.reduce((n, s) => n + s.size, 0)).toBe(25);
      for (const s of list) {
        const members = await store.getDocuments(s.id);
        expect(members).toHaveLength(s.size);
        expect(new Set(members.map((d) => gold.get(d.id))).size).toBe(1);
        expect(s.outlets.length).toBeGreaterThan(0);
        expect(s.firstSeen! <= s.lastSeen!).toBe(true);
      }
      expect(await store.check()).toEqual([]);
      await store.close();
    });

    it("gets one story with documents and lineage", async () => {
      const store = await open();
      const { docs } = syntheticDocuments(10);
      const r = await store.ingest(docs);
      const story = await store.getStory(r.stories["doc-00000"]!);
      expect(story).not.toBeNull();
      expect(story!.documents).toContain("doc-00000");
      expect(story!.lineage!.independentGroups.flat().sort()).toEqual([...story!.documents].sort());
      expect(await store.getStory("no-such-story")).toBeNull();
      expect(await store.getDocuments("no-such-story")).toEqual([]);
      await store.close();
    });

    it("ingesting the same documents again changes nothing", async () => {
      const store = await open();
      const { docs } = syntheticDocuments(15);
      await store.ingest(docs);
      const before = await store.listStories();
      const again = await store.ingest([...docs].reverse());
      expect(again.added).toBe(0);
      expect(again.skipped).toBe(15);
      expect(await store.listStories()).toEqual(before);
      expect(await store.countDocuments()).toBe(15);
      await store.close();
    });

    it("refuses a reused id with a different text and keeps the stored one", async () => {
      const store = await open();
      await store.ingest([plainDocument("x", "Osaka: a magnitude 6.1 earthquake shook the port.", "2025-03-10", null)]);
      const r = await store.ingest([plainDocument("x", "Something else entirely.", "2025-03-11", null)]);
      expect(r.refused.map((x) => x.id)).toEqual(["x"]);
      expect(await store.countDocuments()).toBe(1);
      await store.close();
    });

    it("refuses malformed documents with a reason and stores the rest", async () => {
      const store = await open();
      const good = plainDocument("ok", "Nairobi: the central bank raised its benchmark rate.", "2025-03-10", null);
      const bad = { ...good, id: "bad", text: undefined } as unknown as typeof good;
      const r = await store.ingest([good, bad]);
      expect(r.added).toBe(1);
      expect(r.refused.map((x) => x.id)).toEqual(["bad"]);
      expect(r.refused[0]!.reason).toMatch(/not a document/);
      await store.close();
    });

    it("persists across reopen and keeps grouping new documents into existing stories", async () => {
      const store = await open();
      const { docs, gold } = syntheticDocuments(20);
      await store.ingest(docs.slice(0, 10));
      const r = await store.ingest(docs.slice(10));
      const byStory = new Map<string, Set<number>>();
      for (const [id, s] of Object.entries(r.stories)) {
        if (!byStory.has(s)) byStory.set(s, new Set());
        byStory.get(s)!.add(gold.get(id)!);
      }
      for (const g of byStory.values()) expect(g.size).toBe(1);
      expect((await store.listStories()).length).toBe(5);
      await store.close();
    });

    it("ids are never reused across writers: each batch assigns stories from what is stored", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const { docs, gold } = syntheticDocuments(60);
      const of = (events: number[], part: number) => docs.filter((d, i) => events.includes(gold.get(d.id)!) && Math.floor(i / 30) === part);
      // Each writer starts stories the other has not seen in memory.
      await a.ingest(of([0, 1], 0));
      await b.ingest(of([2, 3], 0));
      await a.ingest([...of([4], 0), ...of([2], 1)]);
      await b.ingest(of([0, 1, 3, 4], 1));
      for (const s of [a, b]) expect(await s.check()).toEqual([]);
      const list = await a.listStories();
      expect(await b.listStories()).toEqual(list);
      expect(list).toHaveLength(5);
      const seen = new Map<string, number>();
      for (const s of list) {
        const members = await b.getDocuments(s.id);
        expect(members).toHaveLength(s.size);
        expect(new Set(members.map((d) => gold.get(d.id))).size).toBe(1);
        for (const d of members) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
      }
      expect(seen.size).toBe(60);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      await a.close();
      await b.close();
    });

    it("batches interleaved by two writers store what one writer storing them in commit order stores", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const single = await open();
      const { docs } = syntheticDocuments(70);
      const batches = [0, 1, 2, 3, 4, 5, 6].map((k) => docs.filter((_, i) => i % 7 === k));
      for (const [k, batch] of batches.entries()) {
        await (k % 2 ? b : a).ingest(batch, { batchSize: 4 });
        await single.ingest(batch, { batchSize: 4 });
      }
      expect(await a.listStories()).toEqual(await single.listStories());
      for (const s of await single.listStories()) {
        expect((await b.getDocuments(s.id)).map((d) => d.id)).toEqual((await single.getDocuments(s.id)).map((d) => d.id));
      }
      expect(await b.check()).toEqual([]);
      for (const s of [a, b, single]) await s.close();
    });

    it("a writer sees what another stored: same documents skipped, related ones join its stories", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const { docs } = syntheticDocuments(20);
      await b.ingest(docs.slice(0, 1));
      const first = await a.ingest(docs.slice(0, 15));
      const again = await b.ingest(docs.slice(0, 15));
      expect(again.added).toBe(0);
      expect(again.skipped).toBe(15);
      // Events 3 and 4, whose stories b has never held in memory.
      const late = await b.ingest(docs.slice(18));
      for (const d of docs.slice(18)) expect(late.stories[d.id]).toBe(first.stories[docs[Number(d.id.slice(4)) % 5]!.id]);
      expect(await a.countDocuments()).toBe(17);
      expect(await a.check()).toEqual([]);
      await a.close();
      await b.close();
    });

    it("knows the inputs of stored documents by their input hash, for every handle", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const { docs } = syntheticDocuments(6);
      const hashes = (ds: RashomonDocument[]) => Object.fromEntries(ds.map((d) => [d.id, `input-of-${d.id}`]));
      await a.ingest(docs.slice(0, 3), { inputHashes: hashes(docs.slice(0, 3)) });
      await a.ingest(docs.slice(3, 5));
      expect(await b.knownInputs([])).toEqual(new Set());
      expect(await b.knownInputs(docs.map((d) => `input-of-${d.id}`))).toEqual(new Set(docs.slice(0, 3).map((d) => `input-of-${d.id}`)));
      // A document stored without its input hash learns it when the input is ingested again.
      const r = await b.ingest([docs[3]!], { inputHashes: hashes([docs[3]!]) });
      expect(r.skipped).toBe(1);
      expect(await a.knownInputs([`input-of-${docs[3]!.id}`])).toEqual(new Set([`input-of-${docs[3]!.id}`]));
      await a.close();
      await b.close();
    });
  });
}
