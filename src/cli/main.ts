import { Command, CommanderError, Option } from "commander";
import { isoDate, positiveInt, secondsToMs } from "./options.js";
import { terminalText } from "./terminal.js";
import { DEFAULT_LIBRARY, DEFAULT_LOCK_TIMEOUT_MS } from "../store/defaults.js";

/** Exit code for bad usage (unknown option, missing argument, bad value). */
export const EXIT_USAGE = 2;

// Each command imports its module when it runs: `stories` and `check` then start without loading the analysis pipeline.

/** Builds the `rashomon` command line program. */
export function buildProgram(): Command {
  const program = new Command("rashomon")
    .description("Read one news story through every outlet that covers it.")
    .version("0.1.0")
    .exitOverride()
    .showHelpAfterError();
  program
    .command("analyze")
    .description("clean and describe articles, group them into stories, and write a report")
    .argument("<inputs...>", "files, directories, - for stdin, http(s) URLs, JSON Lines files, RSS/Atom feeds")
    .addOption(new Option("-f, --format <format>", "report format (jsonl: one line per document as analysed, then per story; memory stays flat)").choices(["json", "jsonl", "md", "html"]).default("json"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--reference-date <date>", "anchor for relative dates in inputs without a publication date", isoDate)
    .option("--max-bytes <n>", "refuse inputs larger than this many bytes", positiveInt)
    .option("--timeout <ms>", "timeout for fetching a URL, in milliseconds", positiveInt)
    .option("--fetch-feed-pages", "fetch the linked page of feed items that carry no content")
    .option("-q, --quiet", "no progress bar and no summary on stderr")
    .action(async (inputs: string[], opts) => {
      process.exitCode = await (await import("./analyze-command.js")).runAnalyze(inputs, opts);
    });
  program
    .command("ingest")
    .description("analyse inputs and add them to a story library (SQLite or PostgreSQL), grouping them into stories")
    .argument("<inputs...>", "files, directories, - for stdin, http(s) URLs, JSON Lines files, RSS/Atom feeds")
    .option("--db <file>", "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)", DEFAULT_LIBRARY)
    .option("--reference-date <date>", "anchor for relative dates in inputs without a publication date", isoDate)
    .option("--max-bytes <n>", "refuse inputs larger than this many bytes", positiveInt)
    .option("--timeout <ms>", "timeout for fetching a URL, in milliseconds", positiveInt)
    .addOption(
      new Option("--lock-timeout <seconds>", "how long to wait while another process writes the library")
        .argParser(secondsToMs)
        .default(DEFAULT_LOCK_TIMEOUT_MS, String(DEFAULT_LOCK_TIMEOUT_MS / 1000)),
    )
    .option("--queue", "queue the inputs for `rashomon worker` processes instead of analysing them here (PostgreSQL libraries)")
    .option("-q, --quiet", "no progress bar and no summary on stderr")
    .action(async (inputs: string[], opts) => {
      process.exitCode = await (await import("./ingest-command.js")).runIngest(inputs, opts);
    });
  program
    .command("worker")
    .description("take queued inputs from a PostgreSQL library, analyse them and store their documents (run several at once)")
    .requiredOption("--db <url>", "the library: a postgres:// URL (?schema=name for one library per schema)")
    .option("--batch <n>", "inputs claimed at a time", positiveInt, 20)
    .addOption(new Option("--lease <seconds>", "how long claimed inputs stay with this worker before others may take them").argParser(secondsToMs).default(300_000, "300"))
    .addOption(new Option("--poll <seconds>", "how long to wait when nothing is queued").argParser(secondsToMs).default(1_000, "1"))
    .option("--until-empty", "exit once nothing is queued or held by another worker")
    .option("-q, --quiet", "no summary on stderr")
    .action(async (opts) => {
      process.exitCode = await (await import("./worker-command.js")).runWorker(opts);
    });
  program
    .command("stories")
    .description("list the stories of a library: id, size, first and last seen, outlets, title")
    .option("--db <file>", "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)", DEFAULT_LIBRARY)
    .addOption(new Option("-f, --format <format>", "listing format").choices(["text", "json"]).default("text"))
    .action(async (opts) => {
      process.exitCode = await (await import("./library-commands.js")).runStories(opts);
    });
  program
    .command("story")
    .description("print one story's dossier")
    .argument("<id>", "the story id, as `rashomon stories` lists it")
    .option("--db <file>", "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)", DEFAULT_LIBRARY)
    .addOption(new Option("-f, --format <format>", "report format").choices(["json", "md", "html"]).default("json"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .action(async (id: string, opts) => {
      process.exitCode = await (await import("./story-command.js")).runStory(id, opts);
    });
  program
    .command("check")
    .description("check a library's consistency (read-only); prints the problems, exit 1 when there are any")
    .option("--db <file>", "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)", DEFAULT_LIBRARY)
    .action(async (opts) => {
      process.exitCode = await (await import("./library-commands.js")).runCheck(opts);
    });
  return program;
}

/** Runs the program on argv; returns the exit code. */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      return EXIT_USAGE;
    }
    process.stderr.write(`rashomon: ${terminalText(err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
}
