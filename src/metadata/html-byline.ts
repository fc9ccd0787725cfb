/**
 * Visible page evidence: the byline (rel=author, itemprop=author, byline /
 * author classes, "By X" lines) and `<time datetime>` elements, preferring
 * those in the article header over those in comments, sidebars and footers.
 */

import type { ElementIndex } from "./html-index.js";

/** A candidate found in the page, with the rule that found it. */
export interface VisibleCandidate {
  value: string;
  source: string;
}

const NOISE_WORDS = new Set([
  "comment", "comments", "related", "sidebar", "footer", "recommended", "recommendations",
  "promo", "newsletter", "popular", "trending", "share", "sharing", "social", "nav", "navbar", "navigation", "menu",
  "breadcrumb", "breadcrumbs", "bio", "testimonial", "testimonials", "reviews", "aside", "carousel", "teaser", "teasers",
]);

function tokens(el: Element): string {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
}

/** Whether a class/id list names noise as a whole word ("related-posts", "site_footer"). */
function noisy(el: Element): boolean {
  const t = tokens(el);
  if (t.length > 400) return false;
  return t.toLowerCase().split(/[\s_-]+/).some((w) => NOISE_WORDS.has(w));
}

/** Whether an element sits in a comment thread, sidebar, footer or navigation (up to the article, main or body). */
function inNoise(el: Element): boolean {
  let cur: Element | null = el.parentElement;
  for (let i = 0; cur && i < 30; i++, cur = cur.parentElement) {
    const tag = cur.tagName.toLowerCase();
    if (tag === "footer" || tag === "aside" || tag === "nav") return true;
    if (tag === "body" || tag === "html") return false;
    if (noisy(cur)) return true;
    if (tag === "article" || tag === "main") return false;
  }
  return false;
}

// Class words of author widgets that hold no byline: avatars, bios, social links, job titles.
const CLASS_SKIP = /^(?:avatars?|image|images|img|photo|photos|bio|bios|box|social|follow|comments?|desc|description|title|job|role|email|twitter)$/;

const clean = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();

const INLINE = new Set(["b", "i", "em", "strong", "u", "small", "sup", "sub", "abbr", "mark"]);
const SKIP = new Set(["script", "style", "noscript", "svg", "template", "button", "select"]);

/**
 * Text of an element with a space at element boundaries, so that
 * `<span>Jane Doe</span><span>April 8</span>` reads "Jane Doe April 8".
 * (linkedom has no innerText.)
 */
export function spacedText(el: Element, max = 2000): string {
  const parts: string[] = [];
  let len = 0;
  const walk = (n: Node, depth: number): void => {
    if (len > max || depth > 40) return;
    if (n.nodeType === 3) { const t = n.nodeValue ?? ""; parts.push(t); len += t.length; return; }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    const sp = INLINE.has(tag) ? "" : " ";
    parts.push(sp);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
    parts.push(sp);
  };
  walk(el, 0);
  return clean(parts.join(""));
}

function safeAll(root: ParentNode, sel: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(sel));
  } catch {
    return [];
  }
}

/** Visible byline candidates in priority order (`ix`: the page's element index, saves the scans). */
export function findBylines(document: Document, ix?: ElementIndex): VisibleCandidate[] {
  const out: VisibleCandidate[] = [];
  const push = (value: string, source: string): void => {
    const v = clean(value);
    if (v && v.length <= 200 && !out.some((c) => c.value === v)) out.push({ value: v, source });
  };
  for (const el of (ix?.itempropAuthor ?? safeAll(document, '[itemprop~="author"]')).slice(0, 10)) {
    if (inNoise(el)) continue;
    const name = el.querySelector('[itemprop~="name"]');
    push(name?.getAttribute("content") ?? (name ? spacedText(name) : null) ?? el.getAttribute("content") ?? spacedText(el), "html:itemprop-author");
  }
  for (const el of (ix?.relAuthor ?? safeAll(document, 'a[rel~="author"]')).slice(0, 10)) {
    if (inNoise(el)) continue;
    push(spacedText(el), "html:rel-author");
  }
  for (const el of (ix?.authorLinks ?? safeAll(document, 'a[href*="/author/"], a[href*="/authors/"]')).slice(0, 10)) {
    if (inNoise(el)) continue;
    const txt = spacedText(el);
    if (txt.length <= 60) push(txt, "html:author-link");
  }
  const classed = ix?.authorClassed ?? safeAll(document, '[class*="byline" i], [class*="author" i], [id*="byline" i], [id*="author" i]');
  for (const el of classed.slice(0, 60)) {
    const t = tokens(el);
    // Whole words of the class/id ("jobber-academy" is no "job"); a name slot
    // ("author-box__name", "authorName") is kept even inside an author box.
    const words = t.split(/[\s_-]+|(?<=\p{Ll})(?=\p{Lu})/u).map((w) => w.toLowerCase());
    if (words.some((w) => CLASS_SKIP.test(w)) && !words.includes("name")) continue;
    if (inNoise(el)) continue;
    const txt = spacedText(el, 400);
    if (!txt || txt.length > 150) continue;
    push(txt, /byline/i.test(t) ? "html:byline-class" : "html:author-class");
  }
  // "By X" lines: text nodes that start with "By"; their element (or its parent when
  // the node is the bare word "By") is the byline. A node walk, not a per-element
  // textContent scan, keeps this linear in the page size.
  const hits: Element[] = [];
  const walk = (n: Node, depth: number): void => {
    if (hits.length >= 12 || depth > 60) return;
    if (n.nodeType === 3) {
      const t = (n.nodeValue ?? "").trim();
      if (t.length <= 120 && /^(?:written\s|posted\s)?by\b:?/i.test(t) && n.parentElement) hits.push(n.parentElement);
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9) return;
    if (n.nodeType === 1 && SKIP.has((n as Element).tagName.toLowerCase())) return;
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
  };
  if (document.body) walk(document.body, 0);
  for (let el of hits) {
    if (/^(?:written\s|posted\s)?by:?$/i.test(clean(el.textContent)) && el.parentElement) el = el.parentElement;
    const txt = spacedText(el, 400);
    if (txt.length < 5 || txt.length > 150 || !/^(?:written\s|posted\s)?by:?\s{1,3}\S/iu.test(txt)) continue;
    if (inNoise(el)) continue;
    push(txt, "html:by-line");
  }
  return out;
}

