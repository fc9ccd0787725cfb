/**
 * The prolog of an XML or HTML document: what comes before the root element
 * (a BOM, whitespace, the XML declaration and other processing instructions,
 * comments, a doctype with its internal subset). It may be of any length: it
 * is read in one forward pass with indexOf and charCodeAt, no regex over the
 * input, so its cost is linear in its length (and inputs are size-capped).
 */

/** What the prolog holds, as far as a feed parser needs it. */
export interface Prolog {
  /** The index of the root element's `<`, or -1 when the text does not open as markup. */
  rootAt: number;
  /** The XML declaration (`<?xml version="1.0"?>`) when the text opens with a short one, else "". */
  declaration: string;
  /**
   * The doctype(s) as written, less the comments and processing instructions of
   * an internal subset and with each whitespace run cut to one space: the entity
   * declarations a parser needs. Filled only when asked for.
   */
  doctype: string;
}

/** The longest XML declaration kept (a real one is under 100 characters). */
const MAX_DECLARATION = 1000;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Skips a markup declaration (a doctype) whose `<!` is at `from`, with its quoted
 * literals and its internal subset `[ ... ]`; returns the index after its closing
 * `>`, or -1 when it never closes. When `keep` is given, the declaration is
 * pushed to it in pieces, without the subset's comments and processing
 * instructions, and with each run of whitespace cut to one space. Every step moves forward.
 */
function skipDeclaration(text: string, from: number, keep: string[] | null): number {
  const n = text.length;
  let i = from + 2;
  let piece = from;
  let inSubset = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c > 0x3e && c !== 0x5b && c !== 0x5d) {
      i++; // letters and most punctuation: nothing to do
    } else if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (isSpace(c) && i + 1 < n && isSpace(text.charCodeAt(i + 1))) {
      keep?.push(text.slice(piece, i), " ");
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      piece = i;
    } else if (!inSubset) {
      if (c === 0x3e) {
        keep?.push(text.slice(piece, i + 1));
        return i + 1;
      }
      if (c === 0x5b) inSubset = true;
      i++;
    } else if (c === 0x5d) {
      inSubset = false;
      i++;
    } else if (c === 0x3c && (text.charCodeAt(i + 1) === 0x3f || (text.charCodeAt(i + 1) === 0x21 && text.startsWith("--", i + 2)))) {
      const comment = text.charCodeAt(i + 1) === 0x21;
      const close = comment ? text.indexOf("-->", i + 4) : text.indexOf("?>", i + 2);
      if (close < 0) return -1;
      keep?.push(text.slice(piece, i), " ");
      i = piece = close + (comment ? 3 : 2);
    } else {
      i++; // `<!ENTITY`, `<!ELEMENT`, `>` ending one of them: their quotes are read by this loop
    }
  }
  return -1;
}

/**
 * Reads the prolog of `text` up to its root element. With `keepDoctype`, also
 * collects the doctype without its subset's comments and processing instructions
 * (cost: one copy of the doctype).
 */
export function readProlog(text: string, keepDoctype = false): Prolog {
  const keep: string[] | null = keepDoctype ? [] : null;
  let declaration = "";
  const done = (rootAt: number): Prolog => ({ rootAt, declaration, doctype: keep ? keep.join("") : "" });
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || isSpace(c)) {
      i++;
      continue;
    }
    if (c !== 0x3c) return done(-1); // not "<"
    if (text.startsWith("<?", i)) {
      const e = text.indexOf("?>", i + 2);
      if (e < 0) return done(-1);
      if (i === 0 && /^<\?xml\s/.test(text.slice(0, 6)) && e + 2 <= MAX_DECLARATION) declaration = text.slice(0, e + 2);
      i = e + 2;
    } else if (text.startsWith("<!--", i)) {
      const e = text.indexOf("-->", i + 4);
      if (e < 0) return done(-1);
      i = e + 3;
    } else if (text.startsWith("<!", i)) {
      i = skipDeclaration(text, i, keep);
      if (i < 0) return done(-1);
    } else {
      return done(i);
    }
  }
  return done(-1);
}

/** The index of the root element's `<` after a prolog of any length, or -1 (see {@link readProlog}). */
export function rootElementStart(text: string): number {
  return readProlog(text).rootAt;
}
