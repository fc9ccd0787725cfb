/**
 * Starting a server over a library: opens the store for writing, watches it,
 * polls its feeds, and listens. Refuses to listen beyond loopback without an
 * explicit token.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { FeedPoller } from "../feeds/index.js";
import { isPostgresUrl, openStore } from "../store/open.js";
import type { PostgresStore } from "../store/postgres/index.js";
import type { PendingInput } from "../library/ingest.js";
import type { Store } from "../store/store.js";
import { createApp } from "./app.js";
import type { ServerContext, ServerSettings } from "./context.js";
import { LibraryWatcher } from "./events.js";
import { Metrics } from "./metrics.js";
import { StoryBuilder } from "./story-builder.js";
import { StoryViews } from "./story-views.js";

/** How to start a server. */
export interface ServeOptions {
  db: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The token writes need; without one, a random token is made (loopback only). */
  token?: string;
  allowPrivate?: boolean;
  maxBodyBytes?: number;
  requestTimeoutMs?: number;
  writesPerMinute?: number;
  /** Queue added documents for `rashomon worker` processes instead of analysing them here (PostgreSQL libraries). */
  queue?: boolean;
  /** Poll feeds in this process (default true). */
  pollFeeds?: boolean;
  /** Pause between requests to one host when polling feeds, in ms. */
  perHostDelayMs?: number;
  /** How often the poller looks for due feeds, in ms. */
  feedTickMs?: number;
}

/** A running server. */
export interface RunningServer {
  url: string;
  token: string;
  /** Whether the token was made here (none was given). */
  generatedToken: boolean;
  ctx: ServerContext;
  close(): Promise<void>;
}

/** Whether a host name only listens on this machine. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** A server refused to start (bad settings), with the reason. */
export class ServeError extends Error {}

/** Opens the library and starts listening; resolves once the port is bound. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host) && !options.token) {
    throw new ServeError(`refusing to listen on ${host} without a token: set RASHOMON_TOKEN (writes need it), or listen on 127.0.0.1`);
  }
  const token = options.token ?? randomBytes(18).toString("base64url");
  if (options.queue && !isPostgresUrl(options.db)) {
    throw new ServeError(`--queue needs a PostgreSQL library (--db postgres://…), where workers take the queued inputs; ${options.db} is a SQLite file`);
  }
  const store = await openStore(options.db);
  const settings: ServerSettings = {
    token, allowPrivate: options.allowPrivate ?? false, maxBodyBytes: options.maxBodyBytes ?? 25 * 1024 * 1024,
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000, writesPerMinute: options.writesPerMinute ?? 600,
    fetchTimeoutMs: 15_000, maxFetchBytes: 20 * 1024 * 1024, library: options.db,
  };
  const ctx = makeContext(store, settings);
  if (options.queue) {
    const queue = (store as PostgresStore).queue<PendingInput>("ingest");
    ctx.enqueue = (inputs) => queue.enqueue(inputs);
  }
  const poller = options.pollFeeds === false ? null : new FeedPoller(store, {
    allowPrivate: settings.allowPrivate, perHostDelayMs: options.perHostDelayMs, tickMs: options.feedTickMs,
    onIngested: () => void ctx.watcher.tick(),
  });
  ctx.onFeedsChanged = () => void poller?.pollDue().catch(() => {});
  ctx.watcher.start();
  await ctx.watcher.tick();
  poller?.start();
  const app = createApp(ctx);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, () => resolve(s));
    s.once("error", reject);
  });
  // Slow clients are cut off: headers within 20 s, a whole request (body included) within the request limit.
  const http = server as unknown as { headersTimeout: number; requestTimeout: number };
  http.headersTimeout = 20_000;
  http.requestTimeout = settings.requestTimeoutMs + 10_000;
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}`, token, generatedToken: !options.token, ctx,
    async close() {
      ctx.watcher.stop();
      await poller?.stop();
      await new Promise<void>((r) => {
        server.close(() => r());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await ctx.builder.close();
      await store.close();
    },
  };
}

/** The shared state of a server over an open store. */
export function makeContext(store: Store, settings: ServerSettings): ServerContext {
  const watcher = new LibraryWatcher(store);
  const builder = new StoryBuilder();
  let chain: Promise<unknown> = Promise.resolve();
  return {
    store, settings, watcher, builder, metrics: new Metrics(),
    views: new StoryViews(store, builder, () => watcher.current),
    generation: () => watcher.current,
    writes<T>(fn: () => Promise<T>): Promise<T> {
      const run = chain.then(fn, fn);
      chain = run.catch(() => {});
      return run;
    },
  };
}
