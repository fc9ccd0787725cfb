/**
 * Dates a reader sees on the page (text nodes, not markup), scored by where
 * they stand: near the headline, in date/meta/byline containers, labelled
 * "Published" rather than "Updated".
 */
import { PUBLISHED_WORDS, UPDATED_WORDS, writtenMonthDay } from "./date-words.js";
import { findMarkupDates } from "./html-date-markup.js";
import { clean, inComments, inNoise, PUBLISHED_LABEL, SKIP, textRoot, tokens } from "./html-noise.js";

/** A date written in the page's visible text, scored by where it stands. */
export interface VisibleDate {
  text: string;
  score: number;
  /** The text or its label says "updated" / "modified". */
  updated: boolean;
  /** Set on dates read from markup rather than text (see html-date-markup.ts); these come last, unscored. */
  source?: string;
  /** For a listing's date: the link it dates. */
  href?: string;
  /** The text or a short label before it says "Published" / "Posted" (see PUBLISHED_WORDS). */
  labelled?: boolean;
  /** The date stands among the first few texts after the headline. */
  underHeadline?: boolean;
}

// Prefilter only (the parse is done by the date normalizer): a month name or a numeric date, plus a year.
// "September 1st, 2023" (ordinal day), "2025.12.17" and "2025/12/17" (year first) count too.
const DATEISH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\.?\s{1,3}(?:of\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}(?:\b|T)|\b(?:19|20)\d{2}[./]\d{1,2}[./]\d{1,2}\b|(?<![\d.])\d{2}\.\d{2}\.\d{2}(?![\d.])/i;
// A four-digit year, or a dotted date with a two-digit one ("31.10.23", `metadata:dotted-short-year`).
const DATED = /(?:19|20)\d{2}|(?<![\d.])\d{2}\.\d{2}\.\d{2}(?![\d.])/;
const LABEL_ALONE = /^(?:published|posted|first published|date published|publication date|published on|posted on)\s*:?$/i;
/** "originally published on <date>", "first published in <date>" inside a sentence: the date's text in group 1. */
const ORIGINALLY = /\b(?:originally|first) (?:published|posted)(?: on| in)? ((?:\w{3,9},? )?(?:\d{1,2}(?:st|nd|rd|th)? \w{3,9}\.?,? (?:19|20)\d{2}|\w{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}))/i;
const DATE_CLASS = /date|time|meta|byline|posted|publish|author|info|header|hero|dateline/i;

/** `metadata:today-widget`: a "today's date" widget or clock (class or id, up to 3 levels) shows no article date. */
function isClock(el: Element): boolean {
  let cur: Element | null = el;
  for (let d = 0; cur && d < 3; d++, cur = cur.parentElement) {
    if (/today|current[-_]?date|clock/i.test(tokens(cur))) return true;
  }
  return false;
}

/**
 * `metadata:updated-class`: the date's element or one of its next two
 * ancestors is classed "updated" / "modified" ("updated-on", "last-modified")
 * and not also "published" (hAtom's `published updated` pair marks both).
 */
function classedUpdated(el: Element): boolean {
  let cur: Element | null = el;
  for (let d = 0; cur && d < 3; d++, cur = cur.parentElement) {
    const words = tokens(cur).toLowerCase().split(/[\s_-]+/);
    const upd = words.some((w) => w === "updated" || w === "modified" || w === "datemodified");
    const pub = words.some((w) => w === "published" || w === "datepublished" || w === "posted");
    if (upd && !pub) return true;
    if (pub && !upd) return false;
  }
  return false;
}

/**
 * `metadata:meta-footer`: an article's `<footer>` classed as its meta or
 * byline ("author__meta", "entry-footer post-meta") holds the article's own
 * date, not the page footer's.
 */
function inMetaFooter(el: Element): boolean {
  let cur: Element | null = el;
  for (let d = 0; cur && d < 4; d++, cur = cur.parentElement) {
    if (cur.tagName.toLowerCase() !== "footer") continue;
    if (!/meta|byline|author|submitted|posted/i.test(tokens(cur))) return false;
    return !!cur.closest?.("article");
  }
  return false;
}

