/**
 * Title choice: the page's `<h1>`, `og:title`, JSON-LD headline, other meta
 * titles and the `<title>` (cleaned of its site suffix) are compared, and the
 * full headline most candidates agree on wins.
 */
import { decodeEntities } from "./json-ld.js";

/** A title candidate and the source that gave it. */
export interface TitleCandidate {
  value: string;
  source: string;
  /** For an `<h1>`: it stands inside `<article>`/`<main>` or is marked as the headline. */
  inArticle?: boolean;
  /** For an `<h1>` set in several parts (a kicker and the headline): each part's text, and whether its markup names it a kicker or subtitle. */
  parts?: H1Part[];
}

/** One part of an `<h1>` (see {@link h1Parts}). */
export interface H1Part {
  text: string;
  kicker: boolean;
}

/** Class or id words that name a part of a heading as a kicker, a roofline or a subtitle rather than the headline. */
const KICKER_NAME = /kicker|roof|overline|dachzeile|spitzmarke|sub-?title|subline|sub-?head|eyebrow|topline|section|category|rubri[kc]|label/i;

/**
 * The parts of an `<h1>` set in several blocks ("<small>Einheit der Woche</small><br>Lagen-Pyramide…",
 * "<span class=roofline>…</span> Headline"): the children of its innermost wrapper
 * that hold text, each with whether its tag (`<small>`) or class names it a kicker.
 * Empty when the heading is one run of text.
 */
export function h1Parts(el: Element): H1Part[] {
  let root: Element = el;
  for (let i = 0; i < 4; i++) {
    const kids = [...root.childNodes].filter((n) => n.nodeType === 1 || (n.nodeType === 3 && (n.textContent ?? "").trim()));
    if (kids.length !== 1 || kids[0]!.nodeType !== 1) break;
    root = kids[0] as Element;
  }
  const parts: H1Part[] = [];
  for (const n of root.childNodes) {
    const text = cleanTitleText(n.textContent ?? "");
    if (!text) continue;
    if (n.nodeType !== 1) { parts.push({ text, kicker: false }); continue; }
    const e = n as Element;
    const tag = e.tagName.toLowerCase();
    // Inline words of the headline itself ("Hot <span>and</span> Fresh") join the text before them.
    const inline = !e.getAttribute("class") && /^(?:span|a|b|i|em|strong)$/.test(tag);
    const kicker = tag === "small" || KICKER_NAME.test(`${e.getAttribute("class") ?? ""} ${e.getAttribute("id") ?? ""}`);
    if (inline && parts.length && !kicker) parts[parts.length - 1]!.text += ` ${text}`;
    else parts.push({ text, kicker });
  }
  return parts.length >= 2 && parts.length <= 4 ? parts : [];
}

/**
 * `metadata:h1-part`: an `<h1>` of a kicker and a headline in separate blocks.
 * A part of its own that is only a separator joins them into one line (Zeit's
 * hidden ": "), and so does another title of the page that repeats the whole
 * heading ("Headline - Its dek" in og:title), unless the heading opens with a
 * part marked as a kicker (a site that puts its kicker into every meta title
 * still shows it apart). Else the part that another title repeats word for word
 * is the headline ("Adblue nachfüllen…" in the roofline span and in `og:title`),
 * else the parts not marked as a kicker or subtitle ("Wurmkiste selber bauen"
 * after the roofline "Wurmkiste"). At least three words, or the whole h1 stays.
 */
function h1Part(h: TitleCandidate, others: readonly TitleCandidate[]): TitleCandidate | null {
  const parts = h.parts ?? [];
  if (parts.length < 2 || parts.some((p) => !/[\p{L}\p{N}]/u.test(p.text))) return null;
  const wordsOf = (t: string): number => t.split(/\s+/).length;
  const keys = new Set(others.map((o) => titleKey(o.value)));
  if (!parts[0]!.kicker && keys.has(titleKey(h.value))) return null;
  const repeated = parts.find((p) => wordsOf(p.text) >= 3 && keys.has(titleKey(p.text)));
  if (repeated) return { value: repeated.text, source: "metadata:h1-part" };
  const rest = parts.filter((p) => !p.kicker).map((p) => p.text).join(" ");
  if (parts.some((p) => p.kicker) && rest && wordsOf(rest) >= 3) return { value: rest, source: "metadata:h1-part" };
  return null;
}

