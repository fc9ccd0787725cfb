/**
 * Renders a DOM subtree as plain text, block by block.
 *
 * Written here rather than taken from a library because the spans of the whole
 * HTML stage point into this text: we need every block's offsets and a little
 * context about where it sat (navigation, header, link share), which no text
 * renderer we may use exposes. The walk is iterative, so 10,000-deep markup
 * cannot overflow the stack.
 */

/** Elements whose content is never visible text. */
const SKIP = new Set([
  "script", "style", "noscript", "template", "svg", "head", "iframe", "object",
  "embed", "canvas", "audio", "video", "map", "math", "select", "textarea", "title", "meta", "link",
]);

/** Elements that start and end a block (a "\n\n" break). */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "legend", "dir", "frame", "img",
]);

/** Where a block sat on the page, as far as its ancestors tell. */
export interface BlockContext {
  /** Inside nav, menu or a role=navigation element. */
  nav: boolean;
  /** Inside header, footer or aside outside the article. */
  chrome: boolean;
  /** Inside figcaption (or a caption-like class). */
  caption: boolean;
  /** h1–h6 level, 0 when the block is not a heading. */
  heading: number;
}

/** An element and its rendered ancestors, as a shared linked chain (recorded at render time, before Readability moves nodes). */
export interface Ancestry {
  el: Element;
  up: Ancestry | null;
  depth: number;
  /** The element's class and id when the page was rendered, space-separated (empty when it has neither). */
  names: string;
}

/** One rendered block with its offsets into the rendered text. */
export interface RenderedBlock {
  start: number;
  end: number;
  /** Characters of the block that sit inside links. */
  linkChars: number;
  ctx: BlockContext;
  /** The innermost block element the text belongs to. */
  element: Element | null;
  /** The innermost element around the block's first text, with its ancestors. */
  ancestry: Ancestry | null;
}

/** A rendering: the text and its blocks in document order. */
export interface Rendering {
  text: string;
  blocks: RenderedBlock[];
  /** Elements seen and the deepest element nesting, for choosing an extractor. */
  elements: number;
  maxDepth: number;
}

const WS = /[\s\u00a0]+/g;
const CHROME_ROLE = /^(?:navigation|banner|contentinfo|complementary|menu|menubar)$/;

/** Whether an element is hidden by markup (hidden attribute, display:none). */
function isHidden(el: Element): boolean {
  if (el.hasAttribute("hidden")) return true;
  const style = el.getAttribute("style");
  if (style && style.length < 2000 && /display\s{0,5}:\s{0,5}none|visibility\s{0,5}:\s{0,5}hidden/i.test(style)) return true;
  return el.getAttribute("aria-hidden") === "true" && el.localName !== "body";
}

interface Frame {
  el: Element;
  block: boolean;
  link: boolean;
  nav: boolean;
  chrome: boolean;
  caption: boolean;
  heading: number;
  chain: Ancestry | null;
}

