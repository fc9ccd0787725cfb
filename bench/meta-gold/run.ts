/**
 * bench:meta-gold — titles and authors on 300 htmldate pages that no title or
 * author rule was written for (gold: data/meta-gold/htmldate, guidelines:
 * docs/meta-annotation.md), ours beside Readability's in the same run. Scoring
 * as bench:meta (bench/meta/score.ts): title exact after normalization; author
 * right when every gold author is contained in ours, on pages whose gold
 * credits a person; on pages that credit none, any name of ours is counted as
 * given where there is none, and apart on the pages that credit nobody at all
 * (no agency or outlet either: the gold's `org` is empty), since WCXB's gold
 * takes an outlet's or team's credit as the author where ours records it in `org`. The development part (pages 0-199) is printed with
 * its misses on request; the blind part (200-299) in totals only, and only when
 * asked, so that a rule is never chosen by looking at it.
 *
 *   npm run bench:meta-gold                  # the development part, totals
 *   npm run bench:meta-gold -- --failures    # also the development part's misses
 *   npm run bench:meta-gold -- --blind       # also the blind part's totals
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { readFileSync } from "node:fs";
import type { LinearModel } from "../../src/metadata/linear-model.js";
import { readPage } from "../dates/data.js";
import { normTitle } from "../meta/score.js";
import { loadGold, score, zero } from "./gold.js";
import { metaGoldPages } from "./pages.js";

const showFailures = process.argv.includes("--failures");
const showBlind = process.argv.includes("--blind");
/** The learned title choice (src/metadata/title-ranker.ts, fitted on WCXB dev only), scored beside the rules. */
const titleModel = JSON.parse(readFileSync(new URL("../../data/meta-model/title.json", import.meta.url), "utf8")) as LinearModel;
const modelTitles = { dev: 0, blind: 0 };
const pages = metaGoldPages();
const gold = loadGold(pages);
const ours = { dev: zero(), blind: zero() };
const theirs = { dev: zero(), blind: zero() };
const failures: string[] = [];
/** Development part by the page's declared language (issue 15 item 5: bylines in other languages read as well as English ones). */
const byLang = new Map<string, { ours: ReturnType<typeof zero>; theirs: ReturnType<typeof zero> }>();
const langKey = (l: string | undefined): string => {
  const k = (l ?? "").toLowerCase().slice(0, 2);
  return ["en", "de", "fr", "es", "it", "pt", "ru", "uk"].includes(k) ? k : k ? "other" : "none";
};
let unreadable = 0;
for (const p of pages) {
  const g = gold.get(p.index);
  if (!g || g.title === null) continue;
  const html = readPage(p);
  if (html === null) { unreadable++; continue; }
  let title: string | null | undefined = null;
  let authors: readonly string[] = [];
  let language: string | undefined;
  try {
    const meta = extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url: p.url });
    title = meta.title;
    authors = meta.authors ?? [];
    language = meta.language ?? undefined;
  } catch { /* counted as no answer */ }
  const miss = score(ours[p.part], g, title, authors);
  try {
    const learned = extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url: p.url, titleModel }).title;
    if (normTitle(learned) === normTitle(g.title)) modelTitles[p.part]++;
  } catch { /* counted as wrong */ }
  const lang = p.part === "dev" ? langKey(language) : null;
  if (lang && !byLang.has(lang)) byLang.set(lang, { ours: zero(), theirs: zero() });
  if (lang) score(byLang.get(lang)!.ours, g, title, authors);
  if (showFailures && p.part === "dev" && miss.length) failures.push(`#${p.index} ${p.url}\n  ${miss.join("\n  ")}`);
  try {
    const r = new Readability(parseHTML(html).document as unknown as Document).parse();
    score(theirs[p.part], g, r?.title ?? null, r?.byline ? [r.byline] : []);
    if (lang) score(byLang.get(lang)!.theirs, g, r?.title ?? null, r?.byline ? [r.byline] : []);
  } catch {
    score(theirs[p.part], g, null, []);
    if (lang) score(byLang.get(lang)!.theirs, g, null, []);
  }
}
const pct = (a: number, b: number) => `${String(a).padStart(3)} / ${String(b).padEnd(3)} ${b ? (a / b).toFixed(3) : "  –  "}`;
console.log(`bench:meta-gold  htmldate pages, title and author gold (docs/meta-annotation.md)  ${new Date().toISOString()}`);
console.log(`annotated: ${gold.size} of ${pages.length} pages; unreadable ${unreadable}`);
console.log("part               title (exact)          author (all gold authors)   no person credited: gave a name   nobody credited (no org either): gave a name");
for (const part of showBlind ? (["dev", "blind"] as const) : (["dev"] as const)) {
  for (const [who, s] of [["Rashomon", ours[part]], ["Readability", theirs[part]]] as const) {
    console.log(`${(part + " " + who).padEnd(18)} ${pct(s.title, s.pages)}      ${pct(s.author, s.authorPages)}        ${pct(s.gaveName, s.noAuthorPages)}              ${pct(s.gaveUncredited, s.uncreditedPages)}`);
  }
}
for (const part of showBlind ? (["dev", "blind"] as const) : (["dev"] as const)) {
  console.log(`${part}: title by the learned title model (fitted on WCXB dev): ${pct(modelTitles[part], ours[part].pages)}`);
}
console.log("dev by declared language (title; authors), Rashomon | Readability:");
for (const [l, v] of [...byLang].sort((a, b) => b[1].ours.pages - a[1].ours.pages)) {
  console.log(`  ${l.padEnd(6)} pages ${String(v.ours.pages).padStart(3)}  title ${pct(v.ours.title, v.ours.pages)}  authors ${pct(v.ours.author, v.ours.authorPages)}  | title ${pct(v.theirs.title, v.theirs.pages)}  authors ${pct(v.theirs.author, v.theirs.authorPages)}`);
}
if (showFailures) console.log(`\nmisses on the development part (pages 0-199):\n${failures.join("\n")}`);