/** The marks that separate a headline from a site name or section in a title. */
const SEP = String.raw`\||-|–|—|·|•|::|»|«|\/|:`;
const SEPARATORS = new RegExp(String.raw`\s(?:${SEP})\s`);
const SEP_AT_END = new RegExp(String.raw`\s(?:${SEP})\s?$`);
const SEP_AT_START = new RegExp(String.raw`^\s?(?:${SEP})\s`);

/** Comparison key: NFKC, case-folded, letters and digits only. */
export function titleKey(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * `metadata:mojibake`: UTF-8 text that was decoded as Latin-1 ("Investorâ\u0080\u0099s")
 * read again as UTF-8 ("Investor’s"). Text that is not such a misreading comes back unchanged.
 */
export function repairMojibake(s: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(s) || /[^\u0000-\u00ff]/.test(s)) return s;
  try {
    return UTF8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}

/** Collapses whitespace and trims. */
export function cleanTitleText(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/**
 * Removes a site suffix or prefix (" | Site", "Site - ") from a title. Known
 * site names are removed wherever they stand at either end; otherwise the
 * last segment goes when it is clearly shorter than the rest.
 */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  let t = cleanTitleText(title);
  // `metadata:domain-prefix`: "davidbau.com Vibe Coding": a domain name before the headline, no separator.
  for (const n of siteNames) {
    if (n.includes(".") && !/\s/.test(n) && t.toLowerCase().startsWith(`${n.toLowerCase()} `) && t.slice(n.length + 1).trim().split(" ").length >= 2) {
      t = t.slice(n.length + 1).trim();
      break;
    }
  }
  // `metadata:site-name-whole`: a site name that holds a separator of its own ("AOC media - Analyse Opinion
  // Critique") is cut whole from either end, before the title is split at its separators.
  for (const n of siteNames) {
    const name = cleanTitleText(n);
    if (name.length < 3 || !SEPARATORS.test(name)) continue;
    const lower = t.toLowerCase(), nl = name.toLowerCase();
    if (lower.endsWith(nl)) {
      const head = t.slice(0, t.length - name.length);
      const m = SEP_AT_END.exec(head);
      if (m && head.slice(0, m.index).trim()) { t = head.slice(0, m.index).trim(); break; }
    }
    if (lower.startsWith(nl)) {
      const tail = t.slice(name.length);
      const m = SEP_AT_START.exec(tail);
      if (m && tail.slice(m[0].length).trim()) { t = tail.slice(m[0].length).trim(); break; }
    }
  }
  const parts = t.split(SEPARATORS);
  if (parts.length < 2) return t;
  const keys = siteNames.map(titleKey).filter((k) => k.length > 1);
  const isSite = (p: string): boolean => {
    const k = titleKey(p);
    return !!k && keys.some((s) => s === k || (s.length > 3 && (k.startsWith(s) || s.startsWith(k)) && Math.abs(s.length - k.length) < 6));
  };
  // Re-split keeping separators so the kept part is rebuilt verbatim.
  const seps: string[] = [];
  const segs: string[] = [];
  let rest = t;
  for (let i = 0; i < 20; i++) {
    const m = SEPARATORS.exec(rest);
    if (!m) break;
    segs.push(rest.slice(0, m.index));
    seps.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  segs.push(rest);
  let lo = 0;
  let hi = segs.length - 1;
  let changed = false;
  while (hi > lo && isSite(segs[hi]!)) { hi--; changed = true; }
  while (hi > lo && isSite(segs[lo]!)) { lo++; changed = true; }
  if (!changed && segs.length >= 2) {
    const last = segs[segs.length - 1]!;
    const head = segs.slice(0, -1).join(" ");
    // Only plain separators (not ":" or "-", which headlines use) justify a guess.
    const sep = seps[seps.length - 1]!.trim();
    if (/^[|·•»«:]{1,2}$/.test(sep) && sep !== ":" && last.length < head.length && last.split(" ").length <= 5) hi = segs.length - 2;
  }
  let out = segs[lo]!;
  for (let i = lo + 1; i <= hi; i++) out += seps[i - 1]! + segs[i]!;
  return out.trim() || t;
}

const fold = (s: string): string => s.toLowerCase().replace(/[‘’‚‛′]/g, "'").replace(/[“”„‟″]/g, '"');
const LEAD_SEP = /^[\s|:–—·•-]+/;
const DATE_WORDS = /^(?:(?:posted|published|updated|last updated)\b.*|by\s.*|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}|\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})$/i;

