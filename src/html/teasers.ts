import type { Candidate } from "./align.js";
import { RELATED_HEADING } from "./related.js";

/**
 * Related-content blocks inside the article container, found by general
 * signals rather than site rules:
 * - repeated teaser cards: an element with three or more children of one
 *   shape (same tag and classes) that are each a link plus short text (a
 *   headline with a kicker, date or summary), the layout of "more stories"
 *   grids; lists and tables (li, tr) are the article's own more often and
 *   are left to the link-density rule;
 * - a short line announcing related content ("Related", "More from",
 *   "Lesen Sie auch", "À lire aussi", ...) followed by short, linked lines;
 * - such a heading followed, to the article's end, only by short blocks
 *   outside tables, linked or not (see dropAnnouncedTail);
 * - an article's end of three or more all-link headings with only short
 *   blocks between them (see dropLinkedHeadingTail).
 * All drop the blocks with reason "related-links".
 */

/** Children of one shape needed to call a group repeated. */
const MIN_REPEATS = 3;
/** A card's text is at most this long. */
const CARD_CHARS = 400;
/** Ancestors of a block looked at for a repeated parent. */
const CARD_DEPTH = 5;

const signature = (el: Element): string => `${el.localName}.${(el.getAttribute("class") ?? "").replace(/\d+/g, "").trim().split(/\s+/).sort().join(".")}`;

/** Whether the card's first line of text is a link (its headline), as in teasers; product or step lists lead with plain text. */
function linkedLead(card: Element): boolean {
  const first = [...card.querySelectorAll("h1,h2,h3,h4,h5,h6,p,a")].find((e) => (e.textContent ?? "").trim().length > 0);
  if (!first) return false;
  if (first.localName === "a" || first.closest("a")) return true;
  const t = (first.textContent ?? "").trim().length;
  return linkText(first) >= 0.8 * t;
}

function linkText(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll("a")) n += (a.textContent ?? "").trim().length;
  return n;
}

/** The children of `parent` that are teaser cards in a run of them (empty when there is no such run), given how many blocks each child holds. */
function teaserCards(parent: Element, blocksIn: ReadonlyMap<Element, number>): Element[] {
  const bySig = new Map<string, Element[]>();
  for (const c of parent.children) {
    const k = signature(c);
    const list = bySig.get(k);
    if (list) list.push(c); else bySig.set(k, [c]);
  }
  const out: Element[] = [];
  for (const kids of bySig.values()) {
    // List items and table rows are the article's own lists and tables far more often than teasers.
    if (kids.length < MIN_REPEATS || /^(?:li|dd|dt|tr|td|p|ul|ol|dl|table|tbody)$/.test(kids[0]!.localName)) continue;
    const cards = kids.filter((k) => {
      const text = (k.textContent ?? "").trim().length;
      if (!text || text > CARD_CHARS || (blocksIn.get(k) ?? 0) < 2) return false;
      const links = linkText(k);
      return links >= 10 && links >= 0.2 * text && linkedLead(k);
    });
    if (cards.length >= MIN_REPEATS && cards.length >= 0.6 * kids.length) out.push(...cards);
  }
  return out;
}

const drop = (c: Candidate, rule: string): Candidate => ({ ...c, dropped: { reason: "related-links", rule } });

