// Loaded with `node --import` before `bin/rashomon.js`: at exit, writes the process's
// peak resident set size and CPU time to stderr as one marked line for bench/memory/run.ts.
import { performance } from "node:perf_hooks";

process.on("exit", (code) => {
  const u = process.resourceUsage();
  const usage = { code, maxRssKiB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, wallMs: performance.now() };
  process.stderr.write(`\nBENCH_MEMORY_USAGE ${JSON.stringify(usage)}\n`);
});
