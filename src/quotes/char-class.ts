/**
 * Character classes of UTF-16 code units for the quote-mark scanner, read by
 * code rather than by one-character strings and regular expressions: a
 * megabyte of quotation marks would otherwise make a string and several regex
 * runs per mark (issue 3 bounds the stage at a second of CPU per megabyte).
 * Each unit is classified once, on first sight, by the same regular
 * expressions the scanner used before, so the classes are exactly theirs.
 */

/** Whitespace (`\s`); also true of "no character" (the edge of a region). */
export const SPACE = 1;
/** A letter or digit (`\p{L}`, `\p{N}`). */
export const LETTER = 2;
/** Space or punctuation after which a mark can open: ( [ { - — – / : */
export const OPENS_AFTER = 4;
/** Space or punctuation before which a mark can close: . , ; : ! ? ) ] } - — – … */
export const CLOSES_BEFORE = 8;
/** An opening bracket: ( [ { */
export const BRACKET = 16;
/** Trimmed from the end of quoted content: space or a comma. */
export const TRIM_END = 32;
/** Ends a clause before a closing straight quote: , . ! ? ; */
export const SENTENCE_END = 64;
/** A quotation mark of any style. */
export const MARK = 128;
/** A double quotation mark: “ ” " „ « » ‟ */
export const DOUBLE = 256;
/** No character: the edge of the region (classed as space too). */
export const NONE = 512;

const KNOWN = 1 << 15;
const TESTS: ReadonlyArray<[number, RegExp]> = [
  [SPACE, /\s/],
  [LETTER, /[\p{L}\p{N}]/u],
  [OPENS_AFTER, /[\s(\[{\-—–\/:]/],
  [CLOSES_BEFORE, /[\s.,;:!?)\]}\-—–…]/],
  [BRACKET, /[(\[{]/],
  [TRIM_END, /[\s,]/],
  [SENTENCE_END, /[,.!?;]/],
  [MARK, /[“”"„«»‟‘’'‚‹›‛]/],
  [DOUBLE, /[“”"„«»‟]/],
];
const TABLE = new Uint16Array(65536);

/** The classes of the code unit `c` (a bit set of the constants above); -1 is no character (NONE and SPACE). */
export function charClass(c: number): number {
  if (c < 0) return NONE | SPACE;
  let k = TABLE[c]!;
  if (k === 0) {
    const s = String.fromCharCode(c);
    k = KNOWN;
    for (const [bit, re] of TESTS) if (re.test(s)) k |= bit;
    TABLE[c] = k;
  }
  return k;
}

/** The class of the code unit at `i` of `text`, or of no character when `i` is outside [`from`, `to`). */
export function classAt(text: string, i: number, from = 0, to = text.length): number {
  return i >= from && i < to ? charClass(text.charCodeAt(i)) : NONE | SPACE;
}
