/**
 * The feed poller: polls the library's due feeds with conditional requests,
 * politely per host, backs off from failing feeds, records each feed's status
 * in the library, and ingests every new item once (its content, or the page it
 * links to) through `ingestStep`, the path every ingest takes.
 */
import { charsetFromContentType, decodeBytes } from "../ingest/decode.js";
import { parseFeed, type Feed as ParsedFeed } from "../ingest/feed.js";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "../ingest/index.js";
import { emptyCounts, ingestStep, type PendingInput } from "../library/ingest.js";
import { InputError, MessageBag, type Message, type RashomonDocument } from "../model/index.js";
import { FeedInputError, type Feed, type PollRecord } from "../store/feeds.js";
import { inputHash } from "../store/hash.js";
import type { Store } from "../store/store.js";
import { GateClosed, HostGate } from "./host-gate.js";
import { HttpFailure, httpGet, type HttpAnswer, type HttpSettings } from "./http.js";
import { contentInput, itemRefs, pageInput, type ItemRef } from "./items.js";
import type { Lookup } from "./public-url.js";

/** How a {@link FeedPoller} behaves. */
export interface FeedPollerOptions {
  /** Pause between one request's end and the next one's start on the same host, in ms (default 1000). */
  perHostDelayMs?: number;
  /** Deadline of one request (redirects and body included), in ms (default 15 s). */
  timeoutMs?: number;
  /** Largest feed or page read, in bytes (default 20 MiB). */
  maxBytes?: number;
  /** Fetch loopback and private addresses too (default false: refused). */
  allowPrivate?: boolean;
  fetch?: typeof fetch;
  /** Host name resolution for the private-address check. */
  lookup?: Lookup;
  /** The clock that schedules polls, in ms since the epoch (default `Date.now`). */
  now?: () => number;
  /** How often `start()` looks for due feeds, in ms (default 5000). */
  tickMs?: number;
  /** Longest wait after failures, in seconds (default 6 hours; never shorter than the feed's interval). */
  maxBackoffSeconds?: number;
  /** New items handled per poll of a feed (default 200); the rest wait for the next poll. */
  maxItemsPerPoll?: number;
  /** Feeds polled at once (default 4; one host still gets one request at a time). */
  concurrency?: number;
  /** Called with the documents each ingest step analysed and their stories. */
  onIngested?: (docs: RashomonDocument[], stories: Record<string, string>) => void;
  /** Called for every failure: a feed's poll (`feed` set), one of its items, or the library itself (`feed` null). */
  onError?: (message: string, feed: Feed | null) => void;
}

/** What one poll of one feed did. */
export interface PollOutcome {
  /** The feed as recorded after the poll (as it was before, when the poll stopped or the feed was removed meanwhile). */
  feed: Feed;
  status: "ok" | "not-modified" | "error" | "stopped";
  /** Why the poll failed (status `error`). */
  error: string | null;
  /** Items handled for the first time (ingested, already stored, or refused for good). */
  newItems: number;
  /** Documents stored. */
  ingested: number;
  /** Failures of single items (a page that could not be fetched, an item that could not be analysed). */
  itemErrors: Message[];
}

/** Default pause between requests to one host: 1 s. */
export const DEFAULT_PER_HOST_DELAY_MS = 1000;
/** Default cap of the backoff after failures: 6 hours. */
export const DEFAULT_MAX_BACKOFF_SECONDS = 6 * 3600;
/** Default number of new items handled per poll of one feed. */
export const DEFAULT_MAX_ITEMS_PER_POLL = 200;
/** Inputs per ingest transaction within one poll. */
const STEP = 20;

const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
const PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.9, */*;q=0.5";

/**
 * Seconds until the next poll after `errors` failures in a row: the interval
 * doubled per failure, capped at `maxSeconds` (but never below the interval),
 * and at least what the server asked for (Retry-After, up to a day).
 */