/**
 * Repairs an h1 against the page's other titles:
 * - `metadata:h1-garbled`: the h1 has "?" or U+FFFD where another title has one or
 *   two characters (a mis-decoded apostrophe, "Beginner? Guide"): that title.
 * - `metadata:h1-extra`: the h1 is another title plus a date, a "Posted on … by"
 *   line or the site name ("Title – Site", "Dec 18 2025 Title", "Blog: Title"):
 *   the h1's own text without the extra.
 */
function refineH1(h: string, others: readonly TitleCandidate[], siteKeys: ReadonlySet<string>): TitleCandidate | null {
  // `metadata:h1-garbled`: "Event Planning? Beginner? Guide" for "Event Planning: Beginner's Guide": each "?" or
  // U+FFFD stood for one or two characters, or is itself. At most eight, which keeps the pattern's backtracking small.
  const marks = (h.match(/[?\uFFFD]/g) ?? []).length;
  if (marks > 0 && marks <= 8) {
    const re = new RegExp(`^${h.replace(/[.*+^${}()|[\]\\]/g, "\\$&").replace(/\?|\uFFFD/g, "(?:[^\\s?]{1,2}|\\?)")}$`, "u");
    const o = others.find((c) => c.value !== h && c.value.length <= h.length + 8 && re.test(c.value));
    if (o) return { value: o.value, source: "metadata:h1-garbled" };
  }
  const fh = fold(h);
  const extra = (rest: string, lead: boolean): boolean => {
    const r = rest.replace(LEAD_SEP, "").replace(/[\s|:–—·•-]+$/, "").trim();
    if (!r) return !!rest.trim() && /[|–—·•]/.test(rest);
    if (DATE_WORDS.test(r) || siteKeys.has(titleKey(r))) return true;
    return lead && /^(?:blog|news|article|post|opinion)$/i.test(r) && /:\s*$/.test(rest);
  };
  for (const o of [...others].sort((a, b) => b.value.length - a.value.length)) {
    const fo = fold(o.value);
    if (fo.length < 8 || fo.length >= fh.length) continue;
    if (fh.startsWith(fo) && /^[\s|:–—·•-]/.test(fh.slice(fo.length)) && extra(h.slice(fo.length), false)) {
      return { value: h.slice(0, fo.length).trim(), source: "metadata:h1-extra" };
    }
    if (fh.endsWith(fo) && /[\s|:–—·•-]$/.test(fh.slice(0, fh.length - fo.length)) && extra(h.slice(0, h.length - fo.length), true)) {
      return { value: h.slice(h.length - fo.length).trim(), source: "metadata:h1-extra" };
    }
  }
  return null;
}

/** An h1 longer than this is a paragraph set in a heading, not a headline. */
const MAX_H1 = 150;
const HEAD_SEP = /^\s?[|–—·•»-]\s/;

/**
 * Whether `title` opens with `head` followed by a separator ("Defer, Panic, and Recover -
 * The Go Programming Language"). Not a colon: what follows one is the headline's subtitle.
 */
function headsTitle(head: string, title: string): boolean {
  return title.length > head.length && title.slice(0, head.length).toLowerCase() === head.toLowerCase() && HEAD_SEP.test(title.slice(head.length));
}

/**
 * `metadata:h1-pipe-tail`: "Best Movers in NYC 2025 | Top 19 Companies", "… | Opinion": a
 * headline does not hold a pipe; short segments after one (at most five words,
 * shorter than what precedes) are a tagline, a section or the site name.
 */
