/**
 * The time stage: TIMEX3-style time expressions, dated events, and a story timeline.
 */
import type { DatedEvent, Message, RashomonDocument, Span, TimeExpression, TimelineEntry } from "../model/index.js";
import { clipSpans, LIMITS, MessageBag } from "../model/index.js";
import { parseYmd } from "./calendar.js";
import { datedEvents } from "./events.js";
import { findTimes } from "./extract.js";
import { mergeTimeline } from "./timeline.js";

export { describeTime } from "./describe.js";
export { TIME_RULES } from "./rules.js";
export { compatible, dateRange, type DateRange } from "./timeline.js";

/** Options for {@link extractTimes}. */
export interface TimeOptions {
  /** Anchor for documents without a publication time (ISO date). */
  referenceDate?: string | null;
  /** Set false to run our rules without chrono-node's calendar parser. */
  useChrono?: boolean;
}

/**
 * Finds and normalizes the time expressions of a document's body (its paragraphs'
 * spans, or the whole text when it has none) and ties dates to the clauses they date.
 * Bounded: the first `LIMITS.analysedChars` characters of the body are read, and
 * the first `LIMITS.timeExpressions` expressions kept, each cap said in one message.
 */
export function extractTimes(
  doc: Pick<RashomonDocument, "id" | "text" | "paragraphs" | "published">,
  opts: TimeOptions = {},
): { times: TimeExpression[]; events: DatedEvent[]; messages: Message[] } {
  const bag = new MessageBag(doc.id);
  const text = typeof doc.text === "string" ? doc.text : "";
  let pub = parseYmd(doc.published);
  if (doc.published && !pub) bag.warn("time:bad-published", `publication date "${doc.published}" is not ISO 8601; using the reference date`);
  if (!pub) pub = parseYmd(opts.referenceDate ?? null);
  if (!pub && opts.referenceDate) bag.warn("time:bad-reference", `reference date "${opts.referenceDate}" is not ISO 8601`);
  if (!pub) bag.info("time:no-anchor", "no publication or reference date: relative expressions stay unresolved");
  const all: Span[] = (doc.paragraphs ?? []).length
    ? doc.paragraphs.map((p) => ({ start: Math.max(0, p.span.start), end: Math.min(text.length, p.span.end) })).filter((s) => s.end > s.start)
    : [{ start: 0, end: text.length }];
  const { spans, total } = clipSpans(all);
  if (total > LIMITS.analysedChars) bag.warn("time:long-body", `the body has ${total} characters; time expressions are read in the first ${LIMITS.analysedChars} only`);
  const times = findTimes(text, spans, pub, bag, { useChrono: opts.useChrono });
  const events = datedEvents(text, times, spans);
  return { times, events, messages: bag.messages };
}

/**
 * Merges the dated events of a story's documents into one ordered timeline
 * (computing each document's times and events when absent).
 */
export function buildTimeline(docs: RashomonDocument[]): TimelineEntry[] {
  const perDoc = docs.map((d) => {
    if (d.events && d.times) return { id: d.id, text: d.text, events: d.events, times: d.times };
    const r = extractTimes(d);
    return { id: d.id, text: d.text, events: r.events, times: r.times };
  });
  return mergeTimeline(perDoc);
}
