/**
 * A learned choice of the publish day among a page's date candidates: every
 * day that any source gives (JSON-LD, meta tags, `<time>`, dates shown on the
 * page with their labels, the URL, the modified stamps, the last-resort
 * fallbacks, and the other reading of an ambiguous numeric date) becomes one
 * row of site-independent features, and a linear model (linear-model.ts,
 * fitted by scripts/train-meta-model.ts) picks the row with the highest score.
 * One row per day: the benchmarks, and readers, judge a publish date by its day.
 */
import { dayOf, normalizeDate } from "./dates.js";
import type { VisibleCandidate, VisibleDate } from "./html-byline.js";
import { LD_ATTRIBUTE_SOURCE, SELF_LISTING_SOURCE } from "./html-date-markup.js";
import { ANY_TEXT_SOURCE, ANY_TIME_SOURCE, RDFA_SOURCE, SCRIPT_SOURCE, SELF_LISTED_TEXT_SOURCE } from "./html-fallback-dates.js";
import { argmaxRow, alignWeights, type CandidateRow, type LinearModel } from "./linear-model.js";

/** One candidate day and the value (with its time, when a source gave one) that stands for it. */
export interface DateEntry {
  day: string;
  value: string;
  source: string;
}

/** The feature names of a date row, in vector order. */
export const DATE_FEATURES: readonly string[] = [
  "rule", "rule-none",
  "ld-pub", "meta-pub", "time-pub", "first-pub", "pub-sources", "pub-later-only",
  "mod", "first-mod", "mod-only",
  "vis-top", "vis-top-pub", "vis-score", "vis-any", "vis-labelled", "vis-updated-only", "vis-under-headline", "vis-count",
  "markup", "self-listing",
  "url", "url-other",
  "swapped",
  "fb-self", "fb-rdfa", "fb-script", "fb-time", "fb-text",
  "earliest", "latest", "adj-pub", "before-pub", "after-pub", "before-url",
  "mod-shown", "utc-adj-shown", "shown-no-pub", "shown-earlier-regen",
  "agree-2", "agree-3",
];

/** What the rows are built from (the date choice's own evidence, see choosePublished). */
export interface DateRowEvidence {
  published: readonly VisibleCandidate[];
  modified: readonly VisibleCandidate[];
  /** Visible dates, text ones first (best first), then markup ones (with `source`). */
  visible: readonly VisibleDate[];
  url?: string | null;
  urlDay: string | null;
  dayFirst: boolean;
  fallback: readonly VisibleCandidate[];
  /** The rules' choice. */
  rule: { value: string; source: string } | null;
}

const DAY_MS = 86_400_000;
const diff = (a: string, b: string): number => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS);
const AMBIGUOUS = /(?:^|[^\d/.-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.-])/;
const LABEL = /^.{0,40}?\b(?:published|posted|updated|modified|on|date)\b:?/i;

interface Acc {
  entry: DateEntry;
  ld: boolean; meta: boolean; time: boolean; firstPub: boolean; pubSources: number; pubIndexMin: number;
  mod: boolean; firstMod: boolean;
  visTop: boolean; visTopPub: boolean; visScore: number; vis: number; visLabelled: boolean; visPub: boolean; visUpd: boolean; visHead: boolean;
  markup: boolean; selfListing: boolean; url: boolean; swappedOnly: boolean; readStraight: boolean;
  fb: Set<string>;
  kinds: Set<string>;
}

/** The other reading of an ambiguous numeric date ("03/04/2023" read the other way), or null. */
function otherReading(text: string, dayFirst: boolean): string | null {
  const m = AMBIGUOUS.exec(text);
  if (!m || m[1] === m[3] || Number(m[1]) > 12 || Number(m[3]) > 12) return null;
  return dayOf(normalizeDate(m[0].replace(/^[^\d]/, ""), { dayFirst: !dayFirst }));
}

