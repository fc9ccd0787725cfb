import { LIMITS, type Span } from "../model/index.js";
import type { RenderedBlock } from "./render-text.js";

/** A block of extracted text waiting for its place in the page text. */
export interface Candidate {
  text: string;
  kind: "paragraph" | "heading" | "caption";
  /** Characters inside links, when known. */
  linkChars?: number;
  /** The element the block came from, when known. */
  element?: Element | null;
  /** Set when a rule dropped the block: it becomes a removed span with this reason. */
  dropped?: { reason: string; rule: string } | null;
}

/** A candidate with its span in the page text. */
export interface Aligned extends Candidate {
  span: Span;
}

/** Index of the page block containing `pos`, or -1 (binary search over blocks in text order). */
export function blockAt(blocks: readonly RenderedBlock[], pos: number): number {
  let lo = 0, hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (pos < b.start) hi = mid - 1;
    else if (pos >= b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Places extracted blocks onto the page text in order: each is searched from a
 * moving cursor, then anywhere not yet used, then by its opening words (when
 * the extractor trimmed the block, the span runs to the end of the page block).
 * Returns the placed blocks (sorted, non-overlapping) and the ones not found.
 */
export function alignCandidates(
  text: string,
  blocks: readonly RenderedBlock[],
  candidates: readonly Candidate[],
): { aligned: Aligned[]; missing: Candidate[] } {
  const aligned: Aligned[] = [];
  const missing: Candidate[] = [];
  // Placed spans, kept sorted by start and disjoint, so a free-range check is a
  // binary search (a linear scan made pages of 100,000 tiny blocks quadratic).
  const used: Span[] = [];
  const firstEndingAfter = (pos: number): number => {
    let lo = 0, hi = used.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (used[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const free = (s: number, e: number): boolean => {
    const u = used[firstEndingAfter(s)];
    return !u || e <= u.start;
  };
  let cursor = 0;
  for (const c of candidates) {
    const t = c.text;
    if (!t) continue;
    let start = text.indexOf(t, cursor);
    let end = start + t.length;
    if (start < 0) {
      start = text.indexOf(t);
      // A block repeated all over the page is looked for a bounded number of times.
      for (let tries = 0; start >= 0 && !free(start, start + t.length); tries++) {
        start = tries < LIMITS.alignRetries ? text.indexOf(t, start + 1) : -1;
      }
      end = start + t.length;
    }
    if (start < 0 && t.length > 40) {
      const head = t.slice(0, 40);
      start = text.indexOf(head, cursor);
      if (start >= 0) {
        const b = blockAt(blocks, start);
        end = b >= 0 ? Math.min(blocks[b]!.end, start + t.length + 200) : start + head.length;
      }
    }
    if (start < 0 || !free(start, end)) {
      missing.push(c);
      continue;
    }
    const sp = { start, end };
    used.splice(firstEndingAfter(start), 0, sp);
    aligned.push({ ...c, span: sp });
    cursor = end;
  }
  aligned.sort((a, b) => a.span.start - b.span.start);
  return { aligned, missing };
}
