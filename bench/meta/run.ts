/**
 * Metadata benchmark: title, author and publish date on the wcxb-articles
 * pages (../shared/bench-data/wcxb-articles), ours next to Readability's,
 * both measured in this run. Scoring rules: see ./score.ts.
 *
 *   npm run bench:meta                 # figures
 *   npm run bench:meta -- --failures   # also list our misses (for diagnosis)
 *   npm run bench:meta -- --no-readability  # ours only (faster iteration)
 *
 * Each figure is printed whole and 5-fold cross-validated, all through
 * extractHtmlMetadata, for two systems:
 * - shipped: what extractHtmlMetadata does by default. Its title, author and
 *   date choices have no fitted parameters here, so its CV figure equals its
 *   whole figure (printed anyway). Date rules are chosen by CV in bench:dates.
 * - title model: the learned title choice (src/metadata/title-ranker.ts).
 *   Whole: the committed weights (data/meta-model/title.json, `npm run
 *   train:meta`, fitted on all pages, so in-sample). 5-fold CV: each page
 *   scored with weights fitted the same way on the other 4 folds only. Folds
 *   by FNV-1a of the URL's host, as bench:dates (bench/dates/data.ts): one
 *   site never sits in both the training and the test folds.
 *   `--exclude=rule,rule-only` fits the CV models without the rules' choice
 *   as a feature (a pure learned ranker).
 * The date is chosen by the shipped date model (src/metadata/date-ranker.ts,
 * fitted on all pages of WCXB dev and htmldate's, so "whole" is in-sample);
 * in both CV columns each page's date is chosen with date weights fitted on
 * the other 4 folds of both sets (bench/dates/date-train.ts).
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { extractHtmlMetadata, type HtmlMetadataOptions } from "../../src/metadata/index.js";
import { normalizeDate } from "../../src/metadata/dates.js";
import type { LinearModel } from "../../src/metadata/linear-model.js";
import { FOLDS } from "../dates/data.js";
import type { ChoiceGroup } from "./logistic.js";
import { loadMetaPages, readMetaPage, type MetaPage } from "./pages.js";
import { addPage, tally, type Tally } from "./tally.js";
import { fitTitleModel, titleGroup } from "./title-train.js";
import { loadPages } from "../dates/data.js";
import { collectDateRows, dateGroup, fitDateModel } from "../dates/date-train.js";
import type { CandidateRow } from "../../src/metadata/linear-model.js";
import type { DateEntry } from "../../src/metadata/date-ranker.js";

const showFailures = process.argv.includes("--failures");
const skipReadability = process.argv.includes("--no-readability");
const limit = Number(process.argv.find((a) => a.startsWith("--limit="))?.slice(8) ?? Infinity);
/** Features held at 0 in the CV fits (for comparing designs), e.g. `--exclude=rule,rule-only`. */
const exclude = process.argv.find((a) => a.startsWith("--exclude="))?.slice(10).split(",").filter(Boolean) ?? [];

const pages = loadMetaPages(limit);
const html = new Map<string, string>();
let errors = 0, readabilityErrors = 0;
for (const p of pages) { const h = readMetaPage(p); if (h === null) errors++; else html.set(p.id, h); }
const readable = pages.filter((p) => html.has(p.id));

/** Runs our extraction over the pages with per-page options; each page's title rows go to `groups` when given. */
function pass(optsOf: (p: MetaPage) => HtmlMetadataOptions, t: Tally, failures?: string[], groups?: Map<string, ChoiceGroup>): number {
  const t0 = performance.now();
  for (const p of readable) {
    let meta: ReturnType<typeof extractHtmlMetadata> = {};
    try {
      const onTitleRows: HtmlMetadataOptions["onTitleRows"] = groups ? (rows) => { const g = titleGroup(rows, p.gold.title); if (g) groups.set(p.id, g); } : undefined;
      meta = extractHtmlMetadata(parseHTML(html.get(p.id)!).document as unknown as Document, { url: p.url, ...optsOf(p), onTitleRows });
    } catch {
      errors++;
    }
    const src = (f: string): string | undefined => meta.provenance?.[f]?.source;
    const miss = addPage(t, p.gold, { title: meta.title, authors: meta.authors, published: meta.published,
      sources: { title: src("title"), authors: src("authors"), published: src("published") } });
    if (failures && miss.length) failures.push(`${p.id} ${p.url ?? ""}\n  ${miss.join("\n  ")}${meta.byline ? `\n  byline=${JSON.stringify(meta.byline)}` : ""}`);
  }
  return (performance.now() - t0) / 1000;
}

