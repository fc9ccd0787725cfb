/**
 * Visible page evidence: the byline (rel=author, itemprop=author, byline /
 * author classes, "By X" lines, "Author" labels) and `<time datetime>`
 * elements, preferring those in the article header over those in comments,
 * sidebars and footers (see html-noise.ts). Visible dates in text: see
 * html-visible-dates.ts.
 */

import { VON_LEAD } from "./authors.js";
import type { ElementIndex } from "./html-index.js";
import { clean, inComments, inNoise, labelledPublished, SKIP, textRoot, tokens } from "./html-noise.js";

export { findVisibleDates, type VisibleDate } from "./html-visible-dates.js";

/** A candidate found in the page, with the rule that found it. */
export interface VisibleCandidate {
  value: string;
  source: string;
}

// Class words of author widgets that hold no byline: avatars, bios, social links, job titles.
const CLASS_SKIP = /^(?:avatars?|image|images|img|photo|photos|bio|bios|box|social|follow|comments?|desc|description|title|job|role|email|twitter)$/;

const INLINE = new Set(["b", "i", "em", "strong", "u", "small", "sup", "sub", "abbr", "mark"]);

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

/** The page's headline element: the article `<h1>`, else the first `<h1>`. */
export function headlineOf(ix: ElementIndex | undefined): Element | null {
  return ix?.articleH1s.find((e) => e.tagName.toLowerCase() === "h1") ?? ix?.h1s[0] ?? null;
}

function safeAll(root: ParentNode, sel: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(sel));
  } catch {
    return [];
  }
}

const LINK_LABEL = /^(?:learn|read|see|view|more|all|visit|follow|about|contact|meet)\b/i;
const AUTHOR_LABEL = /^(?:author|authors|author\(s\)|contributors?|(?:(?:this\s)?(?:article|post|story)\s)?written by|article by|words by|autor|autora|autorin|autoren|autores|auteur|auteure|auteurs|verfasser|verfasserin|geschrieben von|verfasst von|escrito por|écrit par|rédigé par|автор|авторка|автори|автор статті)\s?:?$/iu;
/**
 * `metadata:label-colon-name`: "Autor: Max Mustermann", "Автор: Олена Петренко" in one text
 * node (a label, a colon, then the name). The name must read as names only (see strictNames).
 */
const LABEL_COLON = /^(?:authors?|autor|autora|autorin|autoren|autores|auteur|auteure|auteurs|verfasser|verfasserin|текст|автор|авторка|автори|автор статті)\s?:\s?(\S.{2,80})$/iu;

/**
 * "By"-style leads opening a byline. English "By" / "Written by" / "Posted by"; and, checked
 * more strictly (see strictNames), German "Von" ("Ein Beitrag von", "Blog Beitrag von",
 * "Artikel von", "Text von", "Kommentar von"), Spanish / Portuguese "Por", French "Par",
 * Dutch "Door", Italian "Scritto da", Ukrainian "Від" (with "written" variants).
 */
const BY_EN = String.raw`(?:written\s|posted\s)?by`;
const BY_INTL = String.raw`(?:${VON_LEAD}\s)?von|(?:(?:escrito|publicado|escrita)\s)?por|(?:(?:écrit|rédigé|publié)\s)?par|door|scritto\sda|від`;
const BY_START = new RegExp(`^(?:${BY_EN}|${BY_INTL})(?=[\\s:]|$)`, "iu");
const BY_BARE = new RegExp(`^(?:${BY_EN}|${BY_INTL}):?$`, "iu");
const BY_LINE = new RegExp(`^(?:${BY_EN}|${BY_INTL}):?\\s{1,3}\\S`, "iu");
const BY_INTL_START = new RegExp(`^(?:${BY_INTL}):?\\s*`, "iu");

// A word of a person's name in a strict reading: capitalized, or a name particle.
const STRICT_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]{0,30}|van|von|der|den|de|del|della|di|da|du|la|le|dos|das|y|bin|ibn|al|el)$/u;

