import type { Span } from "../model/index.js";
import { GENDERED_ROLES, KNOWN_ORGS, PLACES, PRONOUNS, ROLE_NOUNS } from "./lexicon.js";
import { personShaped } from "./extract.js";
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
/** Abbreviated titles written out, so "Alaska Gov." answers to "the Alaska governor". */
const ABBREVIATED: Record<string, string> = {
  "gov.": "governor", gov: "governor", "sen.": "senator", sen: "senator", "rep.": "representative", "lt.": "lieutenant",
  "sgt.": "sergeant", "const.": "constable", "gen.": "general", "col.": "colonel", "capt.": "captain", "det.": "detective",
  "rev.": "pastor", reverend: "pastor", minister: "pastor", "supt.": "superintendent", "insp.": "inspector",
};

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
    const w = ABBREVIATED[ws[i]!] ?? ws[i]!;
    if (DETERMINERS.has(w)) continue;
    out.push(PLACES[w] ?? (SPOKES.test(w) ? "spokesperson" : w.replace(/s$/, "")));
  }
  return out;
}

/** A person, or an unclassified multi-word name that could be one ("Mehdi Zareh", not "United Arab Emirates"). */
const isPersonLike = (e: Entity): boolean => e.kind === "person" || (e.kind === "unknown" && e.name.includes(" ") && personShaped(e.name));
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
    if (best) out.push(best);
  }
  if (out.length === 0) return out;
  // Whether each candidate's mention is the first person mention of its sentence (one pass over the mentions).
  const firstIn = new Map<number, number>();
  for (const c of out) firstIn.set(sentenceIndexAt(a.sentences, c.at), Infinity);
  for (const e of a.entities) {
    if (!isPersonLike(e)) continue;
    for (const m of e.mentions) {
      const ms = sentenceIndexAt(a.sentences, m.span.start);
      const f = firstIn.get(ms);
      if (f !== undefined && m.span.start < f && !inAny(m.span, opts.ignore)) firstIn.set(ms, m.span.start);
    }
  }
  for (const c of out) c.subject = firstIn.get(sentenceIndexAt(a.sentences, c.at)) === c.at;
  return out;
}

/**
 * The most salient person compatible with a he/she at `pos`: a preferred entity
 * (the last speaker) in reach first, then by sentence distance, then the
 * sentence's subject, then recency. Known gender beats unknown gender.
 */
export function resolvePronoun(a: EntityAnalysis, pos: number, gender: "female" | "male", opts: ResolveOptions = {}): Entity | null {
  const cs = candidates(a, pos, opts).filter((c) => c.e.gender === gender || c.e.gender === null);
  if (cs.length === 0) {
    const far = candidates(a, pos, opts, 1e9).filter((c) => c.e.gender === gender).sort((x, y) => y.at - x.at);
    return opts.prefer?.find((e) => e.gender === gender && !opts.exclude?.includes(e)) ?? far[0]?.e ?? null;
  }
  // The last speaker is preferred unless another person of the gender opens a sentence closer to the pronoun.
  const closestSubject = Math.min(...cs.filter((c) => c.subject && c.e.gender === gender).map((c) => c.sentence), 99);
  const rank = (c: Candidate): number[] => [
    c.e.gender === gender ? 0 : 1,
    c.e.kind === "person" ? 0 : 1,
    opts.prefer?.includes(c.e) && c.sentence <= 3 && c.sentence <= closestSubject ? 0 : 1,
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
  if (cs[0]!.e.gender !== gender) {
    // entities:pronoun-far: no he/she-compatible person in reach; the last speaker, else the last such person before.
    const p = opts.prefer?.find((e) => e.gender === gender && !opts.exclude?.includes(e));
    if (p) return p;
    const far = candidates(a, pos, opts, 1e9).filter((c) => c.e.gender === gender).sort((x, y) => y.at - x.at);
    if (far.length) return far[0]!.e;
  }
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

const MEDIA = /(?:Times|Post|News|Herald|Journal|Tribune|Telegraph|Guardian|Gazette|Daily|Newsday|Press|Standard|Observer|Chronicle|Inquirer|Globe|Star|Sun|Mail|Reuters|Associated|BBC|CNN|NBC|CBS|ABC|AFP|AP)\b/;
const POLICE = /\b(?:Police|Sheriff|Constabulary|[A-Z]{1,3}PD)\b/;
/** A named force: "Vancouver Police", "New York Police Department", "NYPD" (not a bare "Police" or a headline). */
const POLICE_FORCE = /^(?:(?:[\p{Lu}][\p{L}.-]*\s)+Police(?:\s(?:Department|Service|Force))?|Police (?:Department|Service|Force)|[A-Z]{1,3}PD|.+\sSheriff's (?:Office|Department))$/u;
const STOP_NAMES = new Set(["Release", "ID", "CEO", "Says", "Said", "Update", "Updated"]);

/**
 * The organisation an unnamed group noun or "it" stands for (`entities:organization`):
 * "police" → the police force the document names, "the newspaper" → the last
 * paper named, "the navy" → the navy named, "the company", "the firm", "it" →
 * the organisation mentioned last before `pos` (within `window` sentences).
 */
export function resolveOrganization(a: EntityAnalysis, head: string, pos: number, window = 8): Entity | null {
  const h = head.toLowerCase();
  const si = sentenceIndexAt(a.sentences, pos);
  let test: (e: Entity) => boolean;
  if (/^(?:police|cops|officers|investigators|detectives)$/.test(h)) test = (e) => POLICE_FORCE.test(e.name);
  else if (/^(?:newspaper|paper|daily|tabloid|magazine|network|broadcaster|station)$/.test(h)) test = (e) => MEDIA.test(e.name);
  else if (/^(?:navy|army|coast guard|military)$/.test(h)) test = (e) => new RegExp(`\\b${h}\\b`, "i").test(e.name);
  else test = (e) => !POLICE.test(e.name) && !MEDIA.test(e.name) && (!/^\p{Lu}{2,4}$/u.test(e.name) || KNOWN_ORGS.has(e.name));
  let best: { e: Entity; at: number } | null = null;
  let any: Entity | null = null;
  for (const e of a.entities) {
    const specific = /^(?:newspaper|paper|daily|tabloid|magazine|navy|army|coast guard)$/.test(h);
    const orgLike = e.kind === "organization" || (specific && e.kind === "unknown" && e.gender === null);
    if (!orgLike || !test(e) || e.name.split(" ").some((w) => STOP_NAMES.has(w))) continue;
    any ??= e;
    for (const m of e.mentions) {
      if (m.span.start >= pos) break;
      const ms = sentenceIndexAt(a.sentences, m.span.start);
      if (si >= 0 && ms >= 0 && si - ms > window) continue;
      if (!best || m.span.start > best.at) best = { e, at: m.span.start };
    }
  }
  if (best) return best.e;
  // A police force, a paper or a navy named only later (or in a headline) still counts.
  return h === "it" || h === "company" || h === "firm" || h === "group" || h === "giant" ? null : any;
}
