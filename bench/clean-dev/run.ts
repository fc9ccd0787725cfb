/**
 * Development scorer for the plain-text cleaner: feeds each AEB page as
 * uncleaned plain text (reference-outputs/html-text.json) to cleanText and
 * scores the body (paragraph texts joined by blank lines) with the AEB metric.
 * Usage: npx tsx bench/clean-dev/run.ts [--worst N] [--id ID]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cleanText } from "../../src/clean/index.js";
import { pageCounts, score, type PageCounts } from "../lib/shingle-metric.js";

const root = fileURLToPath(new URL("../../../shared/bench-data/aeb/", import.meta.url));
const pages = JSON.parse(readFileSync(root + "reference-outputs/html-text.json", "utf8")) as { output: Record<string, { articleBody: string }> };
const truth = JSON.parse(readFileSync(root + "ground-truth.json", "utf8")) as Record<string, { articleBody: string; url: string }>;

const args = process.argv.slice(2);
const worst = args.includes("--worst") ? Number(args[args.indexOf("--worst") + 1]) : 0;
const only = args.includes("--id") ? args[args.indexOf("--id") + 1] : null;

const counts: PageCounts[] = [];
const raw: PageCounts[] = [];
const rows: { id: string; p: number; r: number; url: string }[] = [];
let ms = 0;
for (const [id, t] of Object.entries(truth)) {
  if (only && id !== only) continue;
  const text = pages.output[id]?.articleBody ?? "";
  const t0 = performance.now();
  const { layout } = cleanText(text, id);
  ms += performance.now() - t0;
  const body = layout.paragraphs.map((p) => text.slice(p.span.start, p.span.end)).join("\n\n");
  const c = pageCounts(body, t.articleBody);
  counts.push(c);
  raw.push(pageCounts(text, t.articleBody));
  rows.push({ id, p: c.tp / Math.max(1, c.tp + c.fp), r: c.tp / Math.max(1, c.tp + c.fn), url: t.url });
  if (only) console.log(body);
}
const s = score(counts);
const u = score(raw);
console.log(`pages ${s.pages}  F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  (uncleaned F1 ${u.f1.toFixed(3)})  ${(ms / Math.max(1, s.pages)).toFixed(1)} ms/page`);
if (worst) {
  rows.sort((a, b) => (2 * a.p * a.r) / (a.p + a.r || 1) - (2 * b.p * b.r) / (b.p + b.r || 1));
  for (const r of rows.slice(0, worst)) console.log(`${r.id}  P ${r.p.toFixed(2)}  R ${r.r.toFixed(2)}  ${r.url.slice(0, 80)}`);
}
