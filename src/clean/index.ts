import type { ArticleLayout, Caption, LayoutField, Message, Paragraph, Removed } from "../model/index.js";
import { LIMITS, MessageBag } from "../model/index.js";
import { coalesceLines, groupLines, splitBlocks, type Block } from "./blocks.js";
import { findCaption } from "./captions.js";
import { assessProse, extendRun, labelTeaserLists, mainRun, type Prose } from "./classify.js";
import { findDateline, findOutlets } from "./dateline.js";
import { inlineDatePrefix } from "./fields.js";
import { labelFieldLines, labelHeadAndTail, labelTitle } from "./head.js";
import { applyRules, CLUTTER_RULES, isBullet, markRepeats } from "./rules.js";
import { keepWhenNoBody } from "./fallback.js";

/** What the plain-text cleaner returns. */
export interface TextCleaning {
  layout: ArticleLayout;
  messages: Message[];
}

/**
 * Divides plain text scraped with its page clutter into body paragraphs,
 * headings, captions, metadata lines and removed clutter. `layout.text` is
 * exactly `text`. Blocks are lines; ordered rules label clutter, captions and
 * metadata lines; a jusText-style prose score and the densest run of prose
 * decide the body. A dateline ("MEXICO CITY (AP) —") stays inside its
 * paragraph's span and is also reported as a `dateline` field.
 */
export function cleanText(text: string, input = "-"): TextCleaning {
  const bag = new MessageBag(input);
  if (typeof text !== "string") {
    bag.error("clean:not-text", `input ${input} is not a string`);
    text = "";
  }
  const layout: ArticleLayout = { text, paragraphs: [], captions: [], removed: [], title: null, standfirst: null, fields: [] };
  // More lines than any article has (1 MB of one-letter lines has 500,000): read in groups.
  const grouped = groupLines(text, LIMITS.textBlocks);
  let blocks = grouped ? grouped.blocks : splitBlocks(text);
  if (blocks.length === 0) {
    bag.warn("clean:empty", `input ${input} has no text`);
    return { layout, messages: bag.messages };
  }
  if (grouped) {
    bag.warn("clean:too-many-lines", `input ${input} has ${grouped.lines} lines; neighbouring lines were read together`);
  } else if (blocks.length > LIMITS.textBlocks) {
    bag.warn("clean:too-many-lines", `input ${input} has ${blocks.length} non-blank lines; neighbouring lines were read together`);
    blocks = coalesceLines(text, blocks, LIMITS.textBlocks);
  }
  // Metadata written inline before the first paragraph.
  for (const b of blocks.slice(0, 5)) {
    const p = inlineDatePrefix(b);
    if (!p) continue;
    b.inlineFields.push({ kind: p.kind, start: b.start, end: p.end, rule: "clean:inline-date" });
    b.start = p.end;
    b.text = text.slice(b.start, b.end);
  }
  const ctx = { blocks };
  applyRules(CLUTTER_RULES, ctx);
  labelCaptions(blocks);
  labelFieldLines(blocks);
  markRepeats(blocks);
  labelTitle(blocks);
  labelTitleRepeats(blocks);
  const prose = assessProse(blocks);
  labelTeaserLists(blocks, prose);
  const found = mainRun(blocks, prose);
  const run = found ? extendRun(blocks, prose, found) : null;
  labelHeadAndTail(blocks, run);
  labelBody(blocks, prose, run, bag);
  build(layout, blocks, bag);
  keepWhenNoBody(layout, bag);
  return { layout, messages: bag.messages };
}

