import {
  PLACES, ROLE_NOUNS, resolveMention, resolveOrganization, sentenceIndexAt, type Entity, type EntityAnalysis, type Token,
} from "../entities/index.js";
import type { EntityRef, Span } from "../model/index.js";
import { reportedSubject } from "./subjects.js";
import { CUE_VERBS, FRAMING_VERBS, gapOk, QUANTIFIERS, SPEECH_NOUNS, subjectAfter, subjectBefore, type NounPhrase } from "./cues.js";

/** A quote's speaker: the model's EntityRef plus whether it is named, its entity id and the rule that found it. */
export interface QuoteSpeaker extends EntityRef {
  named: boolean;
  entity: string | null;
  rule: string;
}

/** What an attribution rule found: the cue, the speaker and the rule id. */
export interface Attribution {
  cue: { text: string; span: Span } | null;
  speaker: QuoteSpeaker | null;
  entity: Entity | null;
  rule: string;
  /** Where the reported content starts, for a partial quote inside reported speech. */
  reportStart: number | null;
}

/** Shared state of one document's attribution pass. */
export interface AttributionContext {
  text: string;
  analysis: EntityAnalysis;
  tokens: Token[];
  /** Spans of top-level quoted text (mentions inside them do not make a pronoun outside salient). */
  quoted: Span[];
  lastSpeaker: Entity | null;
  /** Who issued the last statement, report, ... ("said in a statement"). */
  owners: Map<string, { speaker: QuoteSpeaker; entity: Entity | null }>;
}

/** Index of the first token starting at or after `pos`. */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const PARTICIPLE = /ing$/;
const DESCRIPTION_START = /^(?:the|a|an|The|A|An|his|her|their|its)$/;
const PRONOUN_LIKE = /^(?:i|we|you|they|them|it|this|that|these|those|who|which|what|there|here|one|me|us|him|her)$/;
const ORG_HEADS = /^(?:police|cops|company|firm|giant|group|newspaper|paper|navy|army|agency|network|it|retailer|maker|manufacturer|carrier|airline|bank|department|club|school|church|studio|broadcaster)$/;

