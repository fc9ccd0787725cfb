/**
 * Cross-validates a choice among settings of the body extractor on WCXB dev:
 * given each setting's per-page counts (`npm run bench:wcxb -- --json FILE`,
 * with `--little B/R` or another knob), picks on four host folds (those of
 * bench:dates, `foldOf`) the setting with the best F1 there, scores the fifth
 * with it, and prints the held-out F1 beside each setting's whole-set F1
 * (bench:wcxb's F1: the mean of page precision and recall).
 *   npx tsx bench/extract/wcxb-cv.ts LABEL=FILE LABEL=FILE … [--eligible LABEL,LABEL]
 * The first setting is the reference: ties go to it.
 */
import { readFileSync } from "node:fs";
import { foldOf } from "../dates/data.js";
import { score, type PageCounts } from "../lib/shingle-metric.js";

type Row = PageCounts & { id: string; host: string };

const args = process.argv.slice(2);
const eligibleAt = args.indexOf("--eligible");
const eligibleArg = eligibleAt >= 0 ? args.splice(eligibleAt, 2)[1]! : null;
const settings = new Map(args.map((a) => {
  const [label, file] = a.split("=") as [string, string];
  return [label, JSON.parse(readFileSync(file, "utf8")) as Row[]] as const;
}));
const labels = [...settings.keys()];
if (labels.length === 0) throw new Error("give LABEL=FILE for each setting");
const reference = settings.get(labels[0]!)!;
for (const [label, rows] of settings) {
  if (rows.length !== reference.length || rows.some((r, i) => r.id !== reference[i]!.id)) throw new Error(`${label}: not the same pages as ${labels[0]}`);
}
const folds = reference.map((r) => foldOf(`https://${r.host}/`));
const f1 = (rows: Row[], keep: (fold: number) => boolean) => score(rows.filter((_, i) => keep(folds[i]!))).f1;

/** The held-out F1 of choosing among `eligible` on the other folds, and the choice per fold. */
function crossValidate(eligible: readonly string[]): { f1: number; picks: string[] } {
  const held: Row[] = [];
  const picks: string[] = [];
  for (let k = 0; k < 5; k++) {
    let best = eligible[0]!;
    for (const s of eligible) if (f1(settings.get(s)!, (f) => f !== k) > f1(settings.get(best)!, (f) => f !== k) + 1e-12) best = s;
    picks.push(best);
    settings.get(best)!.forEach((r, i) => { if (folds[i] === k) held.push(r); });
  }
  return { f1: score(held).f1, picks };
}

for (const label of labels) console.log(`${label.padEnd(12)} whole ${f1(settings.get(label)!, () => true).toFixed(4)}`);
const all = crossValidate(labels);
console.log(`choosing among all: picks ${all.picks.join(" ")}; 5-fold CV F1 ${all.f1.toFixed(4)}`);
if (eligibleArg) {
  const some = crossValidate(eligibleArg.split(","));
  console.log(`choosing among ${eligibleArg}: picks ${some.picks.join(" ")}; 5-fold CV F1 ${some.f1.toFixed(4)}`);
}
