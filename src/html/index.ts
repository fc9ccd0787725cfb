import { parseHTML } from "linkedom";
import type { ArticleLayout, ArticleMetadata, Caption, Message, Paragraph, Span } from "../model/index.js";
import { LIMITS, MessageBag } from "../model/index.js";
import { extractHtmlMetadata } from "../metadata/index.js";
import { alignCandidates, type Aligned, type Candidate } from "./align.js";
import { densityCandidates } from "./density.js";
import { applyFilters } from "./filters.js";
import { runReadability } from "./readability-run.js";
import { computeRemoved } from "./removed.js";
import { renderText, type Rendering } from "./render-text.js";
import { stripInvisible } from "./strip.js";
import { gapHeadings, siblingContinuations } from "./siblings.js";
import { dropRelatedBlocks } from "./teasers.js";
import { dropAuthorBoxes } from "./bio.js";
import { dropMarkedBoxes } from "./boxes.js";
import { revealStreamedSegments } from "./streamed.js";
import { estimateShape, scanText } from "./scan-text.js";

export { renderText, normalizeSpace } from "./render-text.js";
export type { Rendering, RenderedBlock, BlockContext } from "./render-text.js";

/** What the HTML stage returns for one page. */
export interface HtmlExtraction {
  layout: ArticleLayout;
  metadata: ArticleMetadata;
  messages: Message[];
}

/** Options for {@link extractHtml}. */
export interface HtmlOptions {
  url?: string | null;
  input: string;
  /**
   * html:readability-little's setting: Readability output shorter than `below`
   * characters gives way to the density choice when that holds more than
   * `ratio` times as much text (default 2,000 and 16; benchmarks try others).
   */
  littleArticle?: { below: number; ratio: number };
}

/** Readability output shorter than this (characters) is checked against the density extractor. */
const SHORT_ARTICLE = 250;
/**
 * html:readability-little — Readability output shorter than this (characters)
 * gives way to the density extractor's choice when that holds more than
 * `ratio` times as much text: Readability then took a disclosure or a
 * teaser for the article and dropped the story (upgradedpoints.com: 848
 * characters of an advertiser disclosure against a 22,000-character guide).
 * Chosen on WCXB dev with the AEB set unchanged (BENCHMARKS.md, session 16):
 * a lower ratio gains more on WCXB and loses news pages on AEB.
 */
const LITTLE_ARTICLE = { below: 2000, ratio: 16 };

function emptyLayout(text: string): ArticleLayout {
  return { text, paragraphs: [], captions: [], removed: [], title: null, standfirst: null, fields: [] };
}

/** Splits a caption into its text and a trailing credit ("Photo: X", "(AP Photo/Y)", "© Z"). */
function splitCredit(t: string): { text: string; credit: string | null } {
  const m = /(?:^|\s)(\(?(?:(?:photo|image|picture|foto|credit|source)s?\s{0,3}(?:by\s)?[:/|]?|©|\(c\)|copyright)\s{0,3}[^()\n]{1,120}\)?)\s*$/i.exec(t.length > 2000 ? "" : t);
  if (!m || m.index < 3) return { text: t, credit: null };
  return { text: t, credit: m[1]!.trim() };
}

/** Adds the text continuing the article in sibling containers (see siblings.ts), filtered like the rest, keeping `aligned` in text order. */
function addSiblingText(page: Rendering, aligned: Aligned[], title: string | null): void {
  const extra = siblingContinuations(page, aligned);
  // Headings between kept blocks come after the siblings are in, so that a heading opening a sibling section is not taken twice.
  if (extra.length) addBlocks(page, aligned, extra, title);
  const gaps = gapHeadings(page, aligned);
  if (gaps.length) addBlocks(page, aligned, gaps, title);
}

/** Adds page blocks to `aligned`, filtered like the rest, keeping it in text order. */
function addBlocks(page: Rendering, aligned: Aligned[], extra: number[], title: string | null): void {
  if (!extra.length) return;
  const found: Aligned[] = extra.map((i) => {
    const b = page.blocks[i]!;
    return { text: page.text.slice(b.start, b.end), kind: b.ctx.caption ? "caption" : b.ctx.heading ? "heading" : "paragraph", linkChars: b.linkChars, span: { start: b.start, end: b.end } };
  });
  aligned.push(...(applyFilters(found, { title }) as Aligned[]));
  aligned.sort((a, b) => a.span.start - b.span.start);
}

