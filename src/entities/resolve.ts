import type { Span } from "../model/index.js";
import { GENDERED_ROLES, PLACES, PRONOUNS, ROLE_NOUNS } from "./lexicon.js";
import { sentenceIndexAt } from "./tokens.js";
import type { Entity, EntityAnalysis, ResolvedMention } from "./types.js";

/** Options for resolving a mention. */
export interface ResolveOptions {
  /** Entities the mention cannot be (a quote's own speaker, for "he" inside the quote). */
  exclude?: readonly Entity[];
  /** Spans whose mentions do not count for salience (quoted text, for a pronoun outside quotes). */
  ignore?: readonly Span[];
  /** Entities to prefer when compatible (the last speaker). */
  prefer?: readonly Entity[];
}

const DETERMINERS = new Set(["the", "a", "an", "her", "his", "their", "its", "our", "my", "this", "that"]);
const SPOKES = /^spokes(?:man|woman|person|people)$/;

/** Normalised words of a role or description: places to one key, spokesman/-woman to spokesperson. */
export function roleWords(s: string): string[] {
  const out: string[] = [];
  const ws = s.toLowerCase().replace(/[’'‘]s\b/g, "").split(/[\s,]+/).filter(Boolean);
  for (let i = 0; i < ws.length; i++) {
    const two = `${ws[i]} ${ws[i + 1] ?? ""}`;
    if (PLACES[two]) {
      out.push(PLACES[two]!);
      i++;
      continue;
    }
    const w = ws[i]!;
    if (DETERMINERS.has(w)) continue;
    out.push(PLACES[w] ?? (SPOKES.test(w) ? "spokesperson" : w.replace(/s$/, "")));
  }
  return out;
}

const isPersonLike = (e: Entity): boolean => e.kind === "person" || (e.kind === "unknown" && e.name.includes(" "));
const inAny = (s: Span, spans: readonly Span[] | undefined): boolean =>
  !!spans && spans.some((q) => q.start <= s.start && s.end <= q.end);

interface Candidate {
  e: Entity;
  at: number;
  sentence: number;
  subject: boolean;
}

/** The latest mention of each person before `pos`, with its sentence distance and whether it opens its sentence. */
function candidates(a: EntityAnalysis, pos: number, opts: ResolveOptions, window = 6): Candidate[] {
  const si = sentenceIndexAt(a.sentences, pos);
  const out: Candidate[] = [];
  for (const e of a.entities) {
    if (!isPersonLike(e) || opts.exclude?.includes(e)) continue;
    let best: Candidate | null = null;
    for (const m of e.mentions) {
      if (m.span.end > pos || inAny(m.span, opts.ignore)) continue;
      const ms = sentenceIndexAt(a.sentences, m.span.start);
      if (si >= 0 && ms >= 0 && si - ms > window) continue;
      if (!best || m.span.start > best.at) best = { e, at: m.span.start, sentence: si >= 0 && ms >= 0 ? si - ms : 99, subject: false };
    }
    if (best) {
      const sent = a.sentences[sentenceIndexAt(a.sentences, best.at)];
      best.subject = !!sent && firstPersonMention(a, sent, opts) === best.at;
      out.push(best);
    }
  }
  return out;
}

function firstPersonMention(a: EntityAnalysis, sent: Span, opts: ResolveOptions): number {
  let first = Infinity;
  for (const e of a.entities) {
    if (!isPersonLike(e)) continue;
    for (const m of e.mentions) {
      if (m.span.start >= sent.start && m.span.start < sent.end && m.span.start < first && !inAny(m.span, opts.ignore)) first = m.span.start;
    }
  }
  return first;
}

/**
 * The most salient person compatible with a he/she at `pos`: a preferred entity
 * (the last speaker) in reach first, then by sentence distance, then the
 * sentence's subject, then recency. Known gender beats unknown gender.
 */
export function resolvePronoun(a: EntityAnalysis, pos: number, gender: "female" | "male", opts: ResolveOptions = {}): Entity | null {
  const cs = candidates(a, pos, opts).filter((c) => c.e.gender === gender || c.e.gender === null);
  if (cs.length === 0) return null;
  const rank = (c: Candidate): number[] => [
    c.e.gender === gender ? 0 : 1,
    opts.prefer?.includes(c.e) && c.sentence <= 2 ? 0 : 1,
    c.sentence,
    c.subject ? 0 : 1,
    -c.at,
  ];
  cs.sort((x, y) => {
    const rx = rank(x);
    const ry = rank(y);
    for (let i = 0; i < rx.length; i++) if (rx[i] !== ry[i]) return rx[i]! - ry[i]!;
    return 0;
  });
  return cs[0]!.e;
}

/** The person a description names ("the Mexican president", "her US counterpart"), by role words, most recent first. */
export function resolveDescription(a: EntityAnalysis, description: string, pos: number, opts: ResolveOptions = {}): Entity | null {
  const want = roleWords(description).filter((w) => w !== "counterpart");
  if (want.length === 0) return null;
  const pool = candidates(a, pos, opts, 1e9);
  const after = a.entities.filter((e) => isPersonLike(e) && !pool.some((c) => c.e === e) && !opts.exclude?.includes(e));
  const fits = (e: Entity): boolean => {
    const have = new Set(e.roles.flatMap(roleWords));
    // A "counterpart" of a head of state or minister holds the same office.
    if (have.has("counterpart")) for (const w of ["president", "leader", "minister", "premier"]) have.add(w);
    return want.every((w) => have.has(w));
  };
  const before = pool.filter((c) => fits(c.e)).sort((x, y) => y.at - x.at);
  if (before.length) return before[0]!.e;
  return after.find(fits) ?? null;
}

/** Whether a noun phrase is a description of a person (ends in a role noun). */
export function isDescription(np: string): boolean {
  const last = np.toLowerCase().split(/\s+/).pop() ?? "";
  return ROLE_NOUNS.has(last) || SPOKES.test(last);
}

/**
 * Resolves the noun phrase at `span` of `text` (a name, surname, pronoun or
 * description) to an entity of the analysis. Unnamed descriptions ("A White
 * House spokesperson") come back unnamed, with their role.
 */
export function resolveMention(a: EntityAnalysis, text: string, s: Span, opts: ResolveOptions = {}): ResolvedMention | null {
  const np = text.slice(s.start, s.end).trim().replace(/[’'‘]s$/, "");
  const low = np.toLowerCase();
  const pr = PRONOUNS[low];
  if (pr === "female" || pr === "male") {
    const e = resolvePronoun(a, s.start, pr, opts);
    return e ? found(e, "entities:pronoun") : null;
  }
  if (pr) return null;
  // A mention the stage already linked.
  // A mention the stage already linked; the rightmost is the head ("... spokesman James Hewitt"), people first.
  let best: { e: Entity; end: number; kind: string } | null = null;
  for (const e of a.entities) {
    for (const m of e.mentions) {
      if (m.span.start < s.start || m.span.end > s.end) continue;
      const better = !best || m.span.end > best.end || (m.span.end === best.end && e.kind === "person");
      if (better) best = { e, end: m.span.end, kind: m.kind };
    }
  }
  if (best && (best.e.kind === "person" || !isDescription(np))) return found(best.e, `entities:${best.kind}`);
  for (const e of a.entities) if (e.name === np || e.aliases.includes(np)) return found(e, "entities:alias");
  if (isDescription(np)) {
    const first = low.split(/\s+/)[0]!;
    const role = np.replace(/^(?:the|a|an|her|his|their|its|our)\s+/i, "");
    if (first === "a" || first === "an" || /s$/.test(low)) {
      const g = GENDERED_ROLES[low.split(/\s+/).pop() ?? ""];
      void g;
      return { entity: null, name: role, role, kind: "person", named: false, rule: "entities:unnamed" };
    }
    const e = resolveDescription(a, np, s.start, opts);
    if (e) return found(e, "entities:description");
    return { entity: null, name: role, role, kind: "person", named: false, rule: "entities:unnamed" };
  }
  return null;
}

function found(e: Entity, rule: string): ResolvedMention {
  return { entity: e, name: e.name, role: e.roles[0] ?? null, kind: e.kind, named: true, rule };
}