function dropPipeTail(h: string): string {
  const segs = h.split(/\s\|\s/);
  while (segs.length > 1) {
    const last = segs[segs.length - 1]!;
    const head = segs.slice(0, -1).join(" | ");
    if (last.split(" ").length > 5 || last.length >= head.length || head.split(" ").length < 3) break;
    segs.pop();
  }
  return segs.join(" | ");
}

const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * `metadata:numbered-title`: the meta title is the h1 with only a count or a year added
 * ("8 Recent Trends in Photography" for the h1 "Recent Trends in Photography",
 * "15 Best Online Tutoring Platforms 2025"): the fuller meta title.
 */
function numberedVariant(h: string, others: readonly TitleCandidate[]): TitleCandidate | null {
  const hw = words(h);
  if (hw.length < 2) return null;
  for (const o of others) {
    const ow = words(o.value);
    if (ow.length !== hw.length + 1) continue;
    const extra: string[] = [];
    let i = 0;
    for (const w of ow) if (i < hw.length && w === hw[i]) i++; else extra.push(w);
    if (i === hw.length && /^\d{1,4}$/.test(extra[0] ?? "")) {
      return { value: o.value, source: "metadata:numbered-title" };
    }
  }
  return null;
}

const SEP_RUN = /[\s|:–—·•-]+/g;
const sepCount = (s: string): number => s.replace(/[^|:–—·•-]/g, "").length;

/**
 * `metadata:h1-parts`: the meta title is the h1 with a separator between its parts
 * ("…is not. - Defining and choosing…" for an h1 of two spans, "Problems--Simple" for
 * "Problems—Simple"): the h1's styling dropped the separator, the meta title keeps it.
 */
function partsVariant(h: string, others: readonly TitleCandidate[]): TitleCandidate | null {
  const bare = h.replace(SEP_RUN, " ");
  const o = others.find((c) => c.value !== h && c.value.replace(SEP_RUN, " ") === bare && sepCount(c.value) > sepCount(h));
  return o ? { value: o.value, source: "metadata:h1-parts" } : null;
}

/** `metadata:blog-name-h1`: "The Go Blog", "Antoyo's Blog": a short h1 naming a blog is the site's name. */
const BLOG_NAME = /^(?:the\s)?(?!(?:a|an|my|your|our|this|the)\s)\p{Lu}[\p{L}\p{N}'’.-]*(?:\s[\p{L}\p{N}'’.-]+)?\sblog$/iu;

const MINOR = new Set(["a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at", "to", "by", "with", "from", "as", "vs", "via", "into", "per", "is", "are"]);
const capitalized = (s: string): number => s.split(/\s+/).filter((w) => !MINOR.has(w.toLowerCase()) && /^\p{Lu}/u.test(w)).length;

/**
 * `metadata:title-case`: when a meta title spells the chosen headline with the same
 * letters but capitalizes more of its content words ("How Much Should I Pay" for the h1
 * "How much should I pay"), the h1 was set in sentence case by the design: the meta's
 * casing. A meta title that only opens with the headline before a separator counts too.
 */
function casedVariant(best: TitleCandidate, others: readonly TitleCandidate[]): TitleCandidate {
  const lower = best.value.toLowerCase();
  let out = best;
  for (const o of others) {
    const v = o.value.length === best.value.length ? o.value : headsTitle(best.value, o.value) ? o.value.slice(0, best.value.length) : "";
    if (v && v !== best.value && v.toLowerCase() === lower && capitalized(v) > capitalized(out.value)) out = { value: v, source: "metadata:title-case" };
  }
  return out;
}

/**
 * Picks the headline. The visible `<h1>` is what readers see as the title, so
 * it wins unless it looks like a site logo (equal to a site name, or a single
 * short word); otherwise the candidate most others agree with wins. An
 * all-capitals choice takes the casing of a candidate spelled the same.
 */