/** Chooses the article blocks: Readability first, the density extractor when it cannot or finds too little. */
function chooseCandidates(document: Document, page: Rendering, bag: MessageBag, little = LITTLE_ARTICLE): { candidates: Candidate[]; title: string | null } {
  let title: string | null = null;
  if (!document.documentElement || !document.body) {
    bag.info("html:density-fallback", "the page has no body element; the text-density extractor was used");
  } else if (page.maxDepth <= LIMITS.readabilityDepth && page.elements <= LIMITS.readabilityElements) {
    try {
      const res = runReadability(document);
      if (res) {
        title = res.title;
        if (res.length >= Math.max(SHORT_ARTICLE, little.below)) return { candidates: res.candidates, title };
        const dens = densityCandidates(page);
        const densLen = dens.reduce((n, c) => n + (c.dropped ? 0 : c.text.length), 0);
        if (densLen <= res.length * (res.length < SHORT_ARTICLE ? 2 : little.ratio)) return { candidates: res.candidates, title };
        bag.info("html:density-fallback", `Readability found little text (${res.length} characters against ${densLen}); the text-density extractor's choice was used`);
        return { candidates: dens, title };
      }
    } catch (e) {
      bag.warn("html:readability-failed", `Readability failed (${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : "error"}); the text-density extractor was used`);
    }
  } else {
    bag.info("html:density-fallback", `page too deep (${page.maxDepth}) or too large (${page.elements} elements) for Readability; the text-density extractor was used`);
  }
  return { candidates: densityCandidates(page), title };
}

/**
 * Parses a page with linkedom. linkedom makes the first element the document
 * element, so a fragment ("<p>hi</p>", plain text) is wrapped in html/body
 * first; Readability needs both.
 */
