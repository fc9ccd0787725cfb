/**
 * Publication-date benchmark on htmldate's evaluation pages
 * (../shared/bench-data/htmldate, Apache-2.0; see its README for the scoring):
 * accuracy = the share of pages whose extracted publication date falls on the
 * gold day (no date counts as wrong; on the 5 pages labelled with no date,
 * giving none is right, as in htmldate's own evaluation), overall and per set, with the figures
 * htmldate's authors published beside it.
 *
 *   npm run bench:dates                # figures
 *   npm run bench:dates -- --failures  # also list misses (gold, ours, source)
 *   npm run bench:dates -- --limit=100
 */
import os from "node:os";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { dayOf } from "../../src/metadata/dates.js";
import { FOLDS, loadPages, readPage, type DatePage } from "./data.js";

const showFailures = process.argv.includes("--failures");
const limit = Number(process.argv.find((a) => a.startsWith("--limit="))?.slice(8) ?? Infinity);

/** Published by htmldate's authors on these 1,000 pages (bench-data README, their docs/evaluation.rst, run of 2026-06-01). */
const PUBLISHED: [string, number][] = [
  ["htmldate 1.10 extensive", 0.903], ["htmldate 1.10 fast", 0.861], ["newspaper4k", 0.680],
  ["news-please", 0.680], ["articleDateExtractor", 0.656], ["goose3", 0.545],
];

interface Outcome { page: DatePage; ok: boolean; got: string | null; source: string }

const pages = loadPages().slice(0, limit);
const outcomes: Outcome[] = [];
let unreadable = 0, errors = 0;
const t0 = performance.now();
let extractMs = 0;
for (const page of pages) {
  const html = readPage(page);
  if (html === null) { unreadable++; outcomes.push({ page, ok: false, got: null, source: "unreadable" }); continue; }
  const t = performance.now();
  let got: string | null = null, source = "-";
  try {
    const meta = extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url: page.url });
    got = meta.published ?? null;
    source = meta.provenance?.["published"]?.source ?? "-";
  } catch {
    errors++;
  }
  extractMs += performance.now() - t;
  outcomes.push({ page, ok: dayOf(got) === page.date || (page.date === null && !got), got, source });
}
const wallS = (performance.now() - t0) / 1000;

const acc = (os_: readonly Outcome[]): string => (os_.length ? (os_.filter((o) => o.ok).length / os_.length).toFixed(3) : "n/a");
const line = (label: string, os_: readonly Outcome[]): string =>
  `${label.padEnd(28)}${String(os_.filter((o) => o.ok).length).padStart(5)} / ${String(os_.length).padEnd(5)} ${acc(os_)}`;

if (showFailures) {
  for (const o of outcomes.filter((x) => !x.ok)) console.log(`MISS ${o.page.set.padEnd(15)} gold=${o.page.date} ours=${o.got ?? "-"} [${o.source}] ${o.page.url}`);
}
console.log(`bench:dates  htmldate evaluation set  ${new Date().toISOString()}`);
console.log(`machine: ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length}x ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`);
console.log(`pages: ${pages.length} (unreadable ${unreadable}, exceptions ${errors}); ${wallS.toFixed(1)} s wall, ` +
  `${(pages.length / (extractMs / 1000)).toFixed(1)} pages/s parse+metadata`);
console.log(line("all pages", outcomes));
for (const set of [...new Set(pages.map((p) => p.set))].sort()) console.log(line(`  set ${set}`, outcomes.filter((o) => o.page.set === set)));
for (let f = 0; f < FOLDS; f++) console.log(line(`  fold ${f} (by host)`, outcomes.filter((o) => o.page.fold === f)));
console.log("published on these pages (bench-data README; reviewed labels, may differ slightly):");
for (const [name, v] of PUBLISHED) console.log(`  ${name.padEnd(26)}${v.toFixed(3)}`);
const bySource = new Map<string, [number, number]>();
for (const o of outcomes) { const s = bySource.get(o.source) ?? [0, 0]; s[0] += o.ok ? 1 : 0; s[1]++; bySource.set(o.source, s); }
console.log("by source (right / pages):");
for (const [s, [ok, n]] of [...bySource].sort((a, b) => b[1][1] - a[1][1])) console.log(`  ${s.padEnd(36)}${ok} / ${n}`);
