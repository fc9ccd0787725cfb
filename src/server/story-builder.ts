/**
 * Runs story builds on one worker thread, one at a time, with a time limit: a
 * build that runs over it is stopped (the worker is replaced) and reported, so
 * no story can hold the server. Where no worker can start (or the code runs
 * from its TypeScript sources), builds run on the calling thread.
 */
import { Worker } from "node:worker_threads";
import { buildStoryView, type BuildRequest, type BuiltAndStored } from "../library/story-view.js";

/** The worker ended under a build (it crashed, or ran out of memory). */
class WorkerStopped extends Error {}

/** Builds story views off the server's thread. */
export class StoryBuilder {
  private worker: Worker | null = null;
  private job = 0;
  private queue: Promise<unknown> = Promise.resolve();
  inThread = false;

  constructor(private readonly timeoutMs = 120_000) {}

  private start(): Worker | null {
    if (this.worker || this.inThread) return this.worker;
    // Running from the TypeScript sources (a checkout not built yet, the unit tests), a worker could not load them
    // on Node 20 (loader hooks do not reach worker threads): builds then run on this thread.
    if (import.meta.url.endsWith(".ts")) {
      this.inThread = true;
      return null;
    }
    try {
      this.worker = new Worker(new URL("./story-worker.js", import.meta.url));
      this.worker.unref();
      this.worker.on("error", (e) => {
        process.stderr.write(`rashomon: the story worker failed (${e.message}); a new one starts with the next build\n`);
        this.worker = null;
      });
      return this.worker;
    } catch {
      this.inThread = true;
      return null;
    }
  }

  /** Builds a view; builds run one after another. A worker that dies under a build is replaced and the build tried once more. */
  build(request: BuildRequest): Promise<BuiltAndStored> {
    const attempt = () => this.run(request).catch((e: unknown) => (e instanceof WorkerStopped ? this.run(request) : Promise.reject(e)));
    const run = this.queue.then(attempt, attempt);
    this.queue = run.catch(() => {});
    return run;
  }

  private run(request: BuildRequest): Promise<BuiltAndStored> {
    const worker = this.start();
    if (!worker) return Promise.resolve(buildStoryView(request));
    const job = ++this.job;
    return new Promise<BuiltAndStored>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void worker.terminate();
        this.worker = null;
        reject(new Error(`story ${request.summary.id}: its dossier took longer than ${this.timeoutMs / 1000} s to build; it was stopped`));
      }, this.timeoutMs);
      const onMessage = (m: { job: number; ok: boolean; view?: BuiltAndStored; error?: string }) => {
        if (m.job !== job) return;
        cleanup();
        if (m.ok) resolve(m.view!);
        else reject(new Error(`story ${request.summary.id}: ${m.error}`));
      };
      const onExit = () => {
        cleanup();
        this.worker = null;
        reject(new WorkerStopped(`story ${request.summary.id}: the story worker stopped`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("exit", onExit);
      };
      worker.on("message", onMessage);
      worker.on("exit", onExit);
      worker.postMessage({ ...request, job });
    });
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
