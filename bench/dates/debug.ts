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
