/**
 * Feed subscriptions of a SQLite library (tables `feeds` and `feed_items`,
 * made by `schema.ts`). Writes wait their turn in the library's in-process
 * write queue (the connection is shared with ingest, whose transaction spans
 * awaits) and each is one immediate transaction.
 */
import type Database from "better-sqlite3";
import {
  FEED_COLUMNS, feedFromRow, feedInterval, feedUrl,
  type AddFeedOptions, type Feed, type FeedRow, type FeedStore, type PollRecord,
} from "../feeds.js";
import { LibraryError, libraryError } from "./errors.js";

/** Runs `fn` once the library's other writers in this process are done. */
export type Exclusive = <T>(fn: () => T) => Promise<T>;

/** The feed store of one SQLite library connection. */
export class SqliteFeedStore implements FeedStore {
  private tables: boolean | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly readonly: boolean,
    private readonly exclusive: Exclusive,
  ) {}

  /** Whether the library has feed tables (a library from before them, opened read-only, has none). */
  private hasTables(): boolean {
    if (this.tables) return true;
    const found = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feeds'").get() !== undefined;
    if (found) this.tables = true;
    return found;
  }

  private read<T>(empty: T, fn: () => T): T {
    try {
      return this.hasTables() ? fn() : empty;
    } catch (e) {
      throw libraryError(this.path, e);
    }
  }

  private async write<T>(fn: () => T): Promise<T> {
    if (this.readonly) throw new LibraryError(this.path, "read-only", `library ${this.path}: opened read-only; open it for writing to change its feeds`);
    return this.exclusive(() => {
      try {
        return this.db.transaction(fn).immediate();
      } catch (e) {
        throw libraryError(this.path, e);
      }
    });
  }

  private row(id: number): Feed | null {
    const r = this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE id = ?`).get(id) as FeedRow | undefined;
    return r ? feedFromRow(r) : null;
  }

  async addFeed(url: string, options: AddFeedOptions = {}): Promise<Feed> {
    const href = feedUrl(url);
    const interval = feedInterval(options.intervalSeconds);
    return this.write(() => {
      const now = Date.now();
      this.db.prepare("INSERT INTO feeds (url, interval_seconds, added_at, next_poll_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO NOTHING").run(href, interval, now, now);
      return feedFromRow(this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE url = ?`).get(href) as FeedRow);
    });
  }

  async listFeeds(): Promise<Feed[]> {
    return this.read([], () => (this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY id`).all() as FeedRow[]).map(feedFromRow));
  }

  async getFeed(id: number): Promise<Feed | null> {
    return this.read(null, () => this.row(id));
  }

  async removeFeed(id: number): Promise<boolean> {
    return this.write(() => {
      this.db.prepare("DELETE FROM feed_items WHERE feed_id = ?").run(id);
      return this.db.prepare("DELETE FROM feeds WHERE id = ?").run(id).changes > 0;
    });
  }

  async feedsDue(now: number): Promise<Feed[]> {
    return this.read([], () => (this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id`).all(now) as FeedRow[]).map(feedFromRow));
  }

  async recordPoll(id: number, poll: PollRecord): Promise<Feed | null> {
    const ok = poll.error === null;
    return this.write(() => {
      this.db.prepare(`UPDATE feeds SET
          last_polled_at = @at,
          last_success_at = CASE WHEN @ok THEN @at ELSE last_success_at END,
          last_error = @error,
          consecutive_errors = CASE WHEN @ok THEN 0 ELSE consecutive_errors + 1 END,
          next_poll_at = @next,
          etag = CASE WHEN @setEtag THEN @etag ELSE etag END,
          last_modified = CASE WHEN @setModified THEN @modified ELSE last_modified END,
          title = CASE WHEN @setTitle THEN @title ELSE title END,
          items_seen = items_seen + @seen,
          items_ingested = items_ingested + @ingested
        WHERE id = @id`).run({
        id, at: poll.at, ok: ok ? 1 : 0, error: poll.error, next: poll.nextPollAt,
        setEtag: poll.etag !== undefined ? 1 : 0, etag: poll.etag ?? null,
        setModified: poll.lastModified !== undefined ? 1 : 0, modified: poll.lastModified ?? null,
        setTitle: poll.title !== undefined ? 1 : 0, title: poll.title ?? null,
        seen: poll.itemsSeen ?? 0, ingested: poll.itemsIngested ?? 0,
      });
      return this.row(id);
    });
  }

  async seenItems(feedId: number, urls: readonly string[]): Promise<Set<string>> {
    return this.read(new Set<string>(), () => {
      const found = new Set<string>();
      for (let i = 0; i < urls.length; i += 500) {
        const chunk = urls.slice(i, i + 500);
        const rows = this.db.prepare(`SELECT url FROM feed_items WHERE feed_id = ? AND url IN (${chunk.map(() => "?").join(",")})`).all(feedId, ...chunk) as { url: string }[];
        for (const r of rows) found.add(r.url);
      }
      return found;
    });
  }

  async markItems(feedId: number, urls: readonly string[]): Promise<void> {
    if (urls.length === 0) return;
    await this.write(() => {
      // Items of a feed removed meanwhile are not recorded.
      if (!this.db.prepare("SELECT 1 FROM feeds WHERE id = ?").get(feedId)) return;
      const insert = this.db.prepare("INSERT INTO feed_items (feed_id, url, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
      const now = Date.now();
      for (const url of urls) insert.run(feedId, url, now);
    });
  }
}
