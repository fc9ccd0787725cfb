import { ORG_WORDS, ROLE_NOUNS, STOP_CAPS, type Token } from "../entities/index.js";
import { cueSubject, tokenAt, type AttributionContext } from "./attribute.js";
import { hasVerb } from "./clause.js";
import { gapOk, looseSubject, SPEECH_NOUNS, subjectAfter, type NounPhrase } from "./cues.js";

const PARTICIPLE = /^\p{Ll}+ing$/u;
const LEADING = /^(?:But|And|So|Yet|Then|Now|Still|Meanwhile|However|Also)$/;

/**
 * The subject of a reported-speech cue when it is not right before the cue:
 * `quotes:appositive-subject` ("Luke Pigeon, who lives next door, said ...",
 * "A family friend, Kevin Blacks, 33, said ...") and `quotes:clause-subject`
 * for a participle ("Coleman then gave a second contradiction, saying ...").
 * Falls back to `cueSubject`'s answer first; with `loose`, to a described subject (`looseSubject`).
 */
export function reportedSubject(ctx: AttributionContext, k: number, first: number, loose = false): NounPhrase | null {
  const { text, tokens } = ctx;
  const np = cueSubject(ctx, k, first);
  if (np) return nameBeforeDescription(text, tokens, np, first) ?? issuerOf(ctx, np, first) ?? nameOpeningChain(text, tokens, np, k, first) ?? np;
  if (k <= first) return null;
  const infinitive = infinitiveSubject(ctx, k, first);
  if (infinitive) return infinitive;
  // "a man who claims ...": the noun phrase before the relative pronoun.
  if (/^(?:who|which|that)$/.test(tokens[k - 1]!.text) && k - 1 > first) {
    const rel = cueSubject(ctx, k - 1, first) ?? relativeHead(text, tokens, k - 1, first);
    if (rel) return rel;
  }
  const commaBefore = /(?:,|\s[-—–])\s*$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
  if (commaBefore) {
    const a = appositiveSubject(text, tokens, k, first);
    if (a) return a;
  }
  // "... but confirmed on his Twitter feed that ...": a verb that reports, coordinated by "but".
  const butReports = tokens[k - 1]!.text === "but" && /^(?:said|confirmed|denied|admitted|insisted|argued|warned|noted|acknowledged|claimed|stressed|told|wrote)$/.test(tokens[k]!.text);
  if (PARTICIPLE.test(tokens[k]!.text) || /^(?:and|then)$/.test(tokens[k - 1]!.text) || butReports) {
    const np = clauseSubject(text, tokens, k, first);
    return np && tokens[np.to + 1]?.text === "of" ? titledPerson(ctx, np, k) ?? np : np;
  }
  return loose ? looseSubject(text, tokens, k, first) : null;
}

/** Verbs an infinitive cue hangs on ("went on to say", "was quick to add", "had this to say"). */
const TO_HOSTS = /^(?:went|goes|go|continued|continues|wanted|wants|had|has|was|is|were|are|decided|chose|declined|refused|tried|hastened|rushed|paused|stopped|took|used)$/;

/**
 * "He went on to say, “...”", "Smith was quick to add that ...": the subject of the verb the
 * infinitive cue hangs on, at most three words before "to".
 */
function infinitiveSubject(ctx: AttributionContext, k: number, first: number): NounPhrase | null {
  const { tokens } = ctx;
  if (tokens[k - 1]?.text !== "to" || !/^(?:say|add|tell|explain|note|ask|write|stress|insist|warn|argue|claim|reply|respond|announce|declare|state)$/.test(tokens[k]!.text)) return null;
  for (let v = k - 2; v >= first && v >= k - 4; v--) {
    if (!TO_HOSTS.test(tokens[v]!.text)) continue;
    return cueSubject(ctx, v, first);
  }
  return null;
}

/**
 * `quotes:name-then-description`: "Tom LaSorda, the president of Chrysler announced": the subject found
 * before the cue is a description in apposition to a name that opens the clause (its closing comma lost).
 */
function nameBeforeDescription(text: string, tokens: Token[], np: NounPhrase, first: number): NounPhrase | null {
  if (!/^(?:the|a|an)$/i.test(tokens[np.from]!.text) || np.from - 2 < first) return null;
  if (!/^\s*,\s*$/.test(text.slice(tokens[np.from - 1]!.end, tokens[np.from]!.start))) return null;
  const e = np.from - 1;
  let b = e;
  while (b - 1 >= first && isName(tokens[b - 1]!) && /^ $/.test(text.slice(tokens[b - 1]!.end, tokens[b]!.start))) b--;
  if (e - b < 1 || !tokens.slice(b, e + 1).every(isName)) return null;
  // The name opens the clause: the sentence's start or a comma before it.
  const opens = b === first || /,\s*$/.test(text.slice(tokens[b - 1]!.end, tokens[b]!.start));
  return opens ? { from: b, to: e } : null;
}

