import type { Aligned } from "./align.js";
import { boxedBlocks } from "./boxes.js";
import type { Ancestry, Rendering } from "./render-text.js";

/**
 * The author box many articles carry inside their container ("Jane Doe is a
 * freelance writer covering ..."), found by markup rather than by site: a
 * small group of kept blocks under an element marked as an author card by its
 * class or id (the vocabulary Readability's byline check and microformats
 * use: bio, author-bio, about-the-author, vcard, byline) or by
 * itemprop/rel="author". The group must be small beside the article, so a
 * page-wide wrapper that happens to carry such a class is never dropped.
 */

/** Ancestors of a block looked at for an author mark. */
const BIO_DEPTH = 4;
/** The marked element's kept text is at most this many characters (600, 1200 or 2400: 1200 chosen on every fold of 5-fold host-grouped cross-validation, tied with 2400)... */
const BIO_CHARS = 1200;
/** ...and at most this share of the kept text. */
const BIO_SHARE = 0.25;

const BIO_TOKEN = /^(?:bio|bios|vcard|byline|authorbio|authorbox|authorcard|authorinfo|authorprofile|aboutauthor|abouttheauthor)$/;

function marked(anc: Ancestry): boolean {
  const el = anc.el;
  if (el.getAttribute("itemprop") === "author" || el.getAttribute("rel") === "author") return true;
  // Class and id as rendered: Readability strips the classes of the elements it keeps.
  const names = anc.names;
  if (names.length > 300) return false;
  // "author-bio", "author_box", "AuthorBio": split on separators, and also try each pair of neighbours joined.
  const toks = names.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  for (let i = 0; i < toks.length; i++) if (BIO_TOKEN.test(toks[i]!) || (i + 1 < toks.length && BIO_TOKEN.test(toks[i]! + toks[i + 1]!)) || (i + 2 < toks.length && BIO_TOKEN.test(toks[i]! + toks[i + 1]! + toks[i + 2]!))) return true;
  return false;
}

/** Marks kept blocks of `aligned` that sit in a small author box as dropped. */
export function dropAuthorBoxes(page: Rendering, aligned: Aligned[]): void {
  const { owner, chars, total } = boxedBlocks(page, aligned, BIO_DEPTH, marked);
  for (const [k, anc] of owner) {
    const c = chars.get(anc)!;
    if (c > BIO_CHARS || c > BIO_SHARE * total) continue;
    aligned[k] = { ...aligned[k]!, dropped: { reason: "byline", rule: "html:author-box" } };
  }
}
