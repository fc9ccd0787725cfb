import type { Aligned } from "./align.js";
import { blockAt } from "./align.js";
import type { Ancestry, RenderedBlock, Rendering } from "./render-text.js";
import { RELATED_HEADING } from "./related.js";

/**
 * Articles split over sibling containers: the extractor picks one container
 * (one section, one column, the part before an ad slot) and the rest of the
 * text sits in its siblings. From the container holding most of the kept
 * text, this walks outward through the siblings of it and of up to
 * {@link LEVELS} ancestors, both ways, and takes sibling containers that read
 * as body text (mostly long, link-poor blocks) and either repeat the
 * container's own shape (same tag and classes: the next section of one
 * template), are text elements themselves (p, lists, quotes), or are plain
 * prose of three paragraphs or more with almost no links; the short headings
 * between them come along. A direction stops at the first sizeable sibling
 * that does not read as body text (a related-stories box, comments,
 * navigation), and nothing beside an <article> element is taken, so only a
 * continuous run of text is added, bounded by {@link MAX_GROWTH}. A short
 * sibling of the container's own shape that is prose with few links (a
 * one-paragraph section) is taken too, and a short line of that shape waits
 * for text after it like a heading, instead of ending the walk. Inside the
 * container itself, children the extractor dropped that read as plain body
 * text (sections Readability removes for a class like "widget") are taken
 * back, with the short heading before them.
 */

/** Ancestors of the chosen container whose siblings are looked at (wrappers without other text do not count). */
const LEVELS = 3;
/** Added text is at most this many times the text already kept. */
const MAX_GROWTH = 3;
/** A block is prose when at least this long, with few links. */
const PROSE_CHARS = 80;
/** Pages nested deeper than this are left alone (the walks are linear in depth). */
const MAX_DEPTH = 200;
/** Prose characters a sibling needs to be taken (chosen among 150/250/400 by 5-fold host-grouped cross-validation on WCXB dev). */
const MIN_PROSE = 400;
/** A sibling that does not read as text and is at least this long ends the walk that way. */
const STOP_CHARS = 150;
/**
 * Text inside the container taken back must be this much prose (besides reading as text, which allows links up to 15%
 * of it; a stricter 2% or 5% link limit was tried and 15% chosen on every fold of 5-fold host-grouped cross-validation).
 */
const HOLE_PROSE = 0.7;

interface Group { key: Ancestry | null; blocks: number[]; chars: number; links: number; prose: number; proseBlocks: number; teasers: number; chrome: boolean; heading: boolean; related: boolean }

const len = (b: RenderedBlock): number => b.end - b.start;

/** Whether `node` is `anc` or lies below it. */
function under(node: Ancestry | null, anc: Ancestry): boolean {
  for (let n = node; n && n.depth >= anc.depth; n = n.up) if (n === anc) return true;
  return false;
}

/** The child of `anc` on the way to `node` (or `node`'s own chain when it is not below). */
function childOf(node: Ancestry | null, anc: Ancestry): Ancestry | null {
  for (let n = node; n; n = n.up) if (n.up === anc) return n;
  return null;
}

/** The deepest element holding at least 80% of the kept characters. */
function mainContainer(blocks: readonly RenderedBlock[], kept: ReadonlySet<number>): Ancestry | null {
  const sums = new Map<Ancestry, number>();
  let total = 0;
  for (const i of kept) {
    const b = blocks[i]!;
    if ((b.ancestry?.depth ?? 0) > MAX_DEPTH) return null;
    total += len(b);
    for (let n = b.ancestry; n; n = n.up) sums.set(n, (sums.get(n) ?? 0) + len(b));
  }
  let best: Ancestry | null = null;
  for (const [n, s] of sums) if (s >= 0.8 * total && (!best || n.depth > best.depth)) best = n;
  return best;
}

function summarize(page: Rendering, idx: number[], key: Ancestry | null): Group {
  const g: Group = { key, blocks: idx, chars: 0, links: 0, prose: 0, proseBlocks: 0, teasers: 0, chrome: false, heading: true, related: false };
  for (const i of idx) {
    const b = page.blocks[i]!;
    const n = len(b);
    g.chars += n;
    g.links += b.linkChars;
    if (b.ctx.nav || (b.ctx.chrome && !b.ctx.heading)) g.chrome = true;
    if (!b.ctx.heading) g.heading = false;
    if (n >= PROSE_CHARS && b.linkChars < 0.3 * n && !b.ctx.heading && / \S+ \S+ \S+ /.test(page.text.slice(b.start, b.end))) { g.prose += n; g.proseBlocks++; }
    if (n < 150 && b.linkChars > 0.5 * n) g.teasers++;
  }
  const first = page.blocks[idx[0]!]!;
  const head = page.text.slice(first.start, first.end);
  if (len(first) <= 80 && (RELATED_HEADING.test(head) || COMMENTS_HEADING.test(head))) g.related = true;
  return g;
}

