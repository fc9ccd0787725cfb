/**
 * bench:meta-gold — titles and authors on 600 htmldate pages that no title or
 * author rule was written for (gold: data/meta-gold/htmldate, guidelines:
 * docs/meta-annotation.md), ours beside Readability's in the same run. Scoring
 * as bench:meta (bench/meta/score.ts): title exact after normalization; author
 * right when every gold author is contained in ours, on pages whose gold
 * credits a person; on pages that credit none, any name of ours is counted as
 * given where there is none, and apart on the pages that credit nobody at all
 * (no agency or outlet either: the gold's `org` is empty), since WCXB's gold
 * takes an outlet's or team's credit as the author where ours records it in `org`.
 * Two rounds of 300 pages (bench/meta-gold/pages.ts): the development parts
 * (pages 0-199, 300-499) are printed with their misses on request; the blind
 * parts (200-299, 500-599) in totals only, and only when asked, so that a rule
 * is never chosen by looking at them.
 *
 *   npm run bench:meta-gold                  # the development parts, totals
 *   npm run bench:meta-gold -- --failures    # also the development parts' misses (--round 2: round 2 only)
 *   npm run bench:meta-gold -- --blind       # also the blind parts' totals
 */
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { readFileSync } from "node:fs";
import type { LinearModel } from "../../src/metadata/linear-model.js";
import { readPage } from "../dates/data.js";
import { normTitle } from "../meta/score.js";
import { loadGold, score, zero, type Score } from "./gold.js";
import { metaGoldPages, type GoldPage } from "./pages.js";

const showFailures = process.argv.includes("--failures");
const showBlind = process.argv.includes("--blind");
const roundArg = process.argv.indexOf("--round");
const onlyRound = roundArg >= 0 ? Number(process.argv[roundArg + 1]) : null;
/** Parts as printed: each round's development and blind part, and both rounds together. */
const PARTS = ["dev1", "dev2", "dev", "blind1", "blind2", "blind"] as const;
type PartKey = (typeof PARTS)[number];
const shown = PARTS.filter((k) => showBlind || k.startsWith("dev"));
const table = () => Object.fromEntries(PARTS.map((k) => [k, zero()])) as Record<PartKey, Score>;
const keysOf = (p: GoldPage): PartKey[] => [`${p.part}${p.round}` as PartKey, p.part];
/** The learned title choice (src/metadata/title-ranker.ts, fitted on WCXB dev only), scored beside the rules. */
const titleModel = JSON.parse(readFileSync(new URL("../../data/meta-model/title.json", import.meta.url), "utf8")) as LinearModel;
const modelTitles = Object.fromEntries(PARTS.map((k) => [k, 0])) as Record<PartKey, number>;
const pages = metaGoldPages();
const gold = loadGold(pages);
const ours = table();
const theirs = table();
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
  const keys = keysOf(p);
  const miss = score(ours[keys[0]!], g, title, authors);
  score(ours[keys[1]!], g, title, authors);
  try {
    const learned = extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url: p.url, titleModel }).title;
    if (normTitle(learned) === normTitle(g.title)) for (const k of keys) modelTitles[k]++;
  } catch { /* counted as wrong */ }
  const lang = p.part === "dev" ? langKey(language) : null;
  if (lang && !byLang.has(lang)) byLang.set(lang, { ours: zero(), theirs: zero() });
  if (lang) score(byLang.get(lang)!.ours, g, title, authors);
  if (showFailures && p.part === "dev" && (onlyRound === null || onlyRound === p.round) && miss.length) failures.push(`#${p.index} ${p.url}\n  ${miss.join("\n  ")}`);
  let r: { title?: string | null; byline?: string | null } | null = null;
  try {
    r = new Readability(parseHTML(html).document as unknown as Document).parse();
  } catch { /* counted as no answer */ }
  for (const k of keys) score(theirs[k], g, r?.title ?? null, r?.byline ? [r.byline] : []);
  if (lang) score(byLang.get(lang)!.theirs, g, r?.title ?? null, r?.byline ? [r.byline] : []);
}
const pct = (a: number, b: number) => `${String(a).padStart(3)} / ${String(b).padEnd(3)} ${b ? (a / b).toFixed(3) : "  –  "}`;
console.log(`bench:meta-gold  htmldate pages, title and author gold (docs/meta-annotation.md)  ${new Date().toISOString()}`);
console.log(`annotated: ${gold.size} of ${pages.length} pages; unreadable ${unreadable}`);
console.log("part               title (exact)          author (all gold authors)   no person credited: gave a name   nobody credited (no org either): gave a name");
for (const part of shown) {
  for (const [who, s] of [["Rashomon", ours[part]], ["Readability", theirs[part]]] as const) {
    console.log(`${(part + " " + who).padEnd(18)} ${pct(s.title, s.pages)}      ${pct(s.author, s.authorPages)}        ${pct(s.gaveName, s.noAuthorPages)}              ${pct(s.gaveUncredited, s.uncreditedPages)}`);
  }
}
for (const part of shown) {
  console.log(`${part}: title by the learned title model (fitted on WCXB dev): ${pct(modelTitles[part], ours[part].pages)}`);
}
console.log("dev (both rounds) by declared language (title; authors), Rashomon | Readability:");
for (const [l, v] of [...byLang].sort((a, b) => b[1].ours.pages - a[1].ours.pages)) {
  console.log(`  ${l.padEnd(6)} pages ${String(v.ours.pages).padStart(3)}  title ${pct(v.ours.title, v.ours.pages)}  authors ${pct(v.ours.author, v.ours.authorPages)}  | title ${pct(v.theirs.title, v.theirs.pages)}  authors ${pct(v.theirs.author, v.theirs.authorPages)}`);
}
if (showFailures) console.log(`\nmisses on the development parts (pages 0-199, 300-499${onlyRound ? `; round ${onlyRound} only` : ""}):\n${failures.join("\n")}`);