export function chooseTitle(cands: readonly TitleCandidate[], siteNames: readonly string[]): TitleCandidate | null {
  const list = cands
    .map((c) => ({ value: repairMojibake(cleanTitleText(decodeEntities(c.value))), source: c.source, parts: c.parts }))
    .filter((c) => c.value.length >= 2 && c.value.length <= 400);
  if (!list.length) return null;
  const siteKeys = new Set(siteNames.map(titleKey).filter(Boolean));
  const stripped = list.map((c) => ({
    value: c.source.startsWith("html:h1") ? c.value : stripSiteName(c.value, siteNames),
    source: c.source,
    parts: c.parts,
  })).filter((c) => !siteKeys.has(titleKey(c.value)) && titleKey(c.value).length > 1);
  if (!stripped.length) return null;
  const agreement = (c: TitleCandidate): number => {
    const k = titleKey(c.value);
    let score = 0;
    for (const o of stripped) {
      if (o.source === c.source) continue;
      const ok = titleKey(o.value);
      if (ok === k) score += 3;
      else if (ok.includes(k) && k.length >= ok.length * 0.5) score += 1.5;
      else if (k.includes(ok) && ok.length >= k.length * 0.7) score += 1;
      else if (k.length >= 8 && headsTitle(c.value, o.value)) score += 1;
    }
    return score;
  };
  let best: TitleCandidate | null = null;
  // The visible headline: the first <h1> the other titles agree with; else the
  // first that reads like a headline and is not the logo (a link home, or the
  // site name standing before the headline in the <title>).
  const h1s = stripped.filter((c) => c.source.startsWith("html:h1"));
  const rawTitles = list.filter((c) => !c.source.startsWith("html:h1")).map((c) => c.value);
  // "Engora Data Blog: Small adventures…" with og:title "Small adventures…": the h1 is the site name.
  const otherKeys = new Set(stripped.filter((c) => !c.source.startsWith("html:h1")).map((c) => titleKey(c.value)));
  const isSitePrefix = (h: string): boolean => rawTitles.some((t) => {
    const m = /^\s?[:|\-–—·•»]\s/.exec(t.slice(h.length));
    return t.startsWith(h) && !!m && otherKeys.has(titleKey(t.slice(h.length + m[0].length)));
  });
  const others = stripped.filter((c) => !c.source.startsWith("html:h1"));
  // `metadata:all-caps-h1`: an h1 in capitals ("SUPPORTING GAAP COMPLIANCE") is a banner
  // when the page's other titles are written in ordinary case.
  const caps = (c: TitleCandidate): boolean => !/\p{Ll}/u.test(c.value) && others.some((o) => /\p{Ll}/u.test(o.value));
  const first = h1s.find((c) => c.source === "html:h1");
  const h1 = h1s.find((c) => agreement(c) > 0)
    ?? (first && !caps(first) && !isSitePrefix(first.value) && !BLOG_NAME.test(first.value) && first.value.length <= MAX_H1
      && (first.value.length >= 12 || first.value.split(" ").length >= 3) ? first : undefined);
  const refined = h1 ? refineH1(h1.value, others, siteKeys) : null;
  const part = h1 && !refined ? h1Part(h1, others) : null;
  if (part) best = casedVariant(part, others);
  else if (h1) {
    best = refined ?? { value: dropPipeTail(h1.value), source: "html:h1" };
    best = numberedVariant(best.value, others) ?? partsVariant(best.value, others) ?? casedVariant(best, others);
  } else {
    let bestScore = -Infinity;
    for (const c of stripped) {
      if (c.source.startsWith("html:h1")) continue;
      let score = agreement(c);
      if (c.source === "meta:og:title" || c.source === "json-ld") score += 0.8;
      else if (c.source === "html:title") score += 0.5;
      if (c.value.length < 8) score -= 1;
      if (score > bestScore) { best = c; bestScore = score; }
    }
    best ??= stripped[0] ?? null;
  }
  if (best && !/\p{Ll}/u.test(best.value)) {
    // Spaces ignored: "WEEKEND<br>CODING AGENT" reads "WEEKENDCODING AGENT".
    const k = best.value.toLowerCase().replace(/\s+/g, "");
    const cased = stripped.find((c) => /\p{Ll}/u.test(c.value) && c.value.toLowerCase().replace(/\s+/g, "") === k);
    if (cased) best = { value: cased.value, source: best.source };
  }
  return best;
}
