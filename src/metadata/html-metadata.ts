import type { ArticleMetadata, FieldProvenance } from "../model/index.js";
import { isReviewerLine, parseAuthors } from "./authors.js";
import { normalizeDate } from "./dates.js";
import { findBylines, findTimes, findVisibleDates, headlineOf, spacedText, strictNames, type VisibleCandidate } from "./html-byline.js";
import { indexElements, type ElementIndex } from "./html-index.js";
import { allMeta, firstMeta, metaLike, readMetaTags, type MetaTags } from "./html-meta-tags.js";
import type { DateEntry } from "./date-ranker.js";
import { DATE_MODEL } from "./date-model.js";
import { choosePublished, isoDays, readsDayFirst } from "./html-dates.js";
import { fallbackDates } from "./html-fallback-dates.js";
import { chooseTitle, cleanTitleText, h1Parts, type TitleCandidate } from "./html-title.js";
import { readJsonLd, type JsonLdResult } from "./json-ld.js";
import { siteOwner } from "./html-site-owner.js";
import { textRoot } from "./html-noise.js";
import type { CandidateRow, LinearModel } from "./linear-model.js";
import { rankTitle, titleEntries, titleRows, type TitleEntry } from "./title-ranker.js";

const TITLE_META = ["og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "citation_title", "headline", "title"];
const AUTHOR_META = ["article:author", "author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "citation_author", "citation_authors", "byl", "byline", "article.author", "cxenseparse:author", "og:article:author", "twitter:data1"];
const PUBLISHED_META = ["article:published_time", "og:article:published_time", "og:published_time", "published_time", "parsely-pub-date", "sailthru.date", "article.published", "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "citation_publication_date", "citation_date", "citation_online_date", "pubdate", "publishdate", "publish-date", "publish_date", "date", "article_date_original", "cxenseparse:recs:publishtime", "created", "release_date", "published-date", "article:published", "uploaddate"];
const MODIFIED_META = ["article:modified_time", "og:updated_time", "og:modified_time", "article:updated_time", "datemodified", "dcterms.modified", "last-modified", "lastmod", "sailthru.updated"];
// Other date keys by pattern (see metaLike); they rank after the known keys.
const PUBLISHED_LIKE = /(?:^|[-_.:])(?:published|publish|pub|posted|release|issue)(?:[-_.]?(?:date|time|at|on))?$/;
const MODIFIED_LIKE = /(?:^|[-_.:])(?:updated|modified|revised)(?:[-_.]?(?:date|time|at|on))?$/;
const SECTION_META = ["article:section", "parsely-section", "section", "article.section", "cxenseparse:recs:articlesection"];
const SITE_META = ["og:site_name", "application-name", "apple-mobile-web-app-title", "parsely-publisher", "publisher", "dc.publisher", "citation_publisher", "citation_journal_title"];

/** ISO 639-1 from a language tag ("en-US", "eng", "pt_BR"); null when unreadable. */
export function languageCode(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_\s]/)[0] ?? "";
  if (/^[a-z]{2}$/.test(primary)) return primary;
  const three: Record<string, string> = { eng: "en", spa: "es", fra: "fr", fre: "fr", deu: "de", ger: "de", por: "pt", ita: "it", nld: "nl", dut: "nl", rus: "ru", zho: "zh", chi: "zh", jpn: "ja", ara: "ar" };
  return three[primary] ?? null;
}

const textOf = (els: readonly Element[]): string[] =>
  els.slice(0, 5).map((e) => cleanTitleText(e.textContent ?? "")).filter(Boolean);

/** `metadata:home-link-h1`: an `<h1>` whose link goes to the site's front page is the logo. */
function linksHome(h: Element): boolean {
  const a = h.tagName.toLowerCase() === "a" ? h : h.querySelector("a[href]");
  const href = a?.getAttribute("href")?.trim();
  if (!href) return false;
  return /^(?:https?:\/\/[^/?#]+)?\/?(?:index\.\w{2,5})?$/i.test(href) || href === "./";
}

/**
 * The source tag of an `<h1>`: such an h1 is taken only when another title agrees with it.
 * - `html:h1-home`: its link goes home (the logo).
 * - `metadata:h1-lines` (`html:h1-lines`): it is set on several lines (`<br>`), a display
 *   banner whose text runs together ("Top MBA Programs of 2025 (US)Your Guide to…").
 * - `metadata:h1-section` (`html:h1-section`): it carries a link to its own anchor
 *   ("#but-what-they-love"), a section heading of the body, not the page's headline.
 */
function h1Source(el: Element): string {
  if (linksHome(el)) return "html:h1-home";
  if (el.querySelector("br")) return "html:h1-lines";
  if (el.querySelector('a[href^="#"]')) return "html:h1-section";
  return "html:h1";
}

function resolveUrl(u: string | null | undefined, base: string | null | undefined): string | null {
  if (!u) return null;
  try {
    return new URL(u, base ?? undefined).href;
  } catch {
    return /^https?:\/\//.test(u) ? u : null;
  }
}

function titleCandidates(ix: ElementIndex, meta: MetaTags, ld: JsonLdResult): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  const h1s = [...ix.articleH1s.slice(0, 6), ...ix.h1s.slice(0, 6)];
  const seen = new Set<string>();
  for (const el of h1s) {
    const h = cleanTitleText(el.textContent ?? "");
    if (!h || seen.has(h) || seen.size >= 4) continue;
    seen.add(h);
    const parts = h1Parts(el);
    out.push({ value: h, source: h1Source(el), inArticle: ix.articleH1s.includes(el), ...(parts.length ? { parts } : {}) });
  }
  if (ld.article?.headline) out.push({ value: ld.article.headline, source: "json-ld" });
  for (const k of TITLE_META) {
    const m = firstMeta(meta, [k]);
    if (m) out.push({ value: m.value, source: `meta:${k}` });
  }
  const t = textOf(ix.titles)[0];
  if (t) out.push({ value: t, source: "html:title" });
  return out;
}

/** Options of {@link extractHtmlMetadata}. */
export interface HtmlMetadataOptions {
  url?: string | null;
  /** Date rules switched off (see OPTIONAL_DATE_RULES; bench:dates only). */
  offDateRules?: ReadonlySet<string>;
  /**
   * A fitted title model (data/meta-model/title.json, see title-ranker.ts) to choose the title
   * with; default: the rules alone (chooseTitle), which the model does not beat in cross-validation.
   */
  titleModel?: LinearModel | null;
  /** Receives the page's title rows (training and cross-validation only). */
  onTitleRows?: (rows: CandidateRow<TitleEntry>[]) => void;
  /**
   * The date model (see date-ranker.ts) that chooses the publish day among the page's candidate
   * days; default: the shipped one (date-model.ts, data/meta-model/date.json); null: the rules alone.
   */
  dateModel?: LinearModel | null;
  /** Receives the page's candidate days as rows (training and cross-validation only). */
  onDateRows?: (rows: CandidateRow<DateEntry>[]) => void;
}

interface AuthorSource { values: string[]; source: string }

/** A login name or template slot rather than a person's name: one token with a dot, digit, "@", "_", a lower-case start or an inner capital. */
function isHandle(name: string): boolean {
  const n = name.trim();
  return !/\s/.test(n) && (/[._@\d]/.test(n) || /^\p{Ll}/u.test(n) || /\p{Ll}\p{Lu}/u.test(n));
}

function authorSources(meta: MetaTags, ld: JsonLdResult, bylines: VisibleCandidate[], outletNames: readonly (string | null | undefined)[]): AuthorSource[] {
  const out: AuthorSource[] = [];
  // JSON-LD persons first; organization authors (typed so, or named like the
  // outlet) only after every other source.
  const outletKeys = new Set(outletNames.filter((o): o is string => !!o).map((o) => o.toLowerCase().trim()));
  // ", USA TODAY" (an empty name slot before the outlet) is the outlet.
  const bare = (a: string): string => a.replace(/^[\s,;|–—-]+|[\s,;|–—-]+$/g, "").toLowerCase();
  const orgs = new Set([...(ld.article?.organizationAuthors ?? []),
    ...(ld.article?.authors ?? []).filter((a) => outletKeys.has(bare(a)))]);
  const persons = (ld.article?.authors ?? []).filter((a) => !orgs.has(a));
  // `metadata:login-author`: structured authors that are all login handles
  // ("andrew.keaveney", "KatieS") rank after the visible byline.
  const handles = persons.length > 0 && persons.every(isHandle);
  if (persons.length && !handles) out.push({ values: persons, source: "json-ld" });
  const late: AuthorSource[] = handles ? [{ values: persons, source: "json-ld" }] : [];
  for (const k of AUTHOR_META) {
    const vals = allMeta(meta, [k]).map((m) => m.value).filter((v) => !/^https?:\/\//.test(v));
    if (k === "twitter:data1" && !/^(?:written by|author)/i.test(firstMeta(meta, ["twitter:label1"])?.value ?? "")) continue;
    if (vals.length && vals.every(isHandle)) late.push({ values: vals, source: `meta:${k}` });
    else if (vals.length) out.push({ values: vals, source: `meta:${k}` });
  }
  // `metadata:reviewer-last`: "Reviewed by" / "Edited by" lines rank after every other byline.
  for (const b of bylines) if (!isReviewerLine(b.value)) out.push({ values: [b.value], source: b.source });
  for (const b of bylines) if (isReviewerLine(b.value)) late.push({ values: [b.value], source: b.source });
  out.push(...late);
  if (orgs.size) out.push({ values: [...orgs], source: "json-ld:organization" });
  return out;
}

/**
 * Reads article metadata from a parsed page (JSON-LD, OpenGraph, article meta
 * tags, `<time>`, the visible byline) before any extraction mutates it.
 * Each field found records `provenance[field] = { span: null, source }`.
 * Never throws: a page without usable markup gives `{ provenance: {} }`.
 */
export function extractHtmlMetadata(document: Document, opts: HtmlMetadataOptions = {}): ArticleMetadata {
  const provenance: Record<string, FieldProvenance> = {};
  const out: ArticleMetadata = { provenance };
  const set = <K extends keyof ArticleMetadata>(field: K, value: ArticleMetadata[K] | null | undefined, source: string): void => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    if (out[field] !== undefined) return;
    out[field] = value;
    provenance[field] = { span: null, source };
  };
  try {
    const ix = indexElements(document);
    const meta = readMetaTags(document, ix.metas);
    const ld = readJsonLd(document, ix.ldScripts);
    const art = ld.article;

    // Outlet.
    if (art?.publisher && !art.publisherIsPerson) set("outlet", cleanTitleText(art.publisher), "json-ld:publisher");
    const site = firstMeta(meta, SITE_META);
    if (site) set("outlet", site.value, `meta:${site.key}`);
    if (ld.siteName) set("outlet", cleanTitleText(ld.siteName), "json-ld:website");
    if (art?.publisher) set("outlet", cleanTitleText(art.publisher), "json-ld:publisher");
    const siteNames = [art?.publisher, ld.siteName, ...SITE_META.map((k) => firstMeta(meta, [k])?.value)]
      .filter((s): s is string => !!s);
    const host = (() => { try { return opts.url ? new URL(opts.url).hostname.replace(/^www\./, "") : null; } catch { return null; } })();
    if (host) siteNames.push(host, host.split(".")[0]!);

    // Title.
    const tCands = titleCandidates(ix, meta, ld);
    const ruleTitle = chooseTitle(tCands, siteNames);
    if (opts.titleModel || opts.onTitleRows) {
      const rows = titleRows(titleEntries(tCands, siteNames, ruleTitle), siteNames, opts.url);
      opts.onTitleRows?.(rows);
      const learned = opts.titleModel ? rankTitle(rows, opts.titleModel) : null;
      if (learned) set("title", learned.value, learned.source);
    }
    if (ruleTitle) set("title", ruleTitle.value, ruleTitle.source);

    // Authors, byline, agencies.
    const bylines = findBylines(document, ix);
    const outletNames = [art?.publisherIsPerson ? null : art?.publisher, ld.siteName, site?.value];
    const agencies: string[] = [];
    const parsedSources: { authors: string[]; raw: string[]; source: string }[] = [];
    let outletSigned: { authors: string[]; raw: string[]; source: string } | null = null;
    for (const src of authorSources(meta, ld, bylines, outletNames)) {
      const isLd = src.source.startsWith("json-ld");
      const parsed = parseAuthors(src.values, {
        // JSON-LD Person nodes are never dropped: only organization authors named like the outlet.
        outlets: isLd ? (art?.organizationAuthors ?? []).filter((o) => siteNames.some((n) => n.toLowerCase() === o.toLowerCase())) : outletNames,
        // `metadata:rel-author-label`: a link marked rel=author names its author as plainly as a meta tag
        // does, a login name included ("reineckefuchs").
        // An author link whose text is one login name ("tlow") counts the same way.
        structured: isLd || src.source.startsWith("meta:") || src.source === "html:rel-author" || src.source === "html:dateline-name" || src.source === "html:by-login"
          || (src.source === "html:author-link" && src.values.every((v) => /^[\p{L}\d._-]{2,30}$/u.test(v.trim()))),
        inverted: (src.source === "meta:citation_author" || src.source === "meta:dc.creator") && src.values.length > 1,
        host,
      });
      for (const a of parsed.agencies) if (!agencies.includes(a)) agencies.push(a);
      if (parsed.authors.length) parsedSources.push({ authors: parsed.authors, raw: src.values, source: src.source });
      else if (!isLd && parsed.dropped.length && !outletSigned) outletSigned = { authors: parsed.dropped, raw: src.values, source: src.source };
    }
    // `metadata:outlet-byline`: a byline or author tag that names only the outlet
    // ("By ServiceTitan" on its own blog) is the author when nobody else is named.
    if (!parsedSources.length && outletSigned) parsedSources.push({ ...outletSigned, source: `${outletSigned.source}:outlet` });
    // `metadata:site-owner`: on a person's own site with no author named anywhere, its owner.
    if (!parsedSources.length) {
      const owner = siteOwner(document, meta, ix.titles[0]?.textContent ?? null, opts.url,
        () => { const r = textRoot(document); return r && r.nodeType === 1 ? spacedText(r as Element, 300_000) : ""; });
      if (owner) parsedSources.push({ authors: [owner], raw: [owner], source: "html:site-owner" });
    }
    if (parsedSources.length) {
      // The first source wins, unless a later one names the same people and more
      // (JSON-LD often lists only the first of several bylined authors).
      // Honorifics aside: "Dr Marna van der Merwe" in the byline is "Marna van der Merwe" in JSON-LD.
      const key = (s: string): string => s.toLowerCase().replace(/^(?:dr|prof|mr|mrs|ms)\.?\s/, "").replace(/[^\p{L}]+/gu, "");
      // `metadata:fuller-name`: or names the same people, one of them spelled more fully: "Timothy H.J. Nerozzi"
      // in the byline for "Timothy Nerozzi" in JSON-LD (same first and last word, initials between).
      const ends = (s: string): string => { const w = s.replace(/^(?:dr|prof|mr|mrs|ms)\.?\s/i, "").split(/\s+/); return key(`${w[0]} ${w[w.length - 1]}`); };
      const fuller = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.length > 0
        && a.every((x, i) => ends(x) === ends(b[i]!) && key(x).length >= key(b[i]!).length && /^\p{Lu}/u.test(x))
        && a.some((x, i) => key(x).length > key(b[i]!).length && /\s\p{Lu}\.?(?:\p{Lu}\.?)*\s/u.test(` ${x} `));
      // `metadata:first-name-only`: or gives a surname to a first name standing alone ("Nils" in JSON-LD,
      // "Eine Kolumne von Nils Pickert" on the page).
      const surnamed = (a: readonly string[], b: readonly string[]): boolean => a.length === 1 && b.length === 1
        && !/\s/.test(b[0]!.trim()) && /^\p{Lu}\p{Ll}/u.test(b[0]!.trim()) && strictNames(a[0]!)
        && a[0]!.trim().split(/\s+/).length <= 4 && a[0]!.trim().split(/\s+/)[0] === b[0]!.trim();
      let chosen = parsedSources[0]!;
      for (const other of parsedSources.slice(1)) {
        const have = new Set(other.authors.map(key));
        if ((other.authors.length > chosen.authors.length && chosen.authors.every((a) => have.has(key(a)))) || fuller(other.authors, chosen.authors)
          || surnamed(other.authors, chosen.authors)) chosen = other;
      }
      set("authors", chosen.authors, chosen.source);
      set("byline", chosen.raw.join(", "), chosen.source);
    }
    if (agencies.length) { out.agencies = agencies; provenance["agencies"] = { span: null, source: "byline" }; }

    // Dates.
    const times = findTimes(document, ix);
    const visible = findVisibleDates(document, headlineOf(ix));
    const pubCands: VisibleCandidate[] = [];
    if (art?.published) pubCands.push({ value: art.published, source: "json-ld" });
    for (const m of allMeta(meta, PUBLISHED_META)) pubCands.push({ value: m.value, source: `meta:${m.key}` });
    for (const m of metaLike(meta, PUBLISHED_LIKE, PUBLISHED_META)) pubCands.push({ value: m.value, source: `meta:${m.key}` });
    pubCands.push(...times.published);
    const modCands: VisibleCandidate[] = [];
    if (art?.modified) modCands.push({ value: art.modified, source: "json-ld" });
    for (const m of allMeta(meta, MODIFIED_META)) modCands.push({ value: m.value, source: `meta:${m.key}` });
    for (const m of metaLike(meta, MODIFIED_LIKE, MODIFIED_META)) modCands.push({ value: m.value, source: `meta:${m.key}` });
    modCands.push(...times.modified);
    const htmlLang = document.documentElement?.getAttribute?.("lang") ?? null;
    const dayFirst = readsDayFirst(visible, htmlLang, opts.url, isoDays([...pubCands, ...modCands]));
    const modified = modCands.map((c) => ({ d: normalizeDate(c.value, { dayFirst }), source: c.source })).find((c) => c.d);
    if (modified) set("updated", modified.d, modified.source);
    const published = choosePublished({ published: pubCands, modified: modCands, visible, url: opts.url, lang: htmlLang, off: opts.offDateRules,
      model: opts.dateModel === undefined ? DATE_MODEL : opts.dateModel, onRows: opts.onDateRows,
      fallback: () => fallbackDates(document, headlineOf(ix), dayFirst, opts.url) });
    if (published) set("published", published.value, published.source);

    // Section.
    if (art?.section) set("section", art.section, "json-ld");
    const sec = firstMeta(meta, SECTION_META);
    if (sec) set("section", sec.value, `meta:${sec.key}`);

    // Standfirst.
    if (art?.description) set("standfirst", cleanTitleText(art.description), "json-ld");
    const desc = firstMeta(meta, ["og:description", "description", "twitter:description"]);
    if (desc) set("standfirst", desc.value, `meta:${desc.key}`);

    // Language.
    set("language", languageCode(htmlLang), "html:lang");
    set("language", languageCode(art?.language), "json-ld");
    const loc = firstMeta(meta, ["og:locale", "content-language", "language", "dc.language"]);
    if (loc) set("language", languageCode(loc.value), `meta:${loc.key}`);

    // URL.
    let canonical: string | null = null;
    try { canonical = ix.canonical?.getAttribute("href") ?? null; } catch { canonical = null; }
    set("url", resolveUrl(canonical, opts.url), "html:canonical");
    const ogUrl = firstMeta(meta, ["og:url"]);
    if (ogUrl) set("url", resolveUrl(ogUrl.value, opts.url), "meta:og:url");
    set("url", resolveUrl(art?.url, opts.url), "json-ld");
    set("url", opts.url ?? null, "input");
  } catch {
    // Garbage documents give whatever was read before the failure.
  }
  return out;
}