/** The candidate days of a page, merged, with what each source says of them. */
function collect(ev: DateRowEvidence): Acc[] {
  const by = new Map<string, Acc>();
  const get = (value: string, source: string): Acc | null => {
    const day = dayOf(value);
    if (!day || !/^(?:19|20)\d{2}-\d{2}-\d{2}$/.test(day)) return null;
    let a = by.get(day);
    if (!a) {
      a = { entry: { day, value, source }, ld: false, meta: false, time: false, firstPub: false, pubSources: 0, pubIndexMin: 99,
        mod: false, firstMod: false, visTop: false, visTopPub: false, visScore: -10, vis: 0, visLabelled: false, visPub: false, visUpd: false, visHead: false,
        markup: false, selfListing: false, url: false, swappedOnly: true, readStraight: false, fb: new Set(), kinds: new Set() };
      by.set(day, a);
    }
    return a;
  };
  const read = (text: string, source: string, kind: string, mark: (a: Acc, straight: boolean) => void): void => {
    const v = normalizeDate(text, { dayFirst: ev.dayFirst });
    const a = v ? get(v, source) : null;
    if (a) { a.readStraight = true; a.swappedOnly = false; a.kinds.add(kind); mark(a, true); }
    const o = otherReading(text, ev.dayFirst);
    const b = o ? get(o, `${source}:swapped`) : null;
    if (b && b !== a) mark(b, false);
  };
  ev.published.slice(0, 12).forEach((c, i) => {
    const kind = c.source.startsWith("json-ld") ? "ld" : c.source.startsWith("meta:") ? "meta" : "time";
    read(c.value, c.source, kind, (a, straight) => {
      if (!straight) return;
      if (kind === "ld") a.ld = true; else if (kind === "meta") a.meta = true; else a.time = true;
      if (i === 0) a.firstPub = true;
      a.pubSources++;
      a.pubIndexMin = Math.min(a.pubIndexMin, i);
    });
  });
  ev.modified.slice(0, 8).forEach((c, i) => read(c.value, c.source, "mod", (a, straight) => {
    if (!straight) return;
    a.mod = true;
    if (i === 0) a.firstMod = true;
  }));
  let first = true, firstPub = true, textSeen = 0;
  for (const v of ev.visible) {
    if (v.source) {
      if (v.source === SELF_LISTING_SOURCE || v.source === LD_ATTRIBUTE_SOURCE) {
        read(v.text, v.source, "markup", (a, straight) => { if (straight) { a.markup = true; if (v.source === SELF_LISTING_SOURCE) a.selfListing = true; } });
      }
      continue;
    }
    if (textSeen++ >= 12) continue;
    const text = v.text.replace(LABEL, "");
    read(text, "html:visible-date", "vis", (a, straight) => {
      const top = first && v.score >= 2;
      const topPub = firstPub && v.score >= 2 && !v.updated;
      if (straight) {
        a.vis++;
        a.visScore = Math.max(a.visScore, v.score);
        if (top) a.visTop = true;
        if (topPub) a.visTopPub = true;
        if (v.labelled) a.visLabelled = true;
        if (v.underHeadline) a.visHead = true;
        if (v.updated) a.visUpd = true; else a.visPub = true;
      }
    });
    if (normalizeDate(text, { dayFirst: ev.dayFirst })) {
      if (v.score >= 2) first = false;
      if (v.score >= 2 && !v.updated) firstPub = false;
    }
  }
  if (ev.urlDay) { const a = get(ev.urlDay, "metadata:url-date"); if (a) { a.url = true; a.swappedOnly = false; a.kinds.add("url"); } }
  for (const c of ev.fallback) {
    const v = normalizeDate(c.value, { dayFirst: ev.dayFirst });
    const a = v ? get(v, c.source) : null;
    if (a) { a.fb.add(c.source); a.swappedOnly = false; }
  }
  if (ev.rule) {
    const a = get(ev.rule.value, ev.rule.source);
    if (a) { a.entry = { day: a.entry.day, value: ev.rule.value, source: ev.rule.source }; a.swappedOnly = false; }
  }
  return [...by.values()];
}

/** Whether a value is a time in UTC ("…T02:41:41Z"). */
const isUtc = (v: string): boolean => /T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]00:00)$/.test(v);

