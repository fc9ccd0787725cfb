/**
 * Diagnosis helper for bench:dates: for each missed page (or those given by
 * `--file=`), where the gold day occurs in the raw HTML (ISO, numeric, month
 * number forms), with a little context.
 *
 *   npx tsx bench/dates/debug.ts --source=- [--max=40]
 */
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { dayOf } from "../../src/metadata/dates.js";
import { loadPages, readPage } from "./data.js";

const arg = (k: string): string | undefined => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
const wantSource = arg("source");
const wantFile = arg("file");
const max = Number(arg("max") ?? 40);
let shown = 0;
for (const p of loadPages()) {
  if (shown >= max) break;
  if (wantFile && p.file !== wantFile) continue;
  const html = readPage(p);
  if (!html || !p.date) continue;
  const meta = extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url: p.url });
  const src = meta.provenance?.["published"]?.source ?? "-";
  if (!wantFile && (dayOf(meta.published) === p.date || (wantSource && src !== wantSource))) continue;
  shown++;
  const [y, m, d] = p.date.split("-");
  const forms = [p.date, `${+d!}.${+m!}.${y}`, `${d}.${m}.${y}`, `${d}/${m}/${y}`, `${m}/${d}/${y}`, `${y}/${m}/${d}`, `${d}.${m}.${y!.slice(2)}`, `${y}${m}${d}`];
  console.log(`=== ${p.file} gold=${p.date} ours=${meta.published ?? "-"} [${src}] lang=${/<html[^>]*lang="?([\w-]+)/i.exec(html)?.[1] ?? "?"} ${p.url}`);
  const text = html.replace(/\s+/g, " ");
  let hits = 0;
  for (const f of forms) {
    let i = text.indexOf(f);
    while (i >= 0 && hits < 6) {
      console.log(`   [${f}] …${text.slice(Math.max(0, i - 110), i + 50)}…`);
      hits++;
      i = text.indexOf(f, i + 1);
    }
  }
  if (!hits) {
    // Month names: show the year's occurrences near a day number.
    const re = new RegExp(`\\b0?${+d!}\\.?\\s{0,3}[^\\s\\d<>]{3,12}\\.?,?\\s{0,3}${y}|[^\\s\\d<>]{3,12}\\.?\\s{0,3}0?${+d!},?\\s{0,3}${y}`, "gu");
    for (const mm of text.matchAll(re)) {
      if (hits++ >= 4) break;
      console.log(`   [name] …${text.slice(Math.max(0, mm.index! - 100), mm.index! + 60)}…`);
    }
  }
  if (!hits) console.log("   (gold day not found in HTML)");
}

// `--explain=<file>`: the evidence the date choice saw on one page.
const explain = arg("explain");
if (explain) {
  const { findVisibleDates, headlineOf } = await import("../../src/metadata/html-byline.js");
  const { indexElements } = await import("../../src/metadata/html-index.js");
  const { fallbackDates } = await import("../../src/metadata/html-fallback-dates.js");
  for (const p of loadPages().filter((x) => x.file === explain)) {
    const doc = parseHTML(readPage(p)!).document as unknown as Document;
    const ix = indexElements(doc);
    console.log(p.url, p.date, "h1:", headlineOf(ix)?.textContent?.slice(0, 60));
    for (const v of findVisibleDates(doc, headlineOf(ix)).slice(0, 12)) console.log("  visible", JSON.stringify(v));
    console.log("  fallback", JSON.stringify(fallbackDates(doc, headlineOf(ix), true)));
  }
}

// `--oracle`: for each miss, which evidence holds the gold day.
if (process.argv.includes("--oracle")) {
  const { findVisibleDates, headlineOf } = await import("../../src/metadata/html-byline.js");
  const { indexElements } = await import("../../src/metadata/html-index.js");
  const { fallbackDates } = await import("../../src/metadata/html-fallback-dates.js");
  const { urlDay } = await import("../../src/metadata/html-dates.js");
  const { normalizeDate: nd } = await import("../../src/metadata/dates.js");
  const tally = new Map<string, number>();
  for (const p of loadPages()) {
    const html = readPage(p);
    if (!html || !p.date) continue;
    const doc = parseHTML(html).document as unknown as Document;
    const meta = extractHtmlMetadata(doc, { url: p.url });
    if (dayOf(meta.published) === p.date) continue;
    const ix = indexElements(doc);
    const has: string[] = [];
    if (urlDay(p.url) === p.date) has.push("url");
    if (dayOf(meta.updated) === p.date) has.push("modified");
    const vis = findVisibleDates(doc, headlineOf(ix));
    const i = vis.findIndex((v) => !v.source && (nd(v.text, { dayFirst: true }) ?? "").startsWith(p.date!) || (nd(v.text, { dayFirst: false }) ?? "").startsWith(p.date!));
    if (i >= 0) has.push(`visible#${Math.min(i, 5)}`);
    if (fallbackDates(doc, headlineOf(ix), true).some((c) => c.value.startsWith(p.date!))) has.push("fallback");
    if (html.includes(p.date)) has.push("iso-in-html");
    const key = `${meta.published ? "wrong" : "none"}: ${has.join(" ") || "nothing"}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    console.log(`${key.padEnd(50)} ${p.file} gold=${p.date} ours=${meta.published ?? "-"} [${meta.provenance?.["published"]?.source ?? "-"}]`);
  }
  for (const [k, n] of [...tally].sort((a, b) => b[1] - a[1])) console.log(String(n).padStart(4), k);
}
