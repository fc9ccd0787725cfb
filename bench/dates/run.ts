/**
 * Publication-date benchmark on htmldate's evaluation pages
 * (../shared/bench-data/htmldate, Apache-2.0; see its README for the scoring):
 * accuracy = the share of pages whose extracted publication date falls on the
 * gold day (no date counts as wrong; on the 5 pages labelled with no date,
 * giving none is right, as in htmldate's own evaluation), overall and per set, with the figures
 * htmldate's authors published beside it.
 *
 *   npm run bench:dates                # figures
 *   npm run bench:dates -- --failures  # also list the misses of the model in CV (gold, ours, source)
 *   npm run bench:dates -- --limit=100
 *
 * The dated WCXB development pages (as `npm run bench:meta` scores them) run
 * beside, so that rules are chosen on both sets (`--no-wcxb` skips them).
 *
 * Cross-validation: the pages are split into 5 folds by a hash of the URL's
 * host (data.ts), so one site never sits in both training and test folds.
 * The optional rules of the date choice (OPTIONAL_DATE_RULES) are chosen on
 * 4 folds of both sets together: a rule is kept when switching it off does
 * not raise the number of right pages on them; the held-out fold is then
 * scored with the rules so chosen. A rule
 * that returns early can only change the pages where it gave the date, so
 * only those pages are run again with it off.
 *
 * The date model (src/metadata/date-ranker.ts, the default of
 * extractHtmlMetadata): each page's candidate days are collected in the main
 * pass (which runs the rules alone, `dateModel: null`); "whole" scores them
 * with the shipped weights (src/metadata/date-model.ts, fitted on all pages
 * of both sets, so in-sample), "5-fold CV" with weights fitted the same way
 * (bench/dates/date-train.ts) on the other 4 folds of both sets only.
 */
import os from "node:os";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { OPTIONAL_DATE_RULES } from "../../src/metadata/html-dates.js";
import { dayOf } from "../../src/metadata/dates.js";
import { FOLDS, loadPages, loadWcxbPages, readPage, type DatePage } from "./data.js";
import { DATE_MODEL } from "../../src/metadata/date-model.js";
import { DATE_FEATURES, type DateEntry } from "../../src/metadata/date-ranker.js";
import { alignWeights, argmaxRow, type CandidateRow, type LinearModel } from "../../src/metadata/linear-model.js";
import { dateGroup, fitDateModel, pageUrl } from "./date-train.js";

const showFailures = process.argv.includes("--failures");
const limit = Number(process.argv.find((a) => a.startsWith("--limit="))?.slice(8) ?? Infinity);

/** Published by htmldate's authors on these 1,000 pages (bench-data README, their docs/evaluation.rst, run of 2026-06-01). */
const PUBLISHED: [string, number][] = [
  ["htmldate 1.10 extensive", 0.903], ["htmldate 1.10 fast", 0.861], ["newspaper4k", 0.680],
  ["news-please", 0.680], ["articleDateExtractor", 0.656], ["goose3", 0.545],
];

interface Outcome { page: DatePage; ok: boolean; got: string | null; source: string; lang?: string; rows?: CandidateRow<DateEntry>[] }

const htmldatePages = loadPages().slice(0, limit);
const pages = [...htmldatePages, ...(process.argv.includes("--no-wcxb") ? [] : loadWcxbPages().slice(0, limit))];
let unreadable = 0, errors = 0, parseMs = 0, extractMs = 0;

/** Extracts the publication date of one page with the given rules off; `timed` adds to the speed figures. */
function run(page: DatePage, off: ReadonlySet<string>, timed = false, withRows = false): Outcome {
  const html = readPage(page);
  if (html === null) { if (timed) unreadable++; return { page, ok: false, got: null, source: "unreadable" }; }
  let got: string | null = null, source = "-", lang: string | undefined, rows: CandidateRow<DateEntry>[] | undefined;
  const t0 = performance.now();
  try {
    const doc = parseHTML(html).document as unknown as Document;
    const t1 = performance.now();
    const meta = extractHtmlMetadata(doc, { url: pageUrl(page), offDateRules: off, dateModel: null, onDateRows: withRows ? (r) => { rows = r; } : undefined });
    if (timed) { parseMs += t1 - t0; extractMs += performance.now() - t1; }
    got = meta.published ?? null;
    source = meta.provenance?.["published"]?.source ?? "-";
    lang = meta.language ?? undefined;
  } catch {
    if (timed) errors++;
  }
  return { page, ok: dayOf(got) === page.date || (page.date === null && !got), got, source, lang, rows };
}

const t0 = performance.now();
const outcomes = pages.map((p) => run(p, new Set(), p.set !== "wcxb", true));
const wallS = (performance.now() - t0) / 1000;

// Ablations: each optional rule off, on the pages where it gave the date.
const offOk = new Map<string, Map<Outcome, boolean>>();
for (const rule of OPTIONAL_DATE_RULES) {
  const m = new Map<Outcome, boolean>();
  for (const o of outcomes) if (o.source === rule) m.set(o, run(o.page, new Set([rule])).ok);
  offOk.set(rule, m);
}
// Per fold: rules chosen on the other folds, then the held-out fold scored with them.
const cvOutcomes: Outcome[] = [];
const chosenOff: string[][] = [];
for (let f = 0; f < FOLDS; f++) {
  const off = new Set<string>();
  for (const rule of OPTIONAL_DATE_RULES) {
    let gain = 0;
    for (const [o, ok] of offOk.get(rule)!) if (o.page.fold !== f) gain += (o.ok ? 1 : 0) - (ok ? 1 : 0);
    if (gain < 0) off.add(rule);
  }
  chosenOff.push([...off]);
  for (const o of outcomes) {
    if (o.page.fold !== f) continue;
    cvOutcomes.push(off.has(o.source) ? run(o.page, off) : o);
  }
}

