/**
 * `rashomon worker --db postgres://…`: takes queued inputs from the library
 * (`rashomon ingest --queue`), analyses them and stores their documents, in
 * batches, until stopped (SIGINT, SIGTERM: the batch in hand is finished
 * first) or, with `--until-empty`, until nothing is queued or held. Several
 * workers run at once: each claims its own jobs (`SKIP LOCKED`), analyses in
 * parallel with the others, and stores under the library's write lock, so
 * story assignment sees every document committed before it. A worker that dies
 * leaves its jobs to the others once their lease ends; documents it stored are
 * skipped by their content hash, so nothing is lost or stored twice.
 */
import type { Message } from "../model/index.js";
import type { Store } from "../store/store.js";
import { LibraryError } from "../store/sqlite/errors.js";
import { ingestStep, type Counts } from "../library/ingest.js";
import { ViewRefresher } from "../library/view-refresher.js";
import type { IngestJob } from "./ingest-command.js";
import { terminalText } from "./terminal.js";

/** Options of `rashomon worker`. */
export interface WorkerOptions {
  db: string;
  batch: number;
  /** How long a claimed job stays with this worker before others may take it, in ms. */
  lease: number;
  /** How long to wait when the queue is empty, in ms. */
  poll: number;
  untilEmpty?: boolean;
  quiet?: boolean;
  /** Keep the views of the stories it changes current (default true). */
  views?: boolean;
  /** How long after a story's first change its view is rebuilt, in ms (default 10 s). */
  viewDelay?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a worker keeps trying to reach a PostgreSQL server that went away, in ms. */
const RECONNECT_MS = 120_000;

/** Connection lost or refused (a server restart), as opposed to work that is wrong. */
const CONNECTION_CODES = /^(57P0[123]|08\d\d\d|ECONNREFUSED|ECONNRESET)$/;

/** Whether an error says the connection to the server was lost or refused. */
function isConnectionLoss(e: unknown): boolean {
  if (e instanceof LibraryError) return e.problem === "io" || e.problem === "cannot-open";
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return (typeof code === "string" && CONNECTION_CODES.test(code)) || /Connection terminated|ECONNREFUSED|terminating connection/i.test(e.message);
}

/** Runs a worker; returns the exit code. */
export async function runWorker(opts: WorkerOptions): Promise<number> {
  const { isPostgresUrl } = await import("../store/open.js");
  if (!isPostgresUrl(opts.db)) {
    process.stderr.write(`rashomon: workers take queued inputs from a PostgreSQL library; --db must be a postgres:// URL, not ${terminalText(opts.db)}\n`);
    return 2;
  }
  const { openPostgresStore, MAX_ATTEMPTS } = await import("../store/postgres/index.js");
  let store;
  try {
    store = await openPostgresStore(opts.db);
  } catch (e) {
    if (!(e instanceof LibraryError)) throw e;
    process.stderr.write(`rashomon: ${terminalText(e.message)}\n`);
    return 1;
  }
  const queue = store.queue<IngestJob>("ingest");
  let stopping = false;
  const stop = () => (stopping = true);
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  const counts: Counts = { added: 0, skipped: 0, unanalysed: 0, handled: 0 };
  const views = opts.views === false ? null : new ViewRefresher(store as Store, opts.viewDelay ?? 10_000);
  let failedJobs = 0;
  let down = 0;
  try {
    while (!stopping) {
      try {
        await views?.refreshDue(false, () => stopping);
        const jobs = await queue.claim(opts.batch, opts.lease);
        down = 0;
        if (jobs.length === 0) {
          const s = await queue.status();
          if (opts.untilEmpty && s.queued === 0 && s.running === 0) {
            // The run is over: the stories it changed get their views now.
            await views?.refreshDue(true, () => stopping);
            break;
          }
          await sleep(opts.poll);
          continue;
        }
        const errors: Message[] = [];
        const step = await ingestStep(store as Store, jobs.map((j) => j.payload), {}, counts, errors, () => {});
        views?.touched(Object.values(step.stories));
        // An input that cannot be analysed will not analyse next time either: given up at once.
        const bad = new Set(errors.map((e) => e.input));
        for (const j of jobs) if (bad.has(j.payload.raw.input)) await queue.fail(j.id, errors.find((e) => e.input === j.payload.raw.input)!.reason, MAX_ATTEMPTS);
        failedJobs += bad.size;
        await queue.complete(jobs.filter((j) => !bad.has(j.payload.raw.input)).map((j) => j.id));
        for (const e of errors) process.stderr.write(`rashomon: ${terminalText(e.reason)}\n`);
      } catch (e) {
        // PostgreSQL restarting or unreachable: the batch in hand was rolled back (or stored, and skipped when its
        // jobs run again after their lease). Wait and try again, up to RECONNECT_MS, as a worker of a long run should.
        if (!isConnectionLoss(e) || (down += opts.poll) > RECONNECT_MS) throw e instanceof LibraryError ? e : new LibraryError(opts.db, "io", `library ${opts.db}: ${e instanceof Error ? e.message : String(e)}`);
        await sleep(opts.poll);
      }
    }
  } catch (e) {
    if (!(e instanceof LibraryError)) throw e;
    process.stderr.write(`rashomon: ${terminalText(e.message)}; jobs in hand return to the queue when their lease ends\n`);
    return 1;
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
    await store.close();
  }
  if (!opts.quiet) process.stderr.write(`rashomon worker: ${counts.added} added, ${counts.skipped} already stored, ${failedJobs} failed, ${views?.built ?? 0} story views built (${terminalText(opts.db)})\n`);
  return 0;
}
