/**
 * Where a candidate stands: inside a comment thread, sidebar, footer, menu
 * or list of other stories ("noise"), or in the article itself. Shared by
 * the byline and date readers.
 */

const NOISE_WORDS = new Set([
  "comment", "comments", "related", "sidebar", "footer", "recommended", "recommendations",
  "promo", "newsletter", "popular", "trending", "share", "sharing", "social", "nav", "navbar", "navigation", "menu",
  "breadcrumb", "breadcrumbs", "bio", "testimonial", "testimonials", "reviews", "aside", "carousel", "teaser", "teasers",
]);

/**
 * `metadata:date-noise-words`: class words that mark noise for a date. Share
 * bars, social widgets and author bios sit in the article header next to its
 * date and hold no other story's date, so they do not count here.
 */
const NOT_DATE_NOISE = new Set(["share", "sharing", "social", "bio"]);

/** An element's class and id, space-joined. */
export function tokens(el: Element): string {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
}

/** Collapses whitespace and trims. */
export const clean = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();

/** Tags whose text is never shown. */
export const SKIP = new Set(["script", "style", "noscript", "svg", "template", "button", "select"]);

/** Whether a class/id list names noise as a whole word ("related-posts", "site_footer"). */
function noisy(el: Element, forDates: boolean): boolean {
  const t = tokens(el);
  if (t.length > 400) return false;
  return t.toLowerCase().split(/[\s_-]+/).some((w) => NOISE_WORDS.has(w) && !(forDates && NOT_DATE_NOISE.has(w)));
}

/** What {@link inNoise} weighs besides the element. */
export interface NoiseOptions {
  /** The page's headline element: a noisy-looking container that holds it is the page, not noise. */
  headline?: Element | null;
  /** Judging a date rather than a byline (see `metadata:date-noise-words`). */
  forDates?: boolean;
}

/**
 * Whether an element sits in a comment thread, sidebar, footer or navigation
 * (up to the article, main or body). `metadata:noise-holds-headline`: a
 * container that holds the headline is never noise, whatever its class says
 * ("node--type-newsletter-article", "story-page sidebar-mode-single").
 */
export function inNoise(el: Element, opts: NoiseOptions = {}): boolean {
  const headline = opts.headline ?? null;
  let cur: Element | null = el.parentElement;
  for (let i = 0; cur && i < 30; i++, cur = cur.parentElement) {
    const tag = cur.tagName.toLowerCase();
    if (tag === "body" || tag === "html") return false;
    // `metadata:article-aside`: for a date, an <aside> that is a child of the <article> is its meta column.
    const metaAside = tag === "aside" && !!opts.forDates && cur.parentElement?.tagName.toLowerCase() === "article";
    if (tag === "footer" || (tag === "aside" && !metaAside) || tag === "nav" || noisy(cur, !!opts.forDates)) {
      if (!headline || !cur.contains(headline)) return true;
    }
    if (tag === "article" || tag === "main") return false;
  }
  return false;
}

/** Whether an element sits in a comment thread (a class or id word "comment(s)"). */
export function inComments(el: Element): boolean {
  let cur: Element | null = el;
  for (let i = 0; cur && i < 30; i++, cur = cur.parentElement) {
    if (/(?:^|[\s_-])comments?(?:$|[\s_-])/i.test(tokens(cur))) return true;
  }
  return false;
}

/** A "Published" / "Posted" label, alone or opening a date ("Published: 3 May 2024"). */
export const PUBLISHED_LABEL = /^(?:first\s+)?(?:published|posted|publish\s+date|date\s+published|publication\s+date)\b/i;

/**
 * Whether the short text just before an element (its previous sibling
 * elements, or its parent's when it opens its parent) is a "Published" label.
 */
export function labelledPublished(el: Element): boolean {
  let cur: Element | null = el;
  for (let up = 0; cur && up < 2; up++, cur = cur.parentElement) {
    let sib = cur.previousElementSibling;
    for (let k = 0; sib && k < 2; k++, sib = sib.previousElementSibling) {
      const t = clean(sib.textContent);
      if (t.length > 40) return false;
      if (PUBLISHED_LABEL.test(t)) return true;
    }
    if (cur.previousElementSibling) return false;
  }
  return false;
}

/**
 * Where to walk a page's visible text: `<body>`, or the whole document when
 * the body came out empty (markup that puts the page outside `<body>`).
 */
export function textRoot(document: Document): Node | null {
  const body = document.body;
  if (body && body.firstElementChild) return body;
  // Without an <html> element the parser may leave the real <body> beside the head.
  for (const el of Array.from((document as unknown as ParentNode).children ?? [])) {
    if (el.tagName.toLowerCase() === "body" && el.firstElementChild) return el;
  }
  return document.documentElement ?? body ?? null;
}
