/** Development aid: shows, for one AEB page, our blocks not in the truth and truth lines we missed. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { extractHtml } from "../../src/html/index.js";
import { shingles } from "../lib/shingle-metric.js";
const root = new URL("../../../shared/bench-data/aeb/", import.meta.url);
const truth = JSON.parse(readFileSync(new URL("ground-truth.json", root), "utf8")) as Record<string, { articleBody: string; url?: string }>;
for (const id of process.argv.slice(2)) {
  const html = gunzipSync(readFileSync(new URL(`html/${id}.html.gz`, root))).toString("utf8");
  const { layout, messages } = extractHtml(html, { input: id });
  const t = shingles(truth[id]!.articleBody);
  console.log(`=== ${id} ${truth[id]!.url ?? ""}`);
  console.log(messages.map((m) => m.ruleId).join(" "));
  const ours = layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end));
  for (const p of ours) {
    const s = shingles(p);
    let hit = 0, n = 0;
    for (const [k, c] of s) { n += c; if (t.has(k)) hit += c; }
    if (hit < n * 0.5) console.log(`  FP [${hit}/${n}] ${p.slice(0, 160).replace(/\n/g, " | ")}`);
  }
  const o = shingles(ours.join("\n\n"));
  for (const line of truth[id]!.articleBody.split(/\n+/)) {
    const s = shingles(line);
    let hit = 0, n = 0;
    for (const [k, c] of s) { n += c; if (o.has(k)) hit += c; }
    if (n && hit < n * 0.5) {
      const inRemoved = layout.removed.find((r) => layout.text.slice(r.span.start, r.span.end).includes(line.trim().slice(0, 40)));
      console.log(`  FN [${hit}/${n}] ${line.slice(0, 160)} ${inRemoved ? `(removed: ${inRemoved.reason})` : ""}`);
    }
  }
}
