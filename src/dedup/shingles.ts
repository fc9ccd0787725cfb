/**
 * Word shingles with offsets. Written here because the npm MinHash packages are
 * unusable in this project (see the team brief) and the stream benchmark needs
 * a tight loop: tokens are hashed once, shingle hashes are combined from them.
 */
import type { Span } from "../model/index.js";

/** A document's shingles: hash of each k-word window and the offsets of its words. */
export interface Shingled {
  /** 32-bit hash of each k-word window, in text order. */
  hashes: Uint32Array;
  /** Start offset of each word. */
  starts: Uint32Array;
  /** End offset of each word. */
  ends: Uint32Array;
  k: number;
}

const WORD = /[\p{L}\p{N}]{1,80}/gu;

function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Splits `text` (optionally only inside `ranges`) into lower-cased words and hashes every k-word window. */
export function shingle(text: string, k = 5, ranges?: readonly Span[]): Shingled {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: number[] = [];
  const scan = ranges && ranges.length ? ranges : [{ start: 0, end: text.length }];
  for (const r of scan) {
    const part = text.slice(r.start, r.end);
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD.exec(part)) !== null) {
      starts.push(r.start + m.index);
      ends.push(r.start + m.index + m[0].length);
      words.push(hashWord(m[0].toLowerCase()));
    }
  }
  const n = Math.max(0, words.length - k + 1);
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b9;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ words[i + j]!, 0x85ebca6b) ^ (h >>> 13);
    hashes[i] = h >>> 0;
  }
  return { hashes, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends), k };
}

/** The text span covered by shingles `from..to` (inclusive). */
export function shingleSpan(s: Shingled, from: number, to: number): Span {
  return { start: s.starts[from]!, end: s.ends[to + s.k - 1]! };
}
