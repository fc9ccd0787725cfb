import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { analyze, analyzeJsonLines } from "../pipeline/index.js";
import { renderReport, type ReportFormat } from "../report/index.js";
import { createProgress } from "./progress.js";
import { terminalText } from "./terminal.js";

/** Options of `rashomon analyze`, as commander parses them. */
export interface AnalyzeCommandOptions {
  format: ReportFormat | "jsonl";
  output?: string;
  referenceDate?: string;
  maxBytes?: number;
  timeout?: number;
  fetchFeedPages?: boolean;
  quiet?: boolean;
}

/** Runs `rashomon analyze`; returns the exit code (0 all inputs produced documents, 1 some failed). */
export async function runAnalyze(inputs: string[], opts: AnalyzeCommandOptions): Promise<number> {
  if (opts.format === "jsonl") return runJsonLines(inputs, opts);
  const format = opts.format;
  const progress = createProgress(process.stderr, opts.quiet);
  const result = await analyze(inputs, {
    referenceDate: opts.referenceDate ?? null,
    ingest: { maxBytes: opts.maxBytes, timeoutMs: opts.timeout, fetchFeedPages: opts.fetchFeedPages },
    onProgress: (p) => progress.update(p),
  });
  progress.stop();
  const report = renderReport(result, format);
  if (opts.output) await writeFile(opts.output, report);
  else await writeStdout(report);
  for (const m of result.messages) {
    if (m.severity === "error") process.stderr.write(`rashomon: ${terminalText(m.reason)}\n`);
  }
  if (result.failed > 0 && !opts.quiet) {
    process.stderr.write(`rashomon: ${result.failed} input(s) failed, ${result.documents.length} document(s) produced\n`);
  }
  if (opts.output && !opts.quiet && process.stderr.isTTY) {
    process.stderr.write(`rashomon: wrote ${opts.output} (${result.documents.length} documents, ${result.stories.length} stories)\n`);
  }
  return result.failed > 0 ? 1 : 0;
}

/** `--format jsonl`: documents written as they are analysed, then stories and messages; memory stays flat. */
async function runJsonLines(inputs: string[], opts: AnalyzeCommandOptions): Promise<number> {
  const progress = createProgress(process.stderr, opts.quiet);
  const out = opts.output ? createWriteStream(opts.output) : process.stdout;
  const write = (line: string) => new Promise<void>((resolve, reject) => out.write(line + "\n", (err) => (err ? reject(err) : resolve())));
  const lines = analyzeJsonLines(inputs, {
    referenceDate: opts.referenceDate ?? null,
    ingest: { maxBytes: opts.maxBytes, timeoutMs: opts.timeout, fetchFeedPages: opts.fetchFeedPages },
    onProgress: (p) => progress.update(p),
  });
  let next = await lines.next();
  while (!next.done) {
    await write(next.value);
    next = await lines.next();
  }
  progress.stop();
  if (opts.output) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
  const { documents, stories, failed } = next.value;
  if (failed > 0 && !opts.quiet) process.stderr.write(`rashomon: ${failed} input(s) failed, ${documents} document(s) produced\n`);
  if (opts.output && !opts.quiet && process.stderr.isTTY) process.stderr.write(`rashomon: wrote ${opts.output} (${documents} documents, ${stories} stories)\n`);
  return failed > 0 ? 1 : 0;
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}
