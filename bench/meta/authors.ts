/**
 * Author diagnostics on the wcxb-articles pages (one pass, ours only, faster than bench:meta):
 *
 *   npx tsx bench/meta/authors.ts                # author figure, false authors, miss list
 *   npx tsx bench/meta/authors.ts --false        # also the names given on pages without a gold author
 *   npx tsx bench/meta/authors.ts 0027 0065      # only these pages, with their byline candidates
 *   npx tsx bench/meta/authors.ts --dump=FILE    # also every page's authors to FILE (diff two versions)
 *
 * Scoring as bench:meta (bench/meta/score.ts). Misses are classed: "none" (no author given),
 * "other" (someone else or the outlet), "partial" (the gold name is in ours only with its role
 * or credential stripped, or ours is one of several gold names).
 */
import { writeFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { findBylines } from "../../src/metadata/html-byline.js";
import { loadMetaPages, readMetaPage } from "./pages.js";
import { authorHit, normAuthor } from "./score.js";

const ids = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const showFalse = process.argv.includes("--false");
/** `--dump=FILE`: every page's authors and source, one line each (to diff two versions). */
const dump = process.argv.find((a) => a.startsWith("--dump="))?.slice(7);
const dumped: string[] = [];
const pages = loadMetaPages().filter((p) => !ids.length || ids.includes(p.id));
let authored = 0, ok = 0, noGold = 0, falsePos = 0;
const classes: Record<string, number> = { none: 0, other: 0, partial: 0 };
const lines: string[] = [];
const falses: string[] = [];
for (const p of pages) {
  const html = readMetaPage(p);
  if (html === null) continue;
  const meta = extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url: p.url });
  const gold = (p.gold.author ?? "").trim();
  const ours = meta.authors ?? [];
  const src = meta.provenance?.["authors"]?.source ?? "-";
  dumped.push(`${p.id} ${JSON.stringify(ours)} [${src}]`);
  if (ids.length) console.log(p.id, p.url, JSON.stringify({ gold, ours, src, bylines: findBylines(parseHTML(html).document as unknown as Document) }));
  if (!gold) {
    noGold++;
    if (ours.length) { falsePos++; falses.push(`${p.id} ${JSON.stringify(ours)} [${src}] ${p.url}`); }
    continue;
  }
  authored++;
  if (authorHit(gold, ours)) { ok++; continue; }
  const g = normAuthor(gold), o = normAuthor(ours.join(", "));
  const cls = !ours.length ? "none" : (o && (g.includes(o) || ours.some((a) => g.includes(normAuthor(a))))) ? "partial" : "other";
  classes[cls]!++;
  lines.push(`${cls.padEnd(7)} ${p.id} gold=${JSON.stringify(gold)} ours=${JSON.stringify(ours)} [${src}] ${p.url}`);
}
if (!ids.length) console.log(lines.sort().join("\n"));
if (dump) writeFileSync(dump, `${dumped.join("\n")}\n`);
if (showFalse) console.log(`false authors:\n${falses.join("\n")}`);
console.log(`author contained ${ok}/${authored} ${(ok / Math.max(1, authored)).toFixed(3)}; no gold author ${noGold}: gave one ${falsePos}; misses ${JSON.stringify(classes)}`);
