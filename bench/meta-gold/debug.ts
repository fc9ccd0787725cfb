/** Diagnosis helper for the development part only: our title and authors with their sources, for given page indices (0-199, 300-499). */
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "../../src/metadata/index.js";
import { readPage } from "../dates/data.js";
import { metaGoldPages } from "./pages.js";

const pages = metaGoldPages();
for (const arg of process.argv.slice(2)) {
  const p = pages[Number(arg)];
  if (!p || p.part !== "dev") { console.log(`#${arg}: not a development page`); continue; }
  const m = extractHtmlMetadata(parseHTML(readPage(p) ?? "").document as unknown as Document, { url: p.url });
  console.log(`#${arg} ${p.url}\n  title ${JSON.stringify(m.title)} [${m.provenance?.title?.source}]\n  authors ${JSON.stringify(m.authors)} [${m.provenance?.authors?.source}] byline ${JSON.stringify(m.byline)}`);
}
