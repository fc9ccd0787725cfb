/**
 * Ties each dated time expression to the clause it dates. A clause is the part
 * of the sentence around the expression bounded by commas, semicolons, dashes
 * and relative/subordinating words; a clause too short to describe anything is
 * widened to its neighbour.
 */
import type { DatedEvent, Span, TimeExpression } from "../model/index.js";
import { sentenceAround } from "./tense.js";

const DATED = /^\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?(?:-\d{2}|-WE)?(?:T[\w:]{1,12})?$/;
// A colon inside a clock time ("09:15", ECB+'s tokenised "09: 15") is no boundary.
const BOUNDARY = /,(?=\s)|[;—–()]|(?<!\d):|:(?!\s?\d)|\s-\s|\b(?:which|who|where|while|whereas|but|because|although|after which|in which)\b/gi;

/** Whether a value names a point or period of the calendar (not a duration or reference). */
export function isCalendarValue(v: string): boolean {
  return DATED.test(v);
}

function wordsIn(s: string): number {
  return s.split(/\s+/).filter((w) => /\w/.test(w)).length;
}

/** The clause around [start, end) within its sentence (and within `within`, its paragraph). */
export function clauseAround(text: string, start: number, end: number, within?: Span): Span {
  const sent = sentenceAround(text, start, end);
  if (within) {
    sent.start = Math.max(sent.start, within.start);
    sent.end = Math.min(sent.end, within.end);
  }
  const s = text.slice(sent.start, sent.end);
  const cuts: number[] = [0];
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(s)) !== null) cuts.push(m.index, m.index + m[0].length);
  cuts.push(s.length);
  const bounds = [...new Set(cuts)].sort((a, b) => a - b);
  const relS = start - sent.start, relE = end - sent.start;
  // A span that is its own parenthesis ("today (14 October 2011)") is not cut by it.
  const open = text[start] === "(" ? 1 : 0, close = text[end - 1] === ")" ? 1 : 0;
  let lo = 0, hi = s.length;
  for (const b of bounds) if (b <= relS - open) lo = b;
  for (const b of bounds) if (b >= relE + close) { hi = b; break; }
  // Widen a clause that says little besides its date.
  const timeWords = wordsIn(text.slice(start, end));
  let guard = 0;
  while (wordsIn(s.slice(lo, hi)) - timeWords < 5 && guard++ < 4) {
    const prev = bounds.filter((b) => b < lo).pop();
    const next = bounds.find((b) => b > hi);
    if (prev !== undefined && (lo - prev > 1 || next === undefined)) lo = prev;
    else if (next !== undefined) hi = next;
    else if (prev !== undefined) lo = prev;
    else break;
  }
  const span = { start: sent.start + lo, end: sent.start + hi };
  while (span.start < span.end && /[\s,;:—–(\-"'“”‘’]/.test(text[span.start]!)) span.start++;
  while (span.end > span.start && /[\s,;:—–)-]/.test(text[span.end - 1]!)) span.end--;
  return span;
}

const DEICTIC = /^(?:this\s+(?:morning|afternoon|evening)|today|tonight|yesterday|tomorrow|last\s+night)$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PART_OF_DAY = /T(?:MO|AF|EV|NI)$/;

/**
 * A word of the publication day set beside a written day ("this morning 16th
 * August", "yesterday, May 3"): both name one time, and the written day is the
 * one that dates the clause, with the word's part of day. The word read against
 * the publication date would put the event on another day (the morning of the
 * 18th, when the article was published two days after the cut). Returns the
 * value each written day takes, and the words left out.
 */
function apposedDays(text: string, times: TimeExpression[]): { values: Map<TimeExpression, string>; dropped: Set<TimeExpression>; spans: Map<TimeExpression, Span> } {
  const values = new Map<TimeExpression, string>();
  const dropped = new Set<TimeExpression>();
  const spans = new Map<TimeExpression, Span>();
  for (let i = 0; i + 1 < times.length; i++) {
    const a = times[i]!, b = times[i + 1]!;
    // "this morning 16th August", "yesterday, May 3", "today (10 October 2011)".
    const gap = text.slice(a.span.end, b.span.start);
    if (!/^[\s,]{0,3}$/.test(gap) && !(/^\s?\($/.test(gap) && text[b.span.end] === ")")) continue;
    const [word, day] = DEICTIC.test(a.text.trim()) && DAY.test(b.value) ? [a, b] : DEICTIC.test(b.text.trim()) && DAY.test(a.value) ? [b, a] : [null, null];
    if (!word || !day || DEICTIC.test(day.text.trim())) continue;
    dropped.add(word);
    const part = PART_OF_DAY.exec(word.value)?.[0];
    if (part) values.set(day, day.value + part);
    spans.set(day, { start: a.span.start, end: b.span.end + (text[b.span.end] === ")" && gap.includes("(") ? 1 : 0) });
  }
  return { values, dropped, spans };
}

/** The span a clause is looked for around: the expression with its parentheses when it stands in them ("(14 October 2011)"). */
function dateSpan(text: string, t: TimeExpression, apposed: Map<TimeExpression, Span>): Span {
  const given = apposed.get(t);
  if (given) return given;
  return text[t.span.start - 1] === "(" && text[t.span.end] === ")" ? { start: t.span.start - 1, end: t.span.end + 1 } : t.span;
}

/**
 * "the day after he lost his job", "the following week": times counted from
 * another happening of the story. Read against the publication date for want
 * of a dated happening before them, they would put the clause on a day no text
 * gives (after the article was published, for a past one): no dated event.
 */
const NARRATIVE_ONLY = /^the\s+(?:(?:day|week|month|year|morning|evening|night)\s+(?:after|before)|(?:following|next|previous|preceding)\s+(?:day|week|month|year|morning|evening|night))\b/i;

/** Dated events: each calendar-valued DATE/TIME with the clause it dates (clauses stay inside `spans`, the paragraphs). */
export function datedEvents(text: string, times: TimeExpression[], spans: Span[] = []): DatedEvent[] {
  const out: DatedEvent[] = [];
  const paras = [...spans].sort((a, b) => a.start - b.start);
  let pi = 0;
  const sorted = [...times].sort((a, b) => a.span.start - b.span.start);
  const apposed = apposedDays(text, sorted);
  for (const t of sorted) {
    if (t.type !== "DATE" && t.type !== "TIME") continue;
    if (!DATED.test(t.value) || apposed.dropped.has(t)) continue;
    if (t.anchor === "publication" && NARRATIVE_ONLY.test(t.text.trim())) continue;
    while (pi < paras.length && paras[pi]!.end < t.span.end) pi++;
    const para = pi < paras.length && paras[pi]!.start <= t.span.start ? paras[pi] : undefined;
    const at = dateSpan(text, t, apposed.spans);
    const span = clauseAround(text, at.start, at.end, para);
    // A date standing alone ("Posted May 3, 2025", a photo's "[FILE: April 3, 2025]") dates no event.
    if (wordsIn(text.slice(span.start, span.end)) - wordsIn(t.text) < 3) continue;
    out.push({ date: apposed.values.get(t) ?? t.value, text: text.slice(span.start, span.end), span });
  }
  return out;
}
