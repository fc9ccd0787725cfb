import { describe, it, expect } from "vitest";
import { extractHtml } from "./index.js";

/** Body paragraphs of a page, as text. */
function body(html: string): string[] {
  const { layout } = extractHtml(html, { input: "fixture.html" });
  return layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end));
}

const sentence = (i: number): string =>
  `Part ${i} of the guide explains how the harbour kitchens serve their guests, which dishes travel well, and what the staff need to learn before the summer season opens.`;
const part = (n: number): string => Array.from({ length: n }, (_, i) => `<p>${sentence(i)}</p>`).join("");
const BIO_TEXT = "Jane Rivers is a food writer based in the harbour town. She has covered restaurants, markets and the people who run them for more than twelve years.";
const page = (bodyClass: string, inner: string): string =>
  `<!DOCTYPE html><html><head><title>Serving</title></head><body class="${bodyClass}"><nav><a href="/">Home</a> <a href="/food">Food</a></nav><div class="content"><article><h1>Serving</h1>${inner}</article></div></body></html>`;

describe("author boxes inside the article", () => {
  it("drops a short author bio marked as such by its class", () => {
    const b = body(page("", `${part(6)}<div class="post-author-bio"><p>${BIO_TEXT}</p></div>`));
    expect(b).toContain(sentence(5));
    expect(b).not.toContain(BIO_TEXT);
  });

  it("drops one marked by itemprop=author", () => {
    const b = body(page("", `${part(6)}<div itemprop="author" itemscope><p>${BIO_TEXT}</p></div>`));
    expect(b).not.toContain(BIO_TEXT);
  });

  it("drops a marked author box that Readability keeps (it strips the class; the mark is read as the page sent it)", () => {
    const more = "Jane also teaches a weekly cooking class at the harbour school, where her students learn to fillet fish.";
    const b = body(page("", `${part(6)}<section class="author-bio"><p>${BIO_TEXT}</p><p>${more}</p></section>`));
    expect(b).toContain(sentence(5));
    expect(b).not.toContain(BIO_TEXT);
    expect(b).not.toContain(more);
  });

  it("keeps the article when a wrapper around all of it carries such a class", () => {
    const b = body(page("single has-author-bio", `<div class="entry bio-layout">${part(6)}</div>`));
    expect(b).toHaveLength(6);
  });
});
