/**
 * `rashomon feeds`: subscribe RSS/Atom feeds in a library, list them with
 * their status, unsubscribe, and poll them into the library (once, or until
 * interrupted). Subscriptions live in the library, so a server or another
 * process polling it sees the same feeds.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_LIBRARY } from "../store/defaults.js";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "../ingest/sizes.js";
import type { Feed } from "../store/feeds.js";
import type { Store } from "../store/store.js";
import { positiveInt, secondsToMs } from "./options.js";
import { terminalJson, terminalText } from "./terminal.js";

const DB_HELP = "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)";

/** Options of `rashomon feeds poll`. */
export interface FeedsPollOptions {
  db: string;
  once?: boolean;
  all?: boolean;
  allowPrivate?: boolean;
  /** Pause between requests to one host, in ms. */
  delay: number;
  timeout: number;
  maxBytes: number;
  quiet?: boolean;
}

/** Opens the library, runs `fn`, closes it; a library or feed input failure is printed and gives exit code 1. */
async function withLibrary(db: string, readonly: boolean, fn: (store: Store) => Promise<number>): Promise<number> {
  const [{ openStore }, { LibraryError }, { FeedInputError }] = await Promise.all([import("../store/open.js"), import("../store/sqlite/errors.js"), import("../store/feeds.js")]);
  let store: Store | null = null;
  try {
    store = await openStore(db, { readonly });
    return await fn(store);
  } catch (e) {
    if (!(e instanceof LibraryError) && !(e instanceof FeedInputError)) throw e;
    process.stderr.write(`rashomon: ${terminalText(e.message)}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

/** A feed id given on the command line. */
function feedId(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a feed id (a whole number, as \`rashomon feeds list\` shows)`);
  return n;
}

/** One feed as a line of the listing. */
function feedLine(f: Feed): string {
  const status = f.lastError ? `error (${f.consecutiveErrors}x): ${f.lastError}` : f.lastSuccessAt ? "ok" : "not polled yet";
  return [String(f.id), f.url, f.title ?? "-", `${f.intervalSeconds}s`, f.lastPolledAt ?? "-", f.nextPollAt, `${f.itemsSeen}/${f.itemsIngested}`, status].map(terminalText).join("\t");
}

/** `rashomon feeds add`: subscribes a feed (an existing one is shown as it is). */
export async function runFeedsAdd(url: string, opts: { db: string; interval?: number }): Promise<number> {
  return withLibrary(opts.db, false, async (store) => {
    const feed = await store.feeds.addFeed(url, opts.interval === undefined ? {} : { intervalSeconds: opts.interval });
    process.stdout.write(`${feedLine(feed)}\n`);
    return 0;
  });
}

/** `rashomon feeds list`: the library's feeds and their status (read-only). */
export async function runFeedsList(opts: { db: string; format: "text" | "json" }): Promise<number> {
  return withLibrary(opts.db, true, async (store) => {
    const feeds = await store.feeds.listFeeds();
    if (opts.format === "json") process.stdout.write(`${terminalJson(JSON.stringify(feeds, null, 2))}\n`);
    else process.stdout.write(["id\turl\ttitle\tinterval\tlast polled\tnext poll\tseen/ingested\tstatus", ...feeds.map(feedLine)].join("\n") + "\n");
    return 0;
  });
}

/** `rashomon feeds remove`: unsubscribes a feed; exit 1 when there is none with that id. */
export async function runFeedsRemove(id: number, opts: { db: string }): Promise<number> {
  return withLibrary(opts.db, false, async (store) => {
    if (await store.feeds.removeFeed(id)) return 0;
    process.stderr.write(`rashomon: no feed ${id} in ${terminalText(opts.db)} (see \`rashomon feeds list\`)\n`);
    return 1;
  });
}

/** `rashomon feeds poll`: one round (`--once`, exit 1 when a feed failed) or polling until SIGINT/SIGTERM. */
export async function runFeedsPoll(opts: FeedsPollOptions): Promise<number> {
  return withLibrary(opts.db, false, async (store) => {
    const { FeedPoller } = await import("../feeds/index.js");
    const say = (line: string): void => void (opts.quiet || process.stderr.write(`${terminalText(line)}\n`));
    const poller = new FeedPoller(store, {
      allowPrivate: opts.allowPrivate ?? false, perHostDelayMs: opts.delay, timeoutMs: opts.timeout, maxBytes: opts.maxBytes,
      onError: (message) => say(`rashomon: ${message}`),
    });
    if (opts.once) {
      const outcomes = opts.all ? await Promise.all((await store.feeds.listFeeds()).map((f) => poller.pollFeed(f.id))) : await poller.pollDue();
      for (const o of outcomes) say(`feed ${o.feed.id} ${o.feed.url}: ${o.status === "error" ? `error: ${o.error}` : `${o.status}, ${o.newItems} new, ${o.ingested} stored`}`);
      return outcomes.some((o) => o.status === "error") ? 1 : 0;
    }
    poller.start();
    say(`rashomon: polling the feeds of ${opts.db} (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await poller.stop();
    return 0;
  });
}

/** The `rashomon feeds` command group (add it to the program with `program.addCommand(feedsCommand())`). */
export function feedsCommand(): Command {
  const feeds = new Command("feeds")
    .description("follow RSS/Atom feeds: subscribe, list, unsubscribe, and poll them into the library")
    .addHelpText("after", "\nExamples:\n  $ rashomon feeds add https://example.com/rss.xml --db news.db\n  $ rashomon feeds poll --db news.db");
  feeds
    .command("add")
    .description("subscribe a feed (due for polling at once)")
    .argument("<url>", "the feed's http(s) URL")
    .option("--db <file>", DB_HELP, DEFAULT_LIBRARY)
    .option("--interval <seconds>", "seconds between polls (default 900)", positiveInt)
    .action(async (url: string, opts) => void (process.exitCode = await runFeedsAdd(url, opts)));
  feeds
    .command("list")
    .description("list the feeds with their status (read-only)")
    .option("--db <file>", DB_HELP, DEFAULT_LIBRARY)
    .addOption(new Option("-f, --format <format>", "listing format").choices(["text", "json"]).default("text"))
    .action(async (opts) => void (process.exitCode = await runFeedsList(opts)));
  feeds
    .command("remove")
    .description("unsubscribe a feed")
    .argument("<id>", "the feed id, as `rashomon feeds list` shows it", feedId)
    .option("--db <file>", DB_HELP, DEFAULT_LIBRARY)
    .action(async (id: number, opts) => void (process.exitCode = await runFeedsRemove(id, opts)));
  feeds
    .command("poll")
    .description("poll the due feeds and ingest their new items, until interrupted (or once)")
    .option("--db <file>", DB_HELP, DEFAULT_LIBRARY)
    .option("--once", "poll the feeds due now, then exit (exit 1 when a feed failed)")
    .option("--all", "with --once: poll every feed now, due or not")
    .option("--allow-private", "let feeds and pages reach private and loopback addresses")
    .addOption(new Option("--delay <seconds>", "pause between requests to one host").argParser(secondsToMs).default(1000, "1"))
    .option("--timeout <ms>", "timeout for one request, in milliseconds", positiveInt, DEFAULT_TIMEOUT_MS)
    .option("--max-bytes <n>", "refuse feeds and pages larger than this many bytes", positiveInt, DEFAULT_MAX_BYTES)
    .option("-q, --quiet", "print nothing but errors of the library")
    .action(async (opts) => void (process.exitCode = await runFeedsPoll(opts)));
  return feeds;
}
