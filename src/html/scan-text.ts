import { LIMITS, mergeRuns } from "../model/index.js";
import type { BlockContext, Rendering, RenderedBlock } from "./render-text.js";

/**
 * A linear, DOM-free HTML-to-text scanner for pages no DOM library can take
 * in time: linkedom's parse grows faster than linearly with nesting depth and
 * costs about 20 µs an element, so markup nested thousands deep or with tens
 * of thousands of tags goes here instead. Written by hand because none of the
 * allowed packages renders text from a tag stream with block offsets, and it
 * has to be a loop over `indexOf` with bounded patterns, never recursion.
 */

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen"]);
/** Elements the HTML parser closes implicitly: not counted as nesting. */
const AUTO_CLOSED = new Set(["p", "li", "td", "th", "tr", "option", "dt", "dd", "tbody", "thead", "colgroup", "rp", "rt"]);
const RAW = new Set(["script", "style", "textarea", "title", "xmp", "noscript", "template", "svg", "iframe", "noembed", "noframes"]);
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
  "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
  "ul", "legend", "img", "head",
]);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,30})/y;
const WS = /[\s\u00a0]+/g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp|mdash|ndash|hellip|rsquo|lsquo|rdquo|ldquo|copy));/g;
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", mdash: "—", ndash: "–", hellip: "…",
  rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", copy: "©",
};

/** Decodes the common character references. */
function decode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? m;
    const cp = dec ? Number(dec) : parseInt(hex!, 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}

/** Tag count and nesting depth of a page, estimated from its tags alone (linear). */
export function estimateShape(html: string): { tags: number; depth: number; lts: number; gts: number; amps: number } {
  let tags = 0, depth = 0, maxDepth = 0, lts = 0, gts = 0, amps = 0;
  for (let a = html.indexOf("&"); a >= 0; a = html.indexOf("&", a + 1)) amps++;
  for (let a = html.indexOf(">"); a >= 0; a = html.indexOf(">", a + 1)) gts++;
  const gtAfter = nextGt(html);
  let i = html.indexOf("<");
  while (i >= 0) {
    lts++;
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (m) {
      tags++;
      const name = m[2]!.toLowerCase();
      if (!VOID.has(name) && !AUTO_CLOSED.has(name)) {
        if (m[1]) depth = Math.max(0, depth - 1);
        else if (html.charCodeAt(gtAfter(i) - 1) !== 47) {
          depth++;
          if (depth > maxDepth) maxDepth = depth;
        }
      }
    }
    i = html.indexOf("<", i + 1);
  }
  return { tags, depth: maxDepth, lts, gts, amps };
}

