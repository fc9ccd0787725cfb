import type { Block } from "./blocks.js";
import type { RuleContext } from "./rules.js";

/** What a caption rule found: the caption text without its credit, and the credit. */
export interface CaptionHit {
  rule: string;
  text: string;
  credit: string | null;
  /** Index of the first block of the caption (a DW-style pair spans two lines). */
  from: number;
}

// Patterns run only on blocks of at most 500 characters, so their bounded
// repetitions cannot blow up.
const CREDIT_WORD = /(?:photo|foto|image|picture|getty|afp|reuters|\bap\b|\bepa\b|shutterstock|courtesy|pool|handout|via |\/|credit|xinhua|dpa|anadolu|bloomberg|istock|alamy|file)/i;
const PAREN_CREDIT = /^(.{8,450}?)\s*\(([^()]{2,120})\)\.?$/su;
const IMAGE_CREDIT = /^(.{0,450}?)\s*(?:image|photo|picture|photograph|foto|bild|credit|image credit|photo credit|pic)s?\s*:\s*([^:]{2,120})$/iu;
const CREDIT_ONLY = /^(?:image|photo|picture|photograph|foto|bild|credit|image credit|photo credit|pic)s?\s*(?::|by)\s*(.{2,120})$/iu;
const CREDIT_SLASH = /^[\p{L}\p{N} .,'’&-]{2,60}\/[\p{L}\p{N} .,'’&\/-]{2,80}$/u;
const CREDIT_SOURCE = /(?:getty|afp|reuters|\bap\b|\bepa\b|shutterstock|images|picture alliance|zuma|xinhua|dpa|istock|alamy)$/i;
const FILE_PREFIX = /^file(?: photo)?\s*[-–—:]\s/i;
const POSITION = /^(?:above|below|top|left|right|pictured|main image|inset|top photo|header image)\s*:\s/i;

const STRONG_CREDIT = /(?:photo|foto|getty|images|shutterstock|istock|alamy|\/)/i;

/** A credit is a name or agency list, not a sentence. */
function creditShaped(s: string): boolean {
  const t = s.trim();
  return !/[.!?]$/u.test(t) || /\b[A-Z]\.$/u.test(t) ? t.split(/\s+/).length <= 10 : false;
}

/** Strips the ", File" that AP puts after a credit. */
function cleanCredit(s: string): string {
  return s.trim().replace(/,\s*(?:file|pool|handout)$/i, "").trim();
}

/**
 * Recognizes a photo caption: a line ending in a parenthesized credit
 * ("(AP Photo/Marco Ugarte, File)"), a line ending "Image: Alfredo Estrella/AFP"
 * (with the line just before it when no blank line parts them), "FILE -" lines,
 * "Above: ..." lines and bare "Image credit: X" lines.
 */
export function findCaption(b: Block, ctx: RuleContext): CaptionHit | null {
  if (b.text.length > 500) return null;
  const t = b.text;
  const image = IMAGE_CREDIT.exec(t);
  if (image && image[1]!.length > 0 && creditShaped(image[2]!)) {
    const prev = ctx.blocks[b.index - 1];
    // DW prints the caption's description and its "[FILE: date]Image: credit" line as a pair.
    const pair = !!prev && !prev.label && !b.blankBefore && prev.text.length <= 300 && /[.!?]$/u.test(prev.text);
    const text = pair ? `${prev!.text}\n${image[1]!.trim()}` : image[1]!.trim();
    return { rule: "clean:caption-image-credit", text, credit: cleanCredit(image[2]!), from: pair ? prev!.index : b.index };
  }
  const only = CREDIT_ONLY.exec(t);
  if (only && t.length <= 140) return { rule: "clean:caption-credit-line", text: "", credit: cleanCredit(only[1]!), from: b.index };
  if (t.length <= 140 && CREDIT_SLASH.test(t) && CREDIT_SOURCE.test(t)) return { rule: "clean:caption-credit-line", text: "", credit: cleanCredit(t), from: b.index };
  const paren = PAREN_CREDIT.exec(t);
  if (paren && (STRONG_CREDIT.test(paren[2]!) || FILE_PREFIX.test(t) || (CREDIT_WORD.test(paren[2]!) && !/[.!?"”]$/u.test(paren[1]!.trim())))) {
    return { rule: "clean:caption-paren-credit", text: paren![1]!.trim(), credit: cleanCredit(paren![2]!), from: b.index };
  }
  if (FILE_PREFIX.test(t) && t.length <= 400) return { rule: "clean:caption-file", text: t, credit: null, from: b.index };
  if (POSITION.test(t) && t.length <= 400) return { rule: "clean:caption-position", text: t, credit: null, from: b.index };
  return null;
}