/** Body text: mostly prose (two paragraphs or one long one), few links, no run of linked headlines. */
/** A heading opening the comments ("36 Comments", "Leave a Reply", "Join the discussion"). */
const COMMENTS_HEADING = /^(?:\d[\d,.]*\s+)?(?:comments?|replies|responses|reactions|kommentare?|comentarios?|commentaires?|commenti|коментар\p{L}*|комментари\p{L}*)\b|^(?:leave|post|add|write) a (?:comment|reply)|^join the (?:discussion|conversation)|^discussion$/iu;

/** Text plain enough to take whatever its container's shape: three paragraphs or more and almost no links. */
const plainText = (g: Group): boolean => g.proseBlocks >= 3 && g.links <= 0.05 * g.chars && g.prose >= 0.7 * g.chars;

/** Elements that are text themselves, taken beside a container of any shape. */
const TEXT_TAGS = /^(?:p|h[1-6]|ul|ol|dl|blockquote|pre|table)$/;

/** An element's shape for repeated-structure checks: tag and classes, digits dropped (section-1, section-2 alike). */
function signature(el: Element): string {
  const cls = (el.getAttribute("class") ?? "").replace(/\d+/g, "").trim().split(/\s+/).sort().join(".");
  return `${el.localName}.${cls}`;
}

const readsAsText = (g: Group): boolean =>
  !g.chrome && !g.related && g.teasers < 3 && g.prose >= MIN_PROSE && (g.proseBlocks >= 2 || g.prose >= 2 * MIN_PROSE) && g.prose >= 0.5 * g.chars && g.links <= 0.15 * g.chars;
const smallHeading = (g: Group): boolean => g.heading && !g.chrome && !g.related && g.chars <= 200 && g.links <= 0.5 * g.chars;
/** A short section of the container's own template: some prose, few links (a one-paragraph section between longer ones). */
const shortSection = (g: Group): boolean => !g.chrome && !g.related && g.teasers === 0 && g.proseBlocks >= 1 && g.prose >= 0.6 * g.chars && g.links <= 0.15 * g.chars;
/** A short line of the container's own template (a subheading set as a paragraph), taken only with text after it. */
const shortLine = (g: Group): boolean => !g.chrome && !g.related && g.chars <= 200 && g.links <= 0.5 * g.chars;

/** The page blocks the extractor's paragraphs cover (`taken`), and those it keeps as body text (`kept`: not dropped, not captions). */
function blocksOf(blocks: Rendering["blocks"], aligned: readonly Aligned[]): { kept: Set<number>; taken: Set<number> } {
  const kept = new Set<number>();
  const taken = new Set<number>();
  for (const a of aligned) {
    const s = blockAt(blocks, a.span.start);
    const e = blockAt(blocks, Math.max(a.span.start, a.span.end - 1));
    if (s < 0) continue;
    for (let i = s; i <= Math.max(s, e); i++) {
      taken.add(i);
      if (!a.dropped && a.kind !== "caption") kept.add(i);
    }
  }
  return { kept, taken };
}