/** The rows of a page's candidate days (see DATE_FEATURES); empty when no source gives a day. */
export function dateRows(ev: DateRowEvidence): CandidateRow<DateEntry>[] {
  const accs = collect(ev);
  if (!accs.length) return [];
  const ruleDay = dayOf(ev.rule?.value ?? null);
  const firstPubValue = ev.published.map((c) => normalizeDate(c.value, { dayFirst: ev.dayFirst })).find((v) => v) ?? null;
  const firstModValue = ev.modified.map((c) => normalizeDate(c.value, { dayFirst: ev.dayFirst })).find((v) => v) ?? null;
  const pubDay = dayOf(firstPubValue);
  const modDay = dayOf(firstModValue);
  const regen = !!firstPubValue && !!firstModValue && (modDay === pubDay || Date.parse(firstModValue) < Date.parse(firstPubValue));
  const straight = accs.filter((a) => !a.swappedOnly).map((a) => a.entry.day).sort();
  const earliest = straight[0], latest = straight[straight.length - 1];
  return accs.map((a) => {
    const d = a.entry.day;
    const shown = a.visTop || a.visHead || a.visScore >= 4;
    const pd = pubDay ? diff(d, pubDay) : 0;
    const f: Record<string, number> = {
      "rule": d === ruleDay ? 1 : 0,
      "rule-none": ruleDay ? 0 : 1,
      "ld-pub": a.ld ? 1 : 0,
      "meta-pub": a.meta ? 1 : 0,
      "time-pub": a.time ? 1 : 0,
      "first-pub": a.firstPub ? 1 : 0,
      "pub-sources": Math.min(a.pubSources, 4) / 4,
      "pub-later-only": a.pubSources > 0 && !a.firstPub ? 1 : 0,
      "mod": a.mod ? 1 : 0,
      "first-mod": a.firstMod ? 1 : 0,
      "mod-only": a.mod && !a.pubSources ? 1 : 0,
      "vis-top": a.visTop ? 1 : 0,
      "vis-top-pub": a.visTopPub ? 1 : 0,
      "vis-score": a.vis ? Math.max(-3, Math.min(9, a.visScore)) / 5 : 0,
      "vis-any": a.vis ? 1 : 0,
      "vis-labelled": a.visLabelled ? 1 : 0,
      "vis-updated-only": a.visUpd && !a.visPub ? 1 : 0,
      "vis-under-headline": a.visHead ? 1 : 0,
      "vis-count": Math.min(a.vis, 3) / 3,
      "markup": a.markup ? 1 : 0,
      "self-listing": a.selfListing ? 1 : 0,
      "url": a.url ? 1 : 0,
      "url-other": ev.urlDay && !a.url ? 1 : 0,
      "swapped": a.swappedOnly ? 1 : 0,
      "fb-self": a.fb.has(SELF_LISTED_TEXT_SOURCE) ? 1 : 0,
      "fb-rdfa": a.fb.has(RDFA_SOURCE) ? 1 : 0,
      "fb-script": a.fb.has(SCRIPT_SOURCE) ? 1 : 0,
      "fb-time": a.fb.has(ANY_TIME_SOURCE) ? 1 : 0,
      "fb-text": a.fb.has(ANY_TEXT_SOURCE) ? 1 : 0,
      "earliest": straight.length > 1 && d === earliest ? 1 : 0,
      "latest": straight.length > 1 && d === latest ? 1 : 0,
      "adj-pub": pubDay && Math.abs(pd) === 1 ? 1 : 0,
      "before-pub": pubDay && pd < -1 ? 1 : 0,
      "after-pub": pubDay && pd > 1 ? 1 : 0,
      "before-url": ev.urlDay && diff(d, ev.urlDay) < 0 ? 1 : 0,
      "mod-shown": a.mod && d !== pubDay && shown && !a.visUpd ? 1 : 0,
      "utc-adj-shown": !!firstPubValue && isUtc(firstPubValue) && Math.abs(pd) === 1 && shown ? 1 : 0,
      "shown-no-pub": !pubDay && shown ? 1 : 0,
      "shown-earlier-regen": regen && pd < -1 && shown ? 1 : 0,
      "agree-2": a.kinds.size >= 2 ? 1 : 0,
      "agree-3": a.kinds.size >= 3 ? 1 : 0,
    };
    return { item: a.entry, x: DATE_FEATURES.map((n) => f[n] ?? 0) };
  });
}

/** The model's choice among the rows; null when there are none. */
export function rankDate(rows: readonly CandidateRow<DateEntry>[], model: LinearModel): DateEntry | null {
  const i = argmaxRow(rows, alignWeights(model, DATE_FEATURES));
  return i >= 0 ? rows[i]!.item : null;
}