/** Resolves a noun phrase to a speaker; `inside` is the speaker of the quote the phrase sits in. */
export function speakerOf(
  ctx: AttributionContext, np: NounPhrase, inside: { speaker: QuoteSpeaker | null; entity: Entity | null } | null,
): { speaker: QuoteSpeaker; entity: Entity | null } | null {
  const { text, tokens, analysis } = ctx;
  const span = { start: tokens[np.from]!.start, end: tokens[np.to]!.end };
  const mention = { text: text.slice(span.start, span.end), span };
  const low = mention.text.toLowerCase();
  if (low === "i" || low === "we") {
    if (!inside?.speaker) return null;
    return { speaker: { ...inside.speaker, mention, rule: "quotes:first-person" }, entity: inside.entity };
  }
  const head = tokens[np.to]!.text.toLowerCase();
  if (np.from === np.to && QUANTIFIERS.test(tokens[np.from]!.text)) return { speaker: ref(low, mention, null, "person", false, null, "quotes:unresolved"), entity: null };
  const hasName = tokens.slice(np.from, np.to + 1).some((t) => /^\p{Lu}/u.test(t.text) && !/^(?:The|A|An)$/.test(t.text));
  if (SPEECH_NOUNS.has(head) && !/^spokes/.test(head)) {
    const r = hasName ? resolveMention(analysis, text, span) : null;
    if (r?.entity) return { speaker: ref(r.entity.name, mention, r.role, r.kind === "unknown" ? "organization" : r.kind, true, r.entity.id, "quotes:issuer"), entity: r.entity };
    const owner = ctx.owners.get(head);
    if (owner) return { speaker: { ...owner.speaker, mention, rule: "quotes:issuer" }, entity: owner.entity };
    // "The statement said": the organisation last named, else the document itself, unnamed.
    const org = resolveOrganization(analysis, "company", span.start, 4);
    if (org) return { speaker: ref(org.name, mention, null, "organization", true, org.id, "quotes:issuer"), entity: org };
    return { speaker: ref(mention.text.replace(/^(?:the|a|an)\s+/i, ""), mention, null, "organization", false, null, "quotes:unresolved"), entity: null };
  }
  // quotes:organization: "police said", "the company said", "it added" stand for the body the document names.
  if (ORG_HEADS.test(head) && np.to - np.from <= 4) {
    // Capitalised modifiers must be part of the body's name; place adjectives ("The French firm") need not be.
    const mods = tokens.slice(np.from, np.to).map((t) => t.text).filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w) && !PLACES[w.toLowerCase()]);
    const org = resolveOrganization(analysis, head, span.start, head === "it" ? 3 : 8);
    if (org && mods.every((w) => org.name.includes(w) || org.aliases.some((a) => a.includes(w)))) {
      return { speaker: ref(org.name, mention, null, "organization", true, org.id, "quotes:organization"), entity: org };
    }
    // "it said" after a quote of a body the lexicon does not know as one ("TallGrass, a wholesaler, ... said").
    const last = ctx.lastSpeaker;
    if (!org && /^(?:it|company|firm|group)$/.test(head) && last && last.kind !== "person" && last.gender === null && last.kind !== "place") {
      return { speaker: ref(last.name, mention, null, "organization", true, last.id, "quotes:organization"), entity: last };
    }
  }
  const isPronoun = /^(?:he|she)$/.test(low);
  const r = resolveMention(analysis, text, span, {
    exclude: isPronoun && inside?.entity ? [inside.entity] : [],
    ignore: isPronoun && !inside && ctx.quoted.length <= 300 ? ctx.quoted : [],
    prefer: ctx.lastSpeaker ? [ctx.lastSpeaker] : [],
  });
  if (r?.entity?.kind === "place" && /^\p{Ll}/u.test(tokens[np.to]!.text)) {
    // "US local media": a description around a place name, not the place.
    const name = mention.text.replace(/^(?:the|a|an) /i, "");
    return { speaker: ref(name, mention, name, "organization", false, null, "quotes:unnamed"), entity: null };
  }
  if (r) {
    const kind = r.kind === "unknown" || r.kind === "place" ? "person" : r.kind;
    return { speaker: ref(r.name, mention, r.role, kind, r.named, r.entity?.id ?? null, r.rule), entity: r.entity };
  }
  if (hasName && !isPronoun && !/^(?:they|it|we|you|i)$/.test(low)) return { speaker: ref(mention.text.replace(/^(?:The|the|A|a|An|an) /, ""), mention, null, "unknown", true, null, "quotes:name") , entity: null };
  // quotes:unresolved-pronoun: "he said" with no one to point to keeps its mention, unnamed.
  if (isPronoun || low === "they" || low === "it") return { speaker: ref(mention.text, mention, null, "person", false, null, "quotes:unresolved"), entity: null };
  // quotes:unresolved: a description no one in the document answers to ("the pair", "some of the protesters").
  if (/^[\p{Ll}\p{N}]/u.test(tokens[np.to]!.text) && !PRONOUN_LIKE.test(head)) {
    const name = mention.text.replace(/^(?:the|a|an|some of the|one of the)\s+/i, "");
    return { speaker: ref(name, mention, null, "person", false, null, "quotes:unresolved"), entity: null };
  }
  return null;
}

function ref(name: string, mention: { text: string; span: Span }, role: string | null, kind: EntityRef["kind"], named: boolean, entity: string | null, rule: string): QuoteSpeaker {
  return { name, mention, role, kind, named, entity, rule };
}

