import type { Claim } from "../model/index.js";
import { conceptTokens } from "./lexicon.js";

/** A group of claims that share one precise detail, and that detail. */
export interface DetailGroup {
  anchor: string;
  members: number[];
}

/**
 * Facts finer than a sentence: claims of different documents that share a
 * precise detail — a day-precise date, a number with its unit or counted noun,
 * or a cited source — and at least one content concept besides, so that "the
 * call on April 16" is one fact across outlets even where each outlet's sentence
 * says more around it. Only details stated by two or more documents make a group.
 */
export function detailGroups(claims: Claim[], cited: Set<string>[]): DetailGroup[] {
  const byKey = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(i);
  };
  claims.forEach((c, i) => {
    for (const d of new Set(c.dates)) if (/^\d{4}-\d{2}-\d{2}$/.test(d)) add(`date:${d}`, i);
    for (const n of c.numbers) {
      const what = numberKey(n);
      if (what && n.value >= 2) add(`number:${n.value} ${what}`, i);
    }
    for (const s of cited[i]!) add(`source:${s}`, i);
  });
  const context = new Map<number, Set<string>>();
  const contextOf = (i: number): Set<string> => {
    let t = context.get(i);
    if (!t) context.set(i, (t = new Set(conceptTokens(claims[i]!.text).filter((w) => w.length > 3 && !/^\d/.test(w) && !DATE_WORDS.test(w)))));
    return t;
  };
  const out: DetailGroup[] = [];
  for (const [anchor, list] of byKey) {
    const docs = new Set(list.map((i) => claims[i]!.document));
    if (docs.size < 2) continue;
    if (anchor.startsWith("source:")) {
      const firstPerDoc = new Map<string, number>();
      for (const i of list) if (!firstPerDoc.has(claims[i]!.document)) firstPerDoc.set(claims[i]!.document, i);
      out.push({ anchor, members: [...firstPerDoc.values()] });
      continue;
    }
    const members = sharingContext(list, claims, contextOf);
    if (new Set(members.map((i) => claims[i]!.document)).size >= 2) out.push({ anchor, members });
  }
  return out;
}

/**
 * What a number measures, for comparing it across outlets: its unit, a rate
 * ("40,000 crossings a day" and "14,000 vehicles every day" are both per day,
 * whatever each outlet counts), else the first word of what it counts.
 */
export function numberKey(n: { unit: string | null; counts: string | null }): string | undefined {
  if (n.unit) return n.unit;
  const rate = /\b(?:a|an|per|every|each)\s+(day|week|month|year|hour)\b|\b(daily|weekly|monthly|yearly|annually)\b/i.exec(n.counts ?? "");
  if (rate) return `per ${(rate[1] ?? { daily: "day", weekly: "week", monthly: "month", yearly: "year", annually: "year" }[rate[2]!.toLowerCase()])!.toLowerCase()}`;
  return n.counts?.split(" ")[0]?.toLowerCase();
}

/** Weekdays, months and day words: every claim dated by the anchor shares them, so they are no context. */
const DATE_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|morning|evening|night|week|month|year)s?$/;

/**
 * Per document, the claim with the detail that shares the most content with
 * the other documents' claims with it (not merely the first: in the bundled
 * example the Courier names "Wednesday" for a school before the ferry), kept
 * when it shares at least two content concepts besides the detail.
 */
function sharingContext(list: number[], claims: Claim[], contextOf: (i: number) => Set<string>): number[] {
  const shared = (a: number, b: number): number => {
    const tb = contextOf(b);
    let n = 0;
    for (const t of contextOf(a)) if (tb.has(t)) n++;
    return n;
  };
  const best = new Map<string, { i: number; score: number }>();
  const looked = list.slice(0, MAX_PER_DETAIL);
  for (const i of looked) {
    let score = 0;
    for (const j of looked) if (claims[j]!.document !== claims[i]!.document) score = Math.max(score, shared(i, j));
    const doc = claims[i]!.document;
    const cur = best.get(doc);
    if (score >= 2 && (!cur || score > cur.score)) best.set(doc, { i, score });
  }
  return [...best.values()].map((b) => b.i).sort((a, b) => a - b);
}

/** Claims looked at per detail (a detail shared by thousands of claims is not precise). */
const MAX_PER_DETAIL = 200;
