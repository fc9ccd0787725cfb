/**
 * Live updates: the library's write generation is read every interval (any
 * process may write it: the server's API, a feed, `rashomon ingest`), and each
 * change is sent to the open pages as a server-sent event.
 */
import type { Store } from "../store/store.js";

/** What a change event carries. */
export interface LibraryChange {
  generation: number;
  documents: number;
}

type Listener = (change: LibraryChange) => void;

/** Watches a library and fans its changes out to listeners. */
export class LibraryWatcher {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private last = -1;
  private running: Promise<void> | null = null;

  constructor(private readonly store: Store, private readonly intervalMs = 500) {}

  /** Starts watching (the first read sets the baseline and sends nothing). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  /** The generation read last (-1 before the first read). */
  get current(): number {
    return this.last;
  }

  /** Checks now (after a check already running), and tells listeners when the generation moved. */
  async tick(): Promise<void> {
    const before = this.running ?? Promise.resolve();
    const mine = before.then(() => this.read());
    this.running = mine;
    await mine;
    if (this.running === mine) this.running = null;
  }

  private async read(): Promise<void> {
    try {
      const generation = await this.store.generation();
      if (this.last >= 0 && generation !== this.last && this.listeners.size > 0) {
        const change = { generation, documents: await this.store.countDocuments() };
        for (const l of this.listeners) l(change);
      }
      this.last = generation;
    } catch {
      // A library briefly unavailable (a PostgreSQL restart) is read again at the next tick.
    }
  }

  /** Adds a listener; returns its removal. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listeners now open. */
  get size(): number {
    return this.listeners.size;
  }

  /** Stops watching. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}
