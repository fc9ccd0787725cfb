import type { Aligned } from "./align.js";
import { blockAt } from "./align.js";
import type { Ancestry, Rendering } from "./render-text.js";

/**
 * Boxes of other content inside the article's container, found by markup
 * rather than by site: a group of kept blocks under an element whose class or
 * id names it as related or recommended posts, a newsletter or subscription
 * form, share buttons, a tag list or comments (the vocabulary Readability's
 * own clutter check uses, read here on the blocks it kept or the sibling walk
 * added). The group must be small beside the article, so a page-wide wrapper
 * that happens to carry such a class ("has-comments", "post-related-wrap") is
 * never dropped.
 */

/** Ancestors of a block looked at for a mark. */
const BOX_DEPTH = 6;
/** The marked element's kept text is at most this share of the kept text (0.15, 0.3 or 0.5 gave the same pages on WCXB dev; the middle one kept). */
const BOX_SHARE = 0.3;

/** Class and id words (after splitting on separators and camel case, alone or two or three joined) that name each kind of box. */
const BOX_KINDS: Record<string, RegExp> = {
  related: /^(?:related|relatedposts?|relatedarticles?|relatedcontent|relatedstories|relatedlinks|recommended|recommendations|morestories|morearticles|moreposts|youmayalsolike|readnext|readmore)$/,
  newsletter: /^(?:newsletter|newsletters|subscribe|subscription|signup|optin|emailsignup|mailchimp|mcembeddedsubscribe)$/,
  share: /^(?:share|sharing|sharebuttons|socialshare|sharedaddy|sharethis|addthis|social|socials|socialicons|sociallinks)$/,
  tags: /^(?:tags|taglist|tagcloud|posttags|entrytags|articletags|tagged)$/,
  comments: /^(?:comments|commentlist|commentsarea|respond|disqus|discussion)$/,
};

/** Elements that hold a box; headings, paragraphs and links carry their own text's slug as an id. */
const CONTAINER = /^(?:div|section|aside|ul|ol|dl|footer|form|figure)$/;

const ENABLED = Object.values(BOX_KINDS);

/** Whether an element's class or id marks it as one of the box kinds. */
function marked(anc: Ancestry, kinds: readonly RegExp[]): boolean {
  let names = anc.names;
  if (names.length > 300 || names.length < 3 || !CONTAINER.test(anc.el.localName)) return false;
  // An id of many words is a slug of the element's own text ("what-is-social-shopping"), not a name for its role.
  const id = anc.el.getAttribute("id");
  if (id && id.split(/[^A-Za-z]+/).length > 3) names = names.slice(0, names.length - id.length);
  // "related-posts", "share_buttons", "RelatedArticles": split on separators, and also try neighbours joined.
  const toks = names.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z]+/).filter(Boolean);
  for (let i = 0; i < toks.length; i++) {
    const one = toks[i]!, two = i + 1 < toks.length ? one + toks[i + 1]! : "", three = i + 2 < toks.length ? two + toks[i + 2]! : "";
    for (const re of kinds) if (re.test(one) || (two && re.test(two)) || (three && re.test(three))) return true;
  }
  return false;
}

/**
 * The kept blocks of `aligned` that sit in a box (`isBox`, looked for up to
 * `depth` ancestors up), the characters each box holds, and all kept characters.
 */
export function boxedBlocks(page: Rendering, aligned: readonly Aligned[], depth: number, isBox: (anc: Ancestry) => boolean): { owner: Map<number, Ancestry>; chars: Map<Ancestry, number>; total: number } {
  const owner = new Map<number, Ancestry>();
  const chars = new Map<Ancestry, number>();
  let total = 0;
  aligned.forEach((a, k) => {
    if (a.dropped || a.kind === "caption") return;
    const n = a.span.end - a.span.start;
    total += n;
    const bi = blockAt(page.blocks, a.span.start);
    let anc = bi >= 0 ? page.blocks[bi]!.ancestry : null;
    for (let d = 0; anc && d < depth; d++, anc = anc.up) {
      if (isBox(anc)) {
        owner.set(k, anc);
        chars.set(anc, (chars.get(anc) ?? 0) + n);
        break;
      }
    }
  });
  return { owner, chars, total };
}

/** Marks kept blocks of `aligned` that sit in a small related, newsletter, share, tag or comment box as dropped. */
export function dropMarkedBoxes(page: Rendering, aligned: Aligned[], kinds: readonly RegExp[] = ENABLED): void {
  if (!kinds.length) return;
  const { owner, chars, total } = boxedBlocks(page, aligned, BOX_DEPTH, (anc) => marked(anc, kinds));
  for (const [k, anc] of owner) {
    if (chars.get(anc)! > BOX_SHARE * total) continue;
    aligned[k] = { ...aligned[k]!, dropped: { reason: "related-links", rule: "html:marked-box" } };
  }
}