/** Page-block indices of the text continuing the article in sibling containers, in text order. */
export function siblingContinuations(page: Rendering, aligned: readonly Aligned[]): number[] {
  const blocks = page.blocks;
  const { kept, taken } = blocksOf(blocks, aligned);
  if (kept.size === 0) return [];
  let cur = mainContainer(blocks, kept);
  if (!cur) return [];
  let keptChars = 0;
  for (const i of kept) keptChars += len(blocks[i]!);
  const budget = MAX_GROWTH * keptChars;
  let added = 0;
  const out: number[] = [];
  let lo = blocks.length, hi = -1;
  for (const i of kept) { if (i < lo) lo = i; if (i > hi) hi = i; }
  // The container's own block range.
  while (lo > 0 && under(blocks[lo - 1]!.ancestry, cur)) lo--;
  while (hi + 1 < blocks.length && under(blocks[hi + 1]!.ancestry, cur)) hi++;
  // Holes: children of the container itself that the extractor dropped but that read as body text (sections Readability
  // removed for a class such as "widget"), with the short headings just before them.
  {
    const container = cur;
    let pending: number[] = [];
    let run: number[] = [];
    let key: Ancestry | null | undefined;
    const flush = (): void => {
      if (!run.length) return;
      const g = summarize(page, run, key ?? null);
      if (g.blocks.some((i) => taken.has(i))) pending = [];
      else if (readsAsText(g) && g.prose >= HOLE_PROSE * g.chars && added + g.chars <= budget) {
        added += g.chars;
        out.push(...pending, ...g.blocks);
        pending = [];
      } else if (smallHeading(g)) pending = [...g.blocks];
      else pending = [];
      run = [];
    };
    for (let i = lo; i <= hi; i++) {
      const k = childOf(blocks[i]!.ancestry, container);
      if (run.length && k !== key) flush();
      key = k;
      run.push(i);
    }
    flush();
  }
  let openBefore = true, openAfter = true;
  let level = 0;
  for (let hops = 0; hops < 4 * LEVELS && level < LEVELS && (openBefore || openAfter); hops++) {
    // An <article> element is the article's own boundary: what lies beside it (comments, more stories) is not taken.
    const parent: Ancestry | null = cur.el.localName === "article" ? null : cur.up;
    if (!parent || parent.el.localName === "html") break;
    let pLo = lo, pHi = hi;
    while (pLo > 0 && under(blocks[pLo - 1]!.ancestry, parent)) pLo--;
    while (pHi + 1 < blocks.length && under(blocks[pHi + 1]!.ancestry, parent)) pHi++;
    if (pLo === lo && pHi === hi) { cur = parent; continue; }
    level++;
    const groups = (from: number, to: number, step: number): Group[] => {
      const gs: Group[] = [];
      let run: number[] = [];
      let key: Ancestry | null | undefined;
      for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
        const k = childOf(blocks[i]!.ancestry, parent);
        if (run.length && k !== key) { gs.push(summarize(page, step > 0 ? run : [...run].reverse(), key ?? null)); run = []; }
        key = k;
        run.push(i);
      }
      if (run.length) gs.push(summarize(page, step > 0 ? run : [...run].reverse(), key ?? null));
      return gs;
    };
    const shape = signature(cur.el);
    const walk = (gs: Group[]): boolean => {
      let pending: number[] = [];
      for (const g of gs) {
        if (g.blocks.some((i) => taken.has(i))) { pending = []; continue; }
        const same = !!g.key && signature(g.key.el) === shape;
        if ((readsAsText(g) && (!g.key || TEXT_TAGS.test(g.key.el.localName) || same || plainText(g))) || (same && shortSection(g))) {
          if (added + g.chars > budget) return false;
          added += g.chars;
          out.push(...pending, ...g.blocks);
          pending = [];
        } else if (smallHeading(g) || (same && shortLine(g))) pending.push(...g.blocks);
        else if (g.chars >= STOP_CHARS || g.chrome || g.related) return false;
      }
      return true;
    };
    if (openBefore) openBefore = walk(groups(lo - 1, pLo, -1));
    if (openAfter) openAfter = walk(groups(hi + 1, pHi, 1));
    cur = parent;
    lo = pLo;
    hi = pHi;
  }
  return out.sort((a, b) => a - b);
}

/** Longest heading recovered between kept blocks (characters). */
const GAP_HEADING_CHARS = 150;
/** How many page blocks apart a recovered heading may sit from the kept text before and after it (1, 2 or 3: 1 chosen on every fold of 5-fold host-grouped cross-validation on WCXB dev). */
const GAP_REACH = 1;

/**
 * Page-block indices of headings the extractor left out between two kept body
 * blocks: a section heading inside the article (often a linked or anchored
 * h2 of a listicle, which Readability removes for its link density) whose
 * preceding and following text were both kept. Headings inside navigation or
 * page chrome, and headings announcing related content or comments, are not
 * taken.
 */
export function gapHeadings(page: Rendering, aligned: readonly Aligned[]): number[] {
  const blocks = page.blocks;
  const { kept, taken } = blocksOf(blocks, aligned);
  const out: number[] = [];
  for (const i of kept) {
    // Look just after each kept block for an untaken heading followed by kept text.
    for (let j = i + 1; j <= i + GAP_REACH && j < blocks.length; j++) {
      if (taken.has(j)) break;
      const b = blocks[j]!;
      if (!b.ctx.heading || b.ctx.nav || b.ctx.chrome || len(b) > GAP_HEADING_CHARS) continue;
      const t = page.text.slice(b.start, b.end);
      if (RELATED_HEADING.test(t) || COMMENTS_HEADING.test(t)) break;
      let next = -1;
      for (let k = j + 1; k <= j + GAP_REACH && k < blocks.length; k++) if (kept.has(k)) { next = k; break; }
      if (next >= 0 && !out.includes(j)) out.push(j);
      break;
    }
  }
  return out.sort((a, b) => a - b);
}
