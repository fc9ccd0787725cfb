/** Development aid: lists the blocks the filter rules dropped or made captions on given AEB pages. */
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { runReadability } from "../../src/html/readability-run.js";
import { applyFilters } from "../../src/html/filters.js";
const root = "/work/shared/bench-data/aeb/";
const truth = JSON.parse(readFileSync(root + "ground-truth.json", "utf8"));
for (const pre of process.argv.slice(2)) {
  const f = readdirSync(root + "html").find((x) => x.startsWith(pre))!;
  const { document } = parseHTML(gunzipSync(readFileSync(root + "html/" + f)).toString());
  const r = runReadability(document as any)!;
  const out = applyFilters(r.candidates, { title: r.title });
  console.log("===", pre, truth[f.slice(0, -8)].url);
  for (const c of out) if (c.dropped || c.kind === "caption") console.log(`  ${c.dropped?.rule ?? "caption"}: ${c.text.slice(0, 130).replace(/\n/g, " | ")}`);
}
