/**
 * UTF-16 without a byte order mark, recognised from its bytes: text in a Latin
 * script written as UTF-16 has a NUL high byte in most characters, so NULs
 * fill one parity of offsets (odd for little-endian, even for big-endian) and
 * seldom the other, while the bytes beside them are printable.
 * Binary data with NULs has them at both parities, or beside control bytes.
 */

/** What the sniffer found: the encoding and the evidence, for the message that says so. */
export interface Utf16Guess {
  encoding: "utf-16le" | "utf-16be";
  /** The evidence in words: `NUL in 97% of the odd-offset bytes and 0% of the even-offset bytes of the first 4 KB, ...`. */
  evidence: string;
}

/** How many bytes are looked at (the first few KB; a whole file is never scanned). */
const SAMPLE_BYTES = 4096;
/** Share of characters with a NUL high byte needed: Latin-script text is mostly such characters. */
const MIN_NUL_SHARE = 0.3;
/** Share of characters allowed a NUL low byte (U+0100, U+2000, U+3000, U+4E00... exist but are rare). */
const MAX_OTHER_NUL_SHARE = 0.1;
/** Share of control characters allowed in the sample (text has none but tab, newlines, form feed). */
const MAX_CONTROL_SHARE = 0.01;

/** Whether a UTF-16 code unit is a character text never holds: C0/C1 controls (bar whitespace and ESC), DEL, U+FFFE/U+FFFF. */
function isControlUnit(u: number): boolean {
  if (u < 0x20) return u !== 0x09 && u !== 0x0a && u !== 0x0b && u !== 0x0c && u !== 0x0d && u !== 0x1b;
  return (u >= 0x7f && u <= 0x9f) || u === 0xfffe || u === 0xffff;
}

const pct = (k: number, n: number): string => `${Math.round((100 * k) / n)}%`;

/**
 * Recognises UTF-16 LE or BE text that carries no byte order mark, from the
 * first 4 KB: an even length, NUL bytes in at least 30% of the characters at
 * one parity and at most 10% at the other, no U+0000, at most 1% control
 * characters and no unpaired surrogate. Returns null for anything else
 * (including UTF-32, whose NULs fall at both parities). Check magic bytes first.
 */
export function sniffUtf16(bytes: Uint8Array): Utf16Guess | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, SAMPLE_BYTES) / 2;
  // NULs at even and odd offsets; a NUL low byte beside a surrogate's high byte (U+DE00 in 😀) is no evidence against.
  let evenNul = 0;
  let oddNul = 0;
  let evenNulChar = 0;
  let oddNulChar = 0;
  for (let k = 0; k < n; k++) {
    const a = bytes[2 * k]!;
    const b = bytes[2 * k + 1]!;
    if (a === 0 && b === 0) return null; // U+0000
    if (a === 0) {
      evenNul++;
      if (b < 0xd8 || b > 0xdf) evenNulChar++;
    }
    if (b === 0) {
      oddNul++;
      if (a < 0xd8 || a > 0xdf) oddNulChar++;
    }
  }
  let encoding: Utf16Guess["encoding"];
  if (oddNul >= MIN_NUL_SHARE * n && evenNulChar <= MAX_OTHER_NUL_SHARE * n) encoding = "utf-16le";
  else if (evenNul >= MIN_NUL_SHARE * n && oddNulChar <= MAX_OTHER_NUL_SHARE * n) encoding = "utf-16be";
  else return null;
  const le = encoding === "utf-16le";
  let control = 0;
  for (let k = 0; k < n; k++) {
    const u = le ? bytes[2 * k]! | (bytes[2 * k + 1]! << 8) : (bytes[2 * k]! << 8) | bytes[2 * k + 1]!;
    if (u >= 0xd800 && u <= 0xdfff) {
      // A high surrogate must be followed by a low one (the sample may cut a pair at its end).
      if (u >= 0xdc00) return null;
      if (k + 1 >= n) break;
      const next = le ? bytes[2 * k + 2]! | (bytes[2 * k + 3]! << 8) : (bytes[2 * k + 2]! << 8) | bytes[2 * k + 3]!;
      if (next < 0xdc00 || next > 0xdfff) return null;
      k++;
      continue;
    }
    if (isControlUnit(u)) control++;
  }
  if (control > MAX_CONTROL_SHARE * n) return null;
  const [nul, other] = le ? [oddNul, evenNul] : [evenNul, oddNul];
  const kb = n * 2 >= 1024 ? `${Math.round((n * 2) / 1024)} KB` : `${n * 2} bytes`;
  const evidence =
    `NUL in ${pct(nul, n)} of the ${le ? "odd" : "even"}-offset bytes and ${pct(other, n)} of the ${le ? "even" : "odd"}-offset bytes of the first ${kb}, ` +
    `${control === 0 ? "no" : pct(control, n)} control characters`;
  return { encoding, evidence };
}
