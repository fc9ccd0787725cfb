/**
 * npm run bench:memory — peak memory of `rashomon analyze` on the worst single
 * inputs the default size limit admits: each input is exactly 20 MiB (a single
 * line, dates, numbers, quote marks, short lines, huge HTML pages), written to a
 * temporary folder and analysed by the real command in a child process of its
 * own (`node bin/rashomon.js analyze <file> -f json -o <report>`), whose peak
 * resident set size (process.resourceUsage().maxRSS) and CPU time are read at
 * its exit. The five seed articles are measured the same way for comparison.
 * Target: every input under 1 GiB.
 * Usage: npm run bench:memory [-- --only <name> --format json|md|html]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_MAX_BYTES } from "../../src/ingest/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
const TARGET_KIB = 1024 * 1024;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const only = arg("only");
const format = arg("format") ?? "json";

/** `unit` repeated to exactly `bytes` bytes of UTF-8 (cut at a character boundary, then padded with spaces). */
function fillBytes(unit: string, bytes: number, head = "", tail = ""): Buffer {
  const u = Buffer.from(unit, "utf8");
  const h = Buffer.from(head, "utf8"), t = Buffer.from(tail, "utf8");
  const room = bytes - h.length - t.length;
  const body = Buffer.alloc(room, 0x20);
  let at = 0;
  while (at + u.length <= room) at += u.copy(body, at);
  return Buffer.concat([h, body, t]);
}

const seedLine = readFileSync(join(SEEDS, readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort()[0]!), "utf8").replace(/\s+/g, " ") + " ";
const PARAGRAPH = "Mexican President Claudia Sheinbaum said on Saturday, May 3, 2025, that “sovereignty is not for sale” and that 12 troops left. ";

const INPUTS: { name: string; ext: string; make: (bytes: number) => Buffer }[] = [
  { name: "single line", ext: "txt", make: (b) => fillBytes("Sheinbaum said “no” to troops (again) — ", b) },
  { name: "single line of an article repeated", ext: "txt", make: (b) => fillBytes(seedLine, b) },
  { name: "dates", ext: "txt", make: (b) => fillBytes("May 3, 2025 ", b) },
  { name: "numbers", ext: "txt", make: (b) => fillBytes("12,345 ", b) },
  { name: "quote marks, each opening a quote", ext: "txt", make: (b) => fillBytes('"a ', b) },
  { name: "curly quote marks only", ext: "txt", make: (b) => fillBytes("“", b) },
  { name: "short lines", ext: "txt", make: (b) => fillBytes("a\n", b) },
  {
    name: "HTML page, 160,000 paragraphs (past the DOM caps)",
    ext: "html",
    make: (b) => fillBytes(`<p>${PARAGRAPH}</p>\n`, b, "<html><head><title>Big</title></head><body><article>", "</article></body></html>"),
  },
  {
    name: "HTML page, 2,000 paragraphs of 10 KB (DOM and Readability)",
    ext: "html",
    make: (b) => fillBytes(`<p>${PARAGRAPH.repeat(Math.floor(b / 2000 / PARAGRAPH.length))}</p>\n`, b, "<html><head><title>Big</title></head><body><article>", "</article></body></html>"),
  },
];

interface Usage {
  code: number;
  maxRssKiB: number;
  userMs: number;
  systemMs: number;
  wallMs: number;
}

/** Runs `rashomon analyze` on `files` in a child process; its peak RSS and CPU time, and the report's size. */
function measure(files: string[], report: string): Usage & { reportBytes: number } {
  const r = spawnSync(process.execPath, ["--import", new URL("./report-usage.mjs", import.meta.url).href, `${ROOT}bin/rashomon.js`, "analyze", ...files, "-f", format, "-o", report, "--quiet"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CI: "true" },
  });
  const line = r.stderr.split("\n").find((l) => l.startsWith("BENCH_MEMORY_USAGE "));
  if (!line) throw new Error(`no usage from the child (status ${r.status}): ${r.stderr.slice(-2000)}`);
  const usage = JSON.parse(line.slice("BENCH_MEMORY_USAGE ".length)) as Usage;
  let reportBytes = 0;
  try {
    reportBytes = statSync(report).size;
  } catch {
    // no report written
  }
  return { ...usage, reportBytes };
}

const mib = (kib: number): string => (kib / 1024).toFixed(0);
const dir = mkdtempSync(join(os.tmpdir(), "rashomon-bench-memory-"));
const cpu = os.cpus();
console.log(`bench:memory — ${new Date().toISOString()} — ${os.hostname()}, ${cpu.length} cores (${cpu[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`each input ${DEFAULT_MAX_BYTES} bytes (the default size limit), analysed alone by \`rashomon analyze <file> -f ${format}\` in a child process; target: peak RSS under 1 GiB`);
console.log("");
console.log("| input | peak RSS (MiB) | CPU (s) | wall (s) | report (MB) | exit | under 1 GiB |");
console.log("|---|---|---|---|---|---|---|");
let worst = 0;
try {
  const rows: { name: string; files: string[] }[] = [{ name: "the five seed articles (normal input, for comparison)", files: readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort().map((f) => join(SEEDS, f)) }];
  for (const input of INPUTS) {
    if (only && !input.name.includes(only)) continue;
    const file = join(dir, `${input.name.replace(/[^a-z0-9]+/gi, "-")}.${input.ext}`);
    const bytes = input.make(DEFAULT_MAX_BYTES);
    if (bytes.length !== DEFAULT_MAX_BYTES) throw new Error(`${input.name}: ${bytes.length} bytes`);
    writeFileSync(file, bytes);
    rows.push({ name: `${input.name} (20 MiB)`, files: [file] });
  }
  for (const row of rows) {
    if (only && !row.name.includes(only)) continue;
    const u = measure(row.files, join(dir, "report"));
    if (row.files[0]!.startsWith(dir)) worst = Math.max(worst, u.maxRssKiB);
    const cpuS = ((u.userMs + u.systemMs) / 1000).toFixed(1);
    console.log(`| ${row.name} | ${mib(u.maxRssKiB)} | ${cpuS} | ${(u.wallMs / 1000).toFixed(1)} | ${(u.reportBytes / 1e6).toFixed(1)} | ${u.code} | ${u.maxRssKiB < TARGET_KIB ? "yes" : "**no**"} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log("");
console.log(`worst peak RSS over the 20 MiB inputs: ${mib(worst)} MiB; target under 1 GiB (1024 MiB): ${worst < TARGET_KIB ? "met" : "NOT met"}`);
