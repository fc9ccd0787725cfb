/**
 * bench:library — what a user pays to add to a growing library, measured on the
 * `rashomon` process itself (CPU seconds of the whole command: start-up, reading
 * the library's state, analysis, grouping, writing). A library is grown batch by
 * batch (500 synthetic records per `rashomon ingest` of a JSON Lines file, the
 * stream generator's articles over 60 days) up to the largest size asked; at each
 * checkpoint a one-document ingest is timed on a copy of the library, alternating
 * with one into an empty library (median of 5 each, so both see the same machine
 * load), and the batch that reached the checkpoint gives the cost per article.
 *   npm run bench:library -- --sizes 0,5000,20000 [--db postgres://…?schema=bench]
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { articleText, generateSpecs } from "../stream/generate.js";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const sizes = arg("sizes", "0,5000,20000").split(",").map(Number).sort((a, b) => a - b);
const BATCH = 500;
const bin = fileURLToPath(new URL("../../bin/rashomon.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "rashomon-bench-library-"));
const lib = join(dir, "library.db");
const max = sizes[sizes.length - 1]!;
const specs = generateSpecs(max + BATCH, 60, 7);

/** Runs `rashomon` and returns its CPU seconds (user + system, from GNU time). */
function cpu(args: string[]): number {
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", "node", bin, ...args], { encoding: "utf8" });
  // Exit 1: some record was refused (a generated text with no article in it); the library is fine.
  if (r.status !== 0 && r.status !== 1) throw new Error(`rashomon ${args.join(" ")} failed: ${r.stderr}`);
  const [u, s] = r.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return u! + s!;
}

function records(from: number, to: number): string {
  const file = join(dir, `batch-${from}.jsonl`);
  writeFileSync(file, specs.slice(from, to).map((sp) => JSON.stringify({ id: sp.id, text: articleText(sp), published: new Date(sp.time).toISOString() })).join("\n") + "\n");
  return file;
}

// A dated record inside the library's 60 days, as feeds give them: an undated document is compared
// with every stored document that shares its terms, whatever their time, and costs more as the library grows.
const one = join(dir, "one.jsonl");
writeFileSync(one, JSON.stringify({
  id: "one", published: "2025-01-20T10:00:00Z", title: "Quake relief reaches Valdoro",
  text: "Rescuers in Valdoro said on Monday that supplies had reached the villages cut off by the earthquake, as aftershocks shook the valley. The mayor, Elena Marsh, said 40 families were still in tents.",
}) + "\n");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`bench:library — one-document ingest and 500-record batches into a growing SQLite library (${new Date().toISOString().slice(0, 16)}Z)`);
console.log("One-document ingests alternate with ingests into an empty library (the baseline, same minutes, same machine load).");
console.log("library docs  one-doc CPU-s (median of 5)  empty library, same run  ratio  batch of 500: CPU ms per article");
let stored = 0;
let batchCost = NaN;
for (const size of sizes) {
  while (stored < size) {
    const to = Math.min(size, stored + BATCH);
    const c = cpu(["ingest", records(stored, to), "--db", lib, "-q"]);
    batchCost = (c * 1000) / (to - stored);
    stored = to;
  }
  const full: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < 5; i++) {
    const copy = join(dir, `copy-${size}-${i}.db`);
    if (stored > 0) copyFileSync(lib, copy);
    full.push(cpu(["ingest", one, "--db", copy, "-q"]));
    rmSync(copy, { force: true });
    const fresh = join(dir, `empty-${size}-${i}.db`);
    empty.push(cpu(["ingest", one, "--db", fresh, "-q"]));
    rmSync(fresh, { force: true });
  }
  const [f, e] = [median(full), median(empty)];
  console.log(`${String(size).padStart(12)}  ${f.toFixed(2).padStart(26)}  ${e.toFixed(2).padStart(23)}  ${(f / e).toFixed(2).padStart(5)}  ${(stored ? batchCost.toFixed(1) : "-").padStart(32)}`);
}
rmSync(dir, { recursive: true, force: true });
