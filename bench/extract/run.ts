/**
 * Article-extraction benchmark (Zyte AEB dev pages): our HTML extractor and
 * Readability.js on linkedom measured in the same run, and the plain-text
 * cleaner on the uncleaned page text. Prints F1/P/R (the AEB shingle metric)
 * and pages per second.
 */
import { readFileSync, readdirSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import os from "node:os";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { extractHtml } from "../../src/html/index.js";
import { cleanText } from "../../src/clean/index.js";
import { pageCounts, score, type PageCounts, type Scores } from "../lib/shingle-metric.js";

import { littleArg } from "./little-arg.js";

/** --little BELOW/RATIO: html:readability-little's setting to try (default: the shipped 2000/16). */
const LITTLE = littleArg();

const root = new URL("../../../shared/bench-data/aeb/", import.meta.url);
type Outputs = Record<string, { articleBody: string; url?: string }>;
const truth = JSON.parse(readFileSync(new URL("ground-truth.json", root), "utf8")) as Outputs;
const ids = readdirSync(new URL("html/", root)).filter((f) => f.endsWith(".html.gz")).map((f) => f.slice(0, -8)).filter((id) => id in truth).sort();
const pages = new Map(ids.map((id) => [id, gunzipSync(readFileSync(new URL(`html/${id}.html.gz`, root))).toString("utf8")]));

/** Body of our extraction: paragraphs joined by blank lines. */
export function oursBody(html: string, id: string): string {
  const { layout } = extractHtml(html, { input: id, url: truth[id]!.url ?? null, littleArticle: LITTLE });
  return layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end)).join("\n\n");
}

function readabilityBody(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  return article?.textContent ?? "";
}

const f = (x: number): string => x.toFixed(3);
const line = (label: string, s: Scores, pps?: number): string =>
  `${label.padEnd(34)} F1 ${f(s.f1)}  P ${f(s.precision)}  R ${f(s.recall)}` + (pps ? `  ${pps.toFixed(1)} pages/s` : "");

const cpu = os.cpus()[0];
console.log(`AEB dev set, ${ids.length} pages; ${new Date().toISOString()}; ${cpu?.model ?? "unknown cpu"}, ${os.cpus().length} cores, Node ${process.version}`);
// Warm both up once so JIT time is not charged to whichever runs first.
for (const id of ids.slice(0, 10)) { readabilityBody(pages.get(id)!); oursBody(pages.get(id)!, id); }
// Interleaved page by page, so that load from other processes falls on both alike.
const oursCounts = new Map<string, PageCounts>();
const oc: PageCounts[] = [], rc: PageCounts[] = [];
let oms = 0, rms = 0;
for (const id of ids) {
  const html = pages.get(id)!;
  let t0 = performance.now();
  const ob = oursBody(html, id);
  oms += performance.now() - t0;
  t0 = performance.now();
  const rb = readabilityBody(html);
  rms += performance.now() - t0;
  const c = pageCounts(ob, truth[id]!.articleBody);
  oc.push(c);
  oursCounts.set(id, c);
  rc.push(pageCounts(rb, truth[id]!.articleBody));
}
const ours = { s: score(oc), pps: ids.length / (oms / 1000) };
const rdb = { s: score(rc), pps: ids.length / (rms / 1000) };
console.log(line("ours (extractHtml)", ours.s, ours.pps));
console.log(line("Readability.js 0.6 + linkedom", rdb.s, rdb.pps));
console.log(`speed ratio ours/Readability: ${(ours.pps / rdb.pps).toFixed(2)}x`);

const htmlText = (JSON.parse(readFileSync(new URL("reference-outputs/html-text.json", root), "utf8")) as { output: Outputs }).output;
const textIds = ids.filter((id) => id in htmlText);
const cleaned: PageCounts[] = [];
const raw: PageCounts[] = [];
for (const id of textIds) {
  const text = htmlText[id]!.articleBody ?? "";
  const { layout } = cleanText(text, id);
  const body = layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end)).join("\n\n");
  cleaned.push(pageCounts(body, truth[id]!.articleBody));
  raw.push(pageCounts(text, truth[id]!.articleBody));
}
console.log(line("plain-text cleaner (cleanText)", score(cleaned)));
console.log(line("uncleaned page text (html-text)", score(raw)));

if (process.argv.includes("--worst")) {
  const rows = [...oursCounts].map(([id, c]) => ({ id, p: c.tp / Math.max(1, c.tp + c.fp), r: c.tp / Math.max(1, c.tp + c.fn), fp: c.fp, fn: c.fn }));
  rows.sort((a, b) => b.fp + b.fn - (a.fp + a.fn));
  for (const r of rows.slice(0, 30)) console.log(`${r.id}  P ${f(r.p)} R ${f(r.r)} fp ${r.fp} fn ${r.fn}`);
}