/** Renders `root` (a document, element or fragment) as text with its blocks. */
export function renderText(root: Node): Rendering {
  const parts: string[] = [];
  let length = 0;
  const blocks: RenderedBlock[] = [];
  // State of the block being written.
  let blockStart = -1;
  let blockLinks = 0;
  let blockCtx: BlockContext | null = null;
  let blockEl: Element | null = null;
  let blockChain: Ancestry | null = null;
  let pendingSpace = false;
  let pendingBreak = false;
  let pendingNewline = false;
  const stack: Frame[] = [];
  let elements = 0;
  let maxDepth = 0;
  const top = (): Frame | undefined => stack[stack.length - 1];

  const closeBlock = (): void => {
    if (blockStart >= 0 && length > blockStart) {
      blocks.push({ start: blockStart, end: length, linkChars: blockLinks, ctx: blockCtx!, element: blockEl, ancestry: blockChain });
    }
    blockStart = -1;
    blockLinks = 0;
    pendingSpace = false;
    pendingNewline = false;
    pendingBreak = length > 0;
  };

  const write = (s: string, inLink: boolean): void => {
    if (blockStart < 0) {
      if (pendingBreak && length > 0) {
        parts.push("\n\n");
        length += 2;
      }
      pendingBreak = false;
      blockStart = length;
      const f = top();
      let el: Element | null = null;
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.block) { el = stack[i]!.el; break; }
      blockEl = el;
      blockChain = f ? f.chain : null;
      blockCtx = f ? { nav: f.nav, chrome: f.chrome, caption: f.caption, heading: f.heading } : { nav: false, chrome: false, caption: false, heading: 0 };
    } else if (pendingNewline) {
      parts.push("\n");
      length += 1;
    } else if (pendingSpace) {
      parts.push(" ");
      length += 1;
      if (inLink) blockLinks++;
    }
    pendingSpace = false;
    pendingNewline = false;
    parts.push(s);
    length += s.length;
    if (inLink) blockLinks += s.length;
  };

  const text = (data: string): void => {
    if (!data) return;
    const f = top();
    const inLink = f ? f.link : false;
    const collapsed = data.replace(WS, " ");
    if (collapsed === " ") {
      if (blockStart >= 0) pendingSpace = true;
      return;
    }
    let s = collapsed;
    if (s.charCodeAt(0) === 32) {
      if (blockStart >= 0) pendingSpace = true;
      s = s.slice(1);
    }
    let trailing = false;
    if (s.charCodeAt(s.length - 1) === 32) {
      trailing = true;
      s = s.slice(0, -1);
    }
    if (s) write(s, inLink);
    if (trailing) pendingSpace = true;
  };

  const enter = (el: Element): Frame | null => {
    const tag = (el.localName || "").toLowerCase();
    if (SKIP.has(tag) || isHidden(el)) return null;
    const parent = top();
    const role = el.getAttribute("role") ?? "";
    const block = BLOCK.has(tag);
    const f: Frame = {
      el,
      block,
      // A named anchor (<a name>, <a id>) is a target, not a link.
      link: (parent?.link ?? false) || (tag === "a" && el.hasAttribute("href")),
      nav: (parent?.nav ?? false) || tag === "nav" || tag === "menu" || role === "navigation" || role === "menu" || role === "menubar",
      chrome: (parent?.chrome ?? false) || tag === "header" || tag === "footer" || tag === "aside" || CHROME_ROLE.test(role),
      caption: (parent?.caption ?? false) || tag === "figcaption" || tag === "caption",
      heading: /^h[1-6]$/.test(tag) ? Number(tag[1]) : parent?.heading ?? 0,
      chain: null,
    };
    const up = parent?.chain ?? null;
    // Class and id as the page sent them: Readability strips the classes of the elements it keeps.
    const cls = el.getAttribute("class"), id = el.getAttribute("id");
    f.chain = { el, up, depth: up ? up.depth + 1 : 0, names: cls || id ? `${cls ?? ""} ${id ?? ""}` : "" };
    if (block) closeBlock();
    if (tag === "br" && blockStart >= 0) pendingNewline = true;
    if (tag === "img" || tag === "hr") {
      // Images and rules have no text but end the block around them.
      closeBlock();
    }
    return f;
  };

  const exit = (f: Frame): void => {
    if (f.block) closeBlock();
  };

  // Iterative depth-first walk with enter/exit.
  let node: Node | null = root.firstChild;
  const stopAt = root;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      text((node as Text).data);
    } else if (node.nodeType === 1) {
      const f = enter(node as Element);
      if (f) {
        elements++;
        if (node.firstChild) {
          stack.push(f);
          if (stack.length > maxDepth) maxDepth = stack.length;
          descend = true;
        } else exit(f);
      }
    } else if (node.nodeType === 9 || node.nodeType === 11) {
      descend = !!node.firstChild;
      if (descend) stack.push({ el: null as unknown as Element, block: false, link: false, nav: false, chrome: false, caption: false, heading: 0, chain: null });
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== stopAt && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === stopAt) { node = null; break; }
      const f = stack.pop();
      if (f && f.el) exit(f);
    }
    if (!node) break;
    node = node.nextSibling;
  }
  closeBlock();
  return { text: parts.join(""), blocks, elements, maxDepth };
}

/** Collapses whitespace the way {@link renderText} does, for comparing strings. */
export function normalizeSpace(s: string): string {
  return s.replace(WS, " ").trim();
}