/** `<time>` and `itemprop=datePublished` candidates, header ones first (`ix`: the page's element index). */
export function findTimes(document: Document, ix?: ElementIndex): { published: VisibleCandidate[]; modified: VisibleCandidate[] } {
  const published: VisibleCandidate[] = [];
  const modified: VisibleCandidate[] = [];
  for (const el of (ix?.itempropPublished ?? safeAll(document, '[itemprop~="datePublished"]')).slice(0, 5)) {
    const v = el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.textContent;
    if (clean(v)) published.push({ value: clean(v), source: "html:itemprop-datePublished" });
  }
  for (const el of (ix?.itempropModified ?? safeAll(document, '[itemprop~="dateModified"]')).slice(0, 5)) {
    const v = el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.textContent;
    if (clean(v)) modified.push({ value: clean(v), source: "html:itemprop-dateModified" });
  }
  const times = (ix?.times ?? safeAll(document, "time")).slice(0, 100);
  const scored: { el: Element; score: number; i: number }[] = [];
  times.forEach((el, i) => {
    if (inNoise(el)) return;
    let score = 0;
    let cur: Element | null = el;
    for (let d = 0; cur && d < 8; d++, cur = cur.parentElement) {
      const tag = cur.tagName.toLowerCase();
      const t = tokens(cur);
      if (tag === "header" || /header|byline|meta|dateline|posted|publish|entry-date|date/i.test(t)) score += 2;
      if (tag === "article" || tag === "main") score += 1;
    }
    if (el.hasAttribute("pubdate")) score += 3;
    if (/updated|modified/i.test(tokens(el)) || /updated/i.test(clean(el.parentElement?.textContent).slice(0, 40))) score -= 3;
    scored.push({ el, score, i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const { el } of scored) {
    const v = el.getAttribute("datetime") ?? el.textContent;
    if (!clean(v)) continue;
    const isMod = /updated|modified/i.test(tokens(el));
    (isMod ? modified : published).push({ value: clean(v), source: "html:time" });
  }
  return { published, modified };
}

/** A date written in the page's visible text, scored by where it stands. */
export interface VisibleDate {
  text: string;
  score: number;
  /** The text or its label says "updated" / "modified". */
  updated: boolean;
}

// Prefilter only (the parse is done by the date normalizer): a month name or a numeric date, plus a year.
const DATEISH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}\d{1,2}\b|\b\d{1,2}\.?\s{1,3}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b/i;
const DATE_CLASS = /date|time|meta|byline|posted|publish|author|info|header|hero|dateline/i;

/**
 * Dates in visible text (text nodes of at most 100 characters holding a month
 * name or numeric date with a year), best first: near the headline, in
 * date/meta/byline containers, labelled "Published" rather than "Updated".
 */
export function findVisibleDates(document: Document): VisibleDate[] {
  const nodes: { node: Node; text: string }[] = [];
  let h1At = -1;
  let idx = 0;
  const walk = (n: Node, depth: number): void => {
    if (depth > 60 || idx > 20000) return;
    if (n.nodeType === 3) {
      const t = clean(n.nodeValue);
      if (t) { nodes.push({ node: n, text: t }); idx++; }
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === "h1" && h1At < 0) h1At = idx;
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
  };
  if (document.body) walk(document.body, 0);
  const out: VisibleDate[] = [];
  for (let i = 0; i < nodes.length && out.length < 40; i++) {
    const { node, text } = nodes[i]!;
    if (text.length < 6 || text.length > 100 || !/(?:19|20)\d{2}/.test(text) || !DATEISH.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || inNoise(parent)) continue;
    let score = 0;
    if (h1At >= 0) {
      if (i >= h1At && i - h1At <= 40) score += 3;
      else if (i < h1At && h1At - i <= 25) score += 2;
      else if (i > h1At) score -= Math.min(3, (i - h1At) / 200);
    }
    let cur: Element | null = parent;
    for (let d = 0; cur && d < 4; d++, cur = cur.parentElement) {
      if (DATE_CLASS.test(tokens(cur)) || cur.tagName.toLowerCase() === "header") { score += 2; break; }
    }
    const label = `${nodes[i - 2]?.text ?? ""} ${nodes[i - 1]?.text ?? ""} ${text}`.slice(-160).toLowerCase();
    const updated = /updated|modified|reviewed/.test(label.slice(-text.length - 40));
    if (/published|posted|date/.test(label)) score += 1;
    if (updated) score -= 0.5;
    out.push({ text, score, updated });
  }
  return out.sort((a, b) => b.score - a.score);
}