/** The subject of a cue, or for a participle ("..., telling Fox News") the subject of the clause's earlier cue. */
export function cueSubject(ctx: AttributionContext, cue: number, floor: number): NounPhrase | null {
  const np = subjectBefore(ctx.text, ctx.tokens, cue, floor);
  if (!PARTICIPLE.test(ctx.tokens[cue]!.text)) return np;
  // "with UBS analyst David Strauss saying", "releasing a statement saying": the participle has its own subject.
  const quotedAs = quotedAsSaying(ctx, cue, floor);
  if (quotedAs) return quotedAs;
  const withBefore = np && ctx.tokens.slice(Math.max(floor, np.from - 3), np.from).some((t) => t.text === "with");
  if (np && (withBefore || SPEECH_NOUNS.has(ctx.tokens[np.to]!.text.toLowerCase()))) return np;
  for (let k = cue - 1; k >= floor; k--) {
    const w = ctx.tokens[k]!.text;
    if (CUE_VERBS.has(w) && !PARTICIPLE.test(w)) {
      const e = subjectBefore(ctx.text, ctx.tokens, k, floor);
      if (e) return e;
    }
  }
  return np;
}

/**
 * "State television quoted the head of the zone, Ali Rezapour, as saying ...": the one quoted is the
 * speaker, a name in apposition to the description first (`quotes:quoted-as-saying`).
 */
function quotedAsSaying(ctx: AttributionContext, cue: number, floor: number): NounPhrase | null {
  const { text, tokens } = ctx;
  if (tokens[cue - 1]?.text !== "as") return null;
  let q = cue - 2;
  while (q >= floor && q > cue - 16 && !/^(?:quoted|cited|quotes|cites)$/.test(tokens[q]!.text)) q--;
  if (q < floor || q <= cue - 16) return null;
  // "Ali Naghavi was quoted by IRNA as saying", "he was quoted as saying": the subject of the passive.
  if ((tokens[q + 1]?.text === "by" || q === cue - 2) && /^(?:was|were|is|are|been|being)$/.test(tokens[q - 1]?.text ?? "")) return reportedSubject(ctx, q, floor);
  if (q === cue - 2) return null;
  const parts = text.slice(tokens[q + 1]!.start, tokens[cue - 2]!.end).split(",").map((p) => p.trim()).filter(Boolean);
  const last = parts[parts.length - 1] ?? "";
  if (parts.length >= 2 && /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}.]*){1,3}$/u.test(last)) {
    const at = tokenAt(tokens, text.lastIndexOf(last, tokens[cue - 2]!.end));
    return { from: at, to: tokenAt(tokens, text.lastIndexOf(last, tokens[cue - 2]!.end) + last.length) - 1 };
  }
  return subjectAfter(text, tokens, q, cue - 2, true) ?? (cue - 2 > q ? { from: q + 1, to: cue - 2 } : null);
}

const cueOf = (ctx: AttributionContext, i: number): { text: string; span: Span } => {
  const t = ctx.tokens[i]!;
  return { text: t.text, span: { start: t.start, end: t.end } };
};

/** Builds the attribution for cue token `cue` with subject `np` (null when the speaker does not resolve). */
export function finish(
  ctx: AttributionContext, cue: number, np: NounPhrase | null, inside: { speaker: QuoteSpeaker | null; entity: Entity | null } | null,
  rule: string, reportStart: number | null,
): Attribution | null {
  if (!np) return null;
  // "a statement reads", not "a letter to the girl's mother that reads": only a document reads out words.
  if (/^reads?$/.test(ctx.tokens[cue]!.text) && !SPEECH_NOUNS.has(ctx.tokens[np.to]!.text.toLowerCase())) return null;
  const s = speakerOf(ctx, np, inside);
  if (!s) return null;
  // "said in a statement": the statement now stands for its speaker.
  const sentence = ctx.analysis.sentences[sentenceIndexAt(ctx.analysis.sentences, ctx.tokens[cue]!.start)];
  if (sentence) {
    const sText = ctx.text.slice(sentence.start, Math.min(sentence.end, sentence.start + 400)).toLowerCase();
    for (const n of SPEECH_NOUNS) if (sText.includes(`a ${n}`)) ctx.owners.set(n, s);
  }
  return { cue: cueOf(ctx, cue), speaker: s.speaker, entity: s.entity, rule, reportStart };
}

/**
 * Whether a line that follows a quote is its attribution: it opens with a speech verb in lower case
 * ("said Stephen Harper, Prime Minister") or is a short "Name said." line ("Mr MacFarlane said."), an apposition allowed.
 */