/** Marks teaser cards and announced related links among the extractor's blocks as dropped. */
export function dropRelatedBlocks(candidates: readonly Candidate[]): Candidate[] {
  const out = [...candidates];
  // How many blocks sit under each element, up to CARD_DEPTH ancestors of each block.
  const blocksIn = new Map<Element, number>();
  for (const c of out) {
    let el: Element | null = c.element ?? null;
    for (let d = 0; el && d <= CARD_DEPTH; d++, el = el.parentElement) blocksIn.set(el, (blocksIn.get(el) ?? 0) + 1);
  }
  const seen = new Set<Element>();
  const cards = new Set<Element>();
  for (const c of out) {
    let el: Element | null = c.element ?? null;
    for (let d = 0; el?.parentElement && d < CARD_DEPTH; d++, el = el.parentElement) {
      const p = el.parentElement;
      if (seen.has(p)) continue;
      seen.add(p);
      if (p.children.length >= MIN_REPEATS) for (const k of teaserCards(p, blocksIn)) cards.add(k);
    }
  }
  for (let i = 0; i < out.length && cards.size; i++) {
    const c = out[i]!;
    let el: Element | null = c.element ?? null;
    for (let d = 0; el && d <= CARD_DEPTH; d++, el = el.parentElement) {
      if (cards.has(el)) { if (!c.dropped) out[i] = drop(c, "html:teaser-cards"); break; }
    }
  }
  // The short line that introduced a run of cards goes with it.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    if (out[i]!.dropped?.rule === "html:teaser-cards" && !prev.dropped && prev.text.length <= 80 && !/[.!?]$/.test(prev.text)) out[i - 1] = drop(prev, "html:teaser-cards");
  }
  // "Related" and the like, then short linked lines.
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    if (c.dropped || c.text.length > 80 || !RELATED_HEADING.test(c.text)) continue;
    let j = i + 1, linked = 0;
    while (j < out.length && out[j]!.text.length < 200 && (out[j]!.kind !== "heading" || (out[j]!.linkChars ?? 0) > 0)) {
      if ((out[j]!.linkChars ?? 0) > 0.3 * out[j]!.text.length) linked++;
      j++;
    }
    if (linked < 2 || linked < 0.6 * (j - i - 1)) continue;
    for (let k = i; k < j; k++) if (!out[k]!.dropped) out[k] = drop(out[k]!, "html:related-heading");
    i = j - 1;
  }
  dropAnnouncedTail(out);
  dropLinkedHeadingTail(out);
  return out;
}

/** Linked headings needed to call the article's end a run of teasers. */
const TAIL_TEASERS = 3;

/**
 * The article's end made of headings that are all link (other stories'
 * headlines), with at most short blocks between them (a summary, a date, a
 * section name) and outside tables: dropped, when small beside the article.
 */
function dropLinkedHeadingTail(out: Candidate[]): void {
  let total = 0;
  for (const c of out) if (!c.dropped && c.kind !== "caption") total += c.text.length;
  let start = -1, heads = 0;
  for (let i = out.length - 1; i >= 0; i--) {
    const c = out[i]!;
    if (c.dropped || c.kind === "caption") continue;
    if (c.text.length > TAIL_BLOCK || c.element?.closest("table")) break;
    if (c.kind === "heading" && (c.linkChars ?? 0) >= 0.9 * c.text.length) { heads++; start = i; }
    else if (c.kind === "heading" && heads) break;
  }
  if (heads < TAIL_TEASERS || start < 0) return;
  let run = 0;
  for (let k = start; k < out.length; k++) if (!out[k]!.dropped && out[k]!.kind !== "caption") run += out[k]!.text.length;
  if (run > TAIL_SHARE * total) return;
  for (let k = start; k < out.length; k++) if (!out[k]!.dropped && out[k]!.kind !== "caption") out[k] = drop(out[k]!, "html:teaser-tail");
}

/** Blocks after a related heading at the article's end are at most this long (a card's headline, summary, byline or date)... */
const TAIL_BLOCK = 300;
/** ...and hold at most this share of the kept text (0.2, 0.35 or 0.5 gave the same pages on WCXB dev; the middle one kept). */
const TAIL_SHARE = 0.35;

/**
 * A heading (h1-h6) announcing related content that is followed, to the end
 * of the article, only by short blocks outside tables (cards whose links the
 * page makes with scripts, so the link rules cannot see them) drops with them.
 */
function dropAnnouncedTail(out: Candidate[]): void {
  let total = 0;
  for (const c of out) if (!c.dropped && c.kind !== "caption") total += c.text.length;
  for (let i = out.length - 1; i >= 0; i--) {
    const c = out[i]!;
    if (c.dropped || c.kind === "caption") continue;
    if (c.text.length > TAIL_BLOCK) return;
    if (c.element?.closest("table")) return;
    if (c.kind !== "heading" || c.text.length > 80 || !RELATED_HEADING.test(c.text)) continue;
    let after = 0, n = 0;
    for (let k = i + 1; k < out.length; k++) if (!out[k]!.dropped && out[k]!.kind !== "caption") { after += out[k]!.text.length; n++; }
    if (n < 2 || after + c.text.length > TAIL_SHARE * total) return;
    for (let k = i; k < out.length; k++) if (!out[k]!.dropped && out[k]!.kind !== "caption") out[k] = drop(out[k]!, "html:related-tail");
    return;
  }
}
