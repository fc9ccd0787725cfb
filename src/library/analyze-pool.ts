/**
 * Analysis on every core: a pool of worker threads, each running the whole
 * document pipeline (`analyzeInput`) on the inputs it is given, so that one
 * `rashomon ingest` into a SQLite library uses all cores while the library is
 * written by one thread. Results come back in input order; an input whose
 * worker dies is analysed again on a new one, and where no worker can start
 * (or the code runs from its TypeScript sources) the inputs are analysed on
 * the calling thread.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { RawInput } from "../ingest/index.js";
import { InputError, type RashomonDocument } from "../model/index.js";
import { analyzeInput } from "../pipeline/index.js";

/** One input to analyse. */
export interface AnalyzeItem {
  raw: RawInput;
  referenceDate: string | null;
}

/** Analyses items, in order: a document, or the input's error. */
export type Analyzer = (items: readonly AnalyzeItem[]) => Promise<(RashomonDocument | InputError)[]>;

/** Analysis on the calling thread, one input after another. */
export const analyzeInThread: Analyzer = async (items) => items.map((i) => analyzeInput(i.raw, { referenceDate: i.referenceDate }));

type Reply = { job: number; doc?: RashomonDocument; error?: { input: string; ruleId: string; message: string } };

/** A pool of analysis threads (default: one per core). */
export class AnalyzePool {
  private readonly workers: (Worker | null)[];
  private job = 0;
  private failed = false;

  constructor(readonly size = Math.max(1, availableParallelism())) {
    this.workers = Array.from({ length: size }, () => null);
  }

  private worker(k: number): Worker | null {
    if (this.failed) return null;
    const existing = this.workers[k];
    if (existing) return existing;
    // Sources run through tsx (a checkout not built yet): each thread would compile the whole pipeline again, for more than it saves.
    if (import.meta.url.endsWith(".ts")) return null;
    try {
      const w = new Worker(new URL("./analyze-worker.js", import.meta.url));
      w.on("error", () => (this.workers[k] = null));
      return (this.workers[k] = w);
    } catch {
      this.failed = true;
      return null;
    }
  }

  /** Analyses the items across the pool; results in input order. */
  readonly analyze: Analyzer = async (items) => {
    const out: (RashomonDocument | InputError)[] = new Array(items.length);
    let next = 0;
    const lane = async (k: number) => {
      while (next < items.length) {
        const i = next++;
        out[i] = await this.one(k, items[i]!);
      }
    };
    await Promise.all(this.workers.map((_, k) => lane(k)));
    return out;
  };

  /** One item on lane `k`'s worker, once more on a new worker if it dies, else on this thread. */
  private async one(k: number, item: AnalyzeItem, retry = true): Promise<RashomonDocument | InputError> {
    const w = this.worker(k);
    if (!w) return analyzeInput(item.raw, { referenceDate: item.referenceDate });
    const job = ++this.job;
    const reply = await new Promise<Reply | null>((resolve) => {
      const onMessage = (m: Reply) => {
        if (m.job !== job) return;
        cleanup();
        resolve(m);
      };
      const onExit = () => {
        cleanup();
        this.workers[k] = null;
        resolve(null);
      };
      const cleanup = () => {
        w.off("message", onMessage);
        w.off("exit", onExit);
      };
      w.on("message", onMessage);
      w.on("exit", onExit);
      w.postMessage({ job, raw: item.raw, referenceDate: item.referenceDate });
    });
    if (!reply) return retry ? this.one(k, item, false) : new InputError(item.raw.input, "pipeline:failed", "the analysis thread stopped on this input");
    if (reply.error) {
      const e = new InputError(reply.error.input, reply.error.ruleId, "");
      // The message was made by the worker's InputError: keep it as it was.
      Object.defineProperty(e, "message", { value: reply.error.message });
      return e;
    }
    return reply.doc!;
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w?.terminate()));
    this.workers.fill(null);
  }
}