/**
 * "Whitey MacDonald, chairperson of Local 1520, Canadian Auto Workers union said": the subject found before the
 * cue ends a chain of appositions that opens with a person's name; the name is the speaker.
 */
function nameOpeningChain(text: string, tokens: Token[], np: NounPhrase, k: number, first: number): NounPhrase | null {
  if (np.from <= first || !/^\s*,\s*$/.test(text.slice(tokens[np.from - 1]!.end, tokens[np.from]!.start))) return null;
  const head = tokens[np.to]!.text;
  if (/^\p{Lu}/u.test(head) && !ORG_WORDS.has(head)) return null;
  const ps = parts(text, tokens, first, k);
  if (ps.length < 3 || ps.length > 5) return null;
  const [a0, a1] = ps[0]!;
  if (a1 - a0 < 1 || a1 - a0 > 3 || !tokens.slice(a0, a1 + 1).every((t) => isName(t) && !ORG_WORDS.has(t.text) && !t.possessive)) return null;
  return { from: a0, to: a1 };
}

/** Verbs that issue a document ("He releases statement saying ..."): the document's issuer speaks. */
const ISSUES = /^(?:issued|issues|released|releases|posted|posts|sent|sends|published|publishes|put|puts|read|reads)$/;

/** `quotes:issuer`: "He releases (a) statement saying ...": the subject of the verb that issued the document. */
function issuerOf(ctx: AttributionContext, np: NounPhrase, first: number): NounPhrase | null {
  const { tokens } = ctx;
  if (np.from !== np.to || !SPEECH_NOUNS.has(tokens[np.to]!.text.toLowerCase())) return null;
  let v = np.from - 1;
  if (v > first && /^(?:a|an|the|its|his|her|their)$/.test(tokens[v]!.text)) v--;
  if (v <= first || !ISSUES.test(tokens[v]!.text)) return null;
  return cueSubject(ctx, v, first);
}

/**
 * "Charles O'Reilly, a management expert at Stanford, who stated": the name before the
 * description that the relative pronoun at `who` follows.
 */
function relativeHead(text: string, tokens: Token[], who: number, first: number): NounPhrase | null {
  if (!/,\s*$/.test(text.slice(tokens[who - 1]!.end, tokens[who]!.start))) return null;
  let c = who - 1;
  while (c > first && c > who - 10 && !/,/.test(text.slice(tokens[c - 1]!.end, tokens[c]!.start))) c--;
  if (c <= first || !/^(?:a|an|the)$/.test(tokens[c]!.text)) return null;
  let b = c - 1;
  if (!isName(tokens[b]!)) return null;
  while (b - 1 >= first && (isName(tokens[b - 1]!) || /^[A-Z]$/.test(tokens[b - 1]!.text)) && /^[ .]{0,2}$/.test(text.slice(tokens[b - 1]!.end, tokens[b]!.start))) b--;
  return { from: b, to: c - 1 };
}

/**
 * "Assistant Secretary of the Air Force for Acquisition Marvin Sambur defended ..., saying": a title
 * phrase continued by "of ..." ends in the person's name, the mention the entity stage found right
 * before the clause's verb.
 */
function titledPerson(ctx: AttributionContext, np: NounPhrase, k: number): NounPhrase | null {
  const { text, tokens, analysis } = ctx;
  const from = tokens[np.to]!.end;
  const to = tokens[k]!.start;
  for (const e of analysis.entities) {
    if (e.kind !== "person" && e.kind !== "unknown") continue;
    for (const m of e.mentions) {
      if (m.span.start < from || m.span.end > to || m.span.start - from > 80) continue;
      if (!verbFollows(text, m.span.end)) continue;
      const a = tokenAt(tokens, m.span.start);
      const b = tokenAt(tokens, m.span.end) - 1;
      if (b >= a) return { from: a, to: b };
    }
  }
  return null;
}

/** Whether a finite verb follows position `end` ("… Sambur defended", "… Pigeon also commended"). */
export function verbFollows(text: string, end: number): boolean {
  return /^\s+(?:also\s+|then\s+|later\s+)?\p{Ll}+(?:ed|s)\b/u.test(text.slice(end, end + 30));
}

/** Comma-separated parts of tokens [first, k). */
function parts(text: string, tokens: Token[], first: number, k: number): [number, number][] {
  const out: [number, number][] = [];
  let from = first;
  for (let i = first + 1; i < k; i++) {
    if (/,|\s[-—–]\s/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) {
      out.push([from, i - 1]);
      from = i;
    }
  }
  out.push([from, k - 1]);
  return out;
}

const isName = (t: Token): boolean => /^\p{Lu}/u.test(t.text) && !LEADING.test(t.text) && !STOP_CAPS.has(t.text);