/**
 * Whether a text (after its label) is a list of person names only: up to the first
 * separator or digit ("Max Mustermann | 12.03.2024"), pieces split on commas and "and"
 * words (and, und, y, e, et, en, і, та, и, &), each of two to five words that all read as
 * name words, the first capitalized. "Von Montag bis Freitag" is no byline; "Von Anna Berg
 * und Jan Roth" is.
 */
export function strictNames(text: string): boolean {
  const head = text.split(/\s?[|•·]|\s[–—-]\s|\d/)[0]!.trim().replace(/[.,;:]+$/, "");
  if (!head || head.length > 100) return false;
  const pieces = head.split(/\s?,\s?|\s(?:and|und|y|e|et|en|і|та|и)\s|\s?&\s?/u).map((x) => x.trim()).filter(Boolean);
  if (!pieces.length || pieces.length > 5) return false;
  return pieces.every((p) => {
    const words = p.split(/\s+/);
    return words.length >= 2 && words.length <= 5 && /^\p{Lu}/u.test(words[0]!) && words.every((w) => STRICT_WORD.test(w));
  });
}

/** A "By" line's text is a byline: English "By X", or another language's lead followed by names only. */
function byLineOk(txt: string): boolean {
  // "By clicking … you agree", "By using this site": a sentence, not a byline.
  if (!BY_LINE.test(txt) || /^(?:[Ww]ritten\s|[Pp]osted\s)?[Bb]y:?\s{1,3}[a-z]{2,20}ing\s/.test(txt)) return false;
  const intl = BY_INTL_START.exec(txt);
  return !intl || strictNames(txt.slice(intl[0].length));
}

/**
 * `metadata:sentence-byline`: a sentence naming the writer ("This post was written by
 * <a>Jane Doe</a>, MD, gastroenterologist.", "Este artículo fue escrito por …", "Cet article a
 * été rédigé par …", "Dieser Artikel wurde von … verfasst"). The whole sentence is the
 * candidate; parseAuthors keeps the name.
 */
