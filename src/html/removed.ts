import type { Removed, Span } from "../model/index.js";
import type { RenderedBlock, Rendering } from "./render-text.js";

/** Why a page block outside the article was left out, from where it sat. */
function reasonOf(b: RenderedBlock): { reason: string; rule: string } {
  const len = b.end - b.start;
  if (b.ctx.nav) return { reason: "navigation", rule: "html:in-nav" };
  if (b.ctx.chrome) return { reason: "boilerplate", rule: "html:in-page-chrome" };
  if (len > 0 && b.linkChars / len > 0.5) return { reason: "related-links", rule: "html:link-dense" };
  return { reason: "not-main-content", rule: "html:outside-article" };
}

/**
 * Everything of the page text that is neither body nor caption, as removed
 * spans: dropped blocks keep the reason of the rule that dropped them; the rest
 * take a reason from their page block. Neighbours with the same reason merge.
 */
export function computeRemoved(
  page: Rendering,
  kept: readonly Span[],
  dropped: readonly { span: Span; reason: string; rule: string }[],
): Removed[] {
  const text = page.text;
  const taken = [...kept, ...dropped.map((d) => d.span)].sort((a, b) => a.start - b.start);
  const pieces: Removed[] = dropped.map((d) => ({ span: d.span, reason: d.reason, rule: d.rule }));
  let ti = 0;
  for (const b of page.blocks) {
    let pos = b.start;
    while (ti < taken.length && taken[ti]!.end <= pos) ti++;
    let j = ti;
    const r = reasonOf(b);
    while (pos < b.end) {
      const t = taken[j];
      const stop = t && t.start < b.end ? Math.max(t.start, pos) : b.end;
      if (stop > pos) pieces.push({ span: { start: pos, end: stop }, ...r });
      if (!t || t.start >= b.end) break;
      pos = Math.max(pos, t.end);
      j++;
    }
  }
  pieces.sort((a, b) => a.span.start - b.span.start);
  const out: Removed[] = [];
  for (const p of pieces) {
    // Trim whitespace at the ends; skip pieces that are only whitespace.
    let { start, end } = p.span;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    const last = out[out.length - 1];
    if (last && last.reason === p.reason && last.rule === p.rule && /^\s*$/.test(text.slice(last.span.end, start))) {
      last.span = { start: last.span.start, end };
      continue;
    }
    if (last && start < last.span.end) start = last.span.end;
    if (end <= start) continue;
    out.push({ span: { start, end }, reason: p.reason, rule: p.rule });
  }
  return out;
}
