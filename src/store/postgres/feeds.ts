/**
 * Feed subscriptions of a PostgreSQL library (tables `feeds` and
 * `feed_items`, made by migration `0004-feeds`). Each change is one statement,
 * so writers in several processes never wait on each other for long.
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import {
  FEED_COLUMNS, feedFromRow, feedInterval, feedUrl,
  type AddFeedOptions, type Feed, type FeedRow, type FeedStore, type PollRecord,
} from "../feeds.js";

/** The feed store of one PostgreSQL library. */
export class PostgresFeedStore implements FeedStore {
  constructor(
    private readonly db: Kysely<any>,
    private readonly readonly: boolean,
    /** Turns a database error into the library's error (naming it). */
    private readonly fail: (err: unknown) => Error,
    /** The error for a change asked of a read-only library. */
    private readonly readOnlyError: () => Error,
  ) {}

  /** A read; a library from before feeds (opened read-only, so not migrated) reads as having none. */
  private async read<T>(empty: T, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if ((e as { code?: unknown })?.code === "42P01") return empty;
      throw this.fail(e);
    }
  }

  private async write<T>(fn: () => Promise<T>): Promise<T> {
    if (this.readonly) throw this.readOnlyError();
    try {
      return await fn();
    } catch (e) {
      throw this.fail(e);
    }
  }

  private async rows(query: RawBuilder<FeedRow>): Promise<Feed[]> {
    return (await query.execute(this.db)).rows.map(feedFromRow);
  }

  async addFeed(url: string, options: AddFeedOptions = {}): Promise<Feed> {
    const href = feedUrl(url);
    const interval = feedInterval(options.intervalSeconds);
    return this.write(async () => {
      const now = Date.now();
      await sql`INSERT INTO feeds (url, interval_seconds, added_at, next_poll_at) VALUES (${href}, ${interval}, ${now}, ${now}) ON CONFLICT (url) DO NOTHING`.execute(this.db);
      return (await this.rows(sql<FeedRow>`SELECT ${sql.raw(FEED_COLUMNS)} FROM feeds WHERE url = ${href}`))[0]!;
    });
  }

  async listFeeds(): Promise<Feed[]> {
    return this.read([], () => this.rows(sql<FeedRow>`SELECT ${sql.raw(FEED_COLUMNS)} FROM feeds ORDER BY id`));
  }

  async getFeed(id: number): Promise<Feed | null> {
    if (!Number.isSafeInteger(id)) return null;
    return this.read(null, async () => (await this.rows(sql<FeedRow>`SELECT ${sql.raw(FEED_COLUMNS)} FROM feeds WHERE id = ${id}`))[0] ?? null);
  }

  async removeFeed(id: number): Promise<boolean> {
    if (!Number.isSafeInteger(id)) return false;
    // feed_items go with it (ON DELETE CASCADE).
    return this.write(async () => Number((await sql`DELETE FROM feeds WHERE id = ${id}`.execute(this.db)).numAffectedRows ?? 0) > 0);
  }

  async feedsDue(now: number): Promise<Feed[]> {
    return this.read([], () => this.rows(sql<FeedRow>`SELECT ${sql.raw(FEED_COLUMNS)} FROM feeds WHERE next_poll_at <= ${Math.floor(now)} ORDER BY next_poll_at, id`));
  }

  async recordPoll(id: number, poll: PollRecord): Promise<Feed | null> {
    const ok = poll.error === null;
    return this.write(async () => {
      const rows = await this.rows(sql<FeedRow>`UPDATE feeds SET
          last_polled_at = ${poll.at},
          last_success_at = ${ok ? sql`${poll.at}` : sql`last_success_at`},
          last_error = ${poll.error},
          consecutive_errors = ${ok ? sql`0` : sql`consecutive_errors + 1`},
          next_poll_at = ${Math.floor(poll.nextPollAt)},
          etag = ${poll.etag !== undefined ? sql`${poll.etag}` : sql`etag`},
          last_modified = ${poll.lastModified !== undefined ? sql`${poll.lastModified}` : sql`last_modified`},
          title = ${poll.title !== undefined ? sql`${poll.title}` : sql`title`},
          items_seen = items_seen + ${poll.itemsSeen ?? 0},
          items_ingested = items_ingested + ${poll.itemsIngested ?? 0}
        WHERE id = ${id}
        RETURNING ${sql.raw(FEED_COLUMNS)}`);
      return rows[0] ?? null;
    });
  }

  async seenItems(feedId: number, urls: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    if (urls.length === 0) return found;
    return this.read(found, async () => {
      const rows = await sql<{ url: string }>`SELECT url FROM feed_items WHERE feed_id = ${feedId} AND url = ANY(${[...urls]}::text[])`.execute(this.db);
      for (const r of rows.rows) found.add(r.url);
      return found;
    });
  }

  async markItems(feedId: number, urls: readonly string[]): Promise<void> {
    if (urls.length === 0) return;
    // Items of a feed removed meanwhile are not recorded (the join finds no feed).
    await this.write(() => sql`INSERT INTO feed_items (feed_id, url, seen_at)
      SELECT f.id, u.url, ${Date.now()} FROM feeds f, unnest(${[...urls]}::text[]) AS u(url) WHERE f.id = ${feedId}
      ON CONFLICT DO NOTHING`.execute(this.db));
  }
}
