/**
 * Host-grouped k-fold cross-validation of a choice among configurations, from
 * per-page counts saved by `bench/extract/wcxb.ts --json FILE` (one file per
 * configuration). For each fold the configuration with the best F1 on the
 * other folds is chosen and scored on the held-out fold; pages of one host are
 * always in one fold. Usage: tsx bench/extract/cv.ts name=file.json ... [--k 5]
 */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { score, type PageCounts } from "../lib/shingle-metric.js";

type Row = PageCounts & { id: string; host: string };
const args = process.argv.slice(2).filter((a) => a.includes("="));
const kArg = process.argv.indexOf("--k");
const k = kArg >= 0 ? Number(process.argv[kArg + 1]) : 5;
const configs = args.map((a) => { const [name, file] = a.split("=") as [string, string]; return { name, rows: JSON.parse(readFileSync(file, "utf8")) as Row[] }; });
/** Fold of a host: a stable hash, so a site is never in two folds. */
const foldOf = (host: string): number => createHash("sha1").update(host).digest().readUInt32BE(0) % k;
const f = (x: number): string => x.toFixed(4);
for (const c of configs) console.log(`${c.name.padEnd(6)} whole set F1 ${f(score(c.rows).f1)}  P ${f(score(c.rows).precision)}  R ${f(score(c.rows).recall)}`);
const heldOut: PageCounts[] = [];
const perFold: string[] = [];
for (let fold = 0; fold < k; fold++) {
  let best = configs[0]!, bestF = -1;
  for (const c of configs) {
    const s = score(c.rows.filter((r) => foldOf(r.host) !== fold)).f1;
    if (s > bestF) { bestF = s; best = c; }
  }
  const test = best.rows.filter((r) => foldOf(r.host) === fold);
  heldOut.push(...test);
  const base = configs[0]!.rows.filter((r) => foldOf(r.host) === fold);
  perFold.push(`fold ${fold}: chose ${best.name} (train F1 ${f(bestF)}), held-out F1 ${f(score(test).f1)} vs ${configs[0]!.name} ${f(score(base).f1)} on ${test.length} pages`);
}
console.log(perFold.join("\n"));
const s = score(heldOut);
console.log(`${k}-fold by host, pooled held-out: F1 ${f(s.f1)}  P ${f(s.precision)}  R ${f(s.recall)}  (first config on the same pages: F1 ${f(score(configs[0]!.rows).f1)})`);
