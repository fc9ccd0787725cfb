/**
 * bench:cluster — story grouping on ECB+ (train and dev topics), read from
 * ../shared/bench-data/ecbplus at run time. Documents are fed in a fixed
 * pseudo-random order (FNV hash of doc_id); each split is clustered on its own
 * (the grouper's stories do not depend on the order; `--orders` shows it).
 * Prints BCubed P/R/F1 and pairwise F1 for the StoryGrouper and for a plain
 * TF-IDF single-pass baseline. Parameters were tuned on train and checked on dev.
 * `--tune` runs the grouper over a grid of options on train and dev, e.g.
 * GRID='{"joinThreshold":[0.25,0.3],"splitThreshold":[0.28,0.32]}' npx tsx bench/cluster/run.ts --tune
 * (without GRID it also prints the baseline's threshold grid on train). `--orders` adds the grouper's
 * F1 over six arrival orders (salted FNV hashes) per split. `--cv` runs two-fold cross-validation
 * over GRID (tune on train, score dev, and the reverse).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MemoryGroupingState, StoryGrouper, type GrouperOptions } from "../../src/stories/index.js";
import { bcubed, pairwise, fnv1a } from "./score.js";
import { baselineCluster } from "./baseline.js";

interface EcbDoc { doc_id: string; topic: number; subtopic: string; split: string; text: string }

const file = fileURLToPath(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url));
const docs: EcbDoc[] = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);

function ordered(split: string): EcbDoc[] {
  return docs.filter((d) => d.split === split).sort((a, b) => fnv1a(a.doc_id) - fnv1a(b.doc_id) || (a.doc_id < b.doc_id ? -1 : 1));
}

/** Groups the documents in the order given (as a stream of single-document ingests would). */
async function runGrouper(list: EcbDoc[], opts: Partial<GrouperOptions> = {}): Promise<Map<string, string>> {
  const index = new MemoryGroupingState();
  const g = new StoryGrouper(opts, index);
  for (const d of list) await g.add({ id: d.doc_id, text: d.text, published: null });
  return new Map(list.map((d) => [d.doc_id, index.storyOf(d.doc_id)!]));
}

function gold(list: EcbDoc[]): Map<string, string> {
  return new Map(list.map((d) => [d.doc_id, d.subtopic]));
}

function fmt(x: number): string {
  return x.toFixed(3);
}

const BASELINE_THRESHOLD = 0.25; // tuned on train with --tune

if (process.argv.includes("--cv")) {
  // Two-fold cross-validation over GRID: the options best on one split (BCubed F1; ties: the first
  // in grid order, so list the defaults first) scored on the other.
  const grid = JSON.parse(process.env.GRID ?? '{"splitSpectral":[true,false],"splitPrior":[12,0,3,8,10,16,24],"threshold":[0.18,0.16,0.2,0.22],"splitThreshold":[0.3,0.28,0.32]}') as Record<string, unknown[]>;
  let combos: Record<string, unknown>[] = [{}];
  for (const [k, vals] of Object.entries(grid)) combos = combos.flatMap((c) => vals.map((v) => ({ ...c, [k]: v })));
  const splits = { train: ordered("train"), dev: ordered("dev") };
  const scores = { train: [] as number[], dev: [] as number[] };
  for (const opts of combos) {
    for (const k of ["train", "dev"] as const) scores[k].push(bcubed(await runGrouper(splits[k], opts as Partial<GrouperOptions>), gold(splits[k])).f1);
  }
  for (const [from, to] of [["train", "dev"], ["dev", "train"]] as const) {
    const best = scores[from].reduce((b, x, i) => (x > scores[from][b]! ? i : b), 0);
    const r = bcubed(await runGrouper(splits[to], combos[best] as Partial<GrouperOptions>), gold(splits[to]));
    console.log(`tuned on ${from} ${JSON.stringify(combos[best])} (F1 ${fmt(scores[from][best]!)}): ${to} F1 ${fmt(r.f1)} P ${fmt(r.p)} R ${fmt(r.r)}`);
  }
} else if (process.argv.includes("--tune")) {
  // GRID: {"option": [values...]} over any GrouperOptions key (weights given whole); every combination is run.
  const train = ordered("train");
  const dev = ordered("dev");
  const grid = JSON.parse(process.env.GRID ?? '{"threshold":[0.2,0.25,0.3,0.35]}') as Record<string, unknown[]>;
  let combos: Record<string, unknown>[] = [{}];
  for (const [k, vals] of Object.entries(grid)) combos = combos.flatMap((c) => vals.map((v) => ({ ...c, [k]: v })));
  for (const opts of combos) {
    const b = bcubed(await runGrouper(train, opts as Partial<GrouperOptions>), gold(train));
    const bd = bcubed(await runGrouper(dev, opts as Partial<GrouperOptions>), gold(dev));
    console.log(`grouper ${JSON.stringify(opts)} train F1 ${fmt(b.f1)} P ${fmt(b.p)} R ${fmt(b.r)} dev F1 ${fmt(bd.f1)} P ${fmt(bd.p)} R ${fmt(bd.r)}`);
  }
  if (process.env.GRID) process.exit(0);
  for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]) {
    const b = bcubed(baselineCluster(train.map((d) => ({ id: d.doc_id, text: d.text })), t), gold(train));
    console.log(`baseline threshold=${t} train BCubed F1 ${fmt(b.f1)}`);
  }
} else {
  console.log("ECB+ story grouping (docs fed in FNV-1a order of doc_id; each split clustered separately)");
  console.log("split  system     docs  stories  gold  BCubed-P  BCubed-R  BCubed-F1  pairwise-F1  docs/s");
  for (const split of ["train", "dev"]) {
    const list = ordered(split);
    const g = gold(list);
    const goldCount = new Set(g.values()).size;
    for (const system of ["grouper", "baseline"]) {
      const t0 = performance.now();
      const pred = system === "grouper"
        ? await runGrouper(list)
        : baselineCluster(list.map((d) => ({ id: d.doc_id, text: d.text })), BASELINE_THRESHOLD);
      const secs = (performance.now() - t0) / 1000;
      const b = bcubed(pred, g);
      const p = pairwise(pred, g);
      console.log(
        `${split.padEnd(6)} ${system.padEnd(9)} ${String(list.length).padStart(5)} ${String(new Set(pred.values()).size).padStart(8)} ${String(goldCount).padStart(5)}  ` +
          `${fmt(b.p).padStart(8)}  ${fmt(b.r).padStart(8)}  ${fmt(b.f1).padStart(9)}  ${fmt(p.f1).padStart(11)}  ${(list.length / secs).toFixed(0).padStart(6)}`,
      );
    }
  }
  if (process.argv.includes("--orders")) {
    // Sensitivity to arrival order: the grouper over six salted FNV orders per split.
    for (const split of ["train", "dev"]) {
      const f1s: number[] = [];
      for (const salt of ["", "a", "b", "c", "d", "e"]) {
        const list = docs.filter((d) => d.split === split).sort((a, b) => fnv1a(salt + a.doc_id) - fnv1a(salt + b.doc_id) || (a.doc_id < b.doc_id ? -1 : 1));
        f1s.push(bcubed(await runGrouper(list), gold(list)).f1);
      }
      console.log(`${split} grouper BCubed F1 over 6 arrival orders: mean ${fmt(f1s.reduce((x, y) => x + y, 0) / f1s.length)} min ${fmt(Math.min(...f1s))} max ${fmt(Math.max(...f1s))}`);
    }
  }
  console.log("dev = held-out topics of this set (parameters tuned with --tune on train, checked on dev; ECB+ test topics are never used)");
}
