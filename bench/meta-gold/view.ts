/**
 * What an annotator of the title and author gold reads (docs/meta-annotation.md):
 * a page's visible text, block by block, after its `<head>` titles, so that the
 * headline and byline can be copied exactly as the page shows them. Reads the
 * page only, never Rashomon's output.
 *
 *   npx tsx bench/meta-gold/view.ts <index>          # one page of the pick (0..299)
 *   npx tsx bench/meta-gold/view.ts <index> --lines 400
 */
import { parseHTML } from "linkedom";
import { readPage } from "../dates/data.js";
import { metaGoldPages } from "./pages.js";

const index = Number(process.argv[2]);
const linesArg = process.argv.indexOf("--lines");
const maxLines = linesArg >= 0 ? Number(process.argv[linesArg + 1]) : 160;
const page = metaGoldPages()[index];
if (!page) {
  console.error(`no page ${process.argv[2]}: give an index from 0 to 299`);
  process.exit(2);
}
const html = readPage(page);
if (html === null) {
  console.log(`#${index} ${page.url}\n(unreadable page)`);
  process.exit(0);
}
const { document } = parseHTML(html);
const meta = (sel: string) => document.querySelector(sel)?.getAttribute("content")?.trim() ?? "";
console.log(`#${index} ${page.url}`);
console.log(`<title>: ${document.querySelector("title")?.textContent?.trim() ?? ""}`);
console.log(`og:title: ${meta('meta[property="og:title"]')}`);
console.log(`meta author: ${meta('meta[name="author"]')}`);
console.log("---- visible text (blocks) ----");
for (const el of document.querySelectorAll("script, style, noscript, template, svg")) el.remove();
const BLOCK = /^(?:P|DIV|H[1-6]|LI|TD|TH|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|NAV|BLOCKQUOTE|PRE|FIGCAPTION|TIME|ADDRESS|DD|DT|TR|BR|SPAN|A)$/;
const out: string[] = [];
let line = "";
const flush = () => {
  const t = line.replace(/\s+/g, " ").trim();
  if (t) out.push(t);
  line = "";
};
const walk = (n: Node) => {
  if (n.nodeType === 3) { line += n.textContent ?? ""; return; }
  if (n.nodeType !== 1) return;
  const el = n as Element;
  const tag = el.tagName.toUpperCase();
  const block = BLOCK.test(tag) && tag !== "SPAN" && tag !== "A";
  if (block) flush();
  if (/^H[1-6]$/.test(tag)) line += `[${tag}] `;
  for (const c of el.childNodes) walk(c);
  if (block) flush();
};
if (document.body) walk(document.body);
flush();
out.slice(0, maxLines).forEach((l) => console.log(l.length > 300 ? l.slice(0, 300) + " …" : l));
if (out.length > maxLines) console.log(`… ${out.length - maxLines} more lines (--lines N to see more)`);
