import type { LayoutField, Removed, Span } from "../model/index.js";

// Bounded, anchored patterns run on the first 160 characters of a paragraph only.
const DATELINE = /^(?:[\p{Lu}][\p{Lu}.'’-]+(?:[ ,]{1,3}[\p{Lu}][\p{L}.'’-]*){0,5}\s{0,3}(?:\([^()\n]{1,40}\))?|\([^()\n]{1,40}\))\s{0,3}[—–-]{1,2}\s/u;

/** The dateline at the start of a paragraph ("MEXICO CITY (AP) —"), without the trailing space. */
export function findDateline(text: string, para: Span): Span | null {
  const head = text.slice(para.start, Math.min(para.end, para.start + 160));
  const m = DATELINE.exec(head);
  if (!m) return null;
  const place = m[0];
  // The place must be written in capitals (or be only an agency in parentheses).
  if (!/^\(/.test(place) && !/^[\p{Lu}]{2,}/u.test(place)) return null;
  return { start: para.start, end: para.start + m[0].trimEnd().length };
}

const OUTLET_PATTERNS = [
  /\bmore ([\p{Lu}][\p{L}\p{N}&.]{0,29}) sites\b/u,
  /^([\p{Lu}][\p{L}\p{N}&.]{0,29})['’]s top stor(?:y|ies)$/u,
  /\bmore (?:stories|news|videos) from ([\p{Lu}][\p{L}\p{N}&.]{0,29})$/u,
];

/** Outlet names that navigation and "related" lines mention ("Skip to more DW sites"). */
export function findOutlets(text: string, removed: readonly Removed[]): LayoutField[] {
  const out: LayoutField[] = [];
  for (const r of removed) {
    if (r.reason !== "navigation" && r.reason !== "related-links") continue;
    if (r.span.end - r.span.start > 120) continue;
    const line = text.slice(r.span.start, r.span.end);
    for (const re of OUTLET_PATTERNS) {
      const m = re.exec(line);
      if (!m) continue;
      const at = r.span.start + m.index + m[0].indexOf(m[1]!);
      out.push({ kind: "outlet", span: { start: at, end: at + m[1]!.length }, rule: "clean:outlet-in-nav" });
      break;
    }
  }
  return out;
}
