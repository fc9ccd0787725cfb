/**
 * Merges the dated events of a story's documents into one timeline.
 *
 * Two events are the same when their dates are compatible (equal, or one
 * contains the other: 2025-04 contains 2025-04-16) and their descriptions are
 * similar. Similarity is a cosine over content words weighted by how rare each
 * word is among the story's events, so that the names every article repeats
 * ("Trump", "Sheinbaum") count for little and "Wall Street Journal" for much.
 * Our own code: no installed library clusters short texts this way.
 */
import { LIMITS, type DatedEvent, type DocumentSpan, type TimeExpression, type TimelineEntry } from "../model/index.js";
import { addDays, addMonths } from "./calendar.js";

/** Interval of days a value covers, and its granularity. */
export interface DateRange {
  start: string;
  end: string;
  granularity: "year" | "half" | "season" | "quarter" | "month" | "week" | "day" | "time";
}

const RANK: Record<DateRange["granularity"], number> = { time: 0, day: 1, week: 2, month: 3, season: 4, quarter: 4, half: 5, year: 6 };
const ymd = (y: number, m: number, d: number): string => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The days a TIMEX3 calendar value covers, or null for values that are not calendar points. */
export function dateRange(value: string): DateRange | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  if (m) { const d = ymd(+m[1]!, +m[2]!, +m[3]!); return { start: d, end: d, granularity: m[4] ? "time" : "day" }; }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { start: ymd(+m[1]!, +m[2]!, 1), end: ymd(+m[1]!, +m[2]!, lastDay(+m[1]!, +m[2]!)), granularity: "month" };
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    // ISO week 1 holds January 4th.
    const jan4 = { y: +m[1]!, m: 1, d: 4 };
    const dow = new Date(Date.UTC(jan4.y, 0, 4)).getUTCDay() || 7;
    const monday = addDays(jan4, 1 - dow + 7 * (+m[2]! - 1));
    const s = m[3] ? addDays(monday, 5) : monday;
    const e = addDays(monday, 6);
    return { start: ymd(s.y, s.m, s.d), end: ymd(e.y, e.m, e.d), granularity: "week" };
  }
  m = /^(\d{4})-(Q|H)(\d)$/.exec(value);
  if (m) {
    const len = m[2] === "Q" ? 3 : 6;
    const first = (+m[3]! - 1) * len + 1;
    const last = addMonths(+m[1]!, first, len - 1);
    return { start: ymd(+m[1]!, first, 1), end: ymd(last.y, last.m, lastDay(last.y, last.m)), granularity: m[2] === "Q" ? "quarter" : "half" };
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const y = +m[1]!;
    const [a, b] = m[2] === "SP" ? [3, 5] : m[2] === "SU" ? [6, 8] : m[2] === "FA" ? [9, 11] : [12, 14];
    const end = addMonths(y, b, 0);
    return { start: ymd(y, a, 1), end: b > 12 ? ymd(y + 1, 2, lastDay(y + 1, 2)) : ymd(end.y, end.m, lastDay(end.y, end.m)), granularity: "season" };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: ymd(+m[1]!, 1, 1), end: ymd(+m[1]!, 12, 31), granularity: "year" };
  return null;
}

/** Whether one range contains the other. */
export function compatible(a: DateRange, b: DateRange): boolean {
  return (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
}

const STOP = new Set(
  ("the a an and or but of to in on at by for from with as that this these those which who whom whose what when where while " +
    "is are was were be been being has have had do does did will would can could should may might must shall it its he she " +
    "his her him they them their we our you your i me my not no also than then there here about after before over under into " +
    "out up down more most very just said says say told according reportedly allegedly last next earlier later day days week " +
    "weeks month months year years today yesterday monday tuesday wednesday thursday friday saturday sunday january february " +
    "march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "early late mid back time since ago").split(" "),
);

/** Content words of a description (lowercased, crude plural folding). */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]{2,30}/gu) ?? []) {
    if (STOP.has(raw) || /^\d+$/.test(raw)) continue;
    out.add(raw.length > 4 && raw.endsWith("s") && !raw.endsWith("ss") ? raw.slice(0, -1) : raw);
  }
  return out;
}

interface Item {
  doc: string;
  order: number;
  event: DatedEvent;
  range: DateRange;
  words: Set<string>;
}

interface Cluster {
  range: DateRange;
  date: string;
  items: Item[];
  docs: Set<string>;
  first: number;
}


/** Per-document input: id and dated events (times are accepted for future use). */
export interface TimelineInput {
  id: string;
  text: string;
  events: DatedEvent[];
  times?: TimeExpression[];
}

const SAME_DATE_MIN = 0.1;
const COARSER_DATE_MIN = 0.2;
const SAME_DOC_MIN = 0.12;
/**
 * When descriptions say little ("On May 3, Sheinbaum spoke at a university event"),
 * the event most documents report on that date is the likelier match: a cluster
 * gets this much extra score times the share of the story's documents in it.
 */
const MAIN_EVENT_PRIOR = 0.15;
const CONFLICT_MIN = 0.5;

