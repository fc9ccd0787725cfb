import { sourceKey, sourceName } from "../claims/index.js";
import type { Claim, DocumentSpan, Fact, FactKind, FactSource, Lineage } from "../model/index.js";
import type { ClaimView } from "./pair-features.js";
import type { QuotedPhrase } from "./quote-facts.js";

/** How documents relate for counting sources: each document's lineage group, and the order documents are read in. */
export interface SourceContext {
  groupOf: Map<string, number>;
  rank: Map<string, number>;
}

/** Builds the context from a story's lineage and its documents in reading order. */
export function sourceContext(lineage: Lineage | undefined, order: string[]): SourceContext {
  const groupOf = new Map<string, number>();
  lineage?.independentGroups.forEach((g, i) => g.forEach((d) => groupOf.set(d, i)));
  return { groupOf, rank: new Map(order.map((d, i) => [d, i])) };
}

/**
 * The independent sources behind a set of mentions, and why: mentions that the
 * documents attribute to a report count once under that report (every outlet
 * repeating the Wall Street Journal is one source: the Journal); the others
 * count once per lineage group (a wire story and its republications are one
 * source). A mention that cites several reports counts under the one most of
 * the fact's mentions cite, so one report is counted the same way in every row.
 */
export function countSources(mentions: { document: string; cited: Set<string>; label: Map<string, string> }[], ctx: SourceContext): { sources: FactSource[]; attributedTo: string | null } {
  const votes = new Map<string, number>();
  for (const m of mentions) for (const k of m.cited) votes.set(k, (votes.get(k) ?? 0) + 1);
  // A document that states the fact in its own voice anywhere counts as its own source (through its lineage group).
  const ownVoice = new Set(mentions.filter((m) => m.cited.size === 0).map((m) => m.document));
  const reports = new Map<string, { name: string; documents: Set<string> }>();
  const groups = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (ownVoice.has(m.document)) {
      const g = ctx.groupOf.has(m.document) ? `g${ctx.groupOf.get(m.document)}` : `d${m.document}`;
      groups.set(g, (groups.get(g) ?? new Set()).add(m.document));
      continue;
    }
    const key = [...m.cited].sort((a, b) => (votes.get(b) ?? 0) - (votes.get(a) ?? 0) || a.localeCompare(b))[0]!;
    const r = reports.get(key) ?? { name: m.label.get(key) ?? sourceName(key), documents: new Set<string>() };
    r.documents.add(m.document);
    reports.set(key, r);
  }
  const byRank = (a: string, b: string) => (ctx.rank.get(a) ?? 0) - (ctx.rank.get(b) ?? 0) || a.localeCompare(b);
  const sources: FactSource[] = [
    ...[...reports.values()].map((r) => ({ kind: "report" as const, name: r.name, documents: [...r.documents].sort(byRank) })),
    ...[...groups.values()].map((g) => ({ kind: "documents" as const, name: null, documents: [...g].sort(byRank) })),
  ];
  const attributedTo = groups.size === 0 && reports.size === 1 ? [...reports.values()][0]!.name : null;
  return { sources, attributedTo };
}

/** A fact under construction: its kind, representative text and the claims (or phrase spans) behind it. */
export interface FactDraft {
  kind: FactKind;
  text: string;
  claims: DocumentSpan[];
  /** Per mention: the document, the reports it cites (keys) and their names as written. */
  mentions: { document: string; cited: Set<string>; label: Map<string, string> }[];
  slot?: string;
  value?: string;
  evidence?: DocumentSpan[];
  /** Other wordings of the fact, best first, for when another fact already reads as `text`. */
  alternatives?: string[];
}

/** A fact from a group of aligned claims. */
export function claimFact(members: ClaimView[]): FactDraft {
  const ranked = rankClaims(members.map((m) => m.claim));
  const rep = ranked[0]!;
  const quotedShare = members.reduce((s, m) => s + (m.claim.quoted ?? 0), 0) / members.length;
  const kind: FactKind = quotedShare >= 0.5 || members.every((m) => m.speaker) ? "said" : "event";
  return {
    kind,
    text: rep.text,
    alternatives: ranked.slice(1).map((c) => c.text),
    claims: members.map((m) => ({ document: m.claim.document, span: m.claim.span })),
    mentions: members.map((m) => ({ document: m.claim.document, cited: m.cited, label: labels(m.claim) })),
    // The speaker names the row only when it is a name ("it", "officials" are not).
    ...(kind === "said" && members.every((m) => m.speaker) && /^\p{Lu}/u.test(members[0]!.speaker!) ? { slot: members[0]!.speaker! } : {}),
  };
}