const t0 = Date.now();
const failures: string[] = [];
const groups = new Map<string, ChoiceGroup>();
const whole = tally();
const dateRowsById = new Map<string, CandidateRow<DateEntry>[]>();
const wholeS = pass((p) => ({ onDateRows: (r) => { dateRowsById.set(p.id, r); } }), whole, showFailures ? failures : undefined);
// Date weights per held-out fold, fitted on the other folds of WCXB dev and htmldate's pages.
const htmldatePages = loadPages();
const htmldateRows = collectDateRows(htmldatePages);
const goldDay = (p: MetaPage): string | null => /^\d{4}-\d{2}-\d{2}/.exec((p.gold.publish_date ?? "").trim())?.[0] ?? null;
const dateModels: LinearModel[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = [
    ...htmldatePages.filter((p) => p.fold !== f && p.date).map((p) => dateGroup(htmldateRows.get(p.path) ?? [], p.date)),
    ...readable.filter((p) => p.fold !== f && goldDay(p)).map((p) => dateGroup(dateRowsById.get(p.id) ?? [], goldDay(p))),
  ];
  dateModels.push(fitDateModel(train, `WCXB dev and htmldate, folds other than ${f}`));
}
const shippedCv = tally();
pass((p) => ({ dateModel: dateModels[p.fold]! }), shippedCv);
const committed = JSON.parse(readFileSync(new URL("../../data/meta-model/title.json", import.meta.url), "utf8")) as LinearModel;
const learned = tally();
const learnedS = pass(() => ({ titleModel: committed }), learned, undefined, groups);
// CV: the title model fitted on 4 folds, each page scored with the model that never saw its fold.
const models: LinearModel[] = [];
for (let f = 0; f < FOLDS; f++) {
  const train = readable.filter((p) => p.fold !== f).map((p) => groups.get(p.id)).filter((g): g is ChoiceGroup => !!g);
  models.push(fitTitleModel(train, `WCXB dev, folds other than ${f}`, { exclude }));
}
const cv = tally();
pass((p) => ({ titleModel: models[p.fold]!, dateModel: dateModels[p.fold]! }), cv);

const theirs = tally();
if (!skipReadability) for (const p of readable) {
  let r: { title?: string | null; byline?: string | null; publishedTime?: string | null } | null = null;
  try {
    r = new Readability(parseHTML(html.get(p.id)!).document as unknown as Document).parse();
  } catch {
    readabilityErrors++;
  }
  // Readability's publishedTime is a raw string; it gets the same normalizer as ours.
  addPage(theirs, p.gold, { title: r?.title, authors: r?.byline ? [r.byline] : [], published: normalizeDate(r?.publishedTime ?? null) });
}

const pct = (a: number, b: number): string => (b ? (a / b).toFixed(3) : "n/a");
const cols = [whole, shippedCv, learned, cv, theirs];
const row = (label: string, cells: string[]): string => `${label.padEnd(34)}${cells.map((c) => c.padStart(14)).join("")}`;
const fig = (label: string, ok: (t: Tally) => number, n: number): string => row(label, cols.map((t) => `${ok(t)} ${pct(ok(t), n)}`));
if (showFailures) console.log(failures.join("\n"));
console.log(`bench:meta  wcxb-articles  ${new Date().toISOString()}`);
console.log(`machine: ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length}x ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`);
console.log(`pages read: ${readable.length} (unreadable: ${errors}, readability exceptions: ${readabilityErrors}), ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
  `parse + metadata: shipped ${(readable.length / wholeS).toFixed(1)} pages/s, with the title model ${(readable.length / learnedS).toFixed(1)} pages/s`);
console.log(`folds: ${FOLDS}, by FNV-1a hash of the URL's host (bench/dates/data.ts); pages per fold ${[...Array(FOLDS).keys()].map((f) => readable.filter((p) => p.fold === f).length).join(" ")}` +
  `${exclude.length ? `; CV fits exclude ${exclude.join(", ")}` : ""}`);
console.log(row("", ["shipped", "", "title model", "", ""]));
console.log(row("", ["whole", "5-fold CV", "whole", "5-fold CV", "Readability"]));
console.log(fig(`title exact (${whole.titled} pages)`, (t) => t.titleOk, whole.titled));
console.log(fig("  title, case/dash-folded (info)", (t) => t.titleLenient, whole.titled));
console.log(fig(`author contained (${whole.authored} pages)`, (t) => t.authorOk, whole.authored));
console.log(row(`  no gold author (${whole.noAuthor}): gave one`, cols.map((t) => `${t.authorFalse}`)));
console.log(fig(`date same day (${whole.dated} pages)`, (t) => t.dateOk, whole.dated));
console.log(row(`  no gold date (${whole.noDate}): gave one`, cols.map((t) => `${t.dateFalse}`)));
console.log("shipped: extractHtmlMetadata's defaults (title and author by rules, no parameters fitted on these pages; date by the shipped date model: whole = in-sample, CV = date weights fitted on the other 4 folds of WCXB dev and htmldate's pages).");
console.log("title model: whole = committed weights fitted on all pages (in-sample); CV = weights fitted on the other 4 folds. Author is the shipped one in both; date as in the shipped columns.");