/** Renders a page as text with blocks, like `renderText`, from the raw markup. */
export function scanText(html: string): Rendering {
  const parts: string[] = [];
  let length = 0;
  const blocks: RenderedBlock[] = [];
  let blockStart = -1, blockLinks = 0, pendingSpace = false, pendingBreak = false;
  let blockCtx: BlockContext = { nav: false, chrome: false, caption: false, heading: 0 };
  let inLink = 0, nav = 0, chrome = 0, caption = 0, heading = 0, elements = 0;

  const closeBlock = (): void => {
    if (blockStart >= 0 && length > blockStart) blocks.push({ start: blockStart, end: length, linkChars: blockLinks, ctx: blockCtx, element: null, ancestry: null });
    blockStart = -1;
    blockLinks = 0;
    pendingSpace = false;
    pendingBreak = length > 0;
  };
  const text = (raw: string): void => {
    const collapsed = decode(raw).replace(WS, " ");
    if (!collapsed) return;
    let s = collapsed;
    if (s.charCodeAt(0) === 32) { if (blockStart >= 0) pendingSpace = true; s = s.slice(1); }
    let trailing = false;
    if (s.charCodeAt(s.length - 1) === 32) { trailing = true; s = s.slice(0, -1); }
    if (s) {
      if (blockStart < 0) {
        if (pendingBreak && length > 0) { parts.push("\n\n"); length += 2; }
        pendingBreak = false;
        blockStart = length;
        blockCtx = { nav: nav > 0, chrome: chrome > 0, caption: caption > 0, heading };
      } else if (pendingSpace) {
        parts.push(" ");
        length++;
        if (inLink) blockLinks++;
      }
      parts.push(s);
      length += s.length;
      if (inLink) blockLinks += s.length;
      pendingSpace = false;
    }
    if (trailing) pendingSpace = true;
  };

  const gtAfter = nextGt(html);
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf("<", pos);
    if (lt < 0) { text(html.slice(pos)); break; }
    if (lt > pos) text(html.slice(pos, lt));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      pos = end < 0 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      if (html.charCodeAt(lt + 1) === 33 || html.charCodeAt(lt + 1) === 63) {
        const end = html.indexOf(">", lt);
        pos = end < 0 ? html.length : end + 1;
      } else {
        text("<");
        pos = lt + 1;
      }
      continue;
    }
    const gt = gtAfter(lt);
    const after = gt < 0 ? html.length : gt + 1;
    const close = m[1] === "/";
    const name = m[2]!.toLowerCase();
    elements++;
    if (!close && RAW.has(name)) {
      const end = indexOfCi(html, `</${name}`, after);
      pos = end < 0 ? html.length : Math.max(after, html.indexOf(">", end) + 1 || html.length);
      continue;
    }
    const d = close ? -1 : 1;
    if (name === "a") inLink = Math.max(0, inLink + d);
    else if (name === "nav" || name === "menu") nav = Math.max(0, nav + d);
    else if (name === "header" || name === "footer" || name === "aside") chrome = Math.max(0, chrome + d);
    else if (name === "figcaption") caption = Math.max(0, caption + d);
    else if (/^h[1-6]$/.test(name)) heading = close ? 0 : Number(name[1]);
    if (name === "br") { if (blockStart >= 0) pendingSpace = true; }
    else if (BLOCK.has(name)) closeBlock();
    pos = after;
  }
  closeBlock();
  return { text: parts.join(""), blocks: coalesceBlocks(blocks, LIMITS.htmlBlocks), elements, maxDepth: 0 };
}

/**
 * Merges runs of neighbouring blocks so that at most about `max` remain. Only
 * pathological pages (hundreds of thousands of empty headings) get here; the
 * later stages handle each block separately, so their cost follows the count.
 */
export function coalesceBlocks(blocks: RenderedBlock[], max: number): RenderedBlock[] {
  if (blocks.length <= max) return blocks;
  return mergeRuns(blocks, max, (run) => ({
    start: run[0]!.start, end: run[run.length - 1]!.end, linkChars: run.reduce((n, b) => n + b.linkChars, 0), ctx: run[0]!.ctx, element: null, ancestry: null,
  }));
}

/** A memoized "next `>` at or after i" for increasing i, so a page without `>` stays linear. */
function nextGt(html: string): (i: number) => number {
  let cached = -2;
  return (i: number): number => {
    if (cached === -1) return -1;
    if (cached < i) cached = html.indexOf(">", i);
    return cached;
  };
}

/** Case-insensitive indexOf for an ASCII needle, without lowercasing the haystack. */
function indexOfCi(hay: string, needle: string, from: number): number {
  const lower = needle.toLowerCase();
  const upper = needle.toUpperCase();
  for (let i = from; i <= hay.length - needle.length; i++) {
    const a = hay.indexOf(lower[0]!, i);
    const b = hay.indexOf(upper[0]!, i);
    const at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (at < 0 || at > hay.length - needle.length) return -1;
    let ok = true;
    for (let k = 1; k < needle.length; k++) {
      const c = hay[at + k]!;
      if (c !== lower[k] && c !== upper[k]) { ok = false; break; }
    }
    if (ok) return at;
    i = at;
  }
  return -1;
}
