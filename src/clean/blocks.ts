import { mergeRuns, type LayoutFieldKind } from "../model/index.js";
import { dateLine } from "./fields.js";

/** What a rule decided about a block. */
export interface Label {
  role: "clutter" | "caption" | "field" | "title" | "standfirst" | "heading" | "paragraph";
  /** Why it was removed (`navigation`, `video`, ...), for clutter. */
  reason?: string;
  rule: string;
  /** Ends the article: the main run of prose never spans a breaker. */
  breaker?: boolean;
  field?: LayoutFieldKind;
  caption?: { text: string; credit: string | null };
}

/** A line or paragraph of the input, with its trimmed span. */
export interface Block {
  index: number;
  start: number;
  end: number;
  text: string;
  /** A blank line (or the start of the text) comes before it. */
  blankBefore: boolean;
  blankAfter: boolean;
  label: Label | null;
  /** Metadata found inside the block (e.g. " date 2025-05-04 " before the first paragraph). */
  inlineFields: { kind: LayoutFieldKind; start: number; end: number; rule: string }[];
}

const TERMINAL = /[.!?:;"”’)\]…»]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Splits text into blocks: each non-blank line is a block, except that a line
 * which continues a hard-wrapped sentence (previous line has no closing
 * punctuation, this one starts in lower case) joins the block before it.
 * Linear in the text length.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let pos = 0;
  let blank = true;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = n;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s === e) {
      blank = true;
      if (blocks.length) blocks[blocks.length - 1]!.blankAfter = true;
    } else {
      const prev = blocks[blocks.length - 1];
      const line = text.slice(s, e);
      // A line that is only a date ("on April 30, 2008 at 4:31 AM, updated ...") is a metadata line, never the rest of a sentence.
      if (prev && !blank && prev.end - prev.start >= 40 && !TERMINAL.test(prev.text.slice(-1)) && STARTS_LOWER.test(line) && !(line.length <= 90 && dateLine(line))) {
        prev.end = e;
        prev.text = text.slice(prev.start, e);
      } else {
        blocks.push({ index: blocks.length, start: s, end: e, text: line, blankBefore: blank, blankAfter: false, label: null, inlineFields: [] });
      }
      blank = false;
    }
    if (nl >= n) break;
    pos = nl + 1;
  }
  if (blocks.length) blocks[blocks.length - 1]!.blankAfter = true;
  return blocks;
}

/**
 * Text of more than `8 * max` lines as about `max` blocks of consecutive lines,
 * built without a block per line first (10 million one-letter lines would take
 * gigabytes as blocks); null for text with fewer lines, which {@link splitBlocks}
 * and {@link coalesceLines} read.
 */
export function groupLines(text: string, max: number): { blocks: Block[]; lines: number } | null {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  if (lines <= 8 * max) return null;
  const per = Math.ceil(lines / max);
  const blocks: Block[] = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    let end = pos;
    for (let k = 0; k < per && end < n; k++) {
      const nl = text.indexOf("\n", end);
      end = nl < 0 ? n : nl + 1;
    }
    let s = pos, e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) blocks.push({ index: blocks.length, start: s, end: e, text: text.slice(s, e), blankBefore: true, blankAfter: true, label: null, inlineFields: [] });
    pos = end;
  }
  return { blocks, lines };
}

/**
 * Merges runs of neighbouring lines so that at most about `max` blocks remain.
 * Only pathological inputs get here (hundreds of thousands of one-letter
 * lines); every later rule runs per block, so cost follows the block count.
 */
export function coalesceLines(text: string, blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  return mergeRuns(blocks, max, (run, index) => {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    return { index, start: first.start, end: last.end, text: text.slice(first.start, last.end), blankBefore: first.blankBefore, blankAfter: last.blankAfter, label: null, inlineFields: [] };
  });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 11 || c === 12 || c === 0xa0 || c === 0x200b || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** Words of a block (whitespace-separated runs with a letter or digit). */
export function words(text: string): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m[0]);
  return out;
}
