import { reportedSubject } from "./subjects.js";
import { speakerOf, tokenAt, finish, type Attribution, type AttributionContext } from "./attribute.js";
import { attributionAfter } from "./attribution-after.js";
import { BARE_CUES, INDIRECT_CUES, LISTENER_CUES, hasVerb, looksLikeClause, skipToContent } from "./clause.js";
import { subjectAfter, subjectBefore, type NounPhrase } from "./cues.js";
import type { MarkedQuote } from "./marks.js";
import type { Span } from "../model/index.js";
import { ROLE_NOUNS, sentenceIndexAt as regionIndexAt, type Entity, type Token } from "../entities/index.js";

/** Reported speech found in a sentence: the content span and its attribution. */
export interface IndirectQuote {
  span: Span;
  att: Attribution;
}

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

const DESCRIBED = new Set(["described", "describes", "describing"]);
const BASE_FORM = /^(?:say|tell|allege|claim|insist|argue|warn|report|note|confirm|admit|deny|suggest|contend|maintain)$/;


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
