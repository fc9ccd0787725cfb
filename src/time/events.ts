/**
 * Ties each dated time expression to the clause it dates. A clause is the part
 * of the sentence around the expression bounded by commas, semicolons, dashes
 * and relative/subordinating words; a clause too short to describe anything is
 * widened to its neighbour.
 */
import type { DatedEvent, Span, TimeExpression } from "../model/index.js";
import { sentenceAround } from "./tense.js";

const DATED = /^\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?(?:-\d{2}|-WE)?(?:T[\w:]{1,12})?$/;
const BOUNDARY = /,(?=\s)|[;:—–()]|\s-\s|\b(?:which|who|where|while|whereas|but|because|although|after which|in which)\b/gi;

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
  let lo = 0, hi = s.length;
  for (const b of bounds) {
    if (b <= relS) lo = b;
    if (b >= relE && hi === s.length) hi = b;
  }
  for (const b of bounds) if (b >= relE) { hi = b; break; }
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

/** Dated events: each calendar-valued DATE/TIME with the clause it dates (clauses stay inside `spans`, the paragraphs). */
export function datedEvents(text: string, times: TimeExpression[], spans: Span[] = []): DatedEvent[] {
  const out: DatedEvent[] = [];
  const paras = [...spans].sort((a, b) => a.start - b.start);
  let pi = 0;
  for (const t of [...times].sort((a, b) => a.span.start - b.span.start)) {
    if (t.type !== "DATE" && t.type !== "TIME") continue;
    if (!DATED.test(t.value)) continue;
    while (pi < paras.length && paras[pi]!.end < t.span.end) pi++;
    const para = pi < paras.length && paras[pi]!.start <= t.span.start ? paras[pi] : undefined;
    const span = clauseAround(text, t.span.start, t.span.end, para);
    // A date standing alone ("Posted May 3, 2025", a photo's "[FILE: April 3, 2025]") dates no event.
    if (wordsIn(text.slice(span.start, span.end)) - wordsIn(t.text) < 3) continue;
    out.push({ date: t.value, text: text.slice(span.start, span.end), span });
  }
  return out;
}