// The date model: shipped weights (in-sample), and per fold weights fitted on the other folds of both sets.
const modelOutcome = (o: Outcome, model: LinearModel): Outcome => {
  const rows = o.rows ?? [];
  const i = argmaxRow(rows, alignWeights(model, DATE_FEATURES));
  const got = i >= 0 ? rows[i]!.item.day : null;
  return { ...o, got, source: i >= 0 ? rows[i]!.item.source : "-", ok: got === o.page.date || (o.page.date === null && !got) };
};
const foldModels = [...Array(FOLDS).keys()].map((f) => fitDateModel(
  outcomes.filter((o) => o.page.fold !== f && o.page.date).map((o) => dateGroup(o.rows ?? [], o.page.date)), `folds other than ${f}`));
const modelWhole = outcomes.map((o) => modelOutcome(o, DATE_MODEL));
const modelCv = outcomes.map((o) => modelOutcome(o, foldModels[o.page.fold]!));

const acc = (os_: readonly Outcome[]): string => (os_.length ? (os_.filter((o) => o.ok).length / os_.length).toFixed(3) : "n/a");
const line = (label: string, os_: readonly Outcome[]): string =>
  `${label.padEnd(28)}${String(os_.filter((o) => o.ok).length).padStart(5)} / ${String(os_.length).padEnd(5)} ${acc(os_)}`;
const hd = (o: Outcome): boolean => o.page.set !== "wcxb";

if (showFailures) {
  for (const o of modelCv.filter((x) => !x.ok)) console.log(`MISS ${o.page.set.padEnd(15)} gold=${o.page.date} ours=${o.got ?? "-"} [${o.source}] ${o.page.url}`);
}
console.log(`bench:dates  htmldate evaluation set (+ WCXB dev, dated pages)  ${new Date().toISOString()}`);
console.log(`machine: ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length}x ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`);
console.log(`htmldate pages: ${htmldatePages.length} (unreadable ${unreadable}, exceptions ${errors}); main pass over both sets ${wallS.toFixed(1)} s wall; on htmldate's pages ` +
  `${(htmldatePages.length / ((parseMs + extractMs) / 1000)).toFixed(1)} pages/s parse+metadata, ${(htmldatePages.length / (extractMs / 1000)).toFixed(1)} pages/s metadata alone`);
console.log(`folds: 5, by FNV-1a hash of the URL's host (one site never in both training and test); htmldate pages per fold ${[...Array(FOLDS).keys()].map((f) => htmldatePages.filter((p) => p.fold === f).length).join(" ")}`);
const sets = [...new Set(pages.map((p) => p.set))].sort();
console.log(`${"accuracy".padEnd(28)}${"rules, whole".padStart(18)}   ${"rules, 5-fold CV".padStart(16)}   ${"model, whole".padStart(16)}   ${"model, 5-fold CV".padStart(16)}`);
const both = (label: string, keep: (o: Outcome) => boolean): string =>
  [line(label, outcomes.filter(keep)), ...[cvOutcomes, modelWhole, modelCv].map((os_) => line("", os_.filter(keep)).trim().padStart(19))].join("   ");
console.log(both("htmldate, all pages", hd));
for (const set of sets.filter((x) => x !== "wcxb")) console.log(both(`  set ${set}`, (o) => o.page.set === set));
for (let f = 0; f < FOLDS; f++) console.log(both(`  fold ${f}`, (o) => hd(o) && o.page.fold === f));
if (sets.includes("wcxb")) console.log(both("WCXB dev, dated pages", (o) => o.page.set === "wcxb"));
// By the page's declared language (`<html lang>`, else its meta/JSON-LD language), htmldate's pages.
const LANGS = ["en", "de", "fr", "es", "uk", "ru", "it", "pt"];
for (const l of [...LANGS, "other", "none"]) {
  const keep = (o: Outcome): boolean => hd(o) && (l === "none" ? !o.lang : l === "other" ? !!o.lang && !LANGS.includes(o.lang) : o.lang === l);
  if (outcomes.some(keep)) console.log(both(`  htmldate, language ${l}`, keep));
}
console.log("rules switched off by the training folds (per held-out fold):");
for (let f = 0; f < FOLDS; f++) console.log(`  fold ${f}: ${chosenOff[f]!.join(", ") || "none"}`);
console.log("ablation on the whole sets (rule off: right -> right, on the pages where it gave the date; htmldate | WCXB):");
for (const rule of OPTIONAL_DATE_RULES) {
  const m = [...offOk.get(rule)!];
  const part = (keep: (o: Outcome) => boolean): string => {
    const e = m.filter(([o]) => keep(o));
    return `${e.filter(([o]) => o.ok).length} -> ${e.filter(([, ok]) => ok).length} of ${e.length}`;
  };
  console.log(`  ${rule.padEnd(34)}${part(hd).padEnd(18)}| ${part((o) => !hd(o))}`);
}
console.log("published on htmldate's pages (bench-data README: htmldate's docs/evaluation.rst, run of 2026-06-01, reviewed labels that may differ slightly from this copy):");
for (const [name, v] of PUBLISHED) console.log(`  ${name.padEnd(26)}${v.toFixed(3)}`);
const bySource = new Map<string, [number, number]>();
for (const o of outcomes.filter(hd)) { const s = bySource.get(o.source) ?? [0, 0]; s[0] += o.ok ? 1 : 0; s[1]++; bySource.set(o.source, s); }
console.log("htmldate pages by source of the date (right / pages):");
for (const [s, [ok, n]] of [...bySource].sort((a, b) => b[1][1] - a[1][1])) console.log(`  ${s.padEnd(40)}${ok} / ${n}`);
