/**
 * Scoring of the dossier against the facts gold (docs/facts-annotation.md).
 *
 * - Links: two sentences of different documents that state one fact. Gold
 *   links come from every gold fact's mentions; system links from every fact's
 *   claims. Sentences are the gold's units: an ECB+ line, or a seeds/example
 *   mention's span; a system claim stands for the units it overlaps by at
 *   least half (of the shorter), else for itself (a sentence the gold never
 *   names). Precision, recall and F1 over the sets of unit pairs.
 * - Contradictions: a gold contradiction (two facts, one slot) is found when a
 *   reported conflict (compatible: false) has one side on a sentence of one
 *   fact and another side on a sentence of the other; a reported conflict is
 *   real when it finds some gold contradiction.
 */
import type { DocumentSpan, Discrepancy, Span } from "../../src/model/index.js";
import { lineSpans, type LoadedStory } from "./gold.js";

/** Counts for one story (summed over a set). */
export interface Counts {
  links: { tp: number; system: number; gold: number };
  contradictions: { gold: number; found: number; reported: number; real: number };
  /** Facts listed as unique to one outlet, and those of them the gold says another document states too. */
  unique: { listed: number; stated: number };
}

/** Empty counts. */
export function zero(): Counts {
  return { links: { tp: 0, system: 0, gold: 0 }, contradictions: { gold: 0, found: 0, reported: 0, real: 0 }, unique: { listed: 0, stated: 0 } };
}

/** Adds b into a. */
export function add(a: Counts, b: Counts): Counts {
  for (const k of ["tp", "system", "gold"] as const) a.links[k] += b.links[k];
  for (const k of ["gold", "found", "reported", "real"] as const) a.contradictions[k] += b.contradictions[k];
  a.unique.listed += b.unique.listed;
  a.unique.stated += b.unique.stated;
  return a;
}

/** The units of a story: for ECB+ every line, else every gold mention span, by document. */
export function storyUnits(story: LoadedStory): Map<string, { id: string; span: Span }[]> {
  const out = new Map<string, { id: string; span: Span }[]>();
  if (story.gold.corpus === "ecbplus") {
    for (const d of story.docs) out.set(d.id, lineSpans(d.text).map((span, i) => ({ id: `${d.id}#${i}`, span })));
    return out;
  }
  for (const list of story.spans.values()) {
    for (const m of list) {
      const units = out.get(m.doc) ?? [];
      if (!units.some((u) => u.span.start === m.span.start && u.span.end === m.span.end)) units.push({ id: `${m.doc}@${m.span.start}-${m.span.end}`, span: m.span });
      out.set(m.doc, units);
    }
  }
  return out;
}

/** The units a span stands for: those it overlaps by at least half of the shorter of the two, else itself. */
export function unitsOf(units: Map<string, { id: string; span: Span }[]>, d: DocumentSpan): string[] {
  const out: string[] = [];
  for (const u of units.get(d.document) ?? []) {
    const overlap = Math.min(u.span.end, d.span.end) - Math.max(u.span.start, d.span.start);
    if (overlap > 0 && overlap * 2 >= Math.min(u.span.end - u.span.start, d.span.end - d.span.start)) out.push(u.id);
  }
  return out.length ? out : [`${d.document}@sys${d.span.start}-${d.span.end}`];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const docOf = (unit: string) => unit.split(/[#@]/)[0]!;

/** The gold's links: unit pairs of different documents that share a fact. */
export function goldLinks(story: LoadedStory, units: Map<string, { id: string; span: Span }[]>): Set<string> {
  const out = new Set<string>();
  for (const list of story.spans.values()) {
    const ids = [...new Set(list.flatMap((m) => unitsOf(units, { document: m.doc, span: m.span })))];
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (docOf(ids[i]!) !== docOf(ids[j]!)) out.add(pairKey(ids[i]!, ids[j]!));
  }
  return out;
}

/** Links of groups of spans (a fact's claims, or a baseline's pairs): unit pairs of different documents inside one group. */
export function groupLinks(groups: DocumentSpan[][], units: Map<string, { id: string; span: Span }[]>): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const ids = [...new Set(g.flatMap((d) => unitsOf(units, d)))];
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) if (docOf(ids[i]!) !== docOf(ids[j]!)) out.add(pairKey(ids[i]!, ids[j]!));
  }
  return out;
}

/**
 * Facts listed as unique to one outlet (each given by its sentences) that the
 * gold says another document states too: one of their sentences is a mention
 * of a gold fact that two documents or more state.
 */
export function scoreUnique(story: LoadedStory, listed: DocumentSpan[][]): { listed: number; stated: number } {
  const units = storyUnits(story);
  const shared = new Set<string>();
  for (const list of story.spans.values()) {
    const ids = [...new Set(list.flatMap((m) => unitsOf(units, { document: m.doc, span: m.span })))];
    if (new Set(ids.map(docOf)).size > 1) for (const u of ids) shared.add(u);
  }
  return { listed: listed.length, stated: listed.filter((claims) => claims.some((c) => unitsOf(units, c).some((u) => shared.has(u)))).length };
}

/** Scores a story's links and conflicts. */
export function scoreStory(story: LoadedStory, systemGroups: DocumentSpan[][], discrepancies: Discrepancy[]): Counts {
  const units = storyUnits(story);
  const gold = goldLinks(story, units);
  const sys = groupLinks(systemGroups, units);
  let tp = 0;
  for (const k of sys) if (gold.has(k)) tp++;
  const c = zero();
  c.links = { tp, system: sys.size, gold: gold.size };
  const factUnits = new Map([...story.spans].map(([id, list]) => [id, new Set(list.flatMap((m) => unitsOf(units, { document: m.doc, span: m.span })))]));
  const conflicts = discrepancies.filter((d) => !d.compatible).map((d) => d.sides.map((s) => new Set(s.evidence.flatMap((e) => unitsOf(units, e)))));
  const matches = (sides: Set<string>[], fa: Set<string>, fb: Set<string>) =>
    sides.some((x, i) => sides.some((y, j) => i !== j && [...x].some((u) => fa.has(u)) && [...y].some((u) => fb.has(u))));
  const contradictions = story.gold.contradictions.map((k) => [factUnits.get(k.facts[0]!) ?? new Set<string>(), factUnits.get(k.facts[1]!) ?? new Set<string>()] as const);
  c.contradictions.gold = contradictions.length;
  c.contradictions.found = contradictions.filter(([a, b]) => conflicts.some((s) => matches(s, a, b))).length;
  c.contradictions.reported = conflicts.length;
  c.contradictions.real = conflicts.filter((s) => contradictions.some(([a, b]) => matches(s, a, b))).length;
  return c;
}

/** Precision, recall and F1 of link counts. */
export function prf(l: { tp: number; system: number; gold: number }): { p: number; r: number; f1: number } {
  const p = l.system ? l.tp / l.system : 1;
  const r = l.gold ? l.tp / l.gold : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