function parseDocument(source: string): Document {
  let doc = parseHTML(source).document as unknown as Document;
  if (doc.documentElement?.localName === "html" && doc.querySelector("body")) {
    adoptStrayContent(doc);
    if (NESTED_DOCUMENT.test(source)) unwrapNestedDocuments(doc);
    return doc;
  }
  const hasParts = /<(?:head|body)[\s>]/i.test(source.slice(0, 300_000));
  const wrapped = hasParts ? `<!DOCTYPE html><html>${source}</html>` : `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  doc = parseHTML(wrapped).document as unknown as Document;
  return doc;
}

/**
 * Moves what linkedom left after the document element into the body. A page
 * that closes its body and html early (a template's stray "</body></html>"
 * before the article) has the rest of its content placed beside <html>, where
 * no extractor looks; a browser puts it at the end of the body.
 */
function adoptStrayContent(doc: Document): void {
  const html = doc.documentElement;
  const body = doc.body;
  if (!html || !body) return;
  let node = html.nextSibling;
  while (node) {
    const next = node.nextSibling;
    if (node.nodeType === 1 && (node as Element).localName === "body") {
      while (node.firstChild) body.appendChild(node.firstChild);
      node.parentNode?.removeChild(node);
    } else if (node.nodeType === 1 || (node.nodeType === 3 && /\S/.test(node.textContent ?? ""))) body.appendChild(node);
    node = next;
  }
}

/** A streamed segment's id (`S:` and a hexadecimal number; cheap test before walking the tree). */
const STREAMED_SEGMENT = /id=["']?S:[0-9a-f]/;

/** A second <html> or <body> start tag after the first body (cheap test before walking the tree). */
const NESTED_DOCUMENT = /<body[\s>][\s\S]*<(?:html|body)[\s>]/i;

/**
 * html:nested-document — unwraps the html, head and body elements of a
 * document nested in the page's body, as a browser's parser does (it ignores
 * those tags there and keeps what they hold). CMSs store article bodies
 * serialized as whole documents (PHP's DOMDocument::saveHTML adds
 * "<!DOCTYPE …><html><body>"), and linkedom keeps the nested elements, which
 * the extractor then does not read as the article (modernfarmer.com: the whole
 * story lost behind them).
 */
function unwrapNestedDocuments(doc: Document): void {
  const own = new Set<Element | null>([doc.documentElement, doc.head, doc.body]);
  for (const el of [...doc.querySelectorAll("html, head, body")]) {
    if (own.has(el) || !el.parentNode) continue;
    while (el.firstChild) el.parentNode.insertBefore(el.firstChild, el);
    el.parentNode.removeChild(el);
  }
}

/** The metadata stage on a parsed page; a failure there is a message, not a crash. */
function safeMetadata(doc: Document, url: string | null, bag: MessageBag): ArticleMetadata {
  try {
    return extractHtmlMetadata(doc, { url }) ?? {};
  } catch (e) {
    bag.warn("html:metadata-failed", `metadata extraction failed: ${e instanceof Error ? e.message : String(e)}`);
    return {};
  }
}

/** Metadata from the page's head alone, for pages whose body is too big for a DOM. */
function headMetadata(source: string, url: string | null, bag: MessageBag): ArticleMetadata {
  const bodyAt = source.slice(0, 300_000).search(/<body[\s>]/i);
  const head = source.slice(0, bodyAt < 0 ? Math.min(source.length, 100_000) : bodyAt);
  const shape = estimateShape(head);
  if (head.length > 200_000 || shape.tags > 3_000 || shape.lts > 6_000 || shape.gts > 6_000 || shape.depth > 300) return {};
  const { document } = parseHTML(`${head}</head><body></body></html>`);
  return safeMetadata(document as unknown as Document, url, bag);
}

/**
 * Extracts the article of an HTML page: `layout.text` is the page's visible text,
 * the body paragraphs, captions and removed clutter are spans into it.
 * Never throws: bad input gives an empty layout and a message.
 */
export function extractHtml(html: string, opts: HtmlOptions): HtmlExtraction {
  const bag = new MessageBag(opts.input);
  let metadata: ArticleMetadata = {};
  let page: Rendering = { text: "", blocks: [], elements: 0, maxDepth: 0 };
  try {
    const source = stripInvisible(typeof html === "string" ? html : String(html));
    const shape = estimateShape(source);
    let candidates: Candidate[];
    let title: string | null = null;
    // A large input with no tag at all is text: the DOM adds nothing but its cost (400,000 no-break spaces took 1.5 s in linkedom).
    const tagless = shape.tags === 0 && source.length > 20_000;
    if (tagless || source.length > LIMITS.domChars || shape.tags > LIMITS.domTags || shape.lts > LIMITS.domLessThan || shape.gts > LIMITS.domLessThan || shape.depth > LIMITS.domDepth || shape.amps > LIMITS.domCharacterReferences) {
      bag.warn("html:pathological-markup", `markup too large or too deep for a DOM (${source.length > LIMITS.domChars ? `${source.length} characters, ` : ""}${shape.tags} tags, nesting ${shape.depth}, ${shape.amps} character references); read with the plain scanner and the text-density extractor`);
      metadata = headMetadata(source, opts.url ?? null, bag);
      page = scanText(source);
      candidates = densityCandidates(page);
    } else {
      const doc = parseDocument(source);
      if (STREAMED_SEGMENT.test(source)) revealStreamedSegments(doc);
      // linkedom leaves one text node per character reference ("&amp;" × 40,000 made 40,000 nodes and a
      // second of work downstream); merging adjacent text nodes is one cheap pass.
      if (shape.amps > 500) (doc.documentElement as (Element & { normalize(): void }) | null)?.normalize();
      metadata = safeMetadata(doc, opts.url ?? null, bag);
      page = renderText(doc.documentElement ?? doc);
      ({ candidates, title } = chooseCandidates(doc, page, bag, opts.littleArticle));
    }
    const filtered = applyFilters(dropRelatedBlocks(candidates), { title: metadata.title ?? title });
    const { aligned, missing } = alignCandidates(page.text, page.blocks, filtered);
    addSiblingText(page, aligned, metadata.title ?? title);
    dropAuthorBoxes(page, aligned);
    dropMarkedBoxes(page, aligned);
    if (missing.length) {
      bag.info("html:unaligned", `${missing.length} extracted block(s) could not be placed in the page text and were left out`);
    }
    const paragraphs: Paragraph[] = [];
    const captions: Caption[] = [];
    const dropped: { span: Span; reason: string; rule: string }[] = [];
    for (const a of aligned) {
      if (a.dropped) dropped.push({ span: a.span, reason: a.dropped.reason, rule: a.dropped.rule });
      else if (a.kind === "caption") captions.push({ span: a.span, ...splitCredit(page.text.slice(a.span.start, a.span.end)) });
      else paragraphs.push({ span: a.span, kind: a.kind });
    }
    const layout = emptyLayout(page.text);
    layout.paragraphs = paragraphs;
    layout.captions = captions;
    layout.removed = computeRemoved(page, [...paragraphs, ...captions].map((p) => p.span), dropped);
    const headline = metadata.title ?? title;
    if (headline) {
      const h = headline.trim().replace(/\s+/g, " ");
      const at = h ? page.text.indexOf(h) : -1;
      if (at >= 0) layout.title = { start: at, end: at + h.length };
    }
    if (!metadata.title && title) metadata = { ...metadata, title };
    if (paragraphs.length === 0) {
      bag.warn("html:no-article", "no article text was found in the page");
    }
    return { layout, metadata, messages: bag.messages };
  } catch (e) {
    bag.error("html:failed", `the page could not be processed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    return { layout: emptyLayout(page.text), metadata, messages: bag.messages };
  }
}