export function isCueLine(line: string): boolean {
  return /^(?:said|says|added|adds|told|tells|wrote|writes|explained|stated|declared)\b/.test(line)
    || /^(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:said|says|added|adds|told|wrote|explained)\s*[.,\n]/u.test(line)
    // "Williams, a critic of NYPD policy, said before Kelly appeared.": a name, an apposition, a cue with no content.
    || /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*,[^,\n]{1,80},\s+(?:said|says|added|adds|explained)(?:\s*[.\n]|\s+(?:before|after|while|as|when|during|later|earlier|on|in|at)\s)/u.test(line);
}

/**
 * Whether a quote closing at `close` at a line's end leaves its sentence open for the next line, which
 * starts at `next` (texts with one sentence a line): its words end with a comma ("... on this route,”\nReliance
 * said"), or with ? or ! and the next line goes on in lower case ("... toilet!”\nhis mother told ...").
 */
export function continuesOnNextLine(text: string, close: number, next: number): boolean {
  const end = text.slice(Math.max(0, close - 3), close);
  return /,\s*$/.test(end) || (/[?!]\s*$/.test(end) && /^\p{Ll}/u.test(text.slice(next, next + 1)));
}

/**
 * Whether the text before a quote's opening mark introduces it: it ends with
 * , : ? or a dash, or with a speech verb right before a quote that opens with
 * a capital ("said “We should ..."). `lead` is that text, trimmed at its end.
 */
