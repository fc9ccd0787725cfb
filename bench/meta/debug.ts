/** Diagnosis helper: prints our metadata and candidates for given page ids. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { findBylines, findTimes } from "../../src/metadata/html-byline.js";
import { readJsonLd } from "../../src/metadata/json-ld.js";

const root = fileURLToPath(new URL("../../../shared/bench-data/wcxb-articles/", import.meta.url));
for (const id of process.argv.slice(2)) {
  const rec = JSON.parse(readFileSync(`${root}ground-truth/${id}.json`, "utf8"));
  const html = gunzipSync(readFileSync(`${root}html/${id}.html.gz`)).toString("utf8");
  const doc = () => parseHTML(html).document as unknown as Document;
  console.log("==", id, rec.url, JSON.stringify({ t: rec.ground_truth.title, a: rec.ground_truth.author, d: rec.ground_truth.publish_date }));
  console.log(JSON.stringify(extractHtmlMetadata(doc(), { url: rec.url }), null, 1).slice(0, 1500));
  console.log("bylines", findBylines(doc()));
  console.log("times", JSON.stringify(findTimes(doc())));
  const ld = readJsonLd(doc());
  console.log("ld", JSON.stringify(ld).slice(0, 600));
}
