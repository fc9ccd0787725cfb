import cliProgress from "cli-progress";
import type { AnalyzeProgress } from "../pipeline/index.js";
import { terminalText } from "./terminal.js";

/** Something that follows a long command's progress. */
export interface ProgressReporter {
  update(p: AnalyzeProgress): void;
  stop(): void;
}

/**
 * A progress bar on stderr when stderr is a terminal; nothing at all in pipes,
 * in CI or when `quiet` is set, so output stays clean for scripts.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressReporter {
  if (quiet || !stream.isTTY || process.env.CI) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {value} done, {failed} failed | {input}",
      barsize: 20,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const name = p.input.length > 50 ? `…${p.input.slice(-49)}` : p.input;
      const input = terminalText(name); // a record id or URL is data: it must not drive the terminal
      if (!started) {
        bar.start(p.done + 1, p.done, { failed: p.failed, input });
        started = true;
      }
      bar.setTotal(p.done + 1);
      bar.update(p.done, { failed: p.failed, input });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
