import { readInputs, type RawInput } from "../ingest/index.js";
import type { Message } from "../model/index.js";
import { availableParallelism } from "node:os";
import { AnalyzePool } from "../library/analyze-pool.js";
import { emptyCounts, ingestStep, type Counts } from "../library/ingest.js";
import { inputHash } from "../store/hash.js";
import { openStore } from "../store/open.js";
import { LibraryError } from "../store/sqlite/errors.js";
import type { Store } from "../store/store.js";
import { createProgress } from "./progress.js";
import { terminalText } from "./terminal.js";

/** Inputs read, looked up and analysed per step of `rashomon ingest`; each step's documents are one transaction. */
const BATCH = 50;

/** Options of `rashomon ingest`, as commander parses them. */
export interface IngestCommandOptions {
  db: string;
  quiet?: boolean;
  referenceDate?: string;
  maxBytes?: number;
  timeout?: number;
  /** How long to wait for another process writing the library, in ms. */
  lockTimeout?: number;
  /** Queue the inputs for `rashomon worker` processes instead of analysing them here (PostgreSQL libraries). */
  queue?: boolean;
  /** Analysis threads (default: one per core); 1 analyses on the main thread. */
  threads?: number;
}

/**
 * Analysis threads start once an ingest has this many inputs: each thread loads the whole pipeline
 * (about 1.5 CPU-s), which a small ingest would not win back.
 */
const POOL_AFTER = 200;

/** A job of `rashomon worker`: one input to analyse and store. */
export interface IngestJob {
  raw: RawInput;
  hash: string;
  referenceDate: string | null;
}


/**
 * `rashomon ingest`: reads inputs and adds them to the library, 50 at a time.
 * An input whose hash (of its decoded content) is stored already is skipped
 * before analysis, so a rerun after a kill costs reading, not analysing. Each
 * step's documents are one write transaction that waits its turn behind other
 * processes writing the library. Returns the exit code: 0 when every input is
 * in the library, 1 when some input failed or the library failed (saying
 * whether anything of this run was stored).
 */
export async function runIngest(inputs: string[], opts: IngestCommandOptions): Promise<number> {
  if (opts.queue) return queueInputs(inputs, opts);
  const progress = createProgress(process.stderr, opts.quiet);
  const errors: Message[] = [];
  const counts: Counts = emptyCounts();
  let store: Store;
  try {
    store = await openStore(opts.db, { lockTimeoutMs: opts.lockTimeout });
  } catch (e) {
    progress.stop();
    if (!(e instanceof LibraryError)) throw e;
    process.stderr.write(`rashomon: ${terminalText(e.message)}; nothing was written\n`);
    return 1;
  }
  let failure: LibraryError | null = null;
  let pool = null as AnalyzePool | null;
  try {
    let pending: { raw: RawInput; hash: string }[] = [];
    const flush = async () => {
      const step = pending;
      pending = [];
      const threads = opts.threads ?? availableParallelism();
      if (!pool && threads > 1 && counts.handled + step.length >= POOL_AFTER) pool = new AnalyzePool(threads);
      if (step.length) await ingestStep(store, step, { ...opts, analyzer: pool?.analyze }, counts, errors, (input) => progress.update({ done: counts.handled, failed: errors.length, input }));
    };
    for await (const result of readInputs(inputs, { maxBytes: opts.maxBytes, timeoutMs: opts.timeout })) {
      if (!result.ok) {
        errors.push(result.error.toMessage());
        counts.handled++;
        progress.update({ done: counts.handled, failed: errors.length, input: result.error.input });
        continue;
      }
      pending.push({ raw: result.item, hash: inputHash(result.item) });
      if (pending.length >= BATCH) await flush();
    }
    await flush();
  } catch (e) {
    if (!(e instanceof LibraryError)) throw e;
    failure = e;
  } finally {
    await pool?.close();
    await store.close();
    progress.stop();
  }
  for (const e of errors) process.stderr.write(`rashomon: ${terminalText(e.reason)}\n`);
  if (failure) {
    const stored = counts.added
      ? `; ${counts.added} documents of this run were stored before that: run the same command again to add the rest (what is stored is skipped without analysis)`
      : "; nothing of this run was stored";
    process.stderr.write(`rashomon: ${terminalText(failure.message)}${stored}\n`);
    return 1;
  }
  if (!opts.quiet) {
    process.stderr.write(
      `rashomon: ${counts.added} added, ${counts.skipped} already in the library (${counts.unanalysed} not analysed again), ${errors.length} failed (${terminalText(opts.db)})\n`,
    );
  }
  return errors.length > 0 ? 1 : 0;
}

/**
 * `rashomon ingest --queue`: reads the inputs and queues them in the library
 * (one transaction per 200) for `rashomon worker` processes; exit 1 when some
 * input could not be read, 2 when the library is not a PostgreSQL one.
 */
async function queueInputs(inputs: string[], opts: IngestCommandOptions): Promise<number> {
  const { isPostgresUrl } = await import("../store/open.js");
  if (!isPostgresUrl(opts.db)) {
    process.stderr.write(`rashomon: --queue needs a PostgreSQL library (--db postgres://…), where workers take the queued inputs; ${terminalText(opts.db)} is a SQLite file\n`);
    return 2;
  }
  const { openPostgresStore } = await import("../store/postgres/index.js");
  let store;
  try {
    store = await openPostgresStore(opts.db, { lockTimeoutMs: opts.lockTimeout });
  } catch (e) {
    if (!(e instanceof LibraryError)) throw e;
    process.stderr.write(`rashomon: ${terminalText(e.message)}; nothing was queued\n`);
    return 1;
  }
  const queue = store.queue<IngestJob>("ingest");
  let queued = 0;
  let failed = 0;
  let pending: IngestJob[] = [];
  try {
    for await (const result of readInputs(inputs, { maxBytes: opts.maxBytes, timeoutMs: opts.timeout })) {
      if (!result.ok) {
        failed++;
        process.stderr.write(`rashomon: ${terminalText(result.error.toMessage().reason)}\n`);
        continue;
      }
      pending.push({ raw: result.item, hash: inputHash(result.item), referenceDate: opts.referenceDate ?? null });
      if (pending.length >= 200) {
        await queue.enqueue(pending);
        queued += pending.length;
        pending = [];
      }
    }
    await queue.enqueue(pending);
    queued += pending.length;
  } finally {
    await store.close();
  }
  if (!opts.quiet) process.stderr.write(`rashomon: ${queued} queued for workers, ${failed} failed (${terminalText(opts.db)})\n`);
  return failed > 0 ? 1 : 0;
}
