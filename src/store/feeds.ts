/**
 * Feed subscriptions live in the library beside its documents, so every
 * process that opens the library (CLI, server, worker) sees the same feeds and
 * their status. `FeedStore` is implemented by both stores (`sqlite/feeds.ts`,
 * `postgres/feeds.ts`) and checked by the contract suite.
 */

/** One subscribed RSS/Atom feed and its polling status. Times are ISO 8601 (UTC). */
export interface Feed {
  id: number;
  url: string;
  /** The feed's own title, once polled. */
  title: string | null;
  /** How often it is polled when it answers, in seconds. */
  intervalSeconds: number;
  addedAt: string;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  /** The last poll's error, or null when it succeeded. */
  lastError: string | null;
  /** Failed polls in a row (the backoff grows with it). */
  consecutiveErrors: number;
  nextPollAt: string;
  /** Validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** Distinct items found in the feed over time. */
  itemsSeen: number;
  /** Items stored as new documents. */
  itemsIngested: number;
}

/** What one poll of a feed found, for {@link FeedStore.recordPoll}. Times in ms since the epoch. */
export interface PollRecord {
  at: number;
  /** null when the poll succeeded (a 200 or a 304), else why it failed. */
  error: string | null;
  nextPollAt: number;
  /** New validators (null clears one); undefined keeps the stored ones. */
  etag?: string | null;
  lastModified?: string | null;
  /** The feed's title; undefined keeps the stored one. */
  title?: string | null;
  /** Added to the counters. */
  itemsSeen?: number;
  itemsIngested?: number;
}

/** Settings of a new subscription. */
export interface AddFeedOptions {
  /** Seconds between polls (default {@link DEFAULT_FEED_INTERVAL_SECONDS}). */
  intervalSeconds?: number;
}

/** Default seconds between polls of a feed: 15 minutes. */
export const DEFAULT_FEED_INTERVAL_SECONDS = 900;

/** Longest poll interval accepted: one week. */
export const MAX_FEED_INTERVAL_SECONDS = 7 * 24 * 3600;

/**
 * A library's feed subscriptions. Read-only libraries list and read feeds (an
 * older library without feed tables has none) and refuse changes.
 */
export interface FeedStore {
  /** Subscribes a feed, due at once; an already subscribed URL returns its record unchanged. Throws on a URL that is not http(s). */
  addFeed(url: string, options?: AddFeedOptions): Promise<Feed>;
  /** Every feed, by id. */
  listFeeds(): Promise<Feed[]>;
  getFeed(id: number): Promise<Feed | null>;
  /** Unsubscribes a feed and forgets its items; false when there was none. */
  removeFeed(id: number): Promise<boolean>;
  /** Feeds whose next poll is at or before `now` (ms), soonest first. */
  feedsDue(now: number): Promise<Feed[]>;
  /** Records one poll's outcome; returns the updated feed, or null when it was removed meanwhile. */
  recordPoll(id: number, poll: PollRecord): Promise<Feed | null>;
  /** Which of these item keys (canonical URLs) the feed has handled already. */
  seenItems(feedId: number, urls: readonly string[]): Promise<Set<string>>;
  /** Records items as handled (ingested, or refused for good), so they are never fetched again. */
  markItems(feedId: number, urls: readonly string[]): Promise<void>;
}

/** A feed URL or setting that cannot be accepted (the message names it and says why). */
export class FeedInputError extends Error {
  override name = "FeedInputError";
}

/**
 * The feed URL as stored: an absolute http(s) URL without its fragment.
 * Throws a FeedInputError naming the input and the reason otherwise.
 */
export function feedUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new FeedInputError(`feed ${JSON.stringify(url)}: not a valid URL`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new FeedInputError(`feed ${JSON.stringify(url)}: not an http(s) URL`);
  u.hash = "";
  return u.href;
}

/** The poll interval to store: the given whole number of seconds (1 s to a week), else the default. Throws a FeedInputError on others. */
export function feedInterval(seconds: number | undefined): number {
  if (seconds === undefined) return DEFAULT_FEED_INTERVAL_SECONDS;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_FEED_INTERVAL_SECONDS) {
    throw new FeedInputError(`feed interval ${seconds}: must be a whole number of seconds from 1 to ${MAX_FEED_INTERVAL_SECONDS}`);
  }
  return seconds;
}

/** A feed row as both stores keep it (times in ms since the epoch). */
export interface FeedRow {
  id: number | string;
  url: string;
  title: string | null;
  interval_seconds: number | string;
  added_at: number | string;
  last_polled_at: number | string | null;
  last_success_at: number | string | null;
  last_error: string | null;
  consecutive_errors: number | string;
  next_poll_at: number | string;
  etag: string | null;
  last_modified: string | null;
  items_seen: number | string;
  items_ingested: number | string;
}

/** The columns of a feed row, for SELECT lists. */
export const FEED_COLUMNS =
  "id, url, title, interval_seconds, added_at, last_polled_at, last_success_at, last_error, consecutive_errors, next_poll_at, etag, last_modified, items_seen, items_ingested";

const iso = (ms: number | string | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

/** A stored row as a {@link Feed} (PostgreSQL's bigints arrive as strings). */
export function feedFromRow(r: FeedRow): Feed {
  return {
    id: Number(r.id), url: r.url, title: r.title, intervalSeconds: Number(r.interval_seconds), addedAt: iso(r.added_at)!,
    lastPolledAt: iso(r.last_polled_at), lastSuccessAt: iso(r.last_success_at), lastError: r.last_error,
    consecutiveErrors: Number(r.consecutive_errors), nextPollAt: iso(r.next_poll_at)!, etag: r.etag, lastModified: r.last_modified,
    itemsSeen: Number(r.items_seen), itemsIngested: Number(r.items_ingested),
  };
}