function appositiveSubject(text: string, tokens: Token[], k: number, first: number): NounPhrase | null {
  let start = first;
  while (start < k && LEADING.test(tokens[start]!.text)) start++;
  const ps = parts(text, tokens, start, k);
  // "Peter Boockvar an equity strategist for Miller Tabak, commented": a name, then its description, comma lost.
  if (ps.length === 1) {
    let e = start;
    while (e + 1 < k && isName(tokens[e + 1]!) && !tokens[e]!.possessive) e++;
    return e > start && e - start <= 3 && isName(tokens[start]!) && /^(?:a|an|the)$/.test(tokens[e + 1]?.text ?? "") ? { from: start, to: e } : null;
  }
  if (ps.length > 5) return null;
  const [a0, a1] = ps[0]!;
  if (a1 - a0 > 8 || hasVerb(tokens, a0, a1 + 1)) return null;
  // A description then a name ("the governor of the province, Ali Rezapour,"): the name.
  const [l0, l1] = ps[ps.length - 1]!;
  const nameOnly = l1 > l0 && l1 - l0 <= 3 && tokens.slice(l0, l1 + 1).every(isName);
  if (nameOnly && /^(?:the|a|an|The|A|An)$/.test(tokens[a0]!.text)) return { from: l0, to: l1 };
  const [b0, b1] = ps[1]!;
  // "Irish low cost airline, Ryanair, announced": a description ending in a common noun, then the name.
  if (/^\p{Ll}/u.test(tokens[a1]!.text) && b1 - b0 <= 3 && tokens.slice(b0, b1 + 1).every(isName)) return { from: b0, to: b1 };
  // The name in the first part, else a name making up the whole second part, else the first part itself.
  const caps = [];
  for (let i = a0; i <= a1; i++) if (isName(tokens[i]!) && !tokens[i]!.possessive) caps.push(i);
  if (caps.length > 0) {
    let to = caps[caps.length - 1]!;
    // "Apple Corps' latest suit, filed in 2003, claims": a name's last word may carry the owner's mark.
    if (to + 1 <= a1 && tokens[to + 1]!.possessive && isName(tokens[to + 1]!) && gapOk(text, tokens[to]!, tokens[to + 1]!)) to++;
    let from = caps[caps.length - 1]!;
    while (from - 1 >= a0 && isName(tokens[from - 1]!) && !tokens[from - 1]!.possessive) from--;
    return { from, to };
  }
  if (b1 - b0 <= 3 && tokens.slice(b0, b1 + 1).every(isName)) return { from: b0, to: b1 };
  // "Lamas' son, actor Lorenzo Lamas, tweeted": a role word or two, then the name.
  let n0 = b0;
  while (n0 < b1 && n0 - b0 < 2 && /^\p{Ll}+$/u.test(tokens[n0]!.text) && ROLE_NOUNS.has(tokens[n0]!.text)) n0++;
  if (n0 > b0 && b1 - n0 >= 1 && b1 - n0 <= 3 && tokens.slice(n0, b1 + 1).every(isName)) return { from: n0, to: b1 };
  // A description ("A family friend, ..."), not an opening phrase ("According to the charges, ...").
  return /^(?:A|An|The|His|Her|Their|Its|One)$/.test(tokens[a0]!.text) ? { from: a0, to: a1 } : null;
}

function clauseSubject(text: string, tokens: Token[], k: number, first: number): NounPhrase | null {
  let start = first;
  while (start < k && LEADING.test(tokens[start]!.text)) start++;
  // "Upon cross-examination, Coleman then gave ...": skip an opening phrase up to its comma.
  const opener = (STOP_CAPS.has(tokens[start]?.text ?? "") && !/^(?:He|She|They|It|We|I|The|A|An|This)$/.test(tokens[start]!.text))
    || /^(?:after|before|later|earlier|ago)$/.test(tokens[start + 1]?.text ?? ""); // "Moments after the shooting, ..."
  if (start < k && opener) {
    // Up to three opening phrases: "While introducing iPhone 4, at the annual conference, Jobs started ...".
    for (let hops = 0; hops < 3; hops++) {
      let c = start + 1;
      while (c < k && !/,/.test(text.slice(tokens[c - 1]!.end, tokens[c]!.start))) c++;
      if (c >= k) return null;
      start = c;
      if (!/^(?:at|in|on|during|after|before|with|for|from|by|under|as|while|when)$/.test(tokens[start]!.text)) break;
    }
  }
  if (start >= k) return null;
  const np = subjectAfter(text, tokens, start - 1, Math.min(k - 1, start + 6), true);
  // The subject opens the clause; "Defensive end Kyle Vanden Bosch" starts after its position words.
  if (!np || np.from < start || np.from > start + 3) return null;
  const head = tokens[np.to]!;
  if (/^(?:it|they|there|this|that|we|i)$/i.test(head.text)) return /^(?:it|they|we)$/i.test(head.text) ? np : null;
  return np;
}
