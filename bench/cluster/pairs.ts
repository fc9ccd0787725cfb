/**
 * Pair separation of the grouper's similarity on ECB+ (a diagnosis aid): for
 * pairs of one topic, how well the similarity ranks same-story pairs above
 * same-kind other-event pairs (AUC), and how many pairs of each kind reach the
 * cut. Run: npx tsx bench/cluster/pairs.ts [train|dev]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_GROUPER_OPTIONS } from "../../src/stories/options.js";
import { TermWeights, heaviest, pruneVec, similarity, type Vec } from "../../src/stories/vectors.js";

interface EcbDoc { doc_id: string; topic: number; subtopic: string; split: string; text: string }
const file = fileURLToPath(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url));
const all: EcbDoc[] = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as EcbDoc);
const split = process.argv[2] ?? "train";
const docs = all.filter((d) => d.split === split);
const o = { ...DEFAULT_GROUPER_OPTIONS, ...(JSON.parse(process.env.OPTS ?? "{}") as object) };
const tw = new TermWeights();
const vecs: Vec[] = docs.map((d) => {
  const full = tw.vectorize(d.text, o.weights);
  return pruneVec(full, heaviest(full), o.memberTerms);
});
const same: number[] = [];
const kind: number[] = [];
const other: number[] = [];
for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) {
  const s = similarity(vecs[i]!, vecs[j]!, o.shares, o.nameGate, o.namePenalty);
  if (docs[i]!.subtopic === docs[j]!.subtopic) same.push(s);
  else if (docs[i]!.topic === docs[j]!.topic) kind.push(s);
  else other.push(s);
}
function auc(pos: number[], neg: number[]): number {
  const all = [...pos.map((s) => [s, 1] as const), ...neg.map((s) => [s, 0] as const)].sort((a, b) => a[0] - b[0]);
  let rank = 0;
  let sum = 0;
  for (let k = 0; k < all.length; k++) {
    rank = k + 1;
    if (all[k]![1]) sum += rank;
  }
  return (sum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}
const share = (xs: number[], t: number) => xs.filter((x) => x >= t).length / xs.length;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`${split} AUC same-vs-kind ${auc(same, kind).toFixed(4)} same-vs-other ${auc(same, other).toFixed(4)} | mean same ${mean(same).toFixed(3)} kind ${mean(kind).toFixed(3)} other ${mean(other).toFixed(4)} | >=0.2: same ${share(same, 0.2).toFixed(3)} kind ${share(kind, 0.2).toFixed(3)} other ${share(other, 0.2).toFixed(4)}`);