/** Merges per-document events into one timeline, ordered in time. */
export function mergeTimeline(docs: TimelineInput[]): TimelineEntry[] {
  const items: Item[] = [];
  let order = 0;
  for (const d of docs) {
    for (const e of d.events ?? []) {
      const range = dateRange(e.date);
      if (!range) continue;
      items.push({ doc: d.id, order: order++, event: e, range, words: contentWords(e.text) });
    }
  }
  // Word weights: rarer across the story's events counts for more.
  const df = new Map<string, number>();
  for (const it of items) for (const w of it.words) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string): number => Math.log(1 + items.length / (df.get(w) ?? 1));
  const norm = new Map<Item, number>();
  for (const it of items) norm.set(it, Math.sqrt([...it.words].reduce((s, w) => s + weight(w) ** 2, 0)) || 1);
  const sim = (a: Item, b: Item): number => {
    let dot = 0;
    for (const w of a.words) if (b.words.has(w)) dot += weight(w) ** 2;
    return dot / (norm.get(a)! * norm.get(b)!);
  };

  // Finest dates first, so coarse mentions ("last month") join precise ones ("April 16").
  const nDocs = Math.max(1, new Set(items.map((i) => i.doc)).size);
  const sorted = [...items].sort((a, b) => RANK[a.range.granularity] - RANK[b.range.granularity] || a.order - b.order);
  const clusters: Cluster[] = [];
  for (const it of sorted) {
    let best: Cluster | null = null;
    let bestScore = 0;
    for (const c of clusters) {
      if (!compatible(c.range, it.range)) continue;
      const same = c.range.start === it.range.start && c.range.end === it.range.end;
      const docsIn = c.docs.size;
      // Best match against the cluster's first members (bounded, so huge inputs stay near-linear).
      let raw = 0;
      for (let k = 0; k < c.items.length && k < LIMITS.timelineCompared; k++) raw = Math.max(raw, sim(c.items[k]!, it));
      // The prior only breaks near-ties on the very same date, never makes a match from nothing.
      const score = raw + (same && raw > 0.02 ? MAIN_EVENT_PRIOR * (docsIn / nDocs) : 0);
      const min = c.docs.has(it.doc) ? SAME_DOC_MIN : same ? SAME_DATE_MIN : COARSER_DATE_MIN;
      if (score >= min && score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best) {
      best.items.push(it);
      best.docs.add(it.doc);
    } else clusters.push({ range: it.range, date: it.event.date, items: [it], docs: new Set([it.doc]), first: it.order });
  }

  // Conflicts: one event (very similar descriptions, different documents) under incompatible dates.
  // A clause that carries both dates ("from today and free until 31 October") is not in conflict
  // with an account that gives only one of them.
  const clauseKey = (it: Item) => `${it.doc}\u0000${it.event.span.start}\u0000${it.event.span.end}`;
  const byClause = new Map<string, Item[]>();
  for (const it of items) {
    const list = byClause.get(clauseKey(it));
    if (list) list.push(it);
    else byClause.set(clauseKey(it), [it]);
  }
  const alsoDated = (x: Item, range: Item["range"]): boolean =>
    (byClause.get(clauseKey(x)) ?? []).some((o) => o !== x && compatible(o.range, range));
  const conflict = new Set<Cluster>();
  for (let i = 0; i < clusters.length; i++) {
    for (let j = i + 1; j < clusters.length; j++) {
      const a = clusters[i]!, b = clusters[j]!;
      if (compatible(a.range, b.range) || a.range.granularity !== b.range.granularity) continue;
      const cross = a.items.slice(0, LIMITS.timelineCompared).some((x) => b.items.slice(0, LIMITS.timelineCompared).some((y) =>
        x.doc !== y.doc && sim(x, y) >= CONFLICT_MIN && !alsoDated(x, y.range) && !alsoDated(y, x.range)));
      if (cross) { conflict.add(a); conflict.add(b); }
    }
  }

  const entries = clusters.map((c) => ({ c, entry: toEntry(c, conflict.has(c), sim) }));
  entries.sort((x, y) => (x.c.range.start < y.c.range.start ? -1 : x.c.range.start > y.c.range.start ? 1 : 0)
    || RANK[y.c.range.granularity] - RANK[x.c.range.granularity]
    || x.c.first - y.c.first);
  return entries.map((e) => e.entry);
}

function shorten(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max - 1);
  return `${text.slice(0, cut > 40 ? cut : max - 1)}…`;
}

function toEntry(c: Cluster, conflict: boolean, sim: (a: Item, b: Item) => number): TimelineEntry {
  // The description most like the others (ties: the shorter).
  const pool = c.items.slice(0, LIMITS.timelineCompared);
  const centrality = new Map(pool.map((a) => [a, pool.reduce((s, o) => s + (o === a ? 0 : sim(a, o)), 0)]));
  const central = [...pool].sort((a, b) => centrality.get(b)! - centrality.get(a)! || a.event.text.length - b.event.text.length)[0]!;
  const evidence: DocumentSpan[] = [...c.items].sort((a, b) => a.order - b.order).map((i) => ({ document: i.doc, span: i.event.span }));
  return {
    date: c.date,
    granularity: c.range.granularity,
    text: shorten(central.event.text),
    documents: [...new Set(evidence.map((e) => e.document))].sort(),
    evidence,
    conflict,
    ...(c.items.every((i) => i.event.inferred) ? { inferred: true } : {}),
  };
}

