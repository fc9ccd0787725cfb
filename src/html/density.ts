import type { Candidate } from "./align.js";
import type { Rendering } from "./render-text.js";

/**
 * A text-density extractor used when Readability cannot run (too deep, too
 * many elements) or finds nothing. It works on the rendered blocks only, so it
 * is linear and cannot recurse: each block is scored as text (long, few links,
 * not in navigation or page chrome) or clutter, and the run of blocks with the
 * largest score sum (Kadane) is the body, in the manner of jusText/BTE.
 */
export function densityCandidates(r: Rendering): Candidate[] {
  const { text, blocks } = r;
  if (blocks.length === 0) return [];
  const value = blocks.map((b) => {
    const len = b.end - b.start;
    const linkShare = len ? b.linkChars / len : 1;
    if (b.ctx.nav || b.ctx.chrome) return -len;
    if (linkShare > 0.4) return -len;
    if (b.ctx.heading) return 10;
    if (len < 50) return -5;
    return len * (1 - linkShare);
  });
  let best = 0, bestStart = -1, bestEnd = -1, sum = 0, start = 0;
  for (let i = 0; i < value.length; i++) {
    if (sum <= 0) { sum = 0; start = i; }
    sum += value[i]!;
    if (sum > best) { best = sum; bestStart = start; bestEnd = i; }
  }
  if (bestStart < 0) return [];
  const out: Candidate[] = [];
  for (let i = bestStart; i <= bestEnd; i++) {
    const b = blocks[i]!;
    const v = value[i]!;
    const t = text.slice(b.start, b.end);
    if (v < 0 && (b.end - b.start) > 0) {
      out.push({ text: t, kind: "paragraph", dropped: { reason: b.ctx.nav ? "navigation" : "boilerplate", rule: "html:density-low" } });
      continue;
    }
    out.push({ text: t, kind: b.ctx.caption ? "caption" : b.ctx.heading ? "heading" : "paragraph" });
  }
  return out;
}
