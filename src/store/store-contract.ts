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
import { groupInMemory, sortForArrival } from "../stories/index.js";

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

    it("long ingests (past the in-memory index threshold) by one writer or two alternating group as in memory", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const single = await open();
      // 5 events over 24 days, so the index's span moves; every 50th document undated.
      const docs = syntheticDocuments(720).docs.map((d, i) => ({
        ...d, published: i % 50 === 7 ? null : new Date(Date.UTC(2025, 2, 1 + (i % 24), i % 24)).toISOString(),
      }));
      const partition = (stories: string[][]) => stories.map((ids) => [...ids].sort().join(",")).sort();
      const expected = partition((await groupInMemory(docs)).map((s) => s.documents));
      const byStore = async (s: Store) => partition(await Promise.all((await s.listStories()).map(async (x) => (await s.getDocuments(x.id)).map((d) => d.id))));
      await single.ingest(docs, { batchSize: 100 });
      expect(await byStore(single)).toEqual(expected);
      const sorted = sortForArrival(docs);
      for (let k = 0; k * 90 < sorted.length; k++) await (k % 2 ? b : a).ingest(sorted.slice(k * 90, k * 90 + 90), { batchSize: 90 });
      expect(await byStore(a)).toEqual(expected);
      expect(await b.check()).toEqual([]);
      for (const s of [a, b, single]) await s.close();
    }, 120_000);

    it("a long-running writer whose batch adds nothing still sees what another writer stored meanwhile", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      // Events 0-3 by writer a (past the in-memory index threshold), event 4 by writer b, then more of event 4 by a.
      const all = syntheticDocuments(900).docs.map((d, i) => ({ ...d, published: new Date(Date.UTC(2025, 2, 1 + (i % 6), i % 24)).toISOString() }));
      const event = (d: RashomonDocument) => Number(d.id.slice(4)) % 5;
      const early = all.filter((d) => event(d) < 4).slice(0, 400);
      // Dated in the middle of the span writer a holds in memory, so nothing is read again for them.
      const fourth = all.filter((d) => event(d) === 4).map((d, k) => ({ ...d, published: new Date(Date.UTC(2025, 2, 4, 8 + (k % 8))).toISOString() }));
      await a.ingest(early, { batchSize: 100 });
      const byB = await b.ingest(fourth.slice(0, 40));
      await a.ingest(early.slice(0, 50)); // all stored already: nothing grouped in this batch
      const late = await a.ingest(fourth.slice(40, 80));
      const storyOfB = new Set(Object.values(byB.stories));
      expect(storyOfB.size).toBe(1);
      for (const d of fourth.slice(40, 80)) expect(storyOfB.has(late.stories[d.id]!)).toBe(true);
      expect(await a.check()).toEqual([]);
      await a.close();
      await b.close();
    }, 120_000);

    it("ingests started at once through one handle are stored one after the other, consistently", async () => {
      const store = await open();
      const { docs } = syntheticDocuments(90);
      const parts = [0, 1, 2].map((k) => docs.filter((_, i) => i % 3 === k));
      const results = await Promise.all(parts.map((p) => store.ingest(p, { batchSize: 7 })));
      expect(results.reduce((n, r) => n + r.added, 0)).toBe(90);
      expect(await store.countDocuments()).toBe(90);
      expect(await store.check()).toEqual([]);
      await store.close();
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

    it("pages and filters the story listing, searches documents and finds one document, for every handle", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const g0 = await b.generation();
      const { docs } = syntheticDocuments(25);
      const r = await a.ingest(docs, { batchSize: 10 });
      expect(await b.generation()).toBeGreaterThan(g0);
      const all = await b.queryStories({});
      expect(all.total).toBe(5);
      expect(all.stories.map((s) => s.id)).toEqual((await b.listStories()).map((s) => s.id));
      const page = await b.queryStories({ limit: 2, offset: 2 });
      expect(page.total).toBe(5);
      expect(page.stories.map((s) => s.id)).toEqual(all.stories.slice(2, 4).map((s) => s.id));
      // Words in the text (stemmed: "evacuating" finds "evacuate"), not only in titles.
      const fire = await b.queryStories({ text: "residents evacuating" });
      expect(fire.stories.map((s) => s.id)).toEqual([r.stories[docs[0]!.id]]);
      expect((await b.queryStories({ text: "Grindavik" })).stories.map((s) => s.id)).toEqual([r.stories[docs[3]!.id]]);
      expect((await b.queryStories({ text: "zzyzx" })).total).toBe(0);
      expect((await b.queryStories({ text: "\" OR qqq=qqq --" })).total).toBe(0);
      expect((await b.queryStories({ outlet: "outlet 4" })).total).toBe(5);
      expect((await b.queryStories({ outlet: "Nobody" })).total).toBe(0);
      expect((await b.queryStories({ since: "2025-03-13" })).total).toBe(0);
      expect((await b.queryStories({ until: "2025-03-09" })).total).toBe(0);
      expect((await b.queryStories({ since: "2025-03-12", until: "2025-03-12" })).total).toBe(5);
      const hits = await b.search("earthquake bullet trains", { limit: 3 });
      expect(hits).toHaveLength(3);
      for (const h of hits) {
        const found = await b.getDocument(h.document);
        expect(found?.story).toBe(h.story);
        expect(found!.document.text.slice(h.span.start, h.span.end)).toContain("earthquake");
        expect(h.snippet).toContain("earthquake");
      }
      expect(await b.search("")).toEqual([]);
      expect(await b.search("\"*:(")).toEqual([]);
      expect(await b.getDocument("no-such-document")).toBeNull();
      const members = await b.storyMembers(all.stories[0]!.id);
      expect(members?.summary).toEqual(all.stories[0]);
      expect(members?.documents).toEqual((await b.getDocuments(all.stories[0]!.id)).map((d) => d.id));
      expect(await b.storyMembers("story-none")).toBeNull();
      await a.close();
      await b.close();
    });

    it("keeps a story's built view for every handle, replaced when rebuilt, without moving the generation", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const { docs } = syntheticDocuments(5);
      const r = await a.ingest(docs);
      const story = r.stories[docs[0]!.id]!;
      expect(await b.getStoryView(story)).toBeNull();
      const g = await b.generation();
      const view = { key: "k1", builtAt: "2025-03-12T10:00:00Z", view: new Uint8Array([1, 2, 3]), report: new Uint8Array([4, 5]) };
      await a.putStoryView(story, view);
      expect(await b.getStoryView(story)).toEqual(view);
      await a.putStoryView(story, { ...view, key: "k2", report: new Uint8Array([6]) });
      expect(await b.getStoryView(story)).toMatchObject({ key: "k2", report: new Uint8Array([6]) });
      expect(await b.generation()).toBe(g);
      expect(await b.getStoryView("story-none")).toBeNull();
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

  describe(`Feed store contract: ${name}`, () => {
    it("subscribes feeds once per URL, lists and gets them, and refuses a bad URL or interval with the input named", async () => {
      const store = await open();
      const before = Date.now();
      const a = await store.feeds.addFeed("https://news.example/feed.xml", { intervalSeconds: 60 });
      expect(a).toMatchObject({ url: "https://news.example/feed.xml", title: null, intervalSeconds: 60, lastPolledAt: null, lastSuccessAt: null, lastError: null, consecutiveErrors: 0, etag: null, lastModified: null, itemsSeen: 0, itemsIngested: 0 });
      expect(Date.parse(a.nextPollAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(a.nextPollAt).toBe(a.addedAt);
      // The same URL (a fragment does not make another feed) returns the stored record, unchanged.
      expect(await store.feeds.addFeed("https://news.example/feed.xml#top", { intervalSeconds: 600 })).toEqual(a);
      const b = await store.feeds.addFeed("https://other.example/atom");
      expect(b.id).not.toBe(a.id);
      expect(b.intervalSeconds).toBe(900);
      expect((await store.feeds.listFeeds()).map((f) => f.url)).toEqual(["https://news.example/feed.xml", "https://other.example/atom"]);
      expect(await store.feeds.getFeed(b.id)).toEqual(b);
      expect(await store.feeds.getFeed(987654)).toBeNull();
      await expect(store.feeds.addFeed("ftp://news.example/feed")).rejects.toThrow('feed "ftp://news.example/feed": not an http(s) URL');
      await expect(store.feeds.addFeed("not a url")).rejects.toThrow('feed "not a url": not a valid URL');
      await expect(store.feeds.addFeed("https://x.example/", { intervalSeconds: 0 })).rejects.toThrow(/feed interval 0: must be a whole number of seconds/);
      expect(await store.feeds.listFeeds()).toHaveLength(2);
      await store.close();
    });

    it("records polls: success clears the error, failures count up, validators and title kept unless given, counters add", async () => {
      const store = await open();
      const f = await store.feeds.addFeed("https://news.example/rss");
      const t0 = Date.parse("2030-01-01T00:00:00Z");
      let r = await store.feeds.recordPoll(f.id, { at: t0, error: null, nextPollAt: t0 + 900_000, etag: '"v1"', lastModified: "Tue, 01 Jan 2030 00:00:00 GMT", title: "News", itemsSeen: 3, itemsIngested: 2 });
      expect(r).toMatchObject({ lastPolledAt: "2030-01-01T00:00:00.000Z", lastSuccessAt: "2030-01-01T00:00:00.000Z", lastError: null, consecutiveErrors: 0, nextPollAt: "2030-01-01T00:15:00.000Z", etag: '"v1"', lastModified: "Tue, 01 Jan 2030 00:00:00 GMT", title: "News", itemsSeen: 3, itemsIngested: 2 });
      r = await store.feeds.recordPoll(f.id, { at: t0 + 1000, error: "HTTP 500 Internal Server Error", nextPollAt: t0 + 60_000 });
      r = await store.feeds.recordPoll(f.id, { at: t0 + 2000, error: "timed out after 5 s", nextPollAt: t0 + 120_000 });
      expect(r).toMatchObject({ lastPolledAt: "2030-01-01T00:00:02.000Z", lastSuccessAt: "2030-01-01T00:00:00.000Z", lastError: "timed out after 5 s", consecutiveErrors: 2, etag: '"v1"', title: "News", itemsSeen: 3 });
      r = await store.feeds.recordPoll(f.id, { at: t0 + 3000, error: null, nextPollAt: t0 + 903_000, etag: null, itemsSeen: 1, itemsIngested: 1 });
      expect(r).toMatchObject({ lastSuccessAt: "2030-01-01T00:00:03.000Z", lastError: null, consecutiveErrors: 0, etag: null, lastModified: "Tue, 01 Jan 2030 00:00:00 GMT", itemsSeen: 4, itemsIngested: 3 });
      expect(await store.feeds.recordPoll(987654, { at: t0, error: null, nextPollAt: t0 })).toBeNull();
      await store.close();
    });

    it("lists the feeds due, soonest first, as every handle sees them", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const t0 = Date.parse("2030-01-01T00:00:00Z");
      const [x, y, z] = [await a.feeds.addFeed("https://x.example/feed"), await a.feeds.addFeed("https://y.example/feed"), await a.feeds.addFeed("https://z.example/feed")];
      await a.feeds.recordPoll(x.id, { at: t0, error: null, nextPollAt: t0 + 2000 });
      await a.feeds.recordPoll(y.id, { at: t0, error: null, nextPollAt: t0 + 1000 });
      await a.feeds.recordPoll(z.id, { at: t0, error: null, nextPollAt: t0 + 5000 });
      expect(await b.feeds.feedsDue(t0 + 999)).toEqual([]);
      expect((await b.feeds.feedsDue(t0 + 2000)).map((f) => f.id)).toEqual([y.id, x.id]);
      expect((await b.feeds.listFeeds()).map((f) => f.id)).toEqual([x.id, y.id, z.id]);
      await a.close();
      await b.close();
    });

    it("remembers the items each feed handled, and forgets them with the feed", async () => {
      const connect = await newLibrary();
      const [a, b] = [await connect(), await connect()];
      const f = await a.feeds.addFeed("https://news.example/rss");
      const g = await a.feeds.addFeed("https://news.example/other");
      expect(await a.feeds.seenItems(f.id, [])).toEqual(new Set());
      await a.feeds.markItems(f.id, ["https://news.example/a", "https://news.example/b"]);
      await a.feeds.markItems(f.id, ["https://news.example/b", "https://news.example/c"]);
      await a.feeds.markItems(f.id, []);
      expect(await b.feeds.seenItems(f.id, ["https://news.example/a", "https://news.example/c", "https://news.example/d"])).toEqual(new Set(["https://news.example/a", "https://news.example/c"]));
      expect(await b.feeds.seenItems(g.id, ["https://news.example/a"])).toEqual(new Set());
      const many = Array.from({ length: 1200 }, (_, i) => `https://news.example/item-${i}`);
      await b.feeds.markItems(g.id, many);
      expect((await a.feeds.seenItems(g.id, [...many, "https://news.example/a"])).size).toBe(1200);
      expect(await b.feeds.removeFeed(f.id)).toBe(true);
      expect(await b.feeds.removeFeed(f.id)).toBe(false);
      expect(await a.feeds.getFeed(f.id)).toBeNull();
      expect(await a.feeds.seenItems(f.id, ["https://news.example/a"])).toEqual(new Set());
      // Marking items of a removed feed records nothing, and a feed added again starts afresh.
      await a.feeds.markItems(f.id, ["https://news.example/a"]);
      const again = await a.feeds.addFeed("https://news.example/rss");
      expect(again.id).not.toBe(f.id);
      expect(await a.feeds.seenItems(again.id, ["https://news.example/a"])).toEqual(new Set());
      await a.close();
      await b.close();
    });
  });
}
