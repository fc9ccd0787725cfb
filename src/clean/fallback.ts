import type { ArticleLayout, MessageBag } from "../model/index.js";

/** Fewest words a block needs to be kept as a paragraph by the fallback. */
const MIN_WORDS = 3;

/**
 * When no run of prose stands out (a short note, a text without any clutter),
 * the body would be empty and a real article lost. Following "when unsure, keep
 * it": blocks removed only for lying outside the main run are kept as paragraphs,
 * each with a `clean:unsure-block` warning. Blocks removed by a clutter rule stay removed.
 */
export function keepWhenNoBody(layout: ArticleLayout, bag: MessageBag): void {
  if (layout.paragraphs.some((p) => p.kind === "paragraph")) return;
  const kept = layout.removed.filter((r) => r.rule === "clean:outside-main" && wordCount(layout.text.slice(r.span.start, r.span.end)) >= MIN_WORDS);
  if (kept.length === 0) return;
  const keep = new Set(kept);
  layout.removed = layout.removed.filter((r) => !keep.has(r));
  for (const r of kept) {
    layout.paragraphs.push({ span: r.span, kind: "paragraph" });
    bag.warn("clean:unsure-block", "no clear article body: kept this block as a paragraph", r.span);
  }
  layout.paragraphs.sort((a, b) => a.span.start - b.span.start);
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}
