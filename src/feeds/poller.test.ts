import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../store/sqlite/index.js";
import { storyContent, storyPage, storyTitle } from "./fixtures.js";
import { FeedPoller, backoffSeconds, type FeedPollerOptions } from "./poller.js";
import { conditional, rss, startServer, type TestServer } from "./test-server.js";

const dir = mkdtempSync(join(tmpdir(), "rashomon-feeds-"));
let n = 0;
let server: TestServer;
let store: SqliteStore;
/** The poller's clock (a fixed time, moved by the tests). */
let clock: number;

beforeEach(async () => {
  server = await startServer();
  store = openSqliteStore(join(dir, `lib-${n++}.db`));
  clock = Date.parse("2030-01-01T00:00:00Z");
});
afterEach(async () => {
  await store.close();
  await server.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const poller = (o: FeedPollerOptions = {}): FeedPoller => new FeedPoller(store, { allowPrivate: true, perHostDelayMs: 0, timeoutMs: 5000, now: () => clock, ...o });
const requestsTo = (path: string) => server.log.filter((r) => r.path === path);
const item = (k: number, link: string) => ({ title: storyTitle(k), link, date: `Mon, 0${k + 1} Jun 2029 10:00:00 GMT`, description: storyContent(k) });

describe("feed poller", () => {
  it("asks conditionally: a 304 re-ingests nothing, a new item is ingested once however often polled, and a tracking-param link is the same item", async () => {
    const base = server.base;
    const v1 = [item(0, `${base}/news/quake`), item(1, `${base}/news/rates`)];
    server.route("/feed.xml", conditional(rss("Wire", v1), '"v1"', "Mon, 01 Jun 2029 10:00:00 GMT"));
    const feed = await store.feeds.addFeed(`${base}/feed.xml`, { intervalSeconds: 60 });
    const ingested: string[] = [];
    const p = poller({ onIngested: (docs) => ingested.push(...docs.map((d) => d.id)) });

    const first = await p.pollFeed(feed.id);
    expect(first).toMatchObject({ status: "ok", newItems: 2, ingested: 2, error: null });
    expect(await store.countDocuments()).toBe(2);
    expect(first.feed).toMatchObject({
      title: "Wire", etag: '"v1"', lastModified: "Mon, 01 Jun 2029 10:00:00 GMT", itemsSeen: 2, itemsIngested: 2,
      lastPolledAt: "2030-01-01T00:00:00.000Z", lastSuccessAt: "2030-01-01T00:00:00.000Z", nextPollAt: "2030-01-01T00:01:00.000Z", consecutiveErrors: 0,
    });
    expect(ingested).toHaveLength(2);
    const docs = (await Promise.all((await store.listStories()).map((s) => store.getDocuments(s.id)))).flat();
    expect(docs.map((d) => d.url).sort()).toEqual([`${base}/news/quake`, `${base}/news/rates`]);
    expect(docs.every((d) => d.outlet === "Wire")).toBe(true);

    clock += 60_000;
    const second = await p.pollFeed(feed.id);
    expect(second.status).toBe("not-modified");
    expect(requestsTo("/feed.xml")[1]!.headers["if-none-match"]).toBe('"v1"');
    expect(requestsTo("/feed.xml")[1]!.headers["if-modified-since"]).toBe("Mon, 01 Jun 2029 10:00:00 GMT");
    expect(requestsTo("/feed.xml")[1]!.status).toBe(304);
    expect(second.feed).toMatchObject({ itemsSeen: 2, itemsIngested: 2, lastSuccessAt: "2030-01-01T00:01:00.000Z", etag: '"v1"' });
    expect(await store.countDocuments()).toBe(2);

    // A new item appears: it alone is ingested, and polls after it change nothing.
    server.route("/feed.xml", conditional(rss("Wire", [item(2, `${base}/news/fire`), ...v1]), '"v2"', "Tue, 02 Jun 2029 10:00:00 GMT"));
    for (let i = 0; i < 3; i++) {
      clock += 60_000;
      const r = await p.pollFeed(feed.id);
      expect(r.status).toBe(i === 0 ? "ok" : "not-modified");
      expect(r.ingested).toBe(i === 0 ? 1 : 0);
    }
    expect(await store.countDocuments()).toBe(3);
    expect(ingested).toHaveLength(3);

    // The same item under a tracking-parameter link (and a fragment), in a changed feed: nothing new.
    server.route("/feed.xml", conditional(rss("Wire", [item(2, `${base}/news/fire?utm_source=rss&utm_medium=feed&fbclid=x#top`), ...v1]), '"v3"', null));
    clock += 60_000;
    const variant = await p.pollFeed(feed.id);
    expect(variant).toMatchObject({ status: "ok", newItems: 0, ingested: 0 });
    expect(variant.feed).toMatchObject({ etag: '"v3"', lastModified: null, itemsSeen: 3, itemsIngested: 3 });
    expect(await store.countDocuments()).toBe(3);
    expect(requestsTo("/feed.xml")).toHaveLength(6);
  });

  it("a feed that ignores validators is read in full each time and still ingests each item once", async () => {
    server.route("/plain.xml", { headers: { "content-type": "application/rss+xml" }, body: rss("Plain", [item(3, `${server.base}/copper`)]) });
    const feed = await store.feeds.addFeed(`${server.base}/plain.xml`);
    const p = poller();
    expect((await p.pollFeed(feed.id)).ingested).toBe(1);
    const again = await p.pollFeed(feed.id);
    expect(again).toMatchObject({ status: "ok", newItems: 0, ingested: 0 });
    expect(again.feed).toMatchObject({ etag: null, lastModified: null, itemsSeen: 1, itemsIngested: 1 });
    expect(requestsTo("/plain.xml").map((r) => r.status)).toEqual([200, 200]);
    expect(await store.countDocuments()).toBe(1);
  });

  it("handles at most maxItemsPerPoll new items a poll, and the rest at the next (the feed read in full again)", async () => {
    server.route("/big.xml", conditional(rss("Big", [0, 1, 2].map((k) => item(k, `${server.base}/n/${k}`))), '"b"', null));
    const feed = await store.feeds.addFeed(`${server.base}/big.xml`);
    const p = poller({ maxItemsPerPoll: 2 });
    expect(await p.pollFeed(feed.id)).toMatchObject({ status: "ok", newItems: 2, ingested: 2, feed: { etag: null } });
    expect(await p.pollFeed(feed.id)).toMatchObject({ status: "ok", newItems: 1, ingested: 1, feed: { etag: '"b"', itemsSeen: 3 } });
    expect((await p.pollFeed(feed.id)).status).toBe("not-modified");
    expect(await store.countDocuments()).toBe(3);
  });

  it("fetches the page of an item without content, keys it by the page's canonical link, retries a page that failed for now, and gives up on a missing one", async () => {
    const base = server.base;
    let flaky = 0;
    server.route("/feed.xml", conditional(rss("Pages", [
      { title: storyTitle(4), link: `${base}/article/volcano?utm_campaign=feed` },
      { title: storyTitle(4), link: `${base}/amp/volcano` },
      { title: "Gone", link: `${base}/missing` },
      { title: storyTitle(5), link: `${base}/article/housing` },
    ]), '"p1"', null));
    server.route("/article/volcano", { body: storyPage(4, "/story/volcano#main") });
    server.route("/amp/volcano", { body: storyPage(4, `${base}/story/volcano`) });
    server.route("/article/housing", () => (++flaky === 1 ? { status: 503, body: "busy" } : { body: storyPage(5) }));
    const feed = await store.feeds.addFeed(`${base}/feed.xml`);
    const p = poller();

    const first = await p.pollFeed(feed.id);
    expect(first).toMatchObject({ status: "ok", newItems: 3, ingested: 1 });
    expect(first.itemErrors.map((e) => e.reason)).toEqual([
      `${base}/missing: HTTP 404 Not Found`,
      `${base}/article/housing: HTTP 503 Service Unavailable; tried again at the next poll`,
    ]);
    // The tracking parameters are not sent, and the AMP copy is not ingested again: its canonical link is handled.
    expect(server.log.map((r) => r.path)).toEqual(["/feed.xml", "/article/volcano", "/amp/volcano", "/missing", "/article/housing"]);
    const [story] = await store.listStories();
    const [doc] = await store.getDocuments(story!.id);
    expect(doc!.url).toBe(`${base}/story/volcano`);
    expect(doc!.title).toBe(storyTitle(4));
    // A page is left for later: the validators are not kept, so the next poll reads the feed in full.
    expect(first.feed.etag).toBeNull();

    const second = await p.pollFeed(feed.id);
    expect(second).toMatchObject({ status: "ok", newItems: 1, ingested: 1, itemErrors: [] });
    expect(second.feed).toMatchObject({ etag: '"p1"', itemsSeen: 4, itemsIngested: 2 });
    expect(server.log.slice(5).map((r) => `${r.path} ${r.status}`)).toEqual(["/feed.xml 200", "/article/housing 200"]);
    const third = await p.pollFeed(feed.id);
    expect(third.status).toBe("not-modified");
    expect(await store.countDocuments()).toBe(2);
  });

  it("backs off from failing feeds (500, malformed XML, timeout, Retry-After), records their errors, and polls the others as usual", async () => {
    const base = server.base;
    let broken = true;
    server.route("/good.xml", conditional(rss("Good", [item(0, `${base}/a`)]), '"g"', null));
    server.route("/error.xml", () => (broken ? { status: 500 } : { headers: { "content-type": "application/rss+xml" }, body: rss("Mended", [item(1, `${base}/b`)]) }));
    server.route("/malformed.xml", { headers: { "content-type": "application/rss+xml" }, body: "<rss><channel><title>Bad</title><item><title>x</item></channel>" });
    server.route("/slow.xml", { hang: true });
    server.route("/busy.xml", { status: 503, headers: { "retry-after": "3600" } });
    const add = (path: string) => store.feeds.addFeed(`${base}${path}`, { intervalSeconds: 60 });
    const [good, error, malformed, slow, busy] = [await add("/good.xml"), await add("/error.xml"), await add("/malformed.xml"), await add("/slow.xml"), await add("/busy.xml")];
    const errors: string[] = [];
    const p = poller({ timeoutMs: 300, maxBackoffSeconds: 200, onError: (m) => errors.push(m) });
    const t0 = clock;

    const round = await p.pollDue();
    const by = new Map(round.map((o) => [o.feed.id, o]));
    expect(by.get(good.id)).toMatchObject({ status: "ok", ingested: 1 });
    expect(by.get(error.id)).toMatchObject({ status: "error", error: "HTTP 500 Internal Server Error" });
    expect(by.get(malformed.id)!.error).toMatch(/^not a valid feed \(.+\)$/);
    expect(by.get(slow.id)!.error).toBe("timed out after 300 ms");
    expect(by.get(busy.id)!.error).toBe("HTTP 503 Service Unavailable");
    expect(errors).toContain(`feed ${base}/error.xml: HTTP 500 Internal Server Error`);
    const status = async (id: number) => (await store.feeds.getFeed(id))!;
    expect(await status(error.id)).toMatchObject({ lastError: "HTTP 500 Internal Server Error", consecutiveErrors: 1, lastSuccessAt: null, nextPollAt: new Date(t0 + 120_000).toISOString() });
    expect(await status(slow.id)).toMatchObject({ lastError: "timed out after 300 ms", consecutiveErrors: 1 });
    expect((await status(busy.id)).nextPollAt).toBe(new Date(t0 + 3600_000).toISOString());
    expect(await status(good.id)).toMatchObject({ lastError: null, consecutiveErrors: 0, nextPollAt: new Date(t0 + 60_000).toISOString() });

    // A minute later only the good feed is due; two minutes later the failing ones too, and their wait doubles up to the cap.
    clock = t0 + 60_000;
    expect((await p.pollDue()).map((o) => [o.feed.id, o.status])).toEqual([[good.id, "not-modified"]]);
    clock = t0 + 120_000;
    expect((await p.pollDue()).map((o) => o.feed.id).sort()).toEqual([good.id, error.id, malformed.id, slow.id].sort());
    expect(await status(error.id)).toMatchObject({ consecutiveErrors: 2, nextPollAt: new Date(t0 + 120_000 + 200_000).toISOString() });
    expect(await status(malformed.id)).toMatchObject({ consecutiveErrors: 2 });

    // Mended: the next poll succeeds and clears the error.
    broken = false;
    clock = t0 + 320_000;
    const mended = await p.pollFeed(error.id);
    expect(mended.feed).toMatchObject({ lastError: null, consecutiveErrors: 0, title: "Mended", itemsIngested: 1, lastSuccessAt: new Date(t0 + 320_000).toISOString() });
    expect(await store.countDocuments()).toBe(2);
  });

  it("computes the backoff: doubling per failure, capped, never below the interval, Retry-After honoured up to a day", () => {
    expect([1, 2, 3, 4, 5].map((e) => backoffSeconds(60, e, 600))).toEqual([120, 240, 480, 600, 600]);
    expect(backoffSeconds(3600, 1, 600)).toBe(3600);
    expect(backoffSeconds(60, 1, 600, 7200)).toBe(7200);
    expect(backoffSeconds(60, 1, 600, 10 ** 9)).toBe(86400);
    expect(backoffSeconds(60, 1000, 600)).toBe(600);
  });

  it("never overlaps requests to one host and spaces them by the delay, while another host is polled meanwhile", async () => {
    const other = await startServer();
    try {
      for (const s of [server, other]) {
        for (const f of ["/a.xml", "/b.xml"]) {
          s.route(f, { headers: { "content-type": "application/rss+xml" }, body: rss(`Feed ${f}`, [{ title: storyTitle(0), link: `${s.base}${f}/page-1` }, { title: storyTitle(1), link: `${s.base}${f}/page-2` }]) });
          s.route(`${f}/page-1`, { body: storyPage(f === "/a.xml" ? 0 : 2) });
          s.route(`${f}/page-2`, { body: storyPage(f === "/a.xml" ? 1 : 3) });
        }
      }
      for (const s of [server, other]) for (const f of ["/a.xml", "/b.xml"]) await store.feeds.addFeed(`${s.base}${f}`);
      const delay = 120;
      const outcomes = await poller({ perHostDelayMs: delay, concurrency: 4 }).pollDue();
      expect(outcomes.map((o) => o.status)).toEqual(["ok", "ok", "ok", "ok"]);
      for (const s of [server, other]) {
        expect(s.log).toHaveLength(6);
        expect(s.maxConcurrent()).toBe(1);
        const sorted = [...s.log].sort((a, b) => a.start - b.start);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start - sorted[i - 1]!.end).toBeGreaterThanOrEqual(delay - 2);
      }
      // The hosts took turns in parallel: the second host began before the first was done.
      const firstOther = Math.min(...other.log.map((r) => r.start));
      expect(firstOther).toBeLessThan(Math.max(...server.log.map((r) => r.end)));
      expect(await store.countDocuments()).toBe(4);
    } finally {
      await other.close();
    }
  });

  it("start polls due feeds until stop, which waits for the poll in flight and starts nothing more", async () => {
    server.route("/feed.xml", { headers: { "content-type": "application/rss+xml" }, body: rss("Live", [{ title: storyTitle(2), link: `${server.base}/page` }, { title: storyTitle(3), link: `${server.base}/page-2` }]) });
    server.route("/page", { body: storyPage(2) });
    server.route("/page-2", { body: storyPage(3) });
    await store.feeds.addFeed(`${server.base}/feed.xml`);
    const ingested: string[] = [];
    const p = poller({ perHostDelayMs: 300, tickMs: 20, onIngested: (docs) => { ingested.push(...docs.map((d) => d.id)); } });
    const firstPage = new Promise<void>((r) => {
      const check = setInterval(() => { if (server.log.some((x) => x.path === "/page" && x.end > 0)) { clearInterval(check); r(); } }, 5);
    });
    p.start();
    await firstPage;
    // The second page waits for the host's delay; stopping now drops it, and what was read is stored.
    await p.stop();
    expect(server.log.map((r) => r.path)).toEqual(["/feed.xml", "/page"]);
    expect(ingested).toHaveLength(1);
    expect(await store.countDocuments()).toBe(1);
    const [feed] = await store.feeds.listFeeds();
    // Stopped partway: due again at once, and read in full next time (no validators kept).
    expect(feed).toMatchObject({ itemsSeen: 1, itemsIngested: 1, nextPollAt: new Date(clock).toISOString(), lastError: null });
    await new Promise((r) => setTimeout(r, 100));
    expect(server.log).toHaveLength(2);
    // Started again, it picks up the rest.
    p.start();
    await new Promise<void>((r) => { const check = setInterval(() => { if (ingested.length === 2) { clearInterval(check); r(); } }, 10); });
    await p.stop();
    expect(await store.countDocuments()).toBe(2);
  });

  it("refuses a private address without allowPrivate, also behind a redirect, without sending it a request", async () => {
    server.route("/feed.xml", { headers: { "content-type": "application/rss+xml" }, body: rss("Wire", [item(0, `${server.base}/a`)]) });
    server.route("/hop", { status: 302, headers: { location: `${server.base}/feed.xml` } });
    const feed = await store.feeds.addFeed(`${server.base}/feed.xml`);
    const r = await poller({ allowPrivate: false }).pollFeed(feed.id);
    expect(r).toMatchObject({ status: "error", error: `${server.base}/feed.xml is a loopback address; private addresses are not fetched` });
    expect(r.feed.lastError).toContain("loopback address");
    expect(server.log).toHaveLength(0);
    // A public name that redirects to a private address: the redirect is refused.
    const viaLocal: typeof fetch = (input, init) => fetch(String(input).replace("http://news.example", server.base), init);
    const lookup = async (host: string) => (host === "news.example" ? [{ address: "93.184.216.34" }] : []);
    const pub = await store.feeds.addFeed("http://news.example/hop");
    const hop = await poller({ allowPrivate: false, fetch: viaLocal, lookup }).pollFeed(pub.id);
    expect(hop.error).toBe(`${server.base}/feed.xml is a loopback address; private addresses are not fetched`);
    expect(server.log.map((x) => x.path)).toEqual(["/hop"]);
    await expect(poller().pollFeed(987654)).rejects.toThrow("feed 987654: no such feed");
  });
});