/**
 * Dates in visible text (text nodes of at most 100 characters holding a month
 * name or numeric date with a year), best first, then the dates read from
 * markup (see findMarkupDates). `headline`: the page's
 * headline element (default: the first `<h1>`), which also tells page
 * wrappers from noise (see inNoise).
 */
export function findVisibleDates(document: Document, headline?: Element | null): VisibleDate[] {
  const nodes: { node: Node; text: string }[] = [];
  let h1At = -1;
  let h1: Element | null = headline ?? null;
  let idx = 0;
  const authorAt: number[] = [];
  const times: Element[] = [];
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
    if (tag === "time" && times.length < 80) times.push(n as Element);
    if (tag === "h1" && h1At < 0) { h1At = idx; h1 ??= n as Element; }
    if (tag === "a" && authorAt.length < 10 && /\/authors?\//.test((n as Element).getAttribute("href") ?? "")) authorAt.push(idx);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
  };
  const root = textRoot(document);
  if (root) walk(root, 0);
  const noise = { headline: h1, forDates: true };
  const hArticle = h1?.closest?.("article") ?? null;
  const out: VisibleDate[] = [];
  for (let i = 0; i < nodes.length && out.length < 40; i++) {
    const { node, text } = nodes[i]!;
    // `metadata:originally-published`: "This article was originally published on 26 Sep 2019 at 4:12pm but has been
    // updated …", a sentence too long for a dateline that names the first publication itself.
    const original = text.length > 100 && text.length <= 400 ? ORIGINALLY.exec(text) : null;
    if (original && node.parentElement && !inComments(node.parentElement) && writtenMonthDay(original[1]!)) {
      // Above any other visible date (at most 9: position 3, date box 2, author 2, label 2); its own words kept, as
      // the date choice reads them.
      out.push({ text: original[1]!, score: 10, updated: false, labelled: true, underHeadline: false });
      continue;
    }
    if (text.length < 6 || text.length > 100 || !DATED.test(text) || (!DATEISH.test(text) && !writtenMonthDay(text))) continue;
    const parent = node.parentElement;
    if (!parent) continue;
    const prev = nodes[i - 1]?.text ?? "";
    // `metadata:published-words`: "Veröffentlicht am", "Publié le", "Опубліковано" (see date-words.ts) in the date's text or a short label before it.
    const labelled = PUBLISHED_LABEL.test(text) || LABEL_ALONE.test(prev) ||
      ((PUBLISHED_WORDS.test(text) || (prev.length <= 30 && PUBLISHED_WORDS.test(prev))) && !UPDATED_WORDS.test(text));
    // `metadata:labelled-date-in-noise`: a date labelled "Published" is the page's own even in a
    // sidebar or aside (other stories' dates in lists carry no label); comment threads stay out.
    // `metadata:date-under-headline`: the first few texts after the headline, within its <article>
    // when it has one, are its dateline, whatever their box is called.
    const underHeadline = h1At >= 0 && i >= h1At && i - h1At <= 4 && (!hArticle || hArticle.contains(parent));
    if (!underHeadline && !inMetaFooter(parent) && inNoise(parent, noise) && (!labelled || inComments(parent))) continue;
    if (isClock(parent)) continue;
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
    // `metadata:updated-words`: "Updated", "Aktualisiert", "Actualizado", "Mis à jour", "Оновлено"… before the date.
    const updated = UPDATED_WORDS.test(label.slice(-text.length - 40)) || classedUpdated(parent);
    // `metadata:labelled-date`: "Published" / "Posted" right before the date (same or previous text) counts double.
    // `metadata:date-by-author`: a date a few lines after an author link is the byline's date.
    if (authorAt.some((a) => i >= a && i - a <= 6)) score += 2;
    if (labelled) score += 2;
    else if (/published|posted|date/.test(label)) score += 1;
    if (updated) score -= 0.5;
    out.push({ text, score, updated, labelled, underHeadline });
  }
  return [...out.sort((a, b) => b.score - a.score), ...findMarkupDates(document, times)];
}
