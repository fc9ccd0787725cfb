/**
 * Dates in markup that the structured readers miss: JSON-LD written into an
 * attribute instead of a script body, and listings of the page itself
 * (a "recent posts" entry linking to this very page with an ISO `<time>`).
 * They travel with the visible dates, after them and with no score, so that
 * only the rules that ask for them see them (see html-dates.ts).
 */
import type { VisibleDate } from "./html-visible-dates.js";

/** Source of a date read from JSON-LD held in an attribute. */
export const LD_ATTRIBUTE_SOURCE = "json-ld:attribute";
/** Source of a date read from a listing of the page itself. */
export const SELF_LISTING_SOURCE = "html:self-listing";

const MARKUP_SCORE = -100;
const ISO_DAY = /^(?:19|20)\d{2}-\d{2}-\d{2}(?:$|[T ])/;
const ARTICLE_TYPE = /article|posting|report|webpage/i;

/** The first `datePublished` of an article-like object in parsed JSON-LD (depth-bounded). */
function ldPublished(node: unknown, depth = 0): string | null {
  if (depth > 6 || !node || typeof node !== "object") return null;
  if (Array.isArray(node)) {
    for (const n of node.slice(0, 30)) {
      const d = ldPublished(n, depth + 1);
      if (d) return d;
    }
    return null;
  }
  const o = node as Record<string, unknown>;
  const type = Array.isArray(o["@type"]) ? o["@type"].join(" ") : String(o["@type"] ?? "");
  if (ARTICLE_TYPE.test(type) && typeof o["datePublished"] === "string" && o["datePublished"]) return o["datePublished"];
  return ldPublished(o["@graph"], depth + 1);
}

/**
 * `metadata:ld-attribute`: JSON-LD written into an attribute, as some
 * renderers do: `<meta name="script:ld+json" content="{…}">` or
 * `<script type="application/ld+json" children="{…}">` with an empty body.
 */
function attributeLd(document: Document): VisibleDate[] {
  const out: VisibleDate[] = [];
  const head = document.head;
  if (!head) return out;
  const els = [...head.querySelectorAll("meta, script")].slice(0, 400);
  for (const el of els) {
    const tag = el.tagName.toLowerCase();
    let raw: string | null;
    if (tag === "meta") {
      if (!/ld\+json/i.test(el.getAttribute("name") ?? el.getAttribute("property") ?? "")) continue;
      raw = el.getAttribute("content");
    } else {
      if (!/ld\+json/i.test(el.getAttribute("type") ?? "") || (el.textContent ?? "").trim()) continue;
      raw = el.getAttribute("children");
    }
    if (!raw || raw.length > 200_000 || !/datePublished/.test(raw)) continue;
    let parsed: unknown;
    try { parsed = JSON.parse(raw); } catch { continue; }
    const d = ldPublished(parsed);
    if (d) out.push({ text: d, score: MARKUP_SCORE, updated: false, source: LD_ATTRIBUTE_SOURCE });
    if (out.length >= 3) break;
  }
  return out;
}

/**
 * `metadata:self-listing`: a `<time datetime>` holding an ISO day, in the same
 * small box (up to two levels up) as a link: the day of the linked page, as a
 * list of posts shows it. Kept with the link, for the one that names this page.
 */
function listings(times: readonly Element[]): VisibleDate[] {
  const out: VisibleDate[] = [];
  for (const t of times.slice(0, 80)) {
    const dt = (t.getAttribute("datetime") ?? "").trim();
    if (!ISO_DAY.test(dt)) continue;
    let box: Element | null = t.parentElement;
    for (let d = 0; box && d < 2; d++, box = box.parentElement) {
      const links = box.querySelectorAll("a[href]");
      if (links.length === 0) continue;
      // A box with several links is a list or a menu, not one entry.
      if (links.length === 1) out.push({ text: dt, score: MARKUP_SCORE, updated: false, source: SELF_LISTING_SOURCE, href: links[0]!.getAttribute("href") ?? "" });
      break;
    }
  }
  return out;
}

/**
 * Dates from markup (see module doc), each with its `source`. `times`: the
 * page's `<time>` elements, as the visible-date walk met them (default: all).
 * Never throws.
 */
export function findMarkupDates(document: Document, times?: readonly Element[]): VisibleDate[] {
  try {
    return [...attributeLd(document), ...listings(times ?? [...document.querySelectorAll("time")])];
  } catch {
    return [];
  }
}

/** A URL's origin and path without a trailing slash, for comparing links; null when unreadable. */
export function pageKey(href: string | null | undefined, base?: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return `${u.origin}${u.pathname.replace(/\/+$/, "")}`.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The day that listings of the page at `url` give it, when they agree on one.
 * Links with a fragment ("#comment-12", a comment's permalink) are no listings.
 */
export function selfListedDay(visible: readonly VisibleDate[], url: string | null | undefined): string | null {
  const self = pageKey(url);
  if (!self) return null;
  const days = new Set<string>();
  for (const v of visible) {
    if (v.source !== SELF_LISTING_SOURCE || !v.href || v.href.includes("#") || pageKey(v.href, url) !== self) continue;
    days.add(v.text.slice(0, 10));
  }
  return days.size === 1 ? [...days][0]! : null;
}