export function leadsIn(text: string, lead: string, open: number): boolean {
  if (/[,:?—]$/.test(lead) || /[,.!?][”"’]$/.test(lead)) return true;
  const verb = /(\p{Ll}+)$/u.exec(lead)?.[1];
  return !!verb && BARE_LEAD.test(verb) && /^\s*\p{Lu}/u.test(text.slice(open + 1, open + 4));
}

/** Verbs that introduce a quote with no punctuation between ("said “We ..."); "chanted “NYPD ...”" reports a slogan instead. */
const BARE_LEAD = /^(?:say|says|said|saying|tell|tells|told|add|adds|added|ask|asks|asked|write|writes|wrote|replied|answered)$/;

const FINITE = /^(?:\p{Ll}+(?:ed|s)|had|was|is|gave|made|took|wrote|spoke|left|put|sent|offered|went|came)$/u;

const SUBJECT_START = /^(?:the|a|an|one|another|some|two|three|several|his|her|their|its|The|A|An|One|Another|Some)$/;
const INNER = /^(?:of|with|at|from|in|for|on|close|familiar|to)$/;

/**
 * `quotes:described-subject`: the words between a closing mark and its cue when they open with a
 * determiner and hold no verb or punctuation ("one juror", "a Mobinil customer service representative",
 * "a source with knowledge of the talks").
 */
function describedSubject(text: string, tokens: Token[], after: number, k: number): { from: number; to: number } | null {
  if (k - after < 2 || k - after > 10 || !SUBJECT_START.test(tokens[after]!.text)) return null;
  for (let i = after + 1; i < k; i++) {
    const w = tokens[i]!.text;
    if (!gapOk(text, tokens[i - 1]!, tokens[i]!)) return null;
    if (INNER.test(w) || /^\p{Lu}/u.test(w) || tokens[i]!.possessive) continue;
    // An -ing or -ed word is a noun only after a determiner or an owner ("the 76ers' thinking").
    const nounForm = !/(?:ed|ing)$/.test(w) || tokens[i - 1]!.possessive || /^(?:the|a|an|his|her|their|its)$/.test(tokens[i - 1]!.text);
    if (/^[\p{Ll}\p{N}][\p{Ll}\p{N}-]*$/u.test(w) && nounForm && !/^(?:who|which|that|and|or|but|has|have|had|was|were|is|are|will|would|says|tells|adds)$/.test(w)) continue;
    return null;
  }
  return INNER.test(tokens[k - 1]!.text) ? null : { from: after, to: k - 1 };
}

/** Whether tokens [from, to) are a title before a name: capitalised words, role nouns and connectors, no punctuation. */
function longTitle(text: string, tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const w = tokens[i]!.text;
    if (i > from && !gapOk(text, tokens[i - 1]!, tokens[i]!)) return false;
    if (!(/^\p{Lu}/u.test(w) || /^(?:of|and|for|on|de)$/.test(w) || ROLE_NOUNS.has(w.toLowerCase()) || /^(?:deputy|assistant|acting|senior|chief|former|interim)$/.test(w))) return false;
  }
  return gapOk(text, tokens[to - 1]!, tokens[to]!) && (/^\p{Lu}/u.test(tokens[to]!.text) || ROLE_NOUNS.has(tokens[to]!.text));
}

/**
 * `quotes:colon-subject`: a quote introduced by a colon after a sentence with no
 * speech verb ("The judge offered advice for the guards: “Do not trust ...”"):
 * the sentence's subject, when it opens the sentence, a finite verb follows it,
 * and it resolves to a named speaker or is a role or a group.
 */
function colonSubject(
  ctx: AttributionContext, floorIdx: number, openIdx: number, inside: { speaker: QuoteSpeaker | null; entity: Entity | null } | null,
): Attribution | null {
  const { text, tokens } = ctx;
  if (floorIdx >= openIdx) return null;
  const named = nameBeforeColon(ctx, floorIdx, openIdx, inside);
  if (named) return named;
  const np = subjectAfter(text, tokens, floorIdx - 1, Math.min(openIdx - 1, floorIdx + 6), true);
  if (!np || np.from !== floorIdx || !tokens[np.to + 1]) return null;
  // "Andrew Wetzler, director of the council's program, was blunt:": past an apposition to the verb.
  let v = np.to + 1;
  if (/^\s*,\s*$/.test(text.slice(tokens[np.to]!.end, tokens[v]!.start)) && /^\p{Lu}/u.test(tokens[np.to]!.text)) {
    while (v < openIdx && v - np.to <= 12 && !/,/.test(text.slice(tokens[v]!.end, tokens[v + 1]?.start ?? tokens[v]!.end))) v++;
    v++;
  }
  if (!tokens[v] || v >= openIdx || !FINITE.test(tokens[v]!.text)) return null;
  const s = speakerOf(ctx, np, inside);
  if (!s || s.speaker.rule === "quotes:unresolved" && !ROLE_NOUNS.has(tokens[np.to]!.text.toLowerCase())) return null;
  return { cue: null, speaker: { ...s.speaker, rule: "quotes:colon-subject" }, entity: s.entity, rule: "quotes:colon-subject", reportStart: null };
}

/**
 * `quotes:name-colon`: "Secretary of the Air Force James Roche: “No, Sir ...”", a named person or body
 * right before the colon that opens the quote.
 */
function nameBeforeColon(
  ctx: AttributionContext, floorIdx: number, openIdx: number, inside: { speaker: QuoteSpeaker | null; entity: Entity | null } | null,
): Attribution | null {
  const { text, tokens } = ctx;
  const e = openIdx - 1;
  if (e < floorIdx || !/^\s*:\s*$/.test(text.slice(tokens[e]!.end, tokens[openIdx]?.start ?? text.length).replace(/[“"‘']/g, ""))) return null;
  let b = e;
  while (b - 1 >= floorIdx && /^\p{Lu}/u.test(tokens[b - 1]!.text) && /^[ .]{1,2}$/.test(text.slice(tokens[b - 1]!.end, tokens[b]!.start))) b--;
  if (!/^\p{Lu}/u.test(tokens[e]!.text)) return null;
  // Only a header of titles and names ("Secretary of the Air Force James Roche:"), not a clause ending in a name;
  // the header starts after an earlier colon ("... in the Congressional Record: Special Asst. to ...").
  let h = b;
  while (h > floorIdx && !/:/.test(text.slice(tokens[h - 1]!.end, tokens[h]!.start))) h--;
  for (let i = h; i < b; i++) if (!/^(?:\p{Lu}.*|of|the|for|and|to|[-–—:])$/u.test(tokens[i]!.text)) return null;
  const s = speakerOf(ctx, { from: b, to: e }, inside);
  if (!s?.speaker.named || s.speaker.kind === "unknown" && e === b) return null;
  return { cue: null, speaker: { ...s.speaker, rule: "quotes:name-colon" }, entity: s.entity, rule: "quotes:name-colon", reportStart: null };
}

/**
 * Attribution rules for a quote whose marks sit at [open, close], in order:
 * `quotes:cue-before` (X said: “...”), `quotes:cue-after` (“...,” X said /
 * said X), `quotes:cue-in-sentence` (a partial quote after "X said that ...").
 * `floor` bounds the look-back (sentence or enclosing quote start).
 */
export function attribute(
  ctx: AttributionContext, open: number, close: number | null, floor: number, ceil: number,
  inside: { speaker: QuoteSpeaker | null; entity: Entity | null } | null,
): Attribution | null {
  const { text, tokens } = ctx;
  const floorIdx = tokenAt(tokens, floor);
  const openIdx = tokenAt(tokens, open);
  // Rule 1: a cue attached to the quote by , : or ?, or right before it ("said “We should ...").
  const lead = text.slice(Math.max(floor, open - 160), open).trimEnd();
  if (leadsIn(text, lead, open)) {
    for (let k = openIdx - 1; k >= floorIdx && openIdx - k <= 11; k--) {
      if (!CUE_VERBS.has(tokens[k]!.text)) continue;
      if (/[.!]\s/.test(text.slice(tokens[k]!.end, open))) break;
      const a = finish(ctx, k, reportedSubject(ctx, k, floorIdx, true), inside, "quotes:cue-before", null);
      if (a) return a;
      // "“A,” says ADA Fairman, “B”", "..., said Yeager: “...”": the subject follows the cue and ends at the lead-in.
      const after = subjectAfter(text, tokens, k, openIdx - 1);
      const interrupted = after && after.to === openIdx - 1 ? finish(ctx, k, after, inside, "quotes:cue-before", null) : null;
      if (interrupted) return interrupted;
      // The quote hangs on this cue ("heard someone say, ..."): no earlier cue may claim it.
      return { cue: cueOf(ctx, k), speaker: null, entity: null, rule: "quotes:cue-before", reportStart: null };
    }
    if (lead.endsWith(":")) {
      const a = colonSubject(ctx, floorIdx, openIdx, inside);
      if (a) return a;
    }
  }
  // Rule 2: attribution right after the closing mark.
  if (close !== null) {
    const after = tokenAt(tokens, close + 1);
    const first = tokens[after];
    // A line break may sit between the quote and its cue only when the next line opens with the cue ("”\nsaid Stephen Harper").
    const gap = first ? text.slice(close + 1, first.start) : "";
    if (first && first.start < ceil && /^[\s,]{0,3}$/.test(gap) && (!/\n/.test(gap) || isCueLine(text.slice(first.start, first.start + 80)) || continuesOnNextLine(text, close, first.start))) {
      // An appositive after a name: "Dana Tamir, director at security company Trusteer, told the BBC".
      const lead = subjectAfter(text, tokens, after - 1, Math.min(tokens.length - 1, after + 8), true);
      const appositive = lead && /^\s*,/.test(text.slice(tokens[lead.to]!.end)) && /^\p{Lu}/u.test(tokens[lead.to]!.text) ? lead : null;
      // The apposition may be long ("Maral, a resident of Ashgabat who declined to give her surname ..., told").
      let apEnd = appositive ? appositive.to + 2 : after;
      while (appositive && apEnd < tokens.length && apEnd - after < 30 && !/[,.;]/.test(text.slice(tokens[apEnd - 1]!.end, tokens[apEnd]!.start))) apEnd++;
      const reach = appositive ? Math.max(14, apEnd - after + 2) : 12;
      for (let k = after; k < tokens.length && k - after < reach && tokens[k]!.start < ceil; k++) {
        if (k > after && /[.!?;]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
        if (!CUE_VERBS.has(tokens[k]!.text)) continue;
        // "LaRue, recalling Magruder's words, told ...": a participle phrase set off by commas is not the attribution.
        if (k > after && PARTICIPLE.test(tokens[k]!.text) && /,\s*$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) continue;
        const ceilIdx = tokenAt(tokens, ceil) - 1;
        let np = k === after ? subjectAfter(text, tokens, k, Math.min(ceilIdx, k + 8))
          : tokens[k - 1]!.text === "as" ? quotedAsSaying(ctx, k, after) : subjectBefore(text, tokens, k, after);
        // "“...?” Alan Mulally remembered asking": the subject of the verb the participle hangs on.
        if (!np && k - 1 > after && PARTICIPLE.test(tokens[k]!.text) && /^\p{Ll}+(?:ed|s)$/u.test(tokens[k - 1]!.text) && gapOk(text, tokens[k - 1]!, tokens[k]!)) {
          np = subjectBefore(text, tokens, k - 1, after);
        }
        const quotedAs = k > after && tokens[k - 1]!.text === "as" && np !== null;
        if (appositive && k > appositive.to + 1 && (!np || np.from > appositive.to)) np = appositive;
        // "“...,” the head of the provincial service, Massoud Dalman, told": the name in apposition.
        // "“...,” Kafoury's son, Charlie, said": an owner's role, then the name.
        const named = !np && k > after + 2 && (DESCRIPTION_START.test(tokens[after]!.text) || tokens[after]!.possessive) ? reportedSubject(ctx, k, after) : null;
        if (named) np = named;
        // "“...,” one juror said", "a source with knowledge of the talks said": the whole described subject.
        const described = (!np || np.from > after + 3) && k > after ? describedSubject(text, tokens, after, k) : null;
        if (described) np = described;
        // "“...,” California Department of Alcohol deputy director Millicent Jones said": a long title before the name.
        if (np && np.from > after && np.from - after <= 10 && longTitle(text, tokens, after, np.from)) np = { from: after, to: np.to };
        // "the 33-year-old actress's rep Jack Ketsoyan told": a few modifiers may precede the subject.
        if (np && k > after && np.from > after && np.from - after <= 3 && !/[,;:]/.test(text.slice(tokens[after]!.start, tokens[np.from]!.start))) np = { from: np.from, to: np.to };
        else if (np && k > after && np.from !== after && np !== appositive && np !== named && np !== described && !quotedAs) np = null;
        if (np) {
          const a = finish(ctx, k, np, inside, "quotes:cue-after", null);
          if (a) return a;
        }
        break;
      }
    }
  }
  // Rule 3: a cue earlier in the sentence (reported speech with a quoted part).
  for (let k = openIdx - 1; k >= floorIdx; k--) {
    const w = tokens[k]!.text;
    if (/^[Aa]ccording$/.test(w) && tokens[k + 1]?.text === "to") {
      let e = k + 2;
      while (e < openIdx && !/,/.test(text.slice(tokens[e]!.end, tokens[e]!.end + 1))) e++;
      const np = { from: k + 2, to: Math.min(e, openIdx - 1) };
      if (np.from <= np.to) {
        const a = finish(ctx, k, np, inside, "quotes:according-to", null);
        if (a) return a;
      }
      continue;
    }
    // A framed phrase of a word or two ("and, “exciting”") is a label, not speech.
    const framing = FRAMING_VERBS.has(w) && !/[.;!?]/.test(text.slice(tokens[k]!.end, open))
      && (text.slice(open + 1, close ?? open + 40).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 3;
    if (!CUE_VERBS.has(w) && !framing) continue;
    // "was praised by Jobs as “...”": the agent after "by" frames the quote.
    // "David Jones, the chief strategist at IG Index, said that “...”": the appositive rules too.
    const np = framing && tokens[k + 1]?.text === "by" ? subjectAfter(text, tokens, k + 1, openIdx - 1, true) : reportedSubject(ctx, k, floorIdx);
    let start = tokens[k]!.end;
    for (let j = k + 1; j < openIdx && j <= k + 10; j++) if (tokens[j]!.text === "that") { start = tokens[j]!.end; break; }
    const a = finish(ctx, k, np, inside, "quotes:cue-in-sentence", start);
    if (a) return a;
  }
  return null;
}
