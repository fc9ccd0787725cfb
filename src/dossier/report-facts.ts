import { sourceName } from "../claims/index.js";
import type { FactDraft } from "./facts.js";
import { rankClaims } from "./facts.js";
import { linkProbability, type LinkModel } from "./link-model.js";
import { pairFeatures, type ClaimView } from "./pair-features.js";
import type { WordVectors } from "./vectors.js";

/** Least link probability a claim citing a report needs with another outlet's claim citing it, to be about the same reporting. */
const AGREE = 0.15;
/** Most claims one report gathers (a source cited everywhere is not one report). */
const MAX_MEMBERS = 60;

/**
 * What a cited report says, as one fact: the claims of two or more documents
 * that attribute something to the same report ("according to the WSJ report",
 * "the Wall Street Journal reported", "a Friday report from The Wall Street
 * Journal"), each agreeing in content with another outlet's. The fact is the
 * report's claim, secondhand: its sources count it once, under the report's
 * name, however many outlets repeat it.
 */
export function reportFacts(views: ClaimView[], vectors: WordVectors | null, model: LinkModel): FactDraft[] {
  const byKey = new Map<string, number[]>();
  views.forEach((v, i) => {
    for (const k of v.cited) {
      const list = byKey.get(k) ?? [];
      if (list.length < MAX_MEMBERS) list.push(i);
      byKey.set(k, list);
    }
  });
  const out: FactDraft[] = [];
  const cache = new Map<number, number>();
  for (const [key, list] of byKey) {
    if (new Set(list.map((i) => views[i]!.claim.document)).size < 2) continue;
    const members = list.filter((i) =>
      list.some((j) => views[j]!.claim.document !== views[i]!.claim.document && linkProbability(pairFeatures(views[Math.min(i, j)]!, views[Math.max(i, j)]!, vectors, cache), model) >= AGREE),
    );
    if (new Set(members.map((i) => views[i]!.claim.document)).size < 2) continue;
    const name = sourceName(key);
    const ranked = rankClaims(members.map((i) => views[i]!.claim));
    out.push({
      kind: "said",
      text: ranked[0]!.text,
      alternatives: ranked.slice(1).map((c) => c.text),
      claims: members.map((i) => ({ document: views[i]!.claim.document, span: views[i]!.claim.span })),
      mentions: members.map((i) => ({ document: views[i]!.claim.document, cited: new Set([key]), label: new Map([[key, name]]) })),
      slot: name,
    });
  }
  return out;
}