const SENTENCE_BY = /^(?:(?:this|the)\s(?:[\p{L}-]+\s){0,3}(?:was|is|has\sbeen)\s(?:written|authored|contributed|prepared)\sby|(?:este|el)\s(?:[\p{L}-]+\s){0,2}(?:fue|ha\ssido)\s(?:escrito|redactado|elaborado)\spor|(?:cet|l['’])\s?(?:[\p{L}-]+\s){0,2}a\sété\s(?:écrit|rédigé)e?\spar|(?:dieser|der|die|das)\s(?:[\p{L}-]+\s){0,2}wurde\svon)(?=\s|$)/iu;

/** A Japanese dateline naming the reporters: 【place＝name】 or 【place＝name、name】 at the start of a paragraph. */
const JA_DATELINE = /^【[^＝=】]{1,20}[＝=]([^】＝=]{2,40})】/u;

/** The next element after a node among its siblings, when only blank text stands between. */
function nextElement(n: Node): Element | null {
  let c = n.nextSibling;
  for (let i = 0; c && i < 4; i++, c = c.nextSibling) {
    if (c.nodeType === 1) return c as Element;
    if (c.nodeType === 3 && clean(c.nodeValue)) return null;
  }
  return null;
}

/**
 * `metadata:label-block`: the element after a label that stands alone in its
 * block ("<p class=label><strong>By</strong></p><p>Todd Bates</p>", often one
 * or two wrappers deep): climbs while the ancestor holds the label's text only.
 */
function afterLabelBlock(n: Node, label: string): Element | null {
  let el = n.parentElement;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    if (clean(el.textContent) !== label) return null;
    const next = nextElement(el);
    if (next) return next;
  }
  return null;
}

/**
 * `metadata:by-login`: "Gespeichert von <span class="username">rasos</span>", "Posted by
 * <span class="fn">kleinerblog</span>": a bare lead before one element classed as a user name
 * that holds one login token (a name byLineOk would refuse for its lower case).
 */
function loginAfter(n: Node, run: string): boolean {
  const el = nextElement(n);
  return !!el && /^[\p{L}\d._-]{2,30}$/u.test(run) && /(?:^|[\s_-])(?:user|username|user-name|nickname|author|fn|nick)(?:$|[\s_-])/i.test(tokens(el));
}

/** Whether a node opens its parent (only blank text before it). */
function opensParent(n: Node): boolean {
  for (let c = n.previousSibling; c; c = c.previousSibling) {
    if (c.nodeType === 1 || (c.nodeType === 3 && clean(c.nodeValue))) return false;
  }
  return true;
}

/** Whether only `<time>` elements and blank text stand before a node in its parent. */
function afterTime(n: Node): boolean {
  let seen = false;
  for (let c = n.previousSibling; c; c = c.previousSibling) {
    if (c.nodeType === 1 && (c as Element).tagName.toLowerCase() === "time") seen = true;
    else if (c.nodeType === 1 || (c.nodeType === 3 && clean(c.nodeValue))) return false;
  }
  return seen;
}

/** The elements after a bare "By", joined by "and" / "," / "&" texts; stops at anything else. */
function byRun(n: Node): string {
  const parts: string[] = [];
  let c = n.nextSibling;
  for (let i = 0; c && i < 12; i++, c = c.nextSibling) {
    if (c.nodeType === 1) {
      const t = spacedText(c as Element, 100);
      if (!t || t.length > 60) break;
      parts.push(t);
    } else if (c.nodeType === 3) {
      const raw = c.nodeValue ?? "";
      if (raw.includes("\u00a0")) break;
      const t = clean(raw);
      if (!t) continue;
      if (!/^(?:,|and|&)$/i.test(t) || !parts.length) break;
      parts.push(t === "," ? "," : ` ${t}`);
    }
  }
  return parts.join(" ").replace(/\s+,/g, ",").replace(/\s+/g, " ").trim();
}

/** An element's text; a list's items joined with commas ("A, B, C"). */
function listText(el: Element): string {
  const tag = el.tagName.toLowerCase();
  if (tag !== "ul" && tag !== "ol") return spacedText(el, 200);
  return Array.from(el.children).slice(0, 10).map((li) => spacedText(li, 100)).filter(Boolean).join(", ");
}

/** Visible byline candidates in priority order (`ix`: the page's element index, saves the scans). */
export function findBylines(document: Document, ix?: ElementIndex): VisibleCandidate[] {
  const out: VisibleCandidate[] = [];
  const noise = { headline: headlineOf(ix) };
  const push = (value: string, source: string): void => {
    const v = clean(value);
    if (v && v.length <= 200 && !out.some((c) => c.value === v)) out.push({ value: v, source });
  };
  const micro: Element[] = [];
  const microName = (el: Element): string => {
    const name = el.querySelector('[itemprop~="name"]');
    return name?.getAttribute("content") ?? (name ? spacedText(name) : null) ?? el.getAttribute("content") ?? spacedText(el);
  };
  // Marked in the post's own footer line (Blogger's "Posted by"): read after every other byline.
  const footerMicro: Element[] = [];
  for (const el of (ix?.itempropAuthor ?? safeAll(document, '[itemprop~="author"]')).slice(0, 10)) {
    if (inNoise(el, noise)) {
      if (inPostFooter(el, noise)) footerMicro.push(el);
      continue;
    }
    push(microName(el), "html:itemprop-author");
    micro.push(el);
  }
  // `metadata:itemprop-authors`: `<span itemprop=author>A</span> and <span itemprop=author>B</span>` in one byline.
  const jointMicro = jointByline(micro, microName);
  if (jointMicro) push(jointMicro, "html:itemprop-authors");
  for (const el of (ix?.relAuthor ?? safeAll(document, 'a[rel~="author"]')).slice(0, 10)) {
    if (inNoise(el, noise) && !inArticleFooter(el, noise)) continue;
    push(spacedText(el), "html:rel-author");
  }
  const links: Element[] = [];
  for (const el of (ix?.authorLinks ?? safeAll(document, 'a[href*="/author/"], a[href*="/authors/"]')).slice(0, 10)) {
    if (inNoise(el, noise) && !inArticleFooter(el, noise)) continue;
    const txt = spacedText(el);
    // `metadata:link-label`: "Learn more", "View all posts" on an author link are no name.
    if (txt.length <= 60 && !LINK_LABEL.test(txt)) { push(txt, "html:author-link"); links.push(el); }
  }
  const joint = jointByline(links);
  if (joint) push(joint, "html:author-links");
  const boxNames: string[] = [];
  const classed = ix?.authorClassed ?? safeAll(document, '[class*="byline" i], [class*="author" i], [id*="byline" i], [id*="author" i]');
  for (const el of classed.slice(0, 60)) {
    const t = tokens(el);
    // Whole words of the class/id ("jobber-academy" is no "job"); a name slot
    // ("author-box__name", "authorName") is kept even inside an author box.
    const words = t.split(/[\s_-]+|(?<=\p{Ll})(?=\p{Lu})/u).map((w) => w.toLowerCase());
    if (words.some((w) => CLASS_SKIP.test(w)) && !words.includes("name")) continue;
    if (inNoise(el, noise)) continue;
    const txt = spacedText(el, 400);
    if (txt.length > 150) {
      const first = firstText(el);
      if (first && first.length <= 40 && boxNames.length < 3) boxNames.push(first);
    }
    if (!txt || txt.length > 150) continue;
    push(txt, /byline/i.test(t) ? "html:byline-class" : "html:author-class");
  }
  // "By X" lines: text nodes that start with "By" and open their element (or follow a
  // <time>); their element (or its parent when the node is the bare word "By") is the
  // byline, and for a bare "By" also the name elements after it. "Author" labels too.
  // A node walk, not a per-element textContent scan, keeps this linear in the page size.
  const hits: Element[] = [];
  const sentences: Element[] = [];
  const direct: { el: Element; text: string; source: string }[] = [];
  const walk = (n: Node, depth: number): void => {
    if (hits.length >= 12 || depth > 60) return;
    if (n.nodeType === 3) {
      const t = (n.nodeValue ?? "").trim();
      // `metadata:ja-dateline`: Japanese papers open the story with 【place＝reporter】 ("【エルサレム＝酒井圭吾】").
      const ja = JA_DATELINE.exec(t);
      if (ja && n.parentElement && direct.length < 12) direct.push({ el: n.parentElement, text: ja[1]!.split(/[、,]/).join(", "), source: "html:dateline-name" });
      if (t.length > 120 || !n.parentElement) return;
      if (BY_START.test(t)) {
        // "… by <a>X</a>" inside a sentence is no byline; one after a <time> is.
        const opens = opensParent(n);
        if (!opens && !afterTime(n)) return;
        if (!opens) { if (direct.length < 12 && byLineOk(t)) direct.push({ el: n.parentElement, text: t, source: "html:by-line" }); return; }
        // `metadata:by-link`: a bare "By" before name elements ("By <a>X</a> and <a>Y</a>"): those elements.
        const run = BY_BARE.test(t) ? byRun(n) : "";
        const lead = t.replace(/:$/, "");
        if (run && direct.length < 12 && byLineOk(`${lead} ${run}`)) direct.push({ el: n.parentElement, text: `${lead} ${run}`, source: "html:by-line" });
        else if (run && direct.length < 12 && loginAfter(n, run)) direct.push({ el: n.parentElement, text: run, source: "html:by-login" });
        else if (!run && BY_BARE.test(t) && direct.length < 12) {
          const next = afterLabelBlock(n, t);
          const names = next ? listText(next) : "";
          if (names && strictNames(names)) direct.push({ el: n.parentElement, text: `${lead} ${names}`, source: "html:by-line" });
        }
        hits.push(n.parentElement);
      } else if (SENTENCE_BY.test(t) && opensParent(n) && sentences.length < 4) {
        sentences.push(n.parentElement);
      } else if (LABEL_COLON.test(t) && opensParent(n) && direct.length < 12) {
        const name = LABEL_COLON.exec(t)![1]!;
        if (strictNames(name)) direct.push({ el: n.parentElement, text: t, source: "html:labelled-author" });
      } else if (AUTHOR_LABEL.test(t) && direct.length < 12) {
        const label = n.parentElement;
        const rest = clean(label.textContent) === t ? nextElement(label) : null;
        if (rest) direct.push({ el: label, text: listText(rest), source: "html:labelled-author" });
        // `<strong>Contributors:</strong> Janet Loughrey`: the name is the text right after the label.
        else if (clean(label.textContent) === t) {
          const after = clean(label.nextSibling?.nodeType === 3 ? label.nextSibling.nodeValue : "");
          if (after.length >= 3 && after.length <= 80) direct.push({ el: label, text: after, source: "html:labelled-author" });
        }
      }
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9) return;
    if (n.nodeType === 1 && SKIP.has((n as Element).tagName.toLowerCase())) return;
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
  };
  const root = textRoot(document);
  if (root) walk(root, 0);
  for (let el of hits) {
    if (BY_BARE.test(clean(el.textContent)) && el.parentElement) el = el.parentElement;
    const txt = spacedText(el, 400);
    if (txt.length < 5 || txt.length > 150 || !byLineOk(txt)) continue;
    // `metadata:by-line-share`: a "By" line may share its box with the share buttons ("by-share-div").
    if (inNoise(el, { ...noise, forDates: true }) && !inArticleFooter(el, noise)) continue;
    push(txt, "html:by-line");
  }
  // `metadata:labelled-author`: an "Author" / "Written by" label element followed by the name
  // (`<h3>Author</h3><p>Jane Doe</p>`), after every other byline.
  for (const d of direct) {
    if (d.text.length < 3 || d.text.length > 120) continue;
    if (d.source === "html:labelled-author" ? inComments(d.el) : inNoise(d.el, noise)) continue;
    push(d.text, d.source);
  }
  for (const el of sentences) {
    const txt = spacedText(el, 300);
    if (txt.length <= 200 && !inNoise(el, noise)) push(txt, "html:sentence-byline");
  }
  // `metadata:author-box-name`: an author card too long to be a byline ("Lauren Vetter August 28,
  // 2025 Lauren Vetter is a growth-focused…") opens with the name: that first line, after all else.
  for (const b of boxNames) push(b, "html:author-box-name");
  for (const el of footerMicro) push(microName(el), "html:itemprop-author");
  return out;
}

/**
 * `metadata:author-links`: co-authors linked in one byline ("<a>Rui Ma</a>, <a>Heba Ledwon</a>
 * & <a>Suparn Patra</a>"): the names of the links that share an ancestor (three levels up at
 * most) whose text is byline-short (a name card with one-line bios at most). Links in
 * separate cards of a story list have no such ancestor.
 */
function jointByline(links: readonly Element[], nameOf: (el: Element) => string = (l) => spacedText(l, 100)): string {
  for (const link of links.slice(0, 5)) {
    let cur = link.parentElement;
    for (let up = 0; cur && up < 3; up++, cur = cur.parentElement) {
      const held = links.filter((l) => cur!.contains(l));
      if (held.length < 2) continue;
      const txt = spacedText(cur, 500);
      // "Written by X, fact checked by Y": Y is no co-author.
      if (txt.length <= 400 && !/\b(?:reviewed|fact[- ]?checked|edited by|verified|approved|medically)/i.test(txt)) {
        const names = [...new Set(held.map(nameOf).map((n) => clean(n)).filter(Boolean))];
        return names.length >= 2 ? names.join(", ") : "";
      }
      break;
    }
  }
  return "";
}

/** The first non-blank text of an element (at most 40 nodes visited), e.g. the name heading an author card. */
function firstText(el: Element): string {
  let seen = 0;
  const walk = (n: Node, depth: number): string => {
    if (++seen > 40 || depth > 12) return "";
    if (n.nodeType === 3) return clean(n.nodeValue);
    if (n.nodeType !== 1 || SKIP.has((n as Element).tagName.toLowerCase())) return "";
    for (let c = n.firstChild; c; c = c.nextSibling) {
      const t = walk(c, depth + 1);
      if (t) return t;
    }
    return "";
  };
  return walk(el, 0);
}

/**
 * `metadata:article-footer`: a `<footer>` inside the `<article>` is the article's own
 * footer (its author and tags), not the site's: a rel=author link there is the byline.
 */
function inArticleFooter(el: Element, noise: { headline: Element | null }): boolean {
  const footer = el.closest("footer");
  return !!footer && !!footer.parentElement?.closest("article") && !inNoise(footer, noise) && !inComments(el);
}

/**
 * `metadata:post-footer`: in a blog post's own footer line, a <div class="post-footer"> (Blogger)
 * or <footer class="entry-footer"> inside the post's container (hAtom `hentry`, `post`, <article>).
 */
function inPostFooter(el: Element, noise: { headline: Element | null }): boolean {
  const footer = el.closest("footer, .post-footer, .entry-footer");
  return !!footer && !!footer.parentElement?.closest("article, .hentry, .post") && !inNoise(footer, noise) && !inComments(el);
}

/**
 * `metadata:hatom-pair`: a `<time>` classed "updated" or "modified" is a
 * modified date, unless it is also classed "published" (WordPress writes
 * `class="entry-date published updated"` on the one date it has).
 */
function isModifiedTime(el: Element): boolean {
  const t = tokens(el);
  return /updated|modified/i.test(t) && !/published/i.test(t);
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
  const noise = { headline: headlineOf(ix), forDates: true };
  const times = (ix?.times ?? safeAll(document, "time")).slice(0, 100);
  const scored: { el: Element; score: number; i: number }[] = [];
  times.forEach((el, i) => {
    // `metadata:labelled-time`: a time under a "Published" label is the page's own, even in a sidebar.
    const labelled = labelledPublished(el);
    if (inNoise(el, noise) && (!labelled || inComments(el))) return;
    let score = labelled ? 3 : 0;
    let cur: Element | null = el;
    for (let d = 0; cur && d < 8; d++, cur = cur.parentElement) {
      const tag = cur.tagName.toLowerCase();
      const t = tokens(cur);
      if (tag === "header" || /header|byline|meta|dateline|posted|publish|entry-date|date/i.test(t)) score += 2;
      if (tag === "article" || tag === "main") score += 1;
    }
    if (el.hasAttribute("pubdate")) score += 3;
    if (isModifiedTime(el) || /updated/i.test(clean(el.parentElement?.textContent).slice(0, 40))) score -= 3;
    scored.push({ el, score, i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const { el } of scored) {
    const v = el.getAttribute("datetime") ?? el.textContent;
    if (!clean(v)) continue;
    (isModifiedTime(el) ? modified : published).push({ value: clean(v), source: "html:time" });
  }
  // `metadata:hatom-published`: hAtom's `<abbr class="published" title="2019-06-27T10:21:40Z">`.
  for (const el of safeAll(document, "abbr.published[title], abbr.dtstart[title]").slice(0, 3)) {
    const v = clean(el.getAttribute("title"));
    if (/^(?:19|20)\d{2}-\d{2}-\d{2}/.test(v)) published.push({ value: v, source: "html:abbr-published" });
  }
  return { published, modified };
}

