/**
 * The contract every Store passes. A store's test file calls
 * `storeContract(name, open)` where `open()` gives a fresh, empty store.
 */
import { describe, it, expect } from "vitest";
import type { Store } from "./store.js";
import { plainDocument, syntheticDocuments } from "./fixtures.js";

/** Runs the store contract suite. */
export function storeContract(name: string, open: () => Promise<Store>): void {
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
  });
}
