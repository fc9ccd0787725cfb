/**
 * Cuts from the HTML string what can never be article text and that every
 * later step throws away: scripts (JSON-LD kept, the metadata stage reads it),
 * styles, inline SVG, noscript, iframes, templates, select menus, comments,
 * and the page's menus (`<nav>`) and footers (`<footer>`). The placeholders
 * of streamed rendering (`<template id="B:n">` and `"P:n"`, n hexadecimal, `<!--/$-->`) are kept for
 * streamed.ts. Parsing fewer nodes
 * is the cheapest speed-up we have (linkedom pays for every node it builds):
 * menus and footers alone took a sixth of the extraction time on the AEB pages,
 * and cutting them changed neither the body F1 nor any metadata score there.
 *
 * A plain scanner with indexOf, no regular expression over the input: each
 * opening is matched to the first closing after it, and an unclosed one stops
 * the stripping (the rest is kept as is), so the work is linear.
 */
const OPEN = /<(script|style|svg|noscript|iframe|template|select|nav|footer)[\s>/]|<!--/gi;

/** Returns the HTML without scripts (but JSON-LD), styles, SVG, noscript, iframes, templates, selects, menus, footers and comments. */
export function stripInvisible(html: string): string {
  const lower = html.toLowerCase();
  if (lower.length !== html.length) return html; // case mapping changed lengths: offsets unsafe
  const out: string[] = [];
  let last = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(lower); m; m = OPEN.exec(lower)) {
    const at = m.index;
    const tag = m[1];
    if (!tag) {
      const end = lower.indexOf("-->", at + 4);
      if (end < 0) break;
      if (end === at + 6 && lower.startsWith("<!--/$-->", at)) { OPEN.lastIndex = end + 3; continue; } // streamed boundary end, see streamed.ts
      out.push(html.slice(last, at));
      last = end + 3;
      OPEN.lastIndex = last;
      continue;
    }
    const close = lower.indexOf(`</${tag}`, at + tag.length + 1);
    if (close < 0) break;
    const closeEnd = lower.indexOf(">", close);
    if (closeEnd < 0) break;
    if (tag === "template" && /^<template id="[bp]:[0-9a-f]{1,6}">$/.test(lower.slice(at, lower.indexOf(">", at) + 1))) {
      OPEN.lastIndex = closeEnd + 1; // a streamed segment's placeholder, see streamed.ts
      continue;
    }
    if (tag === "script") {
      const openEnd = lower.indexOf(">", at);
      if (lower.slice(at, openEnd).includes("ld+json")) {
        OPEN.lastIndex = closeEnd + 1;
        continue;
      }
    }
    out.push(html.slice(last, at));
    last = closeEnd + 1;
    OPEN.lastIndex = last;
  }
  if (last === 0) return html;
  out.push(html.slice(last));
  return out.join("");
}
