/**
 * Learned title choice: every title a page offers (each `<h1>`, `og:title`,
 * `twitter:title`, JSON-LD headline, other meta titles, the `<title>`), as
 * written and with its site name cut, plus the rules' own choice
 * (chooseTitle), becomes a row of features that hold on any site: which kinds
 * of source give it, how the other sources agree with it, its length, its
 * separators and casing, whether it names the site, how it overlaps the URL's
 * slug. A linear model (linear-model.ts, fitted by scripts/train-meta-model.ts)
 * picks the row.
 */
import { decodeEntities } from "./json-ld.js";
import { cleanTitleText, repairMojibake, stripSiteName, titleKey, type TitleCandidate } from "./html-title.js";
import { alignWeights, argmaxRow, type CandidateRow, type LinearModel } from "./linear-model.js";

/** Source kinds, one feature each. */
const KINDS = ["h1", "h1x", "ld", "og", "tw", "title", "meta"] as const;
type Kind = (typeof KINDS)[number];

/** The names of the title features, in the order of a row's vector. */
export const TITLE_FEATURES: readonly string[] = [
  ...KINDS.map((k) => `kind:${k}`),
  "kinds", "agree", "contained", "contains", "rule", "rule-only", "stripped", "site-tail", "site", "has-site",
  "pipe", "dash", "colon", "words", "short", "long", "caps", "lower-start", "first-h1", "h1-many", "slug", "slug-cover",
  "no-slug", "year", "bracket", "question", "in-article", "end-punct", "central", "rel-length", "novel", "second-person", "title-head",
];

function kindOf(source: string): Kind {
  if (source === "html:h1") return "h1";
  if (source.startsWith("html:h1")) return "h1x";
  if (source === "json-ld") return "ld";
  if (source === "meta:og:title") return "og";
  if (source === "meta:twitter:title") return "tw";
  if (source === "html:title") return "title";
  return "meta";
}

/** A distinct title text of the page, with where it came from. */
export interface TitleEntry {
  value: string;
  /** The source to record when it is chosen. */
  source: string;
  kinds: Set<Kind>;
  rule: boolean;
  /** Made by cutting a site name off a source's text. */
  stripped: boolean;
  /** A source's text as written, which a site name could be cut from. */
  siteTail: boolean;
  firstH1: boolean;
  /** An `<h1>` inside `<article>`/`<main>` gives it. */
  inArticle: boolean;
}

const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  const union = a.size + b.size - both;
  return union ? both / union : 0;
}

function slugWords(url: string | null | undefined): Set<string> {
  if (!url) return new Set();
  try {
    const path = new URL(url).pathname.replace(/\.\w{2,5}$/, "");
    return new Set(path.split(/[/_\-.+]+/).map((w) => w.toLowerCase()).filter((w) => /^\p{L}[\p{L}\p{N}]*$/u.test(w)));
  } catch {
    return new Set();
  }
}

/** The page's distinct title texts: each source as written and with its site name cut, and the rules' choice. */
export function titleEntries(cands: readonly TitleCandidate[], siteNames: readonly string[], ruleChoice: TitleCandidate | null): TitleEntry[] {
  const byValue = new Map<string, TitleEntry>();
  const add = (value: string, source: string, kind: Kind | null, f: Partial<TitleEntry>): void => {
    if (value.length < 2 || value.length > 400 || titleKey(value).length < 2) return;
    let e = byValue.get(value);
    if (!e) byValue.set(value, (e = { value, source, kinds: new Set(), rule: false, stripped: false, siteTail: false, firstH1: false, inArticle: false }));
    if (kind) e.kinds.add(kind);
    if (f.rule) { e.rule = true; e.source = source; }
    if (f.stripped) e.stripped = true;
    if (f.siteTail) e.siteTail = true;
    if (f.firstH1) e.firstH1 = true;
    if (f.inArticle) e.inArticle = true;
  };
  if (ruleChoice) add(ruleChoice.value, ruleChoice.source, null, { rule: true });
  let firstH1 = true;
  for (const c of cands) {
    const value = repairMojibake(cleanTitleText(decodeEntities(c.value)));
    const kind = kindOf(c.source);
    const isFirst = kind === "h1" && firstH1;
    if (kind === "h1") firstH1 = false;
    const cut = stripSiteName(value, siteNames);
    const inArticle = !!c.inArticle;
    add(value, c.source, kind, { siteTail: cut !== value, firstH1: isFirst, inArticle });
    if (cut !== value) add(cut, c.source, kind, { stripped: true, firstH1: isFirst, inArticle });
  }
  return [...byValue.values()];
}

