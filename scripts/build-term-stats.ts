/**
 * Builds the story grouper's fixed term statistics (data/term-stats/df.tsv):
 * document frequencies of the grouper's features over licensed news text that
 * is not used to score grouping: the article bodies of WCXB's development pages
 * (CC BY 4.0) and of the article-extraction-benchmark (MIT). ECB+ is left out
 * so that bench:cluster stays a fair measure. Terms seen in fewer than two
 * documents are left out (the grouper weighs an unseen term as the rarest).
 * Run: npx tsx scripts/build-term-stats.ts
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { termCounts } from "../src/stories/features.js";

const data = fileURLToPath(new URL("../../shared/bench-data/", import.meta.url));
const texts: string[] = [];
for (const f of readdirSync(data + "wcxb-articles/ground-truth").sort()) {
  const g = (JSON.parse(readFileSync(data + "wcxb-articles/ground-truth/" + f, "utf8")) as { ground_truth: { title?: string; main_content?: string } }).ground_truth;
  texts.push(((g.title ?? "") + "\n" + (g.main_content ?? "")).trim());
}
const aeb = JSON.parse(readFileSync(data + "aeb/ground-truth.json", "utf8")) as Record<string, { articleBody?: string }>;
for (const k of Object.keys(aeb).sort()) texts.push(aeb[k]!.articleBody ?? "");
const df = new Map<string, number>();
const docs = texts.filter((t) => t.length > 0);
for (const t of docs) for (const k of termCounts(t, 2000).keys()) df.set(k, (df.get(k) ?? 0) + 1);
const rows = [...df].filter(([t, n]) => n >= 2 && !/[\t\n]/.test(t)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = fileURLToPath(new URL("../data/term-stats/df.tsv", import.meta.url));
writeFileSync(out, `#documents\t${docs.length}\n` + rows.map(([t, n]) => `${t}\t${n}`).join("\n") + "\n");
console.log(`${docs.length} documents, ${rows.length} terms -> ${out}`);
