/**
 * Politeness towards each host: one request at a time, and a pause between
 * one request's end and the next one's start.
 */
import { setTimeout as sleep } from "node:timers/promises";

/** Thrown when the gate is closed (the poller stops) before a request's turn. */
export class GateClosed extends Error {
  override name = "GateClosed";
  constructor() {
    super("the feed poller stopped");
  }
}

/** The host (name and port) a URL is polite to. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

interface HostTurns {
  /** Resolves when the last queued request is done. */
  tail: Promise<void>;
  /** When (performance.now()) the last request ended. */
  lastEnd: number;
  queued: number;
}

/**
 * Runs requests so that requests to one host never overlap and each starts at
 * least `delayMs` after the previous one to that host ended (measured on the
 * monotonic clock). Requests to different hosts run at once.
 */
export class HostGate {
  private readonly hosts = new Map<string, HostTurns>();
  private readonly closing = new AbortController();

  constructor(private readonly delayMs: number) {}

  /** Runs `request` in its host's turn; throws {@link GateClosed} when closed before it starts. */
  async run<T>(url: string, request: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    let turns = this.hosts.get(host);
    if (!turns) this.hosts.set(host, (turns = { tail: Promise.resolve(), lastEnd: -Infinity, queued: 0 }));
    const prev = turns.tail;
    let done!: () => void;
    turns.tail = new Promise<void>((r) => (done = r));
    turns.queued++;
    try {
      await prev;
      const wait = turns.lastEnd + this.delayMs - performance.now();
      if (this.closing.signal.aborted) throw new GateClosed();
      if (wait > 0) await sleep(Math.ceil(wait), undefined, { signal: this.closing.signal }).catch(() => { throw new GateClosed(); });
      try {
        return await request();
      } finally {
        turns.lastEnd = performance.now();
      }
    } finally {
      done();
      // A host left idle longer than the delay needs no record.
      if (--turns.queued === 0) {
        const idle = turns;
        setTimeout(() => { if (idle.queued === 0 && this.hosts.get(host) === idle) this.hosts.delete(host); }, this.delayMs + 1).unref();
      }
    }
  }

  /** Refuses every request not yet started (requests already running finish). */
  close(): void {
    this.closing.abort();
  }

  /** Whether {@link close} was called. */
  get closed(): boolean {
    return this.closing.signal.aborted;
  }
}