/** A fact from a phrase quoted in several documents; its claims are the sentences that hold the phrase. */
export function phraseFact(p: QuotedPhrase, claimAt: (d: DocumentSpan) => Claim | undefined): FactDraft {
  const claims: DocumentSpan[] = [];
  for (const e of p.evidence) {
    const c = claimAt(e);
    const span = c ? c.span : e.span;
    if (!claims.some((x) => x.document === e.document && x.span.start === span.start)) claims.push({ document: e.document, span });
  }
  return {
    kind: "said",
    text: p.text,
    claims,
    mentions: claims.map((c) => ({ document: c.document, cited: new Set<string>(), label: new Map() })),
    slot: p.speaker,
    value: p.text,
    evidence: p.evidence,
  };
}

/** Display names of the reports a claim cites, by key ("wall street journal" → "Wall Street Journal"). */
function labels(c: Claim): Map<string, string> {
  const out = new Map<string, string>();
  if (c.attribution) out.set(sourceKey(c.attribution.source), sourceName(c.attribution.source));
  return out;
}

/**
 * Turns drafts into facts: sources counted, ordered by sources, documents and
 * first position, numbered f1, f2, .... A fact reads as its best wording that
 * no better-ranked fact uses; one with no wording of its own repeats another
 * row and is left out.
 */
export function finishFacts(drafts: FactDraft[], ctx: SourceContext): Fact[] {
  const all: (Fact & { alternatives: string[] })[] = drafts.map((d) => {
    const documents = [...new Set(d.claims.map((c) => c.document))].sort((a, b) => (ctx.rank.get(a) ?? 0) - (ctx.rank.get(b) ?? 0));
    const { sources, attributedTo } = countSources(d.mentions, ctx);
    return {
      id: "",
      kind: d.kind,
      text: d.text,
      claims: [...d.claims].sort((a, b) => (ctx.rank.get(a.document) ?? 0) - (ctx.rank.get(b.document) ?? 0) || a.span.start - b.span.start),
      documents,
      independentSources: sources.length,
      sources,
      attributedTo,
      ...(d.slot ? { slot: d.slot } : {}),
      ...(d.value ? { value: d.value } : {}),
      ...(d.evidence ? { evidence: d.evidence } : {}),
      alternatives: d.alternatives ?? [],
    };
  });
  const first = (f: Fact) => Math.min(...f.claims.map((c) => (ctx.rank.get(c.document) ?? 0) * 1e7 + c.span.start));
  all.sort((a, b) => b.independentSources - a.independentSources || b.documents.length - a.documents.length || first(a) - first(b));
  const used = new Set<string>();
  const facts: Fact[] = [];
  for (const { alternatives, ...f } of all) {
    const text = [f.text, ...alternatives].find((t) => !used.has(t));
    if (text === undefined) continue;
    used.add(text);
    facts.push({ ...f, text, id: `f${facts.length + 1}` });
  }
  return facts;
}

/** The claims of a fact, best wording first: a plain sentence of middling length, not a headline, not opening with a pronoun, little quoted. */
export function rankClaims(members: Claim[]): Claim[] {
  const score = (c: Claim) => claimScore(c);
  return [...members].sort((a, b) => score(b) - score(a));
}

function claimScore(c: Claim): number {
  const words = c.text.split(/\s+/).length;
  let s = -Math.abs(words - 24);
  if (/^(?:She|He|It|They|Her|His|Their|This|That|These|Those)\b/.test(c.text)) s -= 15;
  if (c.role === "headline") s -= 8;
  return s - 10 * (c.quoted ?? 0);
}


/**
 * Facts that only one document states, per document: a fact of one document
 * whose sentences no other document's fact covers (a sentence that shares a
 * quoted phrase or a figure with another outlet is not "unique"). The dossier
 * passes only the facts no sentence of another document may state (see
 * `SIMILAR_LINK` in align.ts).
 */
export function uniqueFacts(facts: Fact[]): Record<string, string[]> {
  const shared = new Set<string>();
  for (const f of facts) if (f.documents.length > 1) for (const c of f.claims) shared.add(`${c.document}\u0000${c.span.start}`);
  const out: Record<string, string[]> = {};
  for (const f of facts) {
    if (f.documents.length !== 1) continue;
    if (f.claims.some((c) => shared.has(`${c.document}\u0000${c.span.start}`))) continue;
    (out[f.documents[0]!] ??= []).push(f.id);
  }
  return out;
}
