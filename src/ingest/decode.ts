import { MessageBag } from "../model/index.js";
import { sniffUtf16 } from "./utf16.js";

/** Decoded text and the encoding it was decoded from. */
export interface Decoded {
  /** The text, without any byte order mark. */
  text: string;
  /** WHATWG encoding name (`utf-8`, `utf-16le`, `windows-1252`, ...). */
  encoding: string;
  /** How the encoding was chosen: `bom`, `http`, `declared`, `default`, `sniffed`. */
  source: "bom" | "http" | "declared" | "default" | "sniffed";
}

/** Decodes bytes with the WHATWG decoder, null when the label is unknown. */
function decoderFor(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s{0,20}charset\s{0,5}=\s{0,5}["']?([A-Za-z0-9_:.+-]{1,40})/i.exec(contentType.slice(0, 500));
  return m ? m[1]! : null;
}

/**
 * The charset a document declares in its first bytes: an XML encoding
 * declaration, `<meta charset>`, or an http-equiv Content-Type meta tag.
 * Only the first 4 KB are read (as Latin-1, which maps bytes one to one).
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const xml = /^\s{0,100}<\?xml\s[^>]{0,200}?encoding\s{0,5}=\s{0,5}["']([A-Za-z0-9_.:+-]{1,40})["']/.exec(head);
  if (xml) return xml[1]!;
  // Bounded `[^>]{0,500}?` keeps this linear: no nested quantifiers.
  const meta = /<meta\s[^>]{0,500}?charset\s{0,5}=\s{0,5}["']?\s{0,5}([A-Za-z0-9_:.+-]{1,40})/i.exec(head);
  return meta ? meta[1]! : null;
}

/** WHATWG index-windows-1252 for bytes 0x80–0x9F (the only ones that differ from Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes windows-1252 (the WHATWG target of the latin1/iso-8859-1/ascii labels).
 * Node 20.18.3+ decodes this label as plain Latin-1, leaving 0x80–0x9F as C1
 * controls (nodejs/node#60888), so those are mapped here; correct once Node is fixed too,
 * since no other byte decodes to U+0080–U+009F.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

/** Counts well-formed UTF-8 multi-byte sequences (a sign that the text is UTF-8, even with errors). */
function countUtf8Sequences(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const len = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let ok = i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      n++;
      i += len - 1;
    }
  }
  return n;
}

/** Bytes that windows-1252 leaves undefined; their presence argues against it. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Whether bytes that are not valid UTF-8 read as windows-1252 text (curly quotes, dashes, accented letters). */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  if (countUtf8Sequences(bytes) > 0) return false;
  for (const b of bytes) if (CP1252_UNDEFINED.has(b)) return false;
  return true;
}

/**
 * Decodes the bytes of one input. Order of evidence: a byte order mark, the
 * byte pattern of UTF-16 without one (info `ingest:utf16-no-bom`), the
 * HTTP charset, the document's own declaration, then UTF-8 (checked strictly);
 * undeclared bytes that are not UTF-8 but read as windows-1252 are decoded so
 * (info `ingest:windows-1252`), anything else as UTF-8 with U+FFFD for each bad
 * byte (warning `ingest:invalid-utf8`).
 *
 * The BOM is stripped: the document's `content` is the decoded text without it,
 * so offsets count from the first real character.
 */
export function decodeBytes(bytes: Uint8Array, bag: MessageBag, httpCharset: string | null = null): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3), bag), encoding: "utf-8", source: "bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", source: "bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", source: "bom" };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== null) {
    const name = utf16.encoding === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
    bag.info("ingest:utf16-no-bom", `decoded as ${name} without a byte order mark, detected from its bytes (${utf16.evidence})`);
    return { text: new TextDecoder(utf16.encoding).decode(bytes), encoding: utf16.encoding, source: "sniffed" };
  }
  for (const [label, source] of [[httpCharset, "http"], [declaredCharset(bytes), "declared"]] as const) {
    if (!label) continue;
    const dec = decoderFor(label);
    if (!dec) {
      bag.warn("ingest:unknown-charset", `unknown charset "${label}" (${source === "http" ? "HTTP header" : "declared in the document"}); trying UTF-8`);
      continue;
    }
    // A UTF-16 declaration on bytes without a BOM is a mislabel (the declaration itself was readable as ASCII).
    if (dec.encoding.startsWith("utf-16")) continue;
    if (dec.encoding === "utf-8") return { text: utf8(bytes, bag), encoding: "utf-8", source };
    // Bytes that are valid UTF-8 with multi-byte sequences in them are almost never a legacy
    // encoding: the label is the usual mislabel (servers defaulting to ISO-8859-1), so UTF-8 wins.
    const strictText = strictUtf8(bytes);
    if (strictText !== null && countUtf8Sequences(bytes) > 0) {
      bag.info("ingest:charset-mismatch", `${source === "http" ? "HTTP header" : "document"} declares ${label} but the bytes are valid UTF-8; decoded as UTF-8`);
      return { text: strictText, encoding: "utf-8", source: "sniffed" };
    }
    const text = dec.encoding === "windows-1252" ? decodeWindows1252(bytes) : dec.decode(bytes);
    return { text, encoding: dec.encoding, source };
  }
  const strict = strictUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: "utf-8", source: "default" };
  if (looksLikeWindows1252(bytes)) {
    bag.info("ingest:windows-1252", "not valid UTF-8 and no charset declared; decoded as windows-1252");
    return { text: decodeWindows1252(bytes), encoding: "windows-1252", source: "sniffed" };
  }
  return { text: utf8(bytes, bag), encoding: "utf-8", source: "default" };
}

/** The bytes decoded as UTF-8 if they are valid UTF-8 (checked with a fatal decoder), else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes UTF-8 leniently, warning once with the count and first place of replaced bytes.
 * The span points into the decoded text; callers drop it when that text is not the document text.
 */
function utf8(bytes: Uint8Array, bag: MessageBag): string {
  const strict = strictUtf8(bytes);
  if (strict !== null) return strict;
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let count = 0;
  let first = -1;
  for (let i = text.indexOf("\uFFFD"); i !== -1; i = text.indexOf("\uFFFD", i + 1)) {
    if (first < 0) first = i;
    count++;
  }
  const where = first >= 0 ? ` (first at offset ${first})` : "";
  bag.warn(
    "ingest:invalid-utf8",
    `invalid UTF-8: ${count} bad byte sequence${count === 1 ? "" : "s"} replaced with U+FFFD${where}`,
    first >= 0 ? { start: first, end: first + 1 } : null,
  );
  return text;
}
