import { findNames } from "../claims/index.js";
import { ORG_WORDS, PLACE_WORDS, firstNameGender } from "../entities/index.js";
import type { Claim, Discrepancy, DocumentSpan, Span, TimeExpression } from "../model/index.js";
import { STOP_WORDS, stem } from "./lexicon.js";
import type { WordVectors } from "./vectors.js";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
/** A day said relative to another week ("last Tuesday"), a repeated day ("every Friday"), a deadline or a range ("by Friday"): not compared. */
const RELATIVE = /\b(?:last|next|this|previous|following|coming|past|every|each|early|late|until|since|by|through)\b/i;
/** Where a clause ends: punctuation, and the words that open another clause. */
const BOUNDARY = /[;:()—–"“”]|--|\b(?:after|before|when|while|since|until|because|although|though|but|and|or|who|which|whom|whose|where|that|following|then|if|so|as|amid|despite)\b/gi;
/** Auxiliaries of a passive verb. */
const PASSIVE = /^(?:was|were|been|be|is|are|being|got|gets)$/;
/** Verbs of saying: a day next to one dates the statement, not the happening. */
const SPEECH = /^(?:said|says|told|announced|reported|confirmed|revealed|stated|added|noted|claimed|declared|disclosed|wrote|tweeted|posted|informed|explained|insisted|admitted|denied|spoke|briefed|commented)$/;
/** Past forms that do not end in -ed: enough to recognise the verb of a news clause. */
const IRREGULAR = new Set(
  ("put hit won lost took struck shot fell sank began broke stole ran beat bought sold caught drove flew found gave got " +
    "held hung kept led met paid quit rose sent set shut slew spent split stood swept threw tore wore wound withdrew overtook " +
    "arose awoke bore brought built burnt burst chose dealt dug drew forbade fought fled froze hid knelt laid lit overran " +
    "rode rang sought shook slid stuck stung struck swore swam wept went wrote").split(" "),
);
/** Words ending like a participle that are nouns or adjectives in news. */
const NOT_VERBS = new Set(
  ("morning evening during thing something nothing anything everything building wedding meeting ceiling spring string " +
    "hundred kindred sacred naked wicked rugged ragged beloved " +
    // Light verbs: they say little of what happened.
    "got made gets having").split(" "),
);
/** Words after which a participle is a noun ("the shooting", "a fatal stabbing"). */
const DETERMINERS = new Set(["a", "an", "the", "his", "her", "its", "their", "this", "that", "these", "those", "our", "your", "my", "fatal", "deadly"]);
/** Words of the time of day: not what happened. */
const TIME_WORDS = /^(?:morning|afternoon|evening|night|tonight|today|day|days|week|weeks|hours?|minutes?|early|late|p\.?m|a\.?m)$/;
/** Least cosine for two verbs to describe one happening ("foiled", "thwarted"); lower for the one happening of a person (see {@link sameHappening}). */
const SAME_VERB = 0.75;
const SAME_VERB_PERSON = 0.4;
/** Least cosine for two other words of two clauses to count as one ("attack", "attempt"). */
const SAME_WORD = 0.6;

/** A verb with the names of its agent and its patient (name keys). */
export interface Frame {
  verb: string;
  agent: string[];
  patient: string[];
}

/** A weekday a document gives a happening, with the clause the day dates. */
export interface DayMention {
  document: string;
  /** The weekday, lower case. */
  day: string;
  /** The day as written. */
  span: Span;
  /** The clause the day dates (other days, punctuation and clause words bound it). */
  clause: string;
  /** Names in the clause, as keys (last word, lower case). */
  names: string[];
  /** Names in the clause that read as people's, whole and in lower case ("deshawn wynn"). */
  persons: string[];
  /** Other content words of the clause, stemmed (neither verbs nor names). */
  context: string[];
  /** The clause's verbs (lower case, without a "re-" prefix), each with the names on either side. */
  frames: Frame[];
  /** The verb nearest the day: the one it most likely dates. */
  nearest: Frame;
}

/**
 * The weekdays a document's claims give, each tied to its clause: the text
 * between the nearest clause boundaries around it (never across another time
 * expression). Days said relative to another week ("last Tuesday"), days used
 * as a noun's modifier ("Sunday's game") and days of a statement ("said
 * Friday") are left out, as are clauses without a verb.
 */
export function dayMentions(claims: Claim[], times: TimeExpression[], vectors: WordVectors | null): DayMention[] {
  const out: DayMention[] = [];
  const sorted = [...times].sort((a, b) => a.span.start - b.span.start);
  for (const t of sorted) {
    if (t.type !== "DATE" && t.type !== "TIME") continue;
    const m = WEEKDAY.exec(t.text);
    if (!m || RELATIVE.test(t.text)) continue;
    const claim = claims.find((c) => c.span.start <= t.span.start && t.span.end <= c.span.end);
    if (!claim) continue;
    const rel = { start: t.span.start - claim.span.start, end: t.span.end - claim.span.start };
    // A short aside in parentheses ("DeShawn Wynn (Florida)") is blanked out, offsets kept.
    const text = claim.text.replace(/\([^()]{0,40}\)/g, (m) => " ".repeat(m.length));
    if (text.slice(rel.start, rel.end).trim() === "") continue;
    if (/^\s*[’']\s?s\b/.test(text.slice(rel.end)) || RELATIVE.test(text.slice(Math.max(0, rel.start - 12), rel.start).split(/\s+/).slice(-2).join(" "))) continue;
    const before = text.slice(0, rel.start).split(/\s+/).filter(Boolean).slice(-3).map(clean);
    const after = clean(text.slice(rel.end).split(/\s+/).filter(Boolean)[0] ?? "");
    if (before.some((w) => SPEECH.test(w)) || SPEECH.test(after)) continue;
    // Other time expressions of the claim bound the clause like punctuation.
    const others = sorted.filter((o) => o !== t && o.span.start >= claim.span.start && o.span.end <= claim.span.end).map((o) => ({ start: o.span.start - claim.span.start, end: o.span.end - claim.span.start }));
    const cuts: number[] = [0, text.length];
    for (const o of others) cuts.push(o.start, o.end);
    BOUNDARY.lastIndex = 0;
    for (let b = BOUNDARY.exec(text); b; b = BOUNDARY.exec(text)) cuts.push(b.index, b.index + b[0].length);
    let lo = 0, hi = text.length;
    for (const c of cuts) {
      if (c <= rel.start && c > lo) lo = c;
      if (c >= rel.end && c < hi) hi = c;
    }
    const opener = /\b(?:who|which)\s*$/i.exec(text.slice(0, lo))?.[0].trim() ?? null;
    const clause = text.slice(lo, hi);
    const found = findNames(text, { start: lo, end: hi }).filter((n) => !WEEKDAY.test(n.name));
    // "DeShawn Wynn, who was signed on Tuesday": the relative clause is about the name before it.
    if (opener) {
      const prior = findNames(text, { start: Math.max(0, lo - 80), end: lo }).pop();
      if (prior && /^[\s,]*$/.test(text.slice(prior.span.end, lo - opener.length))) found.unshift(prior);
    }
    // A possessive name ("McDermott's teammates") modifies a noun: it is nobody's part in the happening.
    const parts = found.filter((n) => !/^\s*[’']\s?s\b/.test(text.slice(n.span.end)));
    const names = found.map((n) => n.name);
    const tokens = tokensIn(text, lo, hi);
    const frames: Frame[] = [];
    let nearest: Frame | null = null;
    let nearestAt = Infinity;
    for (let k = 0; k < tokens.length; k++) {
      const tk = tokens[k]!;
      if (!tk.lower || !verbLike(tk.w, tokens[k - 1]?.w, tokens[k - 2]?.w) || SPEECH.test(tk.w)) continue;
      // A passive verb ("was signed") has its patient before it.
      const passive = tokens.slice(Math.max(0, k - 3), k).some((p) => PASSIVE.test(p.w));
      const before = parts.filter((n) => n.span.end <= tk.at).map((n) => nameKey(n.name));
      const after = parts.filter((n) => n.span.start > tk.at).map((n) => nameKey(n.name));
      const frame: Frame = { verb: tk.w, agent: passive ? after : before, patient: passive ? before : after };
      frames.push(frame);
      const d = tk.at < rel.start ? rel.start - tk.at : tk.at - rel.end + 0.5;
      if (d < nearestAt) [nearest, nearestAt] = [frame, d];
    }
    if (!nearest || names.length === 0) continue;
    const verbs = frames.map((f) => f.verb);
    out.push({
      document: claim.document,
      day: m[1]!.toLowerCase(),
      span: t.span,
      clause: clause.trim(),
      names: [...new Set(names.map(nameKey))].sort(),
      persons: [...new Set(parts.map((n) => n.name).filter((n) => personLike(n, vectors)).map((n) => n.toLowerCase().replace(/[’']s$/, "")))].sort(),
      frames,
      nearest,
      context: [...new Set(tokens.filter((tk) => tk.lower && !verbs.includes(tk.w) && !STOP_WORDS.has(tk.w) && !TIME_WORDS.test(tk.w) && !DETERMINERS.has(tk.w)).map((tk) => stem(tk.w)))].sort(),
    });
  }
  return out;
}

/**
 * Days of one happening that documents give differently: two clauses of
 * different documents that name the same person or thing in the same part
 * (the one who acts, or the one acted on) and tell the same happening (see
 * {@link sameHappening}) on different weekdays: "DeShawn Wynn, who was signed
 * on Tuesday" against "New Orleans picked up DeShawn Wynn on Monday". Clauses
 * that name different people are different happenings ("Ivory was placed on
 * injured reserve Tuesday", "Thomas ... Wednesday"). A document that itself
 * gives the happening both days makes no conflict. Weekdays are compared as
 * written, never through a date resolved against the publication date. The
 * result does not depend on the order of the mentions.
 */
export function dayDiscrepancies(mentions: DayMention[], vectors: WordVectors | null): Discrepancy[] {
  const ms = [...mentions].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.span.start - b.span.start));
  // People no document gives two different days: each document dates one happening of theirs.
  const daysOf = new Map<string, Set<string>>();
  for (const m of ms) for (const p of m.persons) daysOf.set(`${m.document}\u0000${p}`, (daysOf.get(`${m.document}\u0000${p}`) ?? new Set<string>()).add(m.day));
  const unsettled = new Set([...daysOf].filter(([, d]) => d.size > 1).map(([k]) => k.split("\u0000")[1]!));
  const settled = new Set(ms.flatMap((m) => m.persons).filter((p) => !unsettled.has(p)));
  const same = (a: DayMention, b: DayMention) => sameHappening(a, b, vectors, settled);
  // Only mentions that share a name can tell one happening: candidates come from an index on names,
  // each name's list bounded, so the work follows the mentions, not their square.
  const byName = new Map<string, number[]>();
  ms.forEach((m, i) => {
    for (const n of new Set(m.names)) {
      const list = byName.get(n) ?? [];
      if (list.length < MAX_PER_NAME) list.push(i);
      byName.set(n, list);
    }
  });
  const candidates = new Set<number>();
  for (const list of byName.values()) for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) candidates.add(list[x]! * ms.length + list[y]!);
  const pairs: [number, number][] = [];
  for (const key of [...candidates].sort((x, y) => x - y)) {
    const i = Math.floor(key / ms.length), j = key % ms.length;
    const a = ms[i]!, b = ms[j]!;
    if (a.document === b.document || a.day === b.day || !same(a, b)) continue;
    // A document that gives the happening the other day as well (or another day to it) makes no conflict.
    const bothDays = ms.some((c, k) => k !== i && k !== j && (c.document === a.document || c.document === b.document) && (same(c, a) || same(c, b)) && c.day !== (c.document === a.document ? a.day : b.day));
    if (!bothDays) pairs.push([i, j]);
  }
  // Conflicting pairs that share a mention are one discrepancy.
  const parent = ms.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const [i, j] of pairs) parent[find(j)] = find(i);
  const groups = new Map<number, Set<number>>();
  for (const [i, j] of pairs) {
    const g = groups.get(find(i)) ?? new Set<number>();
    g.add(i).add(j);
    groups.set(find(i), g);
  }
  const out: Discrepancy[] = [];
  for (const g of [...groups.values()].sort((x, y) => Math.min(...x) - Math.min(...y))) {
    const members = [...g].sort((x, y) => x - y).map((k) => ms[k]!);
    const sides = new Map<string, { documents: string[]; evidence: DocumentSpan[] }>();
    for (const m of members) {
      const s = sides.get(m.day) ?? { documents: [], evidence: [] };
      if (!s.documents.includes(m.document)) s.documents.push(m.document);
      s.evidence.push({ document: m.document, span: m.span });
      sides.set(m.day, s);
    }
    const who = sharedNames(members);
    out.push({
      kind: "date",
      topic: `when: ${who}`,
      compatible: false,
      sides: [...sides]
        .sort((x, y) => WEEKDAYS.indexOf(x[0]) - WEEKDAYS.indexOf(y[0]))
        .map(([day, s]) => ({ text: day[0]!.toUpperCase() + day.slice(1), documents: s.documents, evidence: s.evidence })),
    });
  }
  return out;
}

/**
 * Whether two clauses tell one happening: a shared name, no two different
 * people, one verb (the same stem, or near-synonyms by word vectors), and most
 * of the shorter clause's words in the other. For a person no document gives
 * two days (`settled`), the verbs nearest the days may be looser paraphrases
 * ("picked up DeShawn Wynn" and "signed DeShawn Wynn").
 */
function sameHappening(a: DayMention, b: DayMention, vectors: WordVectors | null, settled: Set<string>): boolean {
  const shared = a.names.filter((n) => b.names.includes(n));
  if (shared.length === 0) return false;
  if (a.persons.length > 0 && b.persons.length > 0 && !a.persons.some((p) => b.persons.some((q) => nameKey(p) === nameKey(q)))) return false;
  const person = a.persons.filter((p) => b.persons.includes(p) && settled.has(p)).map(nameKey);
  if (person.length > 0 && similar(a.nearest.verb, b.nearest.verb, SAME_VERB_PERSON, vectors) && sameRole(a.nearest, b.nearest, person)) return true;
  if (!a.frames.some((x) => b.frames.some((y) => similar(x.verb, y.verb, SAME_VERB, vectors) && sameRole(x, y, shared)))) return false;
  // Most of the shorter clause's words are in the other one (names, words, verbs).
  const bag = (m: DayMention) => [...m.names, ...m.context, ...m.frames.map((f) => f.verb)];
  const [x, y] = bag(a).length <= bag(b).length ? [bag(a), bag(b)] : [bag(b), bag(a)];
  const held = x.filter((w) => y.some((v) => similar(w, v, SAME_WORD, vectors))).length;
  return held / x.length >= MIN_HELD;
}

/** The name most of a discrepancy's clauses share: its topic. */
function sharedNames(members: DayMention[]): string {
  const counts = new Map<string, number>();
  for (const m of members) for (const n of m.names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const best = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
  return best ? best[0] : "";
}

/** Whether one of the names plays the same part (agent or patient) in both frames. */
function sameRole(x: Frame, y: Frame, names: string[]): boolean {
  return names.some((n) => (x.agent.includes(n) && y.agent.includes(n)) || (x.patient.includes(n) && y.patient.includes(n)));
}

/** Most mentions one name is compared across (a name in hundreds of dated clauses is compared in its first ones, by document). */
const MAX_PER_NAME = 200;

/** Share of the shorter clause's words the other clause must hold. */
const MIN_HELD = 0.5;

function similar(x: string, y: string, least: number, vectors: WordVectors | null): boolean {
  if (x === y || stem(x) === stem(y)) return true;
  if (!vectors) return false;
  const i = vectors.index(x), j = vectors.index(y);
  return i >= 0 && j >= 0 && vectors.cosine(i, j) >= least;
}

/** The words of text[lo, hi), lower-cased (without a "re-" prefix), with where each starts and whether it was written lower case. */
function tokensIn(text: string, lo: number, hi: number): { w: string; at: number; lower: boolean }[] {
  const re = /[\p{L}][\p{L}’'-]*/gu;
  const out: { w: string; at: number; lower: boolean }[] = [];
  const slice = text.slice(lo, hi);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    out.push({ w: m[0].toLowerCase().replace(/^re-/, "").replace(/[’']s$/, ""), at: lo + m.index, lower: /^\p{Ll}/u.test(m[0]) });
  }
  return out;
}

const clean = (w: string) => w.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");


/** A word that reads as a verb's past or present participle ("foiled", "signing", "put"), not a noun after a determiner ("the shooting"). */
function verbLike(w: string, prev?: string, prev2?: string): boolean {
  if (NOT_VERBS.has(w)) return false;
  if (IRREGULAR.has(w)) return true;
  if ( (prev !== undefined && DETERMINERS.has(prev)) || (prev2 !== undefined && DETERMINERS.has(prev2) && w.endsWith("ing"))) return false;
  return (w.length >= 5 && w.endsWith("ed")) || (w.length >= 6 && w.endsWith("ing"));
}

/** Rank below which a word is common English, not a first name ("New Orleans", "East Flatbush"). */
const COMMON_RANK = 20_000;

/**
 * A name that reads as a person's: two words or more, no organisation or place
 * word, and a first word that is a known first name or no common word.
 */
function personLike(name: string, vectors: WordVectors | null): boolean {
  const ws = name.split(/\s+/).filter((w, k, all) => !(k === 0 && all.length > 1 && /^\p{Lu}{2,}$/u.test(w)));
  if (ws.length < 2 || /^\p{Lu}{2,}$/u.test(ws[0]!) || ws.some((w) => ORG_WORDS.has(w) || PLACE_WORDS.has(w))) return false;
  if (firstNameGender(ws[0]!) !== undefined) return true;
  const rank = vectors?.index(ws[0]!.toLowerCase()) ?? -1;
  return rank < 0 || rank >= COMMON_RANK;
}

/** A person's or thing's name as a key: its last word, lower case, without a possessive ("Sharron Smith's" → "smith"). */
export const nameKey = (name: string): string => name.split(/\s+/).pop()!.toLowerCase().replace(/[’']s$/, "");
