/**
 * Last-resort dates for pages where no structured, labelled or prominent date
 * was found: any `<time datetime>` and any date written in the text, in
 * footers and record boxes too, but never in comment threads or in lists of
 * other stories (`<nav>`, `<aside>`, "related", "popular", "teaser",
 * "sidebar", "widget"). Only asked for when every other rule of the date
 * choice came back empty (see choosePublished).
 */
import { normalizeDate } from "./dates.js";
import { PUBLISHED_WORDS, UPDATED_WORDS, writtenMonthDay } from "./date-words.js";
import { clean, inComments, SKIP, textRoot, tokens } from "./html-noise.js";
import { pageKey } from "./html-date-markup.js";
import type { VisibleCandidate } from "./html-byline.js";

/** Source of the first `<time datetime>` anywhere. */
export const ANY_TIME_SOURCE = "metadata:any-time";
/** Source of an RDFa date attribute on any element. */
export const RDFA_SOURCE = "metadata:rdfa-date";
/** Source of a publishing date in a script's data. */
export const SCRIPT_SOURCE = "metadata:script-date";
/** Source of a date written beside a link to the page itself (a list of posts that includes it). */
export const SELF_LISTED_TEXT_SOURCE = "metadata:self-listed-text";
/** Source of a date found anywhere in the text. */
export const ANY_TEXT_SOURCE = "metadata:any-text-date";

const ISO_DAY = /^(?:19|20)\d{2}-\d{2}-\d{2}/;
// A numeric date with a four-digit year, a dotted one with two ("28.01.22"), an ISO day.
const NUMERIC = /(?<![\d.])\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}(?!\d)|(?<![\d.])\d{2}\.\d{2}\.\d{2}(?![\d.])|(?<!\d)(?:19|20)\d{2}-\d{2}-\d{2}(?!\d)/;
// "Datum", "Date", "Fecha", "Data", "Дата" before a date: a date label of a record.
// `metadata:other-stories`: containers that list other pages, whose dates are theirs.
const OTHER_STORIES = /(?:^|[\s_-])(?:related|recommended|recommendations|popular|trending|teasers?|carousel|latest|recent|archives?)(?:$|[\s_-])/i;

/**
 * Whether an element sits in a list of other pages: a `<nav>` or `<aside>`, or
 * a box classed so within five levels; never past the page's `<article>` or
 * `<main>`, nor in a box that holds the headline (a page wrapper).
 */
function aboutOtherPages(el: Element, headline: Element | null): boolean {
  let cur: Element | null = el;
  for (let i = 0; cur && i < 30; i++, cur = cur.parentElement) {
    const tag = cur.tagName.toLowerCase();
    if (tag === "body" || tag === "article" || tag === "main") break;
    if (headline && cur.contains(headline)) break;
    if (tag === "nav" || tag === "aside" || (i < 5 && OTHER_STORIES.test(tokens(cur)))) return true;
  }
  return inComments(el);
}

