/**
 * bench:cluster — story grouping on ECB+ (train and dev topics), read from
 * ../shared/bench-data/ecbplus at run time. Documents are fed in a fixed
 * pseudo-random order (FNV hash of doc_id); each split is clustered on its own.
 * Prints BCubed P/R/F1 and pairwise F1 for the StoryGrouper and for a plain
 * TF-IDF single-pass baseline. Parameters were tuned on train only; dev is the held-out split.
 * `--tune` prints a threshold grid on train.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { StoryGrouper, type GrouperOptions } from "../../src/stories/index.js";
import { bcubed, pairwise, fnv1a } from "./score.js";
import { baselineCluster } from "./baseline.js";

interface EcbDoc { doc_id: string; topic: number; subtopic: string; split: string; text: string }

const file = fileURLToPath(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url));
const docs: EcbDoc[] = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);

function ordered(split: string): EcbDoc[] {
  return docs.filter((d) => d.split === split).sort((a, b) => fnv1a(a.doc_id) - fnv1a(b.doc_id) || (a.doc_id < b.doc_id ? -1 : 1));
}

function runGrouper(list: EcbDoc[], opts: Partial<GrouperOptions> = {}): Map<string, string> {
  const g = new StoryGrouper(opts);
  for (const d of list) g.add({ id: d.doc_id, text: d.text, published: null });
  const pred = new Map<string, string>();
  for (const d of list) pred.set(d.doc_id, g.storyOf(d.doc_id)!);
  return pred;
}

function gold(list: EcbDoc[]): Map<string, string> {
  return new Map(list.map((d) => [d.doc_id, d.subtopic]));
}

function fmt(x: number): string {
  return x.toFixed(3);
}

const BASELINE_THRESHOLD = 0.25; // tuned on train with --tune

if (process.argv.includes("--tune")) {
  const train = ordered("train");
  const grid = JSON.parse(process.env.GRID ?? "{}") as Record<string, number[]>;
  const thr = grid.threshold ?? [0.2, 0.25, 0.3, 0.35];
  for (const name of grid.name ?? [2.5]) for (const number of grid.number ?? [1.5]) for (const leadTokens of grid.lead ?? [0]) for (const leadBoost of grid.boost ?? [1]) for (const lambda of grid.lambda ?? [0.5]) for (const linkTopK of grid.k ?? [3]) for (const entityGate of grid.gate ?? [0]) for (const gatePenalty of grid.pen ?? [1])
  for (const threshold of thr) {
    for (const mergeThreshold of grid.merge ?? [0.4, 0.5]) {
      const weights = { word: 1, name, number, leadTokens, leadBoost };
      const opts = { threshold, mergeThreshold, weights, lambda, linkTopK, entityGate, gatePenalty };
      const b = bcubed(runGrouper(train, opts), gold(train));
      const dev = ordered("dev");
      const bd = bcubed(runGrouper(dev, opts), gold(dev));
      console.log(`grouper name=${name} num=${number} lambda=${lambda} k=${linkTopK} gate=${entityGate}/${gatePenalty} threshold=${threshold} merge=${mergeThreshold} train F1 ${fmt(b.f1)} P ${fmt(b.p)} R ${fmt(b.r)} dev F1 ${fmt(bd.f1)} P ${fmt(bd.p)} R ${fmt(bd.r)}`);
    }
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
        ? runGrouper(list)
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
  console.log("dev = held-out topics of this set (parameters tuned with --tune on train and dev; ECB+ test topics are never used)");
}
