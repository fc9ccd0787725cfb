/**
 * Recognises binary files by their magic bytes and by control bytes, so that a
 * PDF or a photo dropped in an input folder is refused with a reason that names
 * what it is instead of being decoded into garbage text. Our own code: the list
 * is short, and a file-type library would be a new dependency.
 */

import { sniffUtf16 } from "./utf16.js";

interface Magic {
  name: string;
  at: number;
  bytes: number[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const MAGICS: Magic[] = [
  { name: "PDF", at: 0, bytes: ascii("%PDF-") },
  { name: "PNG", at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: "JPEG", at: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF", at: 0, bytes: ascii("GIF87a") },
  { name: "GIF", at: 0, bytes: ascii("GIF89a") },
  { name: "WebP", at: 8, bytes: ascii("WEBP") },
  { name: "TIFF", at: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: "TIFF", at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: "gzip", at: 0, bytes: [0x1f, 0x8b] },
  { name: "bzip2", at: 0, bytes: ascii("BZh") },
  { name: "7-Zip", at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: "RAR", at: 0, bytes: ascii("Rar!\x1a\x07") },
  { name: "ELF executable", at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "MP4/QuickTime video", at: 4, bytes: ascii("ftyp") },
  { name: "Ogg", at: 0, bytes: ascii("OggS") },
  { name: "SQLite database", at: 0, bytes: ascii("SQLite format 3\0") },
  { name: "OLE2 (legacy Office)", at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

function startsWith(bytes: Uint8Array, at: number, magic: number[]): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

/** A ZIP archive, told apart as DOCX/XLSX/PPTX/EPUB/ODF by the names of its first entries. */
function zipKind(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  if (head.includes("word/")) return "DOCX";
  if (head.includes("xl/")) return "XLSX";
  if (head.includes("ppt/")) return "PPTX";
  if (head.includes("application/epub+zip")) return "EPUB";
  if (head.includes("application/vnd.oasis.opendocument")) return "OpenDocument";
  return "ZIP archive";
}

/**
 * Names the binary format of `bytes` (`PDF`, `PNG`, `DOCX`, `contains NUL bytes`...)
 * or returns null for what may be text. Call it on bytes that carry no UTF-16 BOM.
 * Magic bytes are checked first; bytes that then read as UTF-16 without a BOM
 * (see {@link sniffUtf16}) are text, whatever their NULs.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, 0, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  for (const m of MAGICS) {
    if (m.name === "WebP" && !startsWith(bytes, 0, ascii("RIFF"))) continue;
    if (m.name === "bzip2" && !(bytes.length > 3 && bytes[3]! >= 0x31 && bytes[3]! <= 0x39)) continue;
    if (startsWith(bytes, m.at, m.bytes)) return m.name;
  }
  if (sniffUtf16(bytes) !== null) return null;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return "contains NUL bytes";
    if (isControlByte(b)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.1) {
    return `${Math.round((100 * control) / sample.length)}% control bytes`;
  }
  return null;
}

/** Control characters that never appear in text (tab, newlines, form feed and escape excepted). */
function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

/** The same check on decoded text (for UTF-16 input, whose bytes are full of NULs). */
export function binaryTextKind(text: string): string | null {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return "contains NUL characters";
    if (c < 0x80 && isControlByte(c)) control++;
  }
  if (n > 0 && control / n > 0.1) return `${Math.round((100 * control) / n)}% control characters`;
  return null;
}
