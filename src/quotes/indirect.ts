import { reportedSubject } from "./subjects.js";
import { speakerOf, tokenAt, finish, type Attribution, type AttributionContext } from "./attribute.js";
import { BARE_CUES, INDIRECT_CUES, LISTENER_CUES, hasVerb, looksLikeClause, skipToContent } from "./clause.js";
import { GROUP_NOUNS, subjectAfter, subjectBefore, type NounPhrase } from "./cues.js";
import type { MarkedQuote } from "./marks.js";
import type { Span } from "../model/index.js";
import { PLACES, ROLE_NOUNS, sentenceIndexAt as regionIndexAt, type Entity, type Token } from "../entities/index.js";

/** Reported speech found in a sentence: the content span and its attribution. */
export interface IndirectQuote {
  span: Span;
  att: Attribution;
}

/** Where an attribution sits relative to its content. */
type Place = "end" | "interrupting";

/**
 * Reported speech, by rules tried on every cue verb outside quotation marks:
 * `quotes:reported-speech` ("X said (that) CLAUSE", "X told Y (that) CLAUSE"),
 * `quotes:attribution-after` ("CLAUSE, X said." and "CLAUSE, said X, ..."),
 * `quotes:attribution-inside` ("A, X said, B": the whole sentence), and
 * `quotes:according-to` ("according to X, CLAUSE" and "CLAUSE, according to X").
 * Content stops at the sentence's end, a semicolon or dash, or a later
 * ", Y said" that reports the whole. Cues that introduce a direct quote are skipped.
 */
