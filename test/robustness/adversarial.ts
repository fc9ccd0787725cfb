import fc from "fast-check";
import type { ArticleLayout } from "../../src/model/index.js";

/** Pieces of scraped news pages: datelines, quotes, bullets, clutter and odd whitespace. */
const TEXT_PIECES = [
  "MEXICO CITY (AP) — ", "Claudia Sheinbaum said ", "“", "”", "‘", "’", "\"", "'", "«", "»", "By ", "Reporting by ",
  "\n", "\n\n", "\r\n", "\t", "   ", "\u00a0", "\u200b", "\ufeff", "\u2028", "• ", "* ", "- ", "1. ", "Advertisement",
  "Photo: AP", "(", ")", "[", "]", "{", "}", "—", "–", "...", "…", "Read more", "Share this", "https://apnews.com/a?b=c",
  "12:30 p.m. EDT", "May 3, 2025", "Updated ", ":", ";", "|", "#", "@", "Mr. ", "U.S. ", "<p>", "</div>", "&amp;", "😀", "\u0301",
];

/** Random text: arbitrary Unicode, raw UTF-16 units, and news-like pieces in random order. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 2000 }),
  fc.string({ unit: "binary", maxLength: 2000 }),
  fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 400 }).map((a) => a.join("")),
  fc.array(fc.oneof(fc.constantFrom(...TEXT_PIECES), fc.string({ maxLength: 40 })), { maxLength: 200 }).map((a) => a.join("")),
);

const TAGS = ["div", "p", "span", "a", "article", "section", "h1", "h2", "figure", "figcaption", "ul", "li", "blockquote", "script", "style", "nav", "footer", "table", "td", "time", "br", "img"];
const ATTRS = [
  "", ' class="story-body"', ' class="ad"', ' id="main"', ' itemprop="articleBody"', ' href="/x"', ' datetime="2025-05-03T18:17:00Z"',
  ' aria-hidden="true"', ' style="display:none"', ' class="caption"', ' src="a.jpg" alt="Sheinbaum"', ' class', ' data-x="<>"',
];

/** Random HTML trees, serialized, sometimes cut off or with stray markup. */
export const htmlArb: fc.Arbitrary<string> = (() => {
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      textArb.map((t) => t.slice(0, 200)),
      fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.array(tie("node"), { maxLength: 5 }), fc.boolean()).map(
        ([tag, attrs, kids, close]) => `<${tag}${attrs}>${kids.join("")}${close ? `</${tag}>` : ""}`,
      ),
    ),
  }));
  const page = fc.tuple(fc.boolean(), fc.string({ maxLength: 80 }), fc.array(node, { maxLength: 6 })).map(
    ([doctype, title, body]) => `${doctype ? "<!DOCTYPE html>" : ""}<html><head><title>${title}</title></head><body>${body.join("")}</body></html>`,
  );
  return fc.oneof(page, node, fc.tuple(page, fc.nat()).map(([p, n]) => p.slice(0, n % (p.length + 1))));
})();

/** Adversarial inputs built by repetition: long runs, unbalanced delimiters, deep nesting. */
export function adversarialTexts(): [string, string][] {
  const mb = 1024 * 1024;
  return [
    ["1 MB of 'a'", "a".repeat(mb)],
    ["1 MB of spaces", " ".repeat(mb)],
    ["1 MB of newlines", "\n".repeat(mb)],
    ["1 MB of curly quotes", "“".repeat(mb)],
    ["1 MB of '<'", "<".repeat(mb)],
    ["1 MB of '-'", "-".repeat(mb)],
    ["1 MB of '.'", ".".repeat(mb)],
    ["1 MB of non-breaking spaces", "\u00a0".repeat(mb)],
    ["unbalanced straight quotes", '"He said '.repeat(20_000)],
    ["unbalanced curly quotes", "“Sheinbaum said no, ".repeat(20_000)],
    ["unbalanced brackets", "(((([[[[{{{{ ".repeat(20_000)],
    ["thousands of bullets", "• item\n".repeat(50_000)],
    ["dashes and spaces", "— - — - ".repeat(50_000)],
    ["capitalised words", "BREAKING NEWS ".repeat(50_000)],
    ["one long word per line", ("x".repeat(5000) + "\n").repeat(200)],
    ["repeated dateline", "MEXICO CITY (AP) — ".repeat(30_000)],
    ["alternating quote and newline", '"\n'.repeat(200_000)],
  ];
}

