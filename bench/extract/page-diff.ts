/** Development aid: our body paragraphs missing from the gold body (mode p) and gold lines missing from ours (mode r) on WCXB pages: tsx bench/extract/page-diff.ts pr ID... */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { extractHtml } from "../../src/html/index.js";
const root = "/work/shared/bench-data/wcxb-articles/";
const sq = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const mode = process.argv[2];
for (const id of process.argv.slice(3)) {
  const html = gunzipSync(readFileSync(`${root}html/${id}.html.gz`)).toString("utf8");
  const g = JSON.parse(readFileSync(`${root}ground-truth/${id}.json`, "utf8"));
  const r = extractHtml(html, { input: id, url: g.url });
  const body = r.layout.paragraphs.map((p) => r.layout.text.slice(p.span.start, p.span.end));
  const gold: string = g.ground_truth.main_content;
  const gs = sq(gold); const os = sq(body.join("\n"));
  console.log(`=== ${id} ${g.url}`);
  if (mode.includes("p")) for (const t of body) { const s = sq(t); if (s.length > 15 && !gs.includes(s.slice(0, 60))) console.log("  FP:", t.slice(0, 140).replace(/\n/g, " | ")); }
  if (mode.includes("r")) for (const t of gold.split(/\n+/)) { const s = sq(t); if (s.length > 15 && !os.includes(s.slice(0, 60))) console.log("  FN:", t.slice(0, 140)); }
}
