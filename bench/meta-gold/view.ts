/**
 * What an annotator of the title and author gold reads (docs/meta-annotation.md):
 * a page's visible text, block by block, after its `<head>` titles, so that the
 * headline and byline can be copied exactly as the page shows them. Reads the
 * page only, never Rashomon's output.
 *
 *   npx tsx bench/meta-gold/view.ts <index>          # one page of the pick (0..599)
 *   npx tsx bench/meta-gold/view.ts <index> --lines 400
 *   npx tsx bench/meta-gold/view.ts 300-374 --out DIR --lines 400   # a range, one file per page
 */
import { writeFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { readPage } from "../dates/data.js";
import { GOLD_SIZE, metaGoldPages } from "./pages.js";

/** The annotator's view of page `index` of the pick: its head titles and visible text block by block. */
export function viewPage(index: number, maxLines: number): string[] {
  const page = metaGoldPages()[index];
  if (!page) throw new Error(`no page ${index}: give an index from 0 to ${GOLD_SIZE - 1}`);
  const html = readPage(page);
  if (html === null) return [`#${index} ${page.url}`, "(unreadable page)"];
  const { document } = parseHTML(html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute("content")?.trim() ?? "";
  const head = [
    `#${index} ${page.url}`,
    `<title>: ${document.querySelector("title")?.textContent?.trim() ?? ""}`,
    `og:title: ${meta('meta[property="og:title"]')}`,
    `meta author: ${meta('meta[name="author"]')}`,
    "---- visible text (blocks) ----",
  ];
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
  const shown = out.slice(0, maxLines).map((l) => (l.length > 300 ? l.slice(0, 300) + " …" : l));
  if (out.length > maxLines) shown.push(`… ${out.length - maxLines} more lines (--lines N to see more)`);
  return [...head, ...shown];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const arg = process.argv[2] ?? "";
  const linesArg = process.argv.indexOf("--lines");
  const maxLines = linesArg >= 0 ? Number(process.argv[linesArg + 1]) : 160;
  const outArg = process.argv.indexOf("--out");
  const [from, to] = arg.includes("-") ? arg.split("-").map(Number) : [Number(arg), Number(arg)];
  try {
    for (let i = from!; i <= to!; i++) {
      const text = viewPage(i, maxLines).join("\n") + "\n";
      if (outArg >= 0) writeFileSync(`${process.argv[outArg + 1]}/${i}.txt`, text);
      else process.stdout.write(text);
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}