export function backoffSeconds(intervalSeconds: number, errors: number, maxSeconds: number, retryAfterSeconds: number | null = null): number {
  const cap = Math.max(maxSeconds, intervalSeconds);
  const grown = Math.min(intervalSeconds * 2 ** Math.min(errors, 30), cap);
  return Math.max(grown, Math.min(retryAfterSeconds ?? 0, 24 * 3600));
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim();

/** A feed document that could not be read. */
class FeedUnreadable extends Error {}

/** Decodes and parses a feed document; throws {@link FeedUnreadable} naming the reason. */
function readFeed(answer: HttpAnswer): ParsedFeed {
  if (answer.bytes.length === 0) throw new FeedUnreadable("not a valid feed (empty answer)");
  const text = decodeBytes(answer.bytes, new MessageBag(answer.finalUrl), charsetFromContentType(answer.contentType)).text;
  try {
    return parseFeed(text);
  } catch (e) {
    throw new FeedUnreadable(`not a valid feed (${errorText(e).slice(0, 200)})`);
  }
}

/** Polls a library's feeds; see the module comment. Drive it with `start()`/`stop()`, or one round at a time with `pollDue()`/`pollFeed()`. */
export class FeedPoller {
  private gate: HostGate;
  private readonly http: HttpSettings;
  private readonly now: () => number;
  private readonly inFlight = new Map<number, Promise<PollOutcome>>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();
  private running = false;
  private stopping = false;

  constructor(private readonly store: Store, private readonly options: FeedPollerOptions = {}) {
    this.gate = new HostGate(options.perHostDelayMs ?? DEFAULT_PER_HOST_DELAY_MS);
    this.http = {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      allowPrivate: options.allowPrivate ?? false, fetch: options.fetch ?? globalThis.fetch, lookup: options.lookup,
    };
    this.now = options.now ?? Date.now;
  }

  /** Polls due feeds now and then every `tickMs` until {@link stop}. */
  start(): void {
    if (this.running) return;
    this.reopen();
    this.running = true;
    const tick = async (): Promise<void> => {
      this.timer = null;
      this.round = this.pollDue().then(() => {}, (e: unknown) => this.options.onError?.(errorText(e), null));
      await this.round;
      if (this.running) this.timer = setTimeout(tick, this.options.tickMs ?? 5000);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling: requests not yet started are dropped, and the work in flight is awaited. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.gate.close();
    try {
      await Promise.allSettled([this.round, ...this.inFlight.values()]);
    } finally {
      this.stopping = false;
    }
  }

  /** A fresh gate once a stop is over, so the poller can be driven again. */
  private reopen(): void {
    if (this.gate.closed && !this.stopping) this.gate = new HostGate(this.options.perHostDelayMs ?? DEFAULT_PER_HOST_DELAY_MS);
  }

  /** Polls every feed due now (up to `concurrency` at once) and returns what each poll did. */
  async pollDue(): Promise<PollOutcome[]> {
    this.reopen();
    const due = await this.store.feeds.feedsDue(this.now());
    const out: PollOutcome[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length) out.push(await this.track(due[next++]!));
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 4, due.length) }, worker));
    return out;
  }

  /** Polls one feed now, due or not; throws a FeedInputError for an unknown id. */
  async pollFeed(id: number): Promise<PollOutcome> {
    this.reopen();
    const running = this.inFlight.get(id);
    if (running) return running;
    const feed = await this.store.feeds.getFeed(id);
    if (!feed) throw new FeedInputError(`feed ${id}: no such feed`);
    return this.track(feed);
  }

  /** One poll of `feed`, joined by anyone who asks for the same feed meanwhile. */
  private track(feed: Feed): Promise<PollOutcome> {
    const running = this.inFlight.get(feed.id);
    if (running) return running;
    const p = this.poll(feed).finally(() => this.inFlight.delete(feed.id));
    this.inFlight.set(feed.id, p);
    return p;
  }

  private async poll(feed: Feed): Promise<PollOutcome> {
    const at = this.now();
    const gate = this.gate;
    const outcome = (status: PollOutcome["status"], f: Feed | null, extra: Partial<PollOutcome> = {}): PollOutcome =>
      ({ feed: f ?? feed, status, error: null, newItems: 0, ingested: 0, itemErrors: [], ...extra });
    let answer: HttpAnswer;
    try {
      const headers: Record<string, string> = { accept: FEED_ACCEPT };
      if (feed.etag) headers["if-none-match"] = feed.etag;
      if (feed.lastModified) headers["if-modified-since"] = feed.lastModified;
      answer = await gate.run(feed.url, () => httpGet(feed.url, this.http, headers));
      if (answer.status === 304) {
        return outcome("not-modified", await this.record(feed, { at, error: null, nextPollAt: at + feed.intervalSeconds * 1000 }));
      }
      const parsed = readFeed(answer);
      const refs = itemRefs(parsed.items, answer.finalUrl);
      const seen = await this.store.feeds.seenItems(feed.id, refs.map((r) => r.key));
      const fresh = refs.filter((x) => !seen.has(x.key));
      const max = this.options.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS_PER_POLL;
      const r = await this.ingestItems(feed, gate, parsed.title, fresh.slice(0, max), at);
      // Items left for later need the whole feed again: keep the old validators so the next poll gets a 200.
      const keep = r.retryLater || r.stopped || fresh.length > max;
      const recorded = await this.record(feed, {
        at, error: null, nextPollAt: r.stopped ? at : at + feed.intervalSeconds * 1000,
        etag: keep ? undefined : answer.etag, lastModified: keep ? undefined : answer.lastModified,
        title: parsed.title ?? undefined, itemsSeen: r.handled, itemsIngested: r.added,
      });
      return outcome(r.stopped ? "stopped" : "ok", recorded, { newItems: r.handled, ingested: r.added, itemErrors: r.itemErrors });
    } catch (e) {
      if (e instanceof GateClosed) return outcome("stopped", null);
      const message = errorText(e);
      const wait = backoffSeconds(feed.intervalSeconds, feed.consecutiveErrors + 1, this.options.maxBackoffSeconds ?? DEFAULT_MAX_BACKOFF_SECONDS,
        e instanceof HttpFailure ? e.retryAfterSeconds : null);
      this.options.onError?.(`feed ${feed.url}: ${message}`, feed);
      let recorded: Feed | null = null;
      try {
        recorded = await this.store.feeds.recordPoll(feed.id, { at, error: message, nextPollAt: at + wait * 1000 });
      } catch (le) {
        this.options.onError?.(errorText(le), null);
      }
      return outcome("error", recorded, { error: message });
    }
  }

  private record(feed: Feed, poll: PollRecord): Promise<Feed | null> {
    return this.store.feeds.recordPoll(feed.id, poll);
  }

  /**
   * Ingests new items, {@link STEP} inputs per transaction, marking each item
   * once it is handled. A page that failed for now (timeout, 5xx) is left
   * unmarked for the next poll; other failures are marked, never fetched again.
   */
  private async ingestItems(feed: Feed, gate: HostGate, outlet: string | null, refs: ItemRef[], at: number) {
    const counts = emptyCounts();
    const itemErrors: Message[] = [];
    const referenceDate = new Date(at).toISOString().slice(0, 10);
    let pending: PendingInput[] = [];
    let keys: string[] = [];
    const done = new Set<string>();
    let handled = 0;
    let retryLater = false;
    let stopped = false;
    const fail = (m: Message): void => {
      itemErrors.push(m);
      this.options.onError?.(`feed ${feed.url}: ${m.reason}`, feed);
    };
    const flush = async (): Promise<void> => {
      if (pending.length > 0) {
        const errors: Message[] = [];
        const step = await ingestStep(this.store, pending, { referenceDate }, counts, errors);
        errors.forEach(fail);
        if (step.documents.length > 0) this.options.onIngested?.(step.documents, step.stories);
      }
      if (keys.length > 0) await this.store.feeds.markItems(feed.id, keys);
      pending = [];
      keys = [];
    };
    const handle = (ref: ItemRef, extra: string[] = [], input?: PendingInput): void => {
      keys.push(ref.key, ...extra);
      for (const k of [ref.key, ...extra]) done.add(k);
      if (input) pending.push(input);
      handled++;
    };
    for (const ref of refs) {
      if (done.has(ref.key)) {
        handle(ref);
      } else if (ref.item.content !== null) {
        const raw = contentInput(ref, feed.url, outlet);
        handle(ref, [], { raw, hash: inputHash(raw), referenceDate });
      } else if (!ref.link) {
        fail(new InputError(`${feed.url}#${ref.position}`, "ingest:empty-item", "feed item has no content and no link").toMessage());
        handle(ref);
      } else {
        const link = ref.link;
        let page: HttpAnswer;
        try {
          page = await gate.run(link, () => httpGet(link, this.http, { accept: PAGE_ACCEPT }));
        } catch (e) {
          if (e instanceof GateClosed) {
            stopped = true;
            break;
          }
          const transient = !(e instanceof HttpFailure) || e.transient;
          fail(new InputError(link, e instanceof HttpFailure ? e.ruleId : "ingest:failed", `${errorText(e)}${transient ? "; tried again at the next poll" : ""}`).toMessage());
          if (transient) retryLater = true;
          else handle(ref);
          continue;
        }
        const r = await pageInput(ref, feed.url, outlet, page, this.http.maxBytes);
        if (r instanceof InputError) {
          fail(r.toMessage());
          handle(ref);
        } else if (r.key !== ref.key && (done.has(r.key) || (await this.store.feeds.seenItems(feed.id, [r.key])).has(r.key))) {
          handle(ref); // the page's canonical link is an item handled already
        } else {
          handle(ref, r.key !== ref.key ? [r.key] : [], { raw: r.raw, hash: inputHash(r.raw), referenceDate });
        }
      }
      if (pending.length >= STEP) await flush();
    }
    await flush();
    return { handled, added: counts.added, retryLater, stopped, itemErrors };
  }
}
