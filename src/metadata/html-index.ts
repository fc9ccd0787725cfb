/**
 * One pass over a page's elements that collects everything the metadata
 * readers look up (`<meta>`, JSON-LD scripts, `<h1>`, `<time>`, author and
 * date microdata, author links and classes), so that the stage walks the
 * DOM once instead of running a dozen `querySelectorAll` scans.
 */

/** The elements of a page the metadata readers need, each list in document order. */
export interface ElementIndex {
  metas: Element[];
  ldScripts: Element[];
  /** `<title>` elements (the one in `<head>` first when there is one). */
  titles: Element[];
  /** `<h1>` inside `<article>`/`<main>`, and `[itemprop~=headline]` elements. */
  articleH1s: Element[];
  h1s: Element[];
  times: Element[];
  itempropAuthor: Element[];
  itempropPublished: Element[];
  itempropModified: Element[];
  relAuthor: Element[];
  authorLinks: Element[];
  /** Elements whose class or id contains "byline" or "author" (any case). */
  authorClassed: Element[];
  canonical: Element | null;
}

const LIMIT = 200;
const hasWord = (list: string | null, word: string): boolean => !!list && list.split(/\s+/).includes(word);

/** Collects the {@link ElementIndex} of a document in one walk. Never throws. */
export function indexElements(document: Document): ElementIndex {
  const ix: ElementIndex = {
    metas: [], ldScripts: [], titles: [], articleH1s: [], h1s: [], times: [], itempropAuthor: [],
    itempropPublished: [], itempropModified: [], relAuthor: [], authorLinks: [], authorClassed: [], canonical: null,
  };
  const push = (list: Element[], el: Element, max = LIMIT): void => { if (list.length < max) list.push(el); };
  const within = (el: Element, tags: readonly string[]): boolean => {
    let cur = el.parentElement;
    for (let i = 0; cur && i < 40; i++, cur = cur.parentElement) if (tags.includes(cur.tagName.toLowerCase())) return true;
    return false;
  };
  let headTitle: Element | null = null;
  const visit = (el: Element): void => {
    const tag = el.tagName.toLowerCase();
    switch (tag) {
      case "meta": push(ix.metas, el, 2000); break;
      case "script":
        if ((el.getAttribute("type") ?? "").toLowerCase().includes("ld+json")) push(ix.ldScripts, el, 50);
        break;
      case "title": if (!headTitle && within(el, ["head"])) headTitle = el; else push(ix.titles, el, 5); break;
      case "h1":
        push(ix.h1s, el, 10);
        if (hasWord(el.getAttribute("itemprop"), "headline") || within(el, ["article", "main"])) push(ix.articleH1s, el, 10);
        break;
      case "time": push(ix.times, el, 100); break;
      case "link": if (!ix.canonical && hasWord(el.getAttribute("rel"), "canonical")) ix.canonical = el; break;
      case "a": {
        if (hasWord(el.getAttribute("rel"), "author")) push(ix.relAuthor, el, 10);
        const href = el.getAttribute("href");
        if (href && (href.includes("/author/") || href.includes("/authors/"))) push(ix.authorLinks, el, 10);
        break;
      }
      default: break;
    }
    if (!el.hasAttributes()) return;
    const itemprop = el.getAttribute("itemprop");
    if (itemprop) {
      const words = itemprop.split(/\s+/);
      if (words.includes("author")) push(ix.itempropAuthor, el, 10);
      if (words.includes("datePublished")) push(ix.itempropPublished, el, 5);
      if (words.includes("dateModified")) push(ix.itempropModified, el, 5);
      if (words.includes("headline") && tag !== "h1") push(ix.articleH1s, el, 10);
    }
    const cls = el.getAttribute("class");
    const id = el.getAttribute("id");
    if ((cls && /byline|author/i.test(cls)) || (id && /byline|author/i.test(id))) push(ix.authorClassed, el, 60);
  };
  try {
    // Tree walkers are the cheapest full walk linkedom offers.
    if (typeof document.createTreeWalker === "function") {
      // Each top-level element walked on its own: a stray <script> before <html>
      // is a sibling of it, and a walker from the document stops at its end.
      let roots: Element[] = Array.from((document as unknown as ParentNode).children ?? []);
      if (!roots.length && document.documentElement) roots = [document.documentElement];
      for (const root of roots) {
        visit(root);
        const walker = document.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(n as Element);
      }
    } else {
      for (const el of Array.from(document.querySelectorAll("*"))) visit(el);
    }
  } catch {
    // A malformed tree gives what was collected so far.
  }
  if (headTitle) ix.titles.unshift(headTitle);
  return ix;
}
