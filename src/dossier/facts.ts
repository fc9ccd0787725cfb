import { sourceKey } from "../claims/index.js";
import type { Claim, Fact, Lineage } from "../model/index.js";

/**
 * Turns aligned claim groups into facts: the representative text, every claim's
 * span, the documents that state it, and how many independent source groups
 * those documents form (a wire story and its republications count once). A fact
 * that every document attributes to one source is that source's claim,
 * secondhand: it counts as one source and names it in `attributedTo`.
 */
export function buildFacts(claims: Claim[], groups: number[][], lineage: Lineage | undefined, order: string[], details: { anchor: string; members: number[] }[] = []): Fact[] {
  const groupOf = new Map<string, number>();
  lineage?.independentGroups.forEach((g, i) => g.forEach((d) => groupOf.set(d, i)));
  const rank = new Map(order.map((d, i) => [d, i]));
  const facts: Fact[] = [];
  const seen = new Map<string, Fact>();
  const all = [...groups.map((members) => ({ anchor: undefined as string | undefined, members })), ...details];
  for (const { anchor, members: g } of all) {
    const signature = [...g].sort((a, b) => a - b).join(",");
    const same = seen.get(signature);
    if (same) {
      if (anchor && !same.anchor) same.anchor = anchor;
      continue;
    }
    const members = g.map((i) => claims[i]!).sort((a, b) => (rank.get(a.document) ?? 0) - (rank.get(b.document) ?? 0) || a.span.start - b.span.start);
    const documents = [...new Set(members.map((c) => c.document))];
    const sources = new Set(documents.map((d) => (groupOf.has(d) ? `g${groupOf.get(d)}` : `d${d}`)));
    const keys = members.map((c) => (c.attribution ? sourceKey(c.attribution.source) : null));
    const shared = keys[0] && keys.every((k) => k === keys[0]) ? members[0]!.attribution!.source : null;
    const fact: Fact = {
      id: "",
      text: representative(members).text,
      claims: members.map((c) => ({ document: c.document, span: c.span })),
      documents,
      independentSources: shared ? 1 : sources.size,
      attributedTo: shared,
      ...(anchor ? { anchor } : {}),
    };
    seen.set(signature, fact);
    facts.push(fact);
  }
  facts.sort((a, b) => b.independentSources - a.independentSources || b.documents.length - a.documents.length || firstPosition(a, rank) - firstPosition(b, rank));
  facts.forEach((f, i) => (f.id = `f${i + 1}`));
  return facts;
}

/** The claim that best stands for a fact: a plain sentence of middling length that does not open with a pronoun. */
export function representative(members: Claim[]): Claim {
  const score = (c: Claim) => {
    const words = c.text.split(/\s+/).length;
    let s = -Math.abs(words - 22);
    if (/^(?:She|He|It|They|Her|His|Their|This|That)\b/.test(c.text)) s -= 15;
    if (/[“"‘]/.test(c.text)) s -= 6;
    return s;
  };
  return members.reduce((best, c) => (score(c) > score(best) ? c : best), members[0]!);
}

function firstPosition(f: Fact, rank: Map<string, number>): number {
  return Math.min(...f.claims.map((c) => (rank.get(c.document) ?? 0) * 1e7 + c.span.start));
}

/** Facts that only one document states, listed per document. */
export function uniqueFacts(facts: Fact[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of facts) {
    if (f.documents.length !== 1) continue;
    (out[f.documents[0]!] ??= []).push(f.id);
  }
  return out;
}
