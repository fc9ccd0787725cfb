/**
 * `rashomon serve`: the HTTP API and the web UI over one library, until
 * SIGINT or SIGTERM. Prints where it listens and the link that unlocks writing
 * in the browser.
 */
import { LibraryError } from "../store/sqlite/errors.js";
import { ServeError, startServer } from "../server/serve.js";
import { terminalText } from "./terminal.js";

/** Options of `rashomon serve`, as commander parses them. */
export interface ServeCommandOptions {
  db: string;
  host: string;
  port: number;
  allowPrivate?: boolean;
  maxBody?: number;
  feeds?: boolean;
  queue?: boolean;
  /** How often to look for due feeds, in ms. */
  feedCheck?: number;
  quiet?: boolean;
}

/** Runs the server; resolves with the exit code once it is stopped. */
export async function runServe(opts: ServeCommandOptions): Promise<number> {
  let running;
  try {
    running = await startServer({
      db: opts.db, host: opts.host, port: opts.port, token: process.env["RASHOMON_TOKEN"] || undefined,
      allowPrivate: opts.allowPrivate, maxBodyBytes: opts.maxBody, pollFeeds: opts.feeds !== false, queue: opts.queue, feedTickMs: opts.feedCheck,
    });
  } catch (e) {
    if (e instanceof ServeError || e instanceof LibraryError) {
      process.stderr.write(`rashomon: ${terminalText(e.message)}\n`);
      return 1;
    }
    const code = (e as { code?: string }).code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
      process.stderr.write(`rashomon: cannot listen on ${terminalText(opts.host)}:${opts.port} (${code}); give another --port or --host\n`);
      return 1;
    }
    throw e;
  }
  const r = running;
  process.stdout.write(`rashomon: serving ${terminalText(opts.db)} at ${r.url}/ (API at ${r.url}/api/v1)\n`);
  if (r.generatedToken) process.stdout.write(`rashomon: writes need this token (set RASHOMON_TOKEN to choose it); unlock the browser with ${r.url}/login?token=${r.token}\n`);
  else process.stdout.write(`rashomon: writes need the token in RASHOMON_TOKEN; unlock the browser at ${r.url}/login\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await r.close();
  return 0;
}