const RDFA_PROPERTY = /(?:^|[\s:])(?:datepublished|datecreated|date|created|issued)$/i;
// `"published_at": "2019-03-02T06:22:28+01:00"` in a script's data; publishing keys, then creation keys.
const SCRIPT_KEY = /["']?([A-Za-z_]{0,20}(?:publish|pub_?date|created|upload)[A-Za-z_]{0,20})["']?\s{0,3}[:=]\s{0,3}["']((?:19|20)\d{2}-\d{2}-\d{2}(?:[T ][\d:.+\-Z]{0,25})?)["']/gi;

/**
 * `metadata:rdfa-date`: an element other than `<meta>` carrying an RDFa date
 * (`<span property="schema:dateCreated" content="2020-04-21T14:40:07+00:00">`), outside comments.
 */
function rdfaDate(document: Document, headline: Element | null): string | null {
  for (const el of [...document.querySelectorAll("[property][content]")].slice(0, 200)) {
    if (el.tagName.toLowerCase() === "meta") continue;
    const prop = el.getAttribute("property") ?? "";
    const v = (el.getAttribute("content") ?? "").trim();
    if (RDFA_PROPERTY.test(prop) && !/modified/i.test(prop) && ISO_DAY.test(v) && !aboutOtherPages(el, headline)) return v;
  }
  return null;
}

/**
 * `metadata:script-date`: a publishing (else creation) date in the data a
 * script carries (`"published_at"`, `"publishedDate"`, `"createdAt"`), as
 * single-page apps and shop systems write it; keys naming an update are not read.
 */
function scriptDate(document: Document): string | null {
  let created: string | null = null;
  for (const sc of [...document.querySelectorAll("script")].slice(0, 80)) {
    const text = (sc.textContent ?? "").slice(0, 300_000);
    if (!/(?:19|20)\d{2}-\d{2}-\d{2}/.test(text)) continue;
    for (const m of text.matchAll(SCRIPT_KEY)) {
      const key = m[1]!.toLowerCase();
      if (/updat|modif/.test(key)) continue;
      if (/publish|pub_?date/.test(key)) return m[2]!;
      created ??= m[2]!;
    }
  }
  return created;
}

const TIME_CLASS = /date|time|datum|fecha/i;

/**
 * `metadata:title-stamp`: without a `<time datetime>`, an element classed as
 * a date or time ("news-time-ago", "post-date", "datum"; also hAtom's
 * "updated", as the modified-fallback rule takes a modified date when nothing
 * else is known) whose `title` holds the timestamp behind a relative or short text
 * (`<div class="time-ago" title="2020-09-20T14:20:02Z">15 minutes ago</div>`,
 * `<span class="datum" title="6. Oktober 2017, 04:00">vor 2 Tagen</span>`):
 * the first such, outside lists of other pages.
 */
function titleStamp(document: Document, headline: Element | null): string | null {
  for (const el of [...document.querySelectorAll("[title]")].slice(0, 400)) {
    const v = (el.getAttribute("title") ?? "").trim();
    if (v.length < 8 || v.length > 60 || !/(?:19|20)\d{2}/.test(v)) continue;
    if (!TIME_CLASS.test(tokens(el))) continue;
    const day = ISO_DAY.test(v) ? v : writtenMonthDay(v);
    if (day && !aboutOtherPages(el, headline)) return day;
  }
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

/**
 * `metadata:self-listed-text`: a list of posts on the page that includes the
 * page itself, its entry a small box (up to three levels above the link, at
 * most 300 characters, no other link) with a date written in its text
 * ("<li><a href=this-page>Title</a> <span>26/10/2018</span></li>"): that date.
 * Links with a fragment (a comment's permalink) are no entries.
 */
export function selfListedTextDate(document: Document, url: string | null | undefined, dayFirst: boolean): string | null {
  const self = pageKey(url);
  // The page's last path segment, which a link to it must contain (a cheap test before reading the link as a URL).
  const last = self ? decodeURIComponentSafe(self.slice(self.lastIndexOf("/") + 1)) : "";
  if (!self || last.length < 3) return null;
  for (const a of [...document.querySelectorAll("a[href]")].slice(0, 800)) {
    const href = a.getAttribute("href") ?? "";
    if (href.includes("#") || !decodeURIComponentSafe(href).toLowerCase().includes(last) || pageKey(href, url) !== self) continue;
    let box: Element | null = a;
    for (let d = 0; box && d < 4; d++, box = box.parentElement) {
      const tag = box.tagName.toLowerCase();
      if (tag === "body" || tag === "article" || tag === "main") break;
      if (d > 0 && box.querySelectorAll("a[href]").length > 1 && [...box.querySelectorAll("a[href]")].some((l) => pageKey(l.getAttribute("href"), url) !== self)) break;
      const text = clean(box.textContent);
      if (text.length > 300) break;
      const m = NUMERIC.exec(text);
      const day = (m ? normalizeDate(m[0], { dayFirst }) : null) ?? writtenMonthDay(text);
      if (day) return day.slice(0, 10);
    }
  }
  return null;
}

const DATE_LABEL = /(?<!\p{L})(?:datum|date|fecha|data|дата|erschienen|stand)(?!\p{L})/iu;

/**
 * `metadata:any-text-date`: dates written anywhere in the text (comment
 * threads left out), best first: one labelled as published or as a record's
 * date ("Datum: 25.01.2022") and not as an update, then the first after the
 * headline, then the first on the page. `metadata:any-time`: the first
 * `<time datetime>` outside comments; before these, rdfaDate and scriptDate.
 * Each as a candidate with its source.
 * `dayFirst`: how to read ambiguous numeric dates. Never throws.
 */
export function fallbackDates(document: Document, headline: Element | null, dayFirst: boolean, url?: string | null): VisibleCandidate[] {
  try {
    const out: VisibleCandidate[] = [];
    const listed = selfListedTextDate(document, url, dayFirst);
    if (listed) out.push({ value: listed, source: SELF_LISTED_TEXT_SOURCE });
    const rdfa = rdfaDate(document, headline);
    if (rdfa) out.push({ value: rdfa, source: RDFA_SOURCE });
    const script = scriptDate(document);
    if (script) out.push({ value: script, source: SCRIPT_SOURCE });
    for (const t of [...document.querySelectorAll("time[datetime]")].slice(0, 40)) {
      const dt = (t.getAttribute("datetime") ?? "").trim();
      if (ISO_DAY.test(dt) && !aboutOtherPages(t, headline)) { out.push({ value: dt, source: ANY_TIME_SOURCE }); break; }
    }
    if (!out.some((c) => c.source === ANY_TIME_SOURCE)) {
      const titled = titleStamp(document, headline);
      if (titled) out.push({ value: titled, source: ANY_TIME_SOURCE });
    }
    const found: { day: string; labelled: boolean; afterHeadline: boolean }[] = [];
    let afterHeadline = !headline;
    let prev = "";
    let seen = 0;
    const walk = (n: Node, depth: number): void => {
      if (depth > 60 || seen > 20000 || found.length >= 30) return;
      if (n.nodeType === 3) {
        seen++;
        const full = clean(n.nodeValue);
        if (!full) return;
        // A long text counts only by its start: "27.1.2022 - Bei der Erinnerung an …" is a dateline.
        const text = full.length <= 120 ? full : full.slice(0, 40);
        if (NUMERIC.test(text) || writtenMonthDay(text)) {
          const parent = n.parentElement;
          const day = normalizeDate(text, { dayFirst }) ?? writtenMonthDay(text);
          const label = `${prev.length <= 40 ? prev : ""} ${text}`;
          if (day && parent && !aboutOtherPages(parent, headline) && !UPDATED_WORDS.test(label)) {
            found.push({ day: day.slice(0, 10), labelled: PUBLISHED_WORDS.test(label) || DATE_LABEL.test(label), afterHeadline });
          }
        }
        prev = full;
        return;
      }
      if (n.nodeType !== 1) return;
      const el = n as Element;
      if (SKIP.has(el.tagName.toLowerCase())) return;
      if (el === headline) afterHeadline = true;
      for (let c = n.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
    };
    const root = textRoot(document);
    if (root) walk(root, 0);
    // `metadata:description-date`: a date labelled as the publication's ("Notizia del 14 Gennaio 2020",
    // "Published on May 3, 2021") in the page's meta description, after any labelled one in the text.
    const desc = (document.querySelector('meta[name="description"]') ?? document.querySelector('meta[property="og:description"]'))?.getAttribute("content") ?? "";
    const lab = desc.length <= 600 ? PUBLISHED_WORDS.exec(desc) : null;
    const descDay = lab ? writtenMonthDay(desc.slice(lab.index, lab.index + 60)) : null;
    if (descDay) found.push({ day: descDay, labelled: true, afterHeadline: true });
    const pick = found.find((f) => f.labelled) ?? found.find((f) => f.afterHeadline) ?? found[0];
    if (pick) out.push({ value: pick.day, source: ANY_TEXT_SOURCE });
    return out;
  } catch {
    return [];
  }
}
