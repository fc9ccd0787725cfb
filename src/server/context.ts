/**
 * What every route of one server shares: the library, its watcher, the story
 * cache, metrics and the settings.
 */
import type { PendingInput } from "../library/ingest.js";
import type { Store } from "../store/store.js";
import type { LibraryWatcher } from "./events.js";
import type { Metrics } from "./metrics.js";
import type { StoryBuilder } from "./story-builder.js";
import type { StoryViews } from "./story-views.js";

/** Settings of a server. */
export interface ServerSettings {
  /** The token writes need (Bearer header, or the UI's cookie). */
  token: string;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Longest time a request may take before it gets a 503, in ms (not the event stream). */
  requestTimeoutMs: number;
  /** Writes per minute one client may make. */
  writesPerMinute: number;
  /** Whether URLs to fetch may reach private and loopback addresses. */
  allowPrivate: boolean;
  /** Fetch limits for submitted URLs. */
  fetchTimeoutMs: number;
  maxFetchBytes: number;
  /** Shown in logs and the UI: where the library is. */
  library: string;
}

/** The shared state of one server. */
export interface ServerContext {
  store: Store;
  settings: ServerSettings;
  watcher: LibraryWatcher;
  views: StoryViews;
  /** Builds story views off the server's thread. */
  builder: StoryBuilder;
  metrics: Metrics;
  /** The generation the watcher saw last (-1 before its first read). */
  generation(): number;
  /** Serialises writes of this process (SQLite has one writer; PostgreSQL locks per batch anyway). */
  writes: <T>(fn: () => Promise<T>) => Promise<T>;
  /** With `serve --queue` (PostgreSQL): queues inputs for `rashomon worker` processes, committed when it resolves. */
  enqueue?: (inputs: { raw: PendingInput["raw"]; hash: string; referenceDate: string | null }[]) => Promise<void>;
  /** Called after a feed is added (the poller looks at once). */
  onFeedsChanged?: () => void;
}