function labelCaptions(blocks: Block[]): void {
  const ctx = { blocks };
  for (const b of blocks) {
    if (b.label) continue;
    const hit = findCaption(b, ctx);
    if (!hit) continue;
    if (hit.rule === "clean:caption-credit-line") {
      const prev = blocks[b.index - 1];
      if (prev?.label?.caption && !prev.label.caption.credit) {
        prev.label.caption.credit = hit.credit;
        b.label = { role: "caption", rule: hit.rule };
      } else b.label = { role: "field", field: "credit", rule: hit.rule };
      continue;
    }
    b.label = { role: "caption", rule: hit.rule, caption: { text: hit.text, credit: hit.credit } };
    for (let i = hit.from; i < b.index; i++) blocks[i]!.label = { role: "caption", rule: hit.rule };
  }
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Copies of the headline (and of the page title without its " | Site" suffix) are not body text. */
function labelTitleRepeats(blocks: Block[]): void {
  const keys = new Set<string>();
  const title = blocks.find((b) => b.label?.role === "title");
  if (title) keys.add(norm(title.text));
  const first = blocks[0];
  if (first && first.text.length <= 200) keys.add(norm(first.text.split(/\s[|–—-]\s|\s::\s/)[0]!));
  keys.delete("");
  for (const b of blocks) {
    if (b.index === 0 || b.label || b.text.length > 200 || b.text.split(/\s+/).length < 3) continue;
    if (keys.has(norm(b.text))) b.label = { role: "clutter", reason: "title-repeat", rule: "clean:title-repeat" };
  }
}

const HEADING = /^[\p{Lu}\p{N}"“‘'¿¡]/u;

function labelBody(blocks: Block[], prose: Map<number, Prose>, run: [number, number] | null, bag: MessageBag): void {
  let afterBreaker = false;
  // The last breaker before the run: prose above it belongs to another part of the page.
  let lastBreakerBefore = -1;
  if (run) for (let i = 0; i < run[0]; i++) if (blocks[i]!.label?.breaker) lastBreakerBefore = i;
  for (const b of blocks) {
    if (b.label?.breaker) afterBreaker = true;
    const inRun = !!run && b.index >= run[0] && b.index <= run[1];
    if (inRun && b.label?.rule === "clean:repeated" && b.text.length >= 40) b.label = null;
    if (b.label) continue;
    const p = prose.get(b.index);
    const inside = !!run && b.index >= run[0] && b.index <= run[1];
    if (!inside) {
      const before = !run || b.index < run[0];
      const listed = !before && isBullet(b.text) && [blocks[b.index - 1], blocks[b.index + 1]].some((o) => !!o && isBullet(o.text));
      b.label = { role: "clutter", reason: (afterBreaker || listed) && !before ? "related-links" : before ? "header" : "footer", rule: listed ? "clean:headline-list" : "clean:outside-main" };
      if (p?.quality === "good" && !afterBreaker && !(before && b.index < lastBreakerBefore)) {
        unsure(bag, "prose outside the main run of the article was left out", b);
      }
      continue;
    }
    if (!p || p.quality !== "short") { b.label = { role: "paragraph", rule: "clean:prose" }; continue; }
    const next = nextContent(blocks, b.index, run![1], 1);
    const prev = nextContent(blocks, b.index, run![0], -1);
    const isProse = (o: Block | undefined) => !!o && (o.label?.role === "paragraph" || (!o.label && !!prose.get(o.index) && prose.get(o.index)!.quality !== "short"));
    const wordsN = b.text.split(/\s+/).length;
    // A subheading stands between paragraphs of the article.
    if (isProse(next) && (isProse(prev) || !prev) && HEADING.test(b.text) && !/[.,;…]\s?["”’»)]*$/u.test(b.text) && wordsN >= 2 && wordsN <= 16) {
      b.label = { role: "heading", rule: "clean:heading" };
    } else if (wordsN >= 4 && (p.sentence || p.density >= 0.2)) {
      b.label = { role: "paragraph", rule: "clean:short-sentence" };
    } else if (wordsN >= 3) {
      b.label = { role: "paragraph", rule: "clean:unsure" };
      unsure(bag, "short line inside the article kept as a paragraph", b);
    } else b.label = { role: "clutter", reason: "short-line", rule: "clean:short-line" };
  }
}

/** Adds a `clean:unsure-block` message, at most `LIMITS.unsureMessages` per input (then one summary). */
function unsure(bag: MessageBag, reason: string, b: Block): void {
  const n = bag.messages.filter((m) => m.ruleId === "clean:unsure-block").length;
  if (n < LIMITS.unsureMessages) bag.info("clean:unsure-block", reason, { start: b.start, end: b.end });
  else if (n === LIMITS.unsureMessages) bag.info("clean:unsure-block", `more than ${LIMITS.unsureMessages} unsure blocks; further ones are not reported`, null);
}

function nextContent(blocks: Block[], i: number, limit: number, dir: 1 | -1): Block | undefined {
  for (let j = i + dir; dir === 1 ? j <= limit : j >= limit; j += dir) {
    const o = blocks[j]!;
    if (o.label && (o.label.role === "caption" || o.label.role === "clutter")) continue;
    return o;
  }
  return undefined;
}

function build(layout: ArticleLayout, blocks: Block[], bag: MessageBag): void {
  const paragraphs: Paragraph[] = [], captions: Caption[] = [], removed: Removed[] = [], fields: LayoutField[] = [];
  let captionStart = -1;
  let lastCaptionBlock = -2;
  for (const b of blocks) {
    const span = { start: b.start, end: b.end };
    for (const f of b.inlineFields) {
      fields.push({ kind: f.kind, span: { start: f.start, end: f.end }, rule: f.rule });
      removed.push({ span: { start: f.start, end: f.end }, reason: "metadata", rule: f.rule });
    }
    const l = b.label!;
    switch (l.role) {
      case "paragraph": case "heading":
        paragraphs.push({ span, kind: l.role });
        break;
      case "caption":
        // A credit line under a caption ("Image credit: X") extends that caption.
        if (!l.caption && l.rule === "clean:caption-credit-line" && lastCaptionBlock === b.index - 1 && captions.length) {
          captions[captions.length - 1]!.span.end = b.end;
          removed.push({ span, reason: "caption", rule: l.rule });
          lastCaptionBlock = b.index;
          continue;
        }
        if (captionStart < 0) captionStart = b.start;
        removed.push({ span, reason: "caption", rule: l.rule });
        if (l.caption) {
          captions.push({ span: { start: captionStart, end: b.end }, text: l.caption.text, credit: l.caption.credit });
          captionStart = -1;
          lastCaptionBlock = b.index;
        }
        continue;
      case "title": case "standfirst": case "field":
        if (l.role === "title") layout.title = span;
        if (l.role === "standfirst") layout.standfirst = span;
        fields.push({ kind: l.field ?? (l.role as "title"), span, rule: l.rule });
        removed.push({ span, reason: "metadata", rule: l.rule });
        break;
      default:
        removed.push({ span, reason: l.reason ?? "clutter", rule: l.rule });
    }
    captionStart = -1;
  }
  const first = paragraphs.find((p) => p.kind === "paragraph");
  if (first) {
    const d = findDateline(layout.text, first.span);
    if (d) fields.push({ kind: "dateline", span: d, rule: "clean:dateline" });
  }
  for (const f of findOutlets(layout.text, removed)) fields.push(f);
  if (paragraphs.length === 0) bag.warn("clean:no-body", "no article body found", null);
  layout.paragraphs = paragraphs;
  layout.captions = captions;
  layout.removed = removed.sort((a, b) => a.span.start - b.span.start);
  layout.fields = fields.sort((a, b) => a.span.start - b.span.start);
}
