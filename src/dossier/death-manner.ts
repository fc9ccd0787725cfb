import type { Claim, Discrepancy, DocumentSpan, Span } from "../model/index.js";
import { contentStems, stem } from "./lexicon.js";

/**
 * How people died, as news writes it, by kind. Each pattern is a bounded
 * alternation, linear on any sentence.
 */
const MANNERS: { kind: string; re: RegExp }[] = [
  { kind: "burned", re: /\b(?:burn(?:ed|t) (?:to death|alive)|died (?:in|from) (?:their |the )?burns)\b/i },
  { kind: "suffocated", re: /\b(?:suffocated|asphyxiated|died of asphyxiation|choked on (?:the )?(?:smoke|fumes)|(?:died|killed) (?:of|from|by) smoke(?: inhalation)?|smoke inhalation)\b/i },
  { kind: "shot", re: /\b(?:shot (?:dead|to death|and killed)|fatally shot|gunned down)\b/i },
  { kind: "stabbed", re: /\b(?:stabbed (?:to death|and killed)|fatally stabbed)\b/i },
  { kind: "beaten", re: /\b(?:beaten to death|bludgeoned(?: to death)?)\b/i },
  { kind: "drowned", re: /\bdrowned\b/i },
  { kind: "strangled", re: /\b(?:strangled|choked to death)\b/i },
];
/** Who reports the manner, when the sentence names them before "reports" or "said". */
const WHO = /^(.{2,40}?)\s+(?:reports?|reported|said|says|told)\b/;

/** A manner of death one sentence gives. */
interface Manner {
  kind: string;
  document: string;
  text: string;
  span: Span;
  /** Content words of the sentence besides the manner's: what the deaths are of. */
  words: Set<string>;
  according: string | null;
}

/**
 * How the story's dead died, where documents disagree: one document says the
 * victims burned to death, another that they suffocated. Only when every
 * document that gives a manner gives one kind (a document that gives two
 * kinds tells of several deaths), and the two sentences share a word of what
 * the deaths are of (the bank, the victims), is it reported, as a conflict
 * of characterisations with who says which.
 */
export function deathMannerDiscrepancies(claims: Claim[]): Discrepancy[] {
  const found: Manner[] = [];
  for (const c of claims) {
    for (const m of MANNERS) {
      const hit = m.re.exec(c.text);
      if (!hit) continue;
      const manner = new Set(contentStems(hit[0]));
      found.push({
        kind: m.kind,
        document: c.document,
        text: hit[0],
        span: { start: c.span.start + hit.index, end: c.span.start + hit.index + hit[0].length },
        words: new Set(contentStems(c.text).filter((w) => !manner.has(w) && !DEATH_WORDS.has(w))),
        according: WHO.exec(c.text)?.[1]?.trim() ?? null,
      });
    }
  }
  const kindsOf = new Map<string, Set<string>>();
  for (const f of found) kindsOf.set(f.document, (kindsOf.get(f.document) ?? new Set()).add(f.kind));
  if ([...kindsOf.values()].some((k) => k.size > 1)) return [];
  const kinds = new Set(found.map((f) => f.kind));
  if (kinds.size < 2) return [];
  const linked = found.some((a) => found.some((b) => a.kind !== b.kind && a.document !== b.document && [...a.words].some((w) => b.words.has(w))));
  if (!linked) return [];
  const sides = new Map<string, { text: string; documents: string[]; evidence: DocumentSpan[]; according: Set<string> }>();
  for (const f of found) {
    const side = sides.get(f.kind) ?? { text: f.text, documents: [], evidence: [], according: new Set<string>() };
    if (!side.documents.includes(f.document)) side.documents.push(f.document);
    side.evidence.push({ document: f.document, span: f.span });
    if (f.according) side.according.add(f.according);
    sides.set(f.kind, side);
  }
  return [{
    kind: "characterisation",
    topic: "how the victims died",
    compatible: false,
    sides: [...sides.values()].map((s) => ({ text: s.text, documents: s.documents, evidence: s.evidence, according: s.according.size ? [...s.according].join("; ") : null })),
  }];
}

/** Words of dying that every such sentence has: not what the deaths are of. */
const DEATH_WORDS = new Set(["death", "die", "died", "dead", "kill", "killed", "people", "person", "report", "reports", "said"].map(stem));