export function findIndirect(
  ctx: AttributionContext, regions: Span[], marks: MarkedQuote[], usedCues: Set<number>,
  spoke: readonly { at: number; entity: Entity }[] = [],
): IndirectQuote[] {
  const { text, tokens, analysis } = ctx;
  const out: IndirectQuote[] = [];
  // The last speaker before each cue (direct quotes and reported speech so far) is the one a "he" prefers.
  let si = 0;
  let last: { at: number; entity: Entity } | null = null;
  const lastBefore = (pos: number): Entity | null => {
    while (si < spoke.length && spoke[si]!.at < pos) {
      if (!last || spoke[si]!.at > last.at) last = spoke[si]!;
      si++;
    }
    const o = out[out.length - 1];
    if (o?.att.entity && o.span.start < pos && (!last || o.span.start > last.at)) return o.att.entity;
    return last?.entity ?? null;
  };
  const quoted = marks.filter((m) => !m.parent).map((m) => ({ start: m.open, end: m.close ?? m.content.end })).sort((a, b) => a.start - b.start);
  const inQuote = (pos: number): boolean => {
    let lo = 0;
    let hi = quoted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = quoted[mid]!;
      if (pos < q.start) hi = mid - 1;
      else if (pos >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const inRegion = (s: Span): boolean => {
    const r = regions[regionIndexAt(regions, s.start)];
    return !!r && r.start <= s.start && s.end <= r.end;
  };
  for (const sent of analysis.sentences) {
    if (sent.end - sent.start > 3000 || !inRegion(sent)) continue;
    const first = tokenAt(tokens, sent.start);
    const last = tokenAt(tokens, sent.end); // exclusive
    let end = sent.end;
    while (end > sent.start && /[\s.!?”"’']/.test(text[end - 1]!)) end--;
    let start = sent.start;
    while (start < end && /[\s“"‘']/.test(text[start]!)) start++;
    headline(ctx, sent, first, last, start, out, quoted);
    for (let k = first; k < last; k++) {
      const t = tokens[k]!;
      if (inQuote(t.start)) continue;
      if (t.text.toLowerCase() === "according" && tokens[k + 1]?.text === "to") {
        accordingTo(ctx, k, first, last, start, end, out, quoted);
        continue;
      }
      if (DESCRIBED.has(t.text) && !usedCues.has(t.start) && k + 1 < last) {
        // quotes:described-as: "X described the building as a "total loss"" reports X's words about it.
        const np = reportedSubject(ctx, k, first);
        const stop = contentEnd(ctx, k + 1, last, end);
        if (np && / as /.test(text.slice(tokens[k + 1]!.start, stop)) && !/^[\s,:]/.test(text.slice(t.end, t.end + 1).replace(" ", ""))) {
          ctx.lastSpeaker = lastBefore(t.start);
          push(out, text, { start: tokens[k + 1]!.start, end: stop }, attributionOf(ctx, k, np, "quotes:described-as"), quoted);
        }
        continue;
      }
      if (!INDIRECT_CUES.has(t.text) || usedCues.has(t.start)) continue;
      ctx.lastSpeaker = lastBefore(t.start);
      const after = attributionAfter(ctx, k, first, last, end);
      if (after) {
        const commaAt = text.lastIndexOf(",", tokens[Math.min(after.lead, k)]!.start);
        if (commaAt <= start) continue;
        // Content after the last "; " or " — " before the attribution: "...; a date had yet to be set, he said."
        const dashes = text.slice(start, commaAt).split(" — ").length - 1;
        const cut = Math.max(text.lastIndexOf("; ", commaAt), dashes === 1 ? text.lastIndexOf(" — ", commaAt) : -1);
        const from = cut >= start && after.place === "end" ? cut + 2 : start;
        const span = after.place === "end" ? { start: from, end: commaAt } : { start, end };
        const att = attributionOf(ctx, k, after.np, after.place === "end" ? "quotes:attribution-after" : "quotes:attribution-inside");
        push(out, text, span, att, quoted);
        continue;
      }
      const gap = tokens[k + 1] ? text.slice(t.end, tokens[k + 1]!.start) : "";
      if (/[“"‘:]/.test(gap) || k + 1 >= last) continue;
      if (k > first && /^(?:was|were|is|are|be|been|being)$/i.test(tokens[k - 1]!.text)) continue; // passive: "was estimated at"
      if (k > first && /^(?:not|never)$|n[’']t$/i.test(tokens[k - 1]!.text)) continue; // "did not deny", "wouldn't say"
      const np = reportedSubject(ctx, k, first);
      if (!np) continue;
      // A base form ("police say", "they allege") needs a plural or pronoun subject: "the autopsy report" is a noun.
      if (BASE_FORM.test(t.text) && !/^(?:they|we|i|you|police|authorities|officials|others|some|many)$/i.test(tokens[np.to]!.text)
        && !/[^s]s$/.test(tokens[np.to]!.text) && !/^\p{Lu}/u.test(tokens[np.to]!.text)) continue;
      const c = skipToContent(text, tokens, k, last);
      if (c.at >= last) continue;
      // A base form taking a bare noun and its preposition is no speech: "have the Department of Defense
      // claim jurisdiction over a strip of land", "deny responsibility for".
      if (!c.that && BASE_FORM.test(t.text) && /^\p{Ll}+$/u.test(tokens[c.at]!.text) && !/^(?:he|she|they|we|i|it|you|there|the|a|an|this|that|these|those|his|her|their|its|our)$/.test(tokens[c.at]!.text)
        && /^(?:over|for|of|on|in|to|from|against|at|with)$/.test(tokens[c.at + 1]?.text ?? "")) continue;
      // From just after "that" (an opening quotation mark right after it belongs to the content).
      let from = c.that ? tokens[c.at - 1]!.end : tokens[c.at]!.start;
      if (!c.that) {
        const w = tokens[c.at]!.text.toLowerCase();
        const infinitive = w === "to" && LISTENER_CUES.has(t.text) && c.at > k + 1;
        if (!infinitive && (!BARE_CUES.has(t.text) || !looksLikeClause(tokens, c.at, last))) continue;
        if (/[“"‘]/.test(text.slice(t.end, from))) continue;
        from = tokens[c.at]!.start;
      }
      const stop = contentEnd(ctx, c.at, last, end);
      const att = attributionOf(ctx, k, np, "quotes:reported-speech");
      push(out, text, { start: from, end: stop }, att, quoted);
    }
  }
  return out;
}

/** Attribution for cue `k` with subject `np`: resolved, or else the noun phrase itself as an unresolved speaker. */
function attributionOf(ctx: AttributionContext, k: number, np: NounPhrase, rule: string): Attribution {
  const a = finish(ctx, k, np, null, rule, null);
  if (a) return a;
  const { text, tokens } = ctx;
  const span = { start: tokens[np.from]!.start, end: tokens[np.to]!.end };
  const mention = { text: text.slice(span.start, span.end), span };
  const t = tokens[k]!;
  const name = mention.text.replace(/^(?:the|a|an|some|many|other)\s+/i, "");
  return {
    cue: { text: t.text, span: { start: t.start, end: t.end } },
    speaker: { name, mention, role: null, kind: "person", named: false, entity: null, rule: "quotes:unresolved" },
    entity: null, rule, reportStart: null,
  };
}

/**
 * "..., X said (Saturday)." / "..., said X, owner of ..." / "A, X said, B": the
 * cue and its subject follow a comma, the words before the comma form a clause,
 * and no clause follows the cue. Returns the subject and whether the
 * attribution ends the sentence or interrupts it.
 */
function attributionAfter(ctx: AttributionContext, k: number, first: number, last: number, end: number): { np: NounPhrase; place: Place; lead: number } | null {
  const { text, tokens } = ctx;
  if (k === first) return null;
  const commaBefore = (i: number): boolean => i > first && /^\s*[)\]]?\s*(?:,\s*[”"’']?|[”"’']\s*,)\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  // "..., told InternetNews.com": after "told" comes the listener, never the speaker.
  let inverted = commaBefore(k) && !/ing$/.test(tokens[k]!.text) && !LISTENER_CUES.has(tokens[k]!.text);
  let np = inverted ? subjectAfter(text, tokens, k, Math.min(last - 1, k + 8)) : subjectBefore(text, tokens, k, first);
  // "..., his agent Marc Cornstein, told ESPN.com.": the subject set off by commas before the cue.
  let apposed: { np: NounPhrase; lead: number } | null = null;
  if (!np && commaBefore(k)) {
    apposed = appositionBefore(text, tokens, k, first);
    if (apposed) {
      np = apposed.np;
      inverted = false;
    }
  }
  if (!np) return null;
  let lead = inverted ? k : apposed?.lead ?? np.from;
  // "..., local police inspector Dave Gaskin said", "..., cops and family said": modifiers and "and" before the subject.
  for (let n = 0; !inverted && n < 4 && !commaBefore(lead) && lead - 1 > first; n++) {
    const w = tokens[lead - 1]!.text;
    if (!/^[ \u00a0]+$/.test(text.slice(tokens[lead - 1]!.end, tokens[lead]!.start)) || !/^(?:\p{Ll}+|and)$/u.test(w) || NOT_MODIFIER.test(w)) break;
    lead--;
  }
  if (!inverted && !commaBefore(lead)) return null;
  if (inverted && (/^(?:he|she|they|it|we|i|that|this)$/i.test(tokens[np.from]!.text) || TIME.test(tokens[np.from]!.text))) return null;
  if (inverted && !invertedSubject(text, tokens, k, np)) return null;
  // "..., it was reported Wednesday": a passive names no source.
  if (!inverted && /^(?:was|were|is|are|been|being)$/.test(tokens[k - 1]!.text)) return null;
  const clauseBefore = hasVerb(tokens, first, lead);
  // What follows the attribution: adjuncts only ("Saturday", "by telephone", "in a statement").
  const c = skipToContent(text, tokens, inverted ? np.to : k, last);
  if (c.that) return null;
  const restFrom = inverted ? np.to + 1 : k + 1;
  const commaAfterCue = k + 1 < last && /,/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start));
  if (!inverted && !commaAfterCue && c.at < last && BARE_CUES.has(tokens[k]!.text) && looksLikeClause(tokens, c.at, last)) return null;
  const restStart = tokens[restFrom - 1]!.end;
  const rest = text.slice(restStart, end);
  const comma = rest.indexOf(",");
  const before = comma < 0 ? rest : rest.slice(0, comma);
  // Adjuncts only: a few words, no verb ("confirmed to People and Us Weekly on Friday").
  const restWords = (before.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  if (!inverted && (restWords > 9 || (restWords > 0 && hasVerb(tokens, restFrom, tokenAt(tokens, restStart + before.length))))) return null;
  if (comma < 0 || inverted) return clauseBefore ? { np, place: "end", lead } : null;
  let tail = restFrom;
  while (tail < last && tokens[tail]!.start < restStart + comma) tail++;
  const next = tokens[tail];
  if (!next) return clauseBefore ? { np, place: "end", lead } : null;
  // ", describing the suspect as ...", ", who ...": still the end, unless the content broke off ("... after, police say, pointing").
  const brokeOff = /\b(?:after|before|and|but|or|that|because|while|when|of|to|the|a)\s*,?\s*$/i.test(text.slice(tokens[first]!.start, tokens[lead - 1]!.end + 1));
  if (!brokeOff && /^(?:\p{Ll}+ing|who|which|according|adding|referring)$/u.test(next.text)) return clauseBefore ? { np, place: "end", lead } : null;
  // "Two years before, he said, an officer stopped him": a clause on either side.
  return clauseBefore || looksLikeClause(tokens, tail, last) || hasVerb(tokens, tail, last) ? { np, place: "interrupting", lead } : null;
}

/**
 * Whether "..., said X" really puts the subject after its cue: not "..., said that ..." (the content follows),
 * not an adjective ("..., alleged boss of ...": X opens with a name, a determiner or a group noun), and not the
 * subject of a clause of its own ("..., insisted Gigante suffered from ...").
 */
function invertedSubject(text: string, tokens: Token[], k: number, np: NounPhrase): boolean {
  if (tokens[k + 1]?.text === "that") return false;
  const head = tokens[np.from]!.text;
  // A bare role after a plain speech verb is a headline's subject ("..., says witness"); "alleged boss" is no subject.
  const bareRole = ROLE_NOUNS.has(head) && /^(?:said|says|added|adds|told|tells|wrote|writes)$/.test(tokens[k]!.text);
  if (!/^\p{Lu}/u.test(head) && !/^(?:the|a|an|his|her|their|its|our|one|another|two|three|several|some|many)$/.test(head) && !GROUP_NOUNS.has(head) && !bareRole) return false;
  const next = tokens[np.to + 1];
  return !(next && /^ $/.test(text.slice(tokens[np.to]!.end, next.start)) && (FINITE_AFTER.test(next.text) || /^\p{Ll}{3,}ed$/u.test(next.text)));
}

/**
 * The speaker of "CLAUSE, Dave Marcus, research director at McAfee Labs, told InternetNews.com": going back
 * from the comma before the cue over verbless comma-separated parts, the first that is a name (or role words
 * then a name of two words or more: "his agent Marc Cornstein").
 */
function appositionBefore(text: string, tokens: Token[], k: number, first: number): { np: NounPhrase; lead: number } | null {
  const cap = (t: Token): boolean => /^\p{Lu}/u.test(t.text) && !t.possessive;
  let i = k - 1;
  for (let hops = 0; hops < 3 && i > first; hops++) {
    let a = i;
    while (a > first && !/,/.test(text.slice(tokens[a - 1]!.end, tokens[a]!.start))) a--;
    // A relative clause on the name ("Smith, who runs the plant, said") is passed over.
    if (a > first && /^(?:who|which)$/.test(tokens[a]!.text) && i - a <= 14) {
      i = a - 1;
      continue;
    }
    if (a <= first || i - a > 9 || hasVerb(tokens, a, i + 1) || /^(?:and|but|or|which|who|that|while|as|because|if|when|so)$/i.test(tokens[a]!.text)) return null;
    // "police in Palermo, Sicily, said": a place (or the region after "in City") is passed over; a group
    // noun opening its part speaks.
    const placeTail = a - 2 >= first && /^(?:in|at|from|of|near)$/.test(tokens[a - 2]!.text) && cap(tokens[a - 1]!) && i - a <= 1;
    if ((a === i && PLACES[tokens[a]!.text.toLowerCase()]) || placeTail) {
      i = a - 1;
      continue;
    }
    if (GROUP_NOUNS.has(tokens[a]!.text)) return { np: { from: a, to: a }, lead: a };
    let n = i;
    while (n - 1 >= a && cap(tokens[n - 1]!) && /^ $/.test(text.slice(tokens[n - 1]!.end, tokens[n]!.start))) n--;
    let np: NounPhrase | null = null;
    if (cap(tokens[i]!) && i - n <= 3) {
      if (n === a) np = { from: a, to: i };
      else if (i > n && ROLE_NOUNS.has(tokens[n - 1]!.text)) np = { from: n, to: i };
    }
    if (!np) {
      i = a - 1;
      continue;
    }
    // "..., his son, Ike LaRue III, said": a short description before the name belongs to the attribution.
    let lead = a;
    let b = a - 1;
    while (b > first && !/,/.test(text.slice(tokens[b - 1]!.end, tokens[b]!.start))) b--;
    if (b > first && a - 1 - b <= 3 && /^(?:his|her|their|its|the|a|an)$/.test(tokens[b]!.text) && tokens.slice(b + 1, a).every((t) => /^\p{Ll}+$/u.test(t.text))
      && !hasVerb(tokens, b, a)) lead = b;
    return { np, lead };
  }
  return null;
}

const FINITE_AFTER = /^(?:is|was|were|are|has|had|have|would|will|could|should|did|does|can|may|might|must)$/;

const DESCRIBED = new Set(["described", "describes", "describing"]);
const BASE_FORM = /^(?:say|tell|allege|claim|insist|argue|warn|report|note|confirm|admit|deny|suggest|contend|maintain)$/;
const NOT_MODIFIER = /^(?:that|which|who|whom|when|where|while|as|but|or|so|thus|yet|if|because|then|also|to|of|in|on|at|by|for|with|from|is|are|was|were|has|have|had|be|been|said|says|told|not)$/;
const TIME = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)$/;

/** The end of content that starts at token `from`: the sentence end, or before "; ", " — ", or a later ", Y said". */
function contentEnd(ctx: AttributionContext, from: number, last: number, end: number): number {
  const { text, tokens } = ctx;
  for (let k = from + 1; k < last; k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
    if (/;|\s[—–]\s|\s-\s-\s/.test(gap)) return tokens[k - 1]!.end;
    if (!INDIRECT_CUES.has(tokens[k]!.text)) continue;
    const np = subjectBefore(text, tokens, k, from + 1);
    if (np && np.from > from && /,\s*$/.test(text.slice(tokens[np.from - 1]!.end, tokens[np.from]!.start))) {
      const after = text.slice(tokens[k]!.end, end);
      if (!after.includes(",") && after.length <= 60 && !/^\s*[:“"‘]/.test(after)) return tokens[np.from - 1]!.end;
    }
  }
  return end;
}

function accordingTo(ctx: AttributionContext, k: number, first: number, last: number, start: number, end: number, out: IndirectQuote[], quoted: Span[]): void {
  const { text, tokens } = ctx;
  let e = k + 2;
  while (e < last && e - k < 9 && tokens[e]!.end < end && !/^\s*(?:[,;—–(]|-\s)/.test(text.slice(tokens[e]!.end, tokens[e]!.end + 3))) e++;
  if (e >= last) e = last - 1;
  if (e < k + 2) return;
  let np: NounPhrase = { from: k + 2, to: e };
  // "according to the Central Mat-Su fire chief, James Steele": the name; "Charanjit, who ...": the name only.
  const named = subjectAfter(text, tokens, k + 1, Math.min(last - 1, k + 12));
  if (named && named.to > e && /^\p{Lu}/u.test(tokens[named.from]!.text) && ROLE_NOUNS.has(tokens[named.from - 1]!.text.toLowerCase())) np = named;
  for (let i = np.from + 1; i <= np.to; i++) if (/^(?:who|which|that)$/.test(tokens[i]!.text)) np = { from: np.from, to: i - 1 };
  let span: Span | null = null;
  if (k === first && text[tokens[e]!.end] === ",") span = { start: tokens[e]!.end + 1, end };
  else if (/,\s*$/.test(text.slice(start, tokens[k]!.start))) span = { start, end: text.lastIndexOf(",", tokens[k]!.start) };
  else if (/\s[—–-]\s*(?:-\s*)?$/.test(text.slice(start, tokens[k]!.start))) span = { start, end: tokens[k - 1]!.end };
  if (!span) return;
  push(out, text, span, attributionOf(ctx, k, trimNp(tokens, np), "quotes:according-to"), quoted);
}

/**
 * `quotes:headline-source`: a headline that names its source after a colon
 * ("Suspended Worker Kills 2 Women in Kraft Factory Shooting: Police"), with no
 * full stop at its end. The content is the text before the colon.
 */
function headline(ctx: AttributionContext, sent: Span, first: number, last: number, start: number, out: IndirectQuote[], quoted: Span[]): void {
  const { text, tokens } = ctx;
  if (last - first < 5 || /[.!?]["”’']?\s*$/.test(text.slice(sent.start, sent.end))) return;
  const colon = text.lastIndexOf(": ", sent.end);
  if (colon <= start || /[“"‘'”]/.test(text.slice(colon, sent.end))) return;
  const from = tokenAt(tokens, colon);
  if (last - from < 1 || last - from > 3 || from - first < 4) return;
  const src = tokens.slice(from, last);
  if (!src.every((t) => /^\p{Lu}/u.test(t.text) || /^(?:police|officials|witnesses|witness|authorities)$/.test(t.text))) return;
  if (!hasVerb(tokens, first, from) && !tokens.slice(first, from).some((t) => /^\p{Lu}\p{Ll}+s$/u.test(t.text))) return;
  const s = speakerOf(ctx, { from, to: last - 1 }, null);
  if (!s) return;
  push(out, text, { start, end: colon }, { cue: null, speaker: { ...s.speaker, rule: "quotes:headline-source" }, entity: s.entity, rule: "quotes:headline-source", reportStart: null }, quoted);
}

/** "the NYPD's statement" → the owner; "police sources" stays. */
function trimNp(tokens: Token[], np: NounPhrase): NounPhrase {
  for (let i = np.from; i < np.to; i++) {
    if (!tokens[i]!.possessive || !/^\p{Ll}/u.test(tokens[i + 1]!.text)) continue;
    // "the company's vice president John Smith": the name after the owner's role words.
    let r = i + 1;
    while (r < np.to && /^\p{Ll}/u.test(tokens[r]!.text)) r++;
    if (r > i + 1 && ROLE_NOUNS.has(tokens[r - 1]!.text) && np.to - r <= 2 && tokens.slice(r, np.to + 1).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text))) return { from: r, to: np.to };
    return { from: np.from, to: i };
  }
  return np;
}

function push(out: IndirectQuote[], text: string, s: Span, att: Attribution, quoted: Span[]): void {
  let { start, end } = s;
  while (start < end && /[\s,]/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (out.some((o) => o.span.start === start && o.span.end === end)) return; // found by two cues
  if ((text.slice(start, end).match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) return;
  // A quotation mark pair starting before the content and reaching into it: not reported speech.
  if (quoted.some((q) => q.start < start && q.end > start)) return;
  // The content is mostly one direct quote: that quote already carries it.
  const inside = quoted.filter((q) => q.start >= start && q.end <= end + 2);
  if (inside.some((q) => q.start <= start + 1 && q.end - q.start > 0.6 * (end - start))) return;
  out.push({ span: { start, end }, att });
}