/** Adversarial HTML: deep nesting, unclosed tags, huge attributes, comments and scripts. */
export function adversarialHtml(): [string, string][] {
  const deep = (tag: string, n: number): string => `<${tag}>`.repeat(n) + "deep text" + `</${tag}>`.repeat(n);
  return [
    ["5000 nested divs", `<html><body>${deep("div", 5000)}</body></html>`],
    ["2000 nested spans in a p", `<html><body><p>${deep("span", 2000)}</p></body></html>`],
    ["20000 unclosed p", `<html><body>${"<p>Sheinbaum said no.".repeat(20_000)}</body></html>`],
    ["20000 unclosed divs", `<body>${"<div>".repeat(20_000)}text`],
    ["1 MB attribute", `<html><body><div class="${"a".repeat(1024 * 1024)}"><p>Body text here.</p></div></body></html>`],
    ["1 MB comment, never closed", `<html><body><!--${"-".repeat(1024 * 1024)}`],
    ["1 MB of '<'", "<".repeat(1024 * 1024)],
    ["1 MB of '<p>'", "<p>".repeat(350_000)],
    ["1 MB text paragraph", `<html><body><article><p>${"word ".repeat(200_000)}</p></article></body></html>`],
    ["unterminated script", `<html><body><script>${"var a = '<p>';".repeat(50_000)}`],
    ["thousands of quotes in paragraphs", `<html><body><article>${"<p>“He said ” ‘x</p>".repeat(10_000)}</article></body></html>`],
    ["many list items", `<html><body><ul>${"<li>• item</li>".repeat(40_000)}</ul></body></html>`],
    ["entities", `<html><body><p>${"&amp;&lt;&#x1F600;&bogus;&#99999999;".repeat(20_000)}</p></body></html>`],
  ];
}

/** Every span of a layout lies inside its text. */
export function spansInBounds(layout: ArticleLayout): boolean {
  const n = layout.text.length;
  const ok = (s: { start: number; end: number } | null): boolean => s === null || (s.start >= 0 && s.start <= s.end && s.end <= n);
  return (
    layout.paragraphs.every((p) => ok(p.span)) && layout.captions.every((c) => ok(c.span)) && layout.removed.every((r) => ok(r.span)) &&
    layout.fields.every((f) => ok(f.span)) && ok(layout.title) && ok(layout.standfirst)
  );
}

/** Adversarial feeds: entity expansion, deep nesting, many items, truncation. */
export function adversarialFeeds(): [string, string][] {
  const lol = ["<!ENTITY l0 \"lol\">"];
  for (let i = 1; i <= 8; i++) lol.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return [
    ["billion laughs", `<?xml version="1.0"?><!DOCTYPE rss [${lol.join("")}]><rss version="2.0"><channel><title>&l8;</title><item><title>&l8;</title><description>&l8;</description></item></channel></rss>`],
    ["50000 nested elements in an item", `<rss version="2.0"><channel><item><description>${"<x>".repeat(50_000)}</description></item></channel></rss>`],
    ["5000 items", `<rss version="2.0"><channel><title>T</title>${"<item><title>a</title><description>&lt;p&gt;b&lt;/p&gt;</description></item>".repeat(5_000)}</channel></rss>`],
    ["100000 unclosed items", `<rss version="2.0"><channel>${"<item>".repeat(100_000)}`],
    ["1 MB Atom attribute", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="${"a".repeat(1024 * 1024)}"/><content type="html">x</content></entry></feed>`],
    ["1 MB CDATA", `<rss version="2.0"><channel><item><description><![CDATA[${"<p>".repeat(350_000)}]]></description></item></channel></rss>`],
  ];
}
