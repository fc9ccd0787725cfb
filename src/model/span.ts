/**
 * Half-open `[start, end)` UTF-16 offsets into a document's `text`.
 * An item found in a source carries a span; an item that is generated
 * (a merged timeline entry, a summary sentence) carries `derivedFrom` instead.
 */
export interface Span {
  start: number;
  end: number;
}

/** A span in a named document, for items that cite more than one document. */
export interface DocumentSpan {
  document: string;
  span: Span;
}

/** Builds a span, checking that it is well formed. */
export function span(start: number, end: number): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`bad span [${start}, ${end})`);
  }
  return { start, end };
}

/** The text a span covers. */
export function sliceSpan(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

/** Number of UTF-16 code units a span covers. */
export function spanLength(s: Span): number {
  return s.end - s.start;
}

/** Whether two half-open spans share at least one code unit. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether `outer` contains `inner` entirely. */
export function spanContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Shrinks a span so that it starts and ends on non-whitespace (empty spans stay put). */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Sorts spans by start, then by end. Returns a new array. */
export function sortSpans<T extends { span: Span }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** One span per non-empty line of `text` (line breaks excluded): a text written a paragraph a line. */
export function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      if (text.slice(start, i).trim().length > 0) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Cuts `items` into runs of neighbours, at most about `max` runs, and merges
 * each run with `merge`: the guard that keeps pathological inputs (hundreds
 * of thousands of tiny lines or blocks) to a bounded number of units.
 */
export function mergeRuns<T, U>(items: readonly T[], max: number, merge: (run: readonly T[], index: number) => U): U[] {
  const per = Math.max(1, Math.ceil(items.length / max));
  const out: U[] = [];
  for (let i = 0; i < items.length; i += per) out.push(merge(items.slice(i, i + per), out.length));
  return out;
}
