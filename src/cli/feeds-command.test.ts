import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../store/sqlite/index.js";
import { storyContent, storyTitle } from "../feeds/fixtures.js";
import { conditional, rss, startServer } from "../feeds/test-server.js";
import { feedsCommand, runFeedsAdd, runFeedsList, runFeedsPoll, runFeedsRemove } from "./feeds-command.js";

const dir = mkdtempSync(join(tmpdir(), "rashomon-feeds-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs `fn` and returns its exit code with what it wrote on stdout and stderr. */
async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await fn(), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

describe("rashomon feeds", () => {
  it("adds, lists, polls once and removes feeds; refuses bad input with the reason", async () => {
    const server = await startServer();
    try {
      const db = join(dir, "cli.db");
      server.route("/feed.xml", conditional(rss("Wire", [{ title: storyTitle(0), link: `${server.base}/a`, description: storyContent(0) }]), '"1"', null));
      server.route("/down.xml", { status: 500 });
      expect((await capture(() => runFeedsAdd(`${server.base}/feed.xml`, { db, interval: 60 }))).out).toMatch(/^1\thttp:\/\/127\.0\.0\.1:\d+\/feed\.xml\t-\t60s\t-\t.+\t0\/0\tnot polled yet\n$/);
      await capture(() => runFeedsAdd(`${server.base}/down.xml`, { db }));
      const bad = await capture(() => runFeedsAdd("ftp://x.example/feed", { db }));
      expect(bad).toMatchObject({ code: 1, err: 'rashomon: feed "ftp://x.example/feed": not an http(s) URL\n' });

      const refused = await capture(() => runFeedsPoll({ db, once: true, delay: 0, timeout: 2000, maxBytes: 1e6 }));
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("is a loopback address; private addresses are not fetched");
      expect(server.log).toHaveLength(0);

      const polled = await capture(() => runFeedsPoll({ db, once: true, all: true, allowPrivate: true, delay: 0, timeout: 2000, maxBytes: 1e6 }));
      expect(polled.code).toBe(1);
      expect(polled.err).toContain(`feed 1 ${server.base}/feed.xml: ok, 1 new, 1 stored`);
      expect(polled.err).toContain(`feed 2 ${server.base}/down.xml: error: HTTP 500 Internal Server Error`);

      const listed = await capture(() => runFeedsList({ db, format: "json" }));
      const feeds = JSON.parse(listed.out) as { id: number; itemsIngested: number; lastError: string | null; title: string | null }[];
      expect(feeds.map((f) => [f.id, f.title, f.itemsIngested, f.lastError])).toEqual([[1, "Wire", 1, null], [2, null, 0, "HTTP 500 Internal Server Error"]]);
      expect((await capture(() => runFeedsList({ db, format: "text" }))).out).toContain("error (2x): HTTP 500 Internal Server Error");

      expect((await capture(() => runFeedsRemove(2, { db }))).code).toBe(0);
      expect(await capture(() => runFeedsRemove(2, { db }))).toMatchObject({ code: 1, err: `rashomon: no feed 2 in ${db} (see \`rashomon feeds list\`)\n` });
      const store = openSqliteStore(db, { readonly: true });
      expect((await store.feeds.listFeeds()).map((f) => f.id)).toEqual([1]);
      expect(await store.countDocuments()).toBe(1);
      await store.close();
    } finally {
      await server.close();
    }
  });

  it("refuses a feed id that is not a number as bad usage", async () => {
    const cmd = feedsCommand().exitOverride();
    for (const c of cmd.commands) c.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    await expect(cmd.parseAsync(["remove", "abc"], { from: "user" })).rejects.toThrow(/expected a feed id/);
    await expect(cmd.parseAsync(["add", "https://x.example/", "--interval", "0"], { from: "user" })).rejects.toThrow(/positive whole number/);
  });
});