/** Feature rows of the entries (see TITLE_FEATURES). */
export function titleRows(entries: readonly TitleEntry[], siteNames: readonly string[], url?: string | null): CandidateRow<TitleEntry>[] {
  const allKinds = new Set<Kind>();
  for (const e of entries) for (const k of e.kinds) allKinds.add(k);
  const nk = Math.max(1, allKinds.size);
  const keys = entries.map((e) => titleKey(e.value));
  const siteKeys = siteNames.map(titleKey).filter((k) => k.length > 3);
  const slug = slugWords(url);
  const h1Count = entries.filter((e) => e.kinds.has("h1")).length;
  const wordSets = entries.map((e) => new Set(words(e.value)));
  const maxWords = Math.max(1, ...wordSets.map((s) => s.size));
  const rawTitle = entries.find((e) => e.kinds.has("title") && !e.stripped)?.value.toLowerCase() ?? "";
  return entries.map((e, i) => {
    const k = keys[i]!;
    const agree = new Set<Kind>(), contained = new Set<Kind>(), contains = new Set<Kind>();
    let overlap = 0, others = 0;
    const elsewhere = new Set<string>();
    entries.forEach((o, j) => {
      if (j === i) return;
      if (o.kinds.size && !o.stripped) { overlap += jaccard(wordSets[i]!, wordSets[j]!); others++; }
      if (![...o.kinds].every((kind) => e.kinds.has(kind))) for (const x of wordSets[j]!) elsewhere.add(x);
      const ok = keys[j]!;
      const into = ok === k ? agree : ok.includes(k) ? contained : k.includes(ok) ? contains : null;
      if (into) for (const kind of o.kinds) into.add(kind);
    });
    const w = words(e.value);
    const inSlug = slug.size ? w.filter((x) => slug.has(x)).length : 0;
    const x = [
      ...KINDS.map((kind) => (e.kinds.has(kind) ? 1 : 0)),
      e.kinds.size / nk,
      new Set([...e.kinds, ...agree]).size / nk,
      contained.size / nk,
      contains.size / nk,
      e.rule ? 1 : 0,
      e.rule && !e.kinds.size ? 1 : 0,
      e.stripped ? 1 : 0,
      e.siteTail ? 1 : 0,
      siteKeys.includes(k) ? 1 : 0,
      siteKeys.some((s) => s !== k && k.includes(s)) ? 1 : 0,
      /\s\|\s/.test(e.value) ? 1 : 0,
      /\s[-–—]\s/.test(e.value) ? 1 : 0,
      /:\s/.test(e.value) ? 1 : 0,
      Math.min(w.length, 30) / 10,
      w.length <= 2 ? 1 : 0,
      w.length >= 16 ? 1 : 0,
      /\p{Lu}/u.test(e.value) && !/\p{Ll}/u.test(e.value) ? 1 : 0,
      /^\p{Ll}/u.test(e.value) ? 1 : 0,
      e.firstH1 ? 1 : 0,
      e.kinds.has("h1") && h1Count > 1 ? 1 : 0,
      w.length ? inSlug / w.length : 0,
      slug.size ? Math.min(1, inSlug / slug.size) : 0,
      slug.size ? 0 : 1,
      /\b(?:19|20)\d\d\b/.test(e.value) ? 1 : 0,
      /[[\]()]/.test(e.value) ? 1 : 0,
      /\?/.test(e.value) ? 1 : 0,
      e.inArticle ? 1 : 0,
      /[.!]$/.test(e.value) ? 1 : 0,
      others ? overlap / others : 0,
      wordSets[i]!.size / maxWords,
      elsewhere.size && wordSets[i]!.size ? [...wordSets[i]!].filter((x) => !elsewhere.has(x)).length / wordSets[i]!.size : 0,
      /\b(?:you|your)\b/i.test(e.value) ? 1 : 0,
      rawTitle.length > e.value.length && rawTitle.startsWith(e.value.toLowerCase()) && /^\s?[|–—·•:»-]\s/.test(rawTitle.slice(e.value.length)) ? 1 : 0,
    ];
    return { item: e, x };
  });
}

/** The entry the model ranks first, or null when the page offers none. */
export function rankTitle(rows: readonly CandidateRow<TitleEntry>[], model: LinearModel): TitleEntry | null {
  const i = argmaxRow(rows, alignWeights(model, TITLE_FEATURES));
  return i < 0 ? null : rows[i]!.item;
}
