/** Development aid: scores our extractor alone on AEB (no timing), optionally listing per-page changes against a saved run. */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { extractHtml } from "../../src/html/index.js";
import { pageCounts, score } from "../lib/shingle-metric.js";
const root = new URL("../../../shared/bench-data/aeb/", import.meta.url);
const truth = JSON.parse(readFileSync(new URL("ground-truth.json", root), "utf8")) as Record<string, { articleBody: string; url?: string }>;
const ids = readdirSync(new URL("html/", root)).map((f) => f.slice(0, -8)).sort();
const counts = ids.map((id) => {
  const html = gunzipSync(readFileSync(new URL(`html/${id}.html.gz`, root))).toString("utf8");
  const { layout } = extractHtml(html, { input: id });
  return pageCounts(layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end)).join("\n\n"), truth[id]!.articleBody);
});
const s = score(counts);
console.log(`F1 ${s.f1.toFixed(4)} P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)}`);
const f1 = (c: { tp: number; fp: number; fn: number }) => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);
const prevPath = process.env.AEB_PREV ?? "/tmp/aeb-prev.json";
if (existsSync(prevPath)) {
  const prev = JSON.parse(readFileSync(prevPath, "utf8")) as Record<string, number>;
  ids.forEach((id, i) => { const d = f1(counts[i]!) - (prev[id] ?? 0); if (Math.abs(d) > 0.01) console.log(`${d > 0 ? "+" : ""}${d.toFixed(3)} ${id.slice(0, 12)} now ${f1(counts[i]!).toFixed(3)}`); });
}
if (process.argv.includes("--save")) writeFileSync(prevPath, JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, f1(counts[i]!)]))));
