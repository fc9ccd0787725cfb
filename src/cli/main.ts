import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { isoDate, positiveInt, secondsToMs } from "./options.js";
import { terminalText } from "./terminal.js";
import { feedsCommand } from "./feeds-command.js";
import { DEFAULT_LIBRARY, DEFAULT_LOCK_TIMEOUT_MS } from "../store/defaults.js";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, formatLimit } from "../ingest/sizes.js";

/** Exit code for bad usage (unknown option, missing argument, bad value). */
export const EXIT_USAGE = 2;

/** The block that ends a command's --help: how it is typically run. */
function example(...lines: string[]): string {
  return `\nExample${lines.length > 1 ? "s" : ""}:\n${lines.map((l) => `  $ ${l}`).join("\n")}`;
}

// Each command imports its module when it runs: `stories` and `check` then start without loading the analysis pipeline.

/** Builds the `rashomon` command line program. */
export function buildProgram(): Command {
  const program = new Command("rashomon")
    .description("Read one news story through every outlet that covers it.")
    .version("0.1.0")
    .exitOverride()
    .showHelpAfterError()
    .addHelpText("after", "\nRun `rashomon <command> --help` for a command's options, their defaults and an example.");
  program
    .command("analyze")
    .description("clean and describe articles, group them into stories, and write a report")
    .addHelpText("after", example("rashomon analyze ../shared/seeds --format html -o report.html", "cat article.txt | rashomon analyze - --format md"))
    .argument("<inputs...>", "files, directories, - for stdin, http(s) URLs, JSON Lines files, RSS/Atom feeds")
    .addOption(new Option("-f, --format <format>", "report format (jsonl: one line per document as analysed, then per story; memory stays flat)").choices(["json", "jsonl", "md", "html"]).default("json"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--reference-date <date>", "anchor for relative dates in inputs without a publication date", isoDate)
    .addOption(new Option("--max-bytes <n>", "refuse inputs larger than this many bytes").argParser(positiveInt).default(DEFAULT_MAX_BYTES, `${DEFAULT_MAX_BYTES}, ${formatLimit(DEFAULT_MAX_BYTES)}`))
    .option("--timeout <ms>", "timeout for fetching a URL, in milliseconds", positiveInt, DEFAULT_TIMEOUT_MS)
    .option("--fetch-feed-pages", "fetch the linked page of feed items that carry no content")
    .option("-q, --quiet", "no progress bar and no summary on stderr")
    .action(async (inputs: string[], opts) => {
      process.exitCode = await (await import("./analyze-command.js")).runAnalyze(inputs, opts);
    });
  program
    .command("ingest")
    .description("analyse inputs and add them to a story library (SQLite or PostgreSQL), grouping them into stories")
    .addHelpText("after", example("rashomon ingest articles/ feed.xml --db news.db"))
    .argument("<inputs...>", "files, directories, - for stdin, http(s) URLs, JSON Lines files, RSS/Atom feeds")
    .option("--db <file>", "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)", DEFAULT_LIBRARY)
    .option("--reference-date <date>", "anchor for relative dates in inputs without a publication date", isoDate)
    .addOption(new Option("--max-bytes <n>", "refuse inputs larger than this many bytes").argParser(positiveInt).default(DEFAULT_MAX_BYTES, `${DEFAULT_MAX_BYTES}, ${formatLimit(DEFAULT_MAX_BYTES)}`))
    .option("--timeout <ms>", "timeout for fetching a URL, in milliseconds", positiveInt, DEFAULT_TIMEOUT_MS)
    .addOption(
      new Option("--lock-timeout <seconds>", "how long to wait while another process writes the library")
        .argParser(secondsToMs)
        .default(DEFAULT_LOCK_TIMEOUT_MS, String(DEFAULT_LOCK_TIMEOUT_MS / 1000)),
    )
    .option("--queue", "queue the inputs for `rashomon worker` processes instead of analysing them here (PostgreSQL libraries)")
    .addOption(new Option("--threads <n>", "analysis threads (1: analyse on the main thread)").argParser(positiveInt).default(undefined, "one per core"))
    .option("-q, --quiet", "no progress bar and no summary on stderr")
    .action(async (inputs: string[], opts) => {
      process.exitCode = await (await import("./ingest-command.js")).runIngest(inputs, opts);
    });
  program
    .command("worker")
    .description("take queued inputs from a PostgreSQL library, analyse them and store their documents (run several at once)")
    .addHelpText("after", example("rashomon worker --db postgres://127.0.0.1/news --until-empty"))
    .requiredOption("--db <url>", "the library: a postgres:// URL (?schema=name for one library per schema)")
    .option("--batch <n>", "inputs claimed at a time", positiveInt, 20)
    .addOption(new Option("--lease <seconds>", "how long claimed inputs stay with this worker before others may take them").argParser(secondsToMs).default(300_000, "300"))
    .addOption(new Option("--poll <seconds>", "how long to wait when nothing is queued").argParser(secondsToMs).default(1_000, "1"))
    .option("--until-empty", "exit once nothing is queued or held by another worker")
    .option("--no-views", "do not rebuild the stored views (dossiers) of the stories this worker changes")
    .addOption(new Option("--view-delay <seconds>", "how long after a story's first change its view is rebuilt").argParser(secondsToMs).default(10_000, "10"))
    .option("-q, --quiet", "no summary on stderr")
    .action(async (opts) => {
      process.exitCode = await (await import("./worker-command.js")).runWorker(opts);
    });
  program
    .command("stories")
    .description("list the stories of a library: id, size, first and last seen, outlets, title")
    .addHelpText("after", example("rashomon stories --db news.db --format json"))
    .option("--db <file>", "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)", DEFAULT_LIBRARY)
    .addOption(new Option("-f, --format <format>", "listing format").choices(["text", "json"]).default("text"))
    .action(async (opts) => {
      process.exitCode = await (await import("./library-commands.js")).runStories(opts);
    });
  program
    .command("story")
    .description("print one story's dossier")
    .addHelpText("after", example("rashomon story story-1 --db news.db -f html -o story.html"))
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
    .addHelpText("after", example("rashomon check --db news.db"))
    .option("--db <file>", "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)", DEFAULT_LIBRARY)
    .action(async (opts) => {
      process.exitCode = await (await import("./library-commands.js")).runCheck(opts);
    });
  program
    .command("serve")
    .description("serve the HTTP API (/api/v1) and the web UI over a library; writes need RASHOMON_TOKEN")
    .addHelpText("after", example("RASHOMON_TOKEN=secret rashomon serve --db news.db --port 8080"))
    .option("--db <file>", "the library: a SQLite file, or a postgres:// URL (?schema=name for one library per schema)", DEFAULT_LIBRARY)
    .option("--host <host>", "address to listen on (beyond loopback only with RASHOMON_TOKEN set)", "127.0.0.1")
    .option("--port <n>", "port to listen on (0: any free port)", (v: string) => {
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError("a port from 0 to 65535");
      return Number(v);
    }, 8080)
    .option("--allow-private", "let submitted URLs and feeds reach private and loopback addresses")
    .option("--max-body <bytes>", "largest request body accepted", positiveInt, 25 * 1024 * 1024)
    .option("--queue", "queue added documents for `rashomon worker` processes instead of analysing them here (PostgreSQL libraries)")
    .option("--no-feeds", "do not poll the library's feeds in this process")
    .addOption(new Option("--feed-check <seconds>", "how often to look for feeds due for a poll").argParser(secondsToMs).default(5_000, "5"))
    .action(async (opts) => {
      process.exitCode = await (await import("./serve-command.js")).runServe(opts);
    });
  program.addCommand(feedsCommand());
  return program;
}

/** Runs the program on argv; returns the exit code. */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    // No command: the help goes to stderr, and it is bad usage.
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
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
