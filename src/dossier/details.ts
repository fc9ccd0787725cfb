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
      const what = n.unit ?? n.counts?.split(" ")[0]?.toLowerCase();
      if (what && n.value >= 2) add(`number:${n.value} ${what}`, i);
    }
    for (const s of cited[i]!) add(`source:${s}`, i);
  });
  const out: DetailGroup[] = [];
  for (const [anchor, list] of byKey) {
    const firstPerDoc = new Map<string, number>();
    for (const i of list) if (!firstPerDoc.has(claims[i]!.document)) firstPerDoc.set(claims[i]!.document, i);
    if (firstPerDoc.size < 2) continue;
    const members = anchor.startsWith("source:") ? [...firstPerDoc.values()] : sharingContext([...firstPerDoc.values()], claims);
    if (new Set(members.map((i) => claims[i]!.document)).size >= 2) out.push({ anchor, members });
  }
  return out;
}

/** Keeps the claims that share some content concept (beyond the detail) with another member. */
function sharingContext(members: number[], claims: Claim[]): number[] {
  const tokens = members.map((i) => new Set(conceptTokens(claims[i]!.text).filter((t) => !/^\d/.test(t))));
  return members.filter((_, a) => tokens.some((other, b) => b !== a && [...tokens[a]!].some((t) => other.has(t) && t.length > 3)));
}
