/** Development aid: for WCXB pages given by id, our body against the gold body (start, end, sizes) and the first blocks dropped by filter rules. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { extractHtml } from "../../src/html/index.js";
const root = new URL("../../../shared/bench-data/wcxb-articles/", import.meta.url).pathname;
for (const id of process.argv.slice(2)) {
  const html = gunzipSync(readFileSync(`${root}html/${id}.html.gz`)).toString("utf8");
  const g = JSON.parse(readFileSync(`${root}ground-truth/${id}.json`, "utf8"));
  const r = extractHtml(html, { input: id, url: g.url });
  const body = r.layout.paragraphs.map((p) => r.layout.text.slice(p.span.start, p.span.end));
  console.log(`=== ${id} ${g.url}\nmessages: ${r.messages.map((m: any) => m.code).join(", ")}\nbody paras ${body.length}, chars ${body.join("").length}; gold chars ${g.ground_truth.main_content.length}`);
  console.log("GOLD start:", g.ground_truth.main_content.slice(0, 300).replace(/\n/g, " | "));
  console.log("GOLD end:", g.ground_truth.main_content.slice(-200).replace(/\n/g, " | "));
  console.log("OURS:", body.slice(0, 6).map((t) => t.slice(0, 100)).join(" | "));
  console.log("OURS end:", body.slice(-4).map((t) => t.slice(0, 100)).join(" | "));
  const dropped = r.layout.removed.filter((x: any) => x.rule && !/outside-article|in-nav|in-page-chrome/.test(x.rule)).slice(0, 8);
  console.log("dropped:", dropped.map((d: any) => `${d.rule}: ${r.layout.text.slice(d.span.start, d.span.end).slice(0, 60)}`).join(" || "));
}
