/**
 * Metadata benchmark: title, author and publish date on the wcxb-articles
 * pages (../shared/bench-data/wcxb-articles), ours next to Readability's,
 * both measured in this run. Scoring rules: see ./score.ts.
 *
 *   npm run bench:meta                 # figures
 *   npm run bench:meta -- --failures   # also list our misses (for diagnosis)
 *   npm run bench:meta -- --no-readability  # ours only (faster iteration)
 */
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { normalizeDate } from "../../src/metadata/dates.js";
import { authorHit, lenientTitle, normTitle, sameDay } from "./score.js";

const root = fileURLToPath(new URL("../../../shared/bench-data/wcxb-articles/", import.meta.url));
const showFailures = process.argv.includes("--failures");
const skipReadability = process.argv.includes("--no-readability");
const limit = Number(process.argv.find((a) => a.startsWith("--limit="))?.slice(8) ?? Infinity);

interface Gold { title?: string | null; author?: string | null; publish_date?: string | null }
interface Tally { titleOk: number; titleLenient: number; authorOk: number; authorFalse: number; dateOk: number; dateFalse: number }
const tally = (): Tally => ({ titleOk: 0, titleLenient: 0, authorOk: 0, authorFalse: 0, dateOk: 0, dateFalse: 0 });

const ours = tally();
const theirs = tally();
let pages = 0, titled = 0, authored = 0, dated = 0, noAuthor = 0, noDate = 0, errors = 0, readabilityErrors = 0;
const failures: string[] = [];
const t0 = Date.now();

const ids = readdirSync(`${root}ground-truth`).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
for (const id of ids.slice(0, limit)) {
  const rec = JSON.parse(readFileSync(`${root}ground-truth/${id}.json`, "utf8")) as { url?: string; ground_truth: Gold };
  const gold = rec.ground_truth;
  let html: string;
  try {
    html = gunzipSync(readFileSync(`${root}html/${id}.html.gz`)).toString("utf8");
  } catch {
    errors++;
    continue;
  }
  pages++;
  let meta: ReturnType<typeof extractHtmlMetadata> = {};
  try {
    meta = extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url: rec.url ?? null });
  } catch {
    errors++;
  }
  let r: { title?: string | null; byline?: string | null; publishedTime?: string | null } | null = null;
  if (!skipReadability) try {
    r = new Readability(parseHTML(html).document as unknown as Document).parse();
  } catch {
    readabilityErrors++;
  }
  const goldAuthor = (gold.author ?? "").trim();
  const goldDate = (gold.publish_date ?? "").trim();
  const miss: string[] = [];

  if (gold.title) {
    titled++;
    if (normTitle(meta.title) === normTitle(gold.title)) ours.titleOk++;
    else miss.push(`title  gold=${JSON.stringify(normTitle(gold.title))} ours=${JSON.stringify(meta.title ?? null)} [${meta.provenance?.["title"]?.source ?? "-"}]`);
    if (lenientTitle(meta.title) === lenientTitle(gold.title)) ours.titleLenient++;
    if (normTitle(r?.title) === normTitle(gold.title)) theirs.titleOk++;
    if (lenientTitle(r?.title) === lenientTitle(gold.title)) theirs.titleLenient++;
  }
  if (goldAuthor) {
    authored++;
    if (authorHit(goldAuthor, meta.authors)) ours.authorOk++;
    else miss.push(`author gold=${JSON.stringify(goldAuthor)} ours=${JSON.stringify(meta.authors ?? [])} [${meta.provenance?.["authors"]?.source ?? "-"}] byline=${JSON.stringify(meta.byline ?? null)}`);
    if (authorHit(goldAuthor, r?.byline ? [r.byline] : [])) theirs.authorOk++;
  } else {
    noAuthor++;
    if (meta.authors?.length) ours.authorFalse++;
    if (r?.byline) theirs.authorFalse++;
  }
  // Readability's publishedTime is a raw string; it gets the same normalizer as ours.
  const rDate = normalizeDate(r?.publishedTime ?? null);
  if (goldDate) {
    dated++;
    if (sameDay(goldDate, meta.published)) ours.dateOk++;
    else miss.push(`date   gold=${goldDate} ours=${meta.published ?? null} [${meta.provenance?.["published"]?.source ?? "-"}]`);
    if (sameDay(goldDate, rDate)) theirs.dateOk++;
  } else {
    noDate++;
    if (meta.published) ours.dateFalse++;
    if (rDate) theirs.dateFalse++;
  }
  if (showFailures && miss.length) failures.push(`${id} ${rec.url ?? ""}\n  ${miss.join("\n  ")}`);
}

const pct = (a: number, b: number): string => (b ? (a / b).toFixed(3) : "n/a");
const row = (label: string, a: string, b: string): string => `${label.padEnd(34)}${a.padStart(16)}${b.padStart(16)}`;
if (showFailures) console.log(failures.join("\n"));
console.log(`bench:meta  wcxb-articles  ${new Date().toISOString()}`);
console.log(`machine: ${os.type()} ${os.release()} ${os.arch()}, ${os.cpus().length}x ${os.cpus()[0]?.model ?? "?"}, node ${process.version}`);
console.log(`pages read: ${pages} (unreadable: ${errors}, readability exceptions: ${readabilityErrors}), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(row("", "ours", "Readability"));
console.log(row(`title exact (${titled} pages)`, `${ours.titleOk} ${pct(ours.titleOk, titled)}`, `${theirs.titleOk} ${pct(theirs.titleOk, titled)}`));
console.log(row("  title, case/dash-folded (info)", `${ours.titleLenient} ${pct(ours.titleLenient, titled)}`, `${theirs.titleLenient} ${pct(theirs.titleLenient, titled)}`));
console.log(row(`author contained (${authored} pages)`, `${ours.authorOk} ${pct(ours.authorOk, authored)}`, `${theirs.authorOk} ${pct(theirs.authorOk, authored)}`));
console.log(row(`  no gold author (${noAuthor}): gave one`, `${ours.authorFalse}`, `${theirs.authorFalse}`));
console.log(row(`date same day (${dated} pages)`, `${ours.dateOk} ${pct(ours.dateOk, dated)}`, `${theirs.dateOk} ${pct(theirs.dateOk, dated)}`));
console.log(row(`  no gold date (${noDate}): gave one`, `${ours.dateFalse}`, `${theirs.dateFalse}`));
