import { describe, it, expect } from "vitest";
import { extractHtml } from "./index.js";

/** Body paragraphs of a page, as text. */
function body(html: string): string[] {
  const { layout } = extractHtml(html, { input: "fixture.html" });
  return layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end));
}

const sentence = (topic: string, i: number): string =>
  `The ${topic} report, number ${i}, says the harbour district needs new housing, better buses and a safer crossing for the school, and the council has promised to answer each point before the summer recess.`;
const part = (topic: string, n: number): string => Array.from({ length: n }, (_, i) => `<p>${sentence(topic, i)}</p>`).join("");
const NAV = `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>`;

/** One page-builder row: the same deep wrapper markup around each section of the text. */
const row = (inner: string): string => `<div class="row"><div class="row-inner"><div class="col"><div class="module"><div class="text-block">${inner}</div></div></div></div></div>`;

/** An article cut into page-builder rows, too deep apart for Readability to join them. */
const SPLIT = `<!DOCTYPE html><html><head><title>Harbour plan</title></head><body>${NAV}
<div class="page">
  ${row(`<h1>Harbour plan</h1>${part("first", 8)}`)}
  <div class="row"><div class="banner"><a href="/subscribe">Subscribe</a></div></div>
  ${row(`<h2>What comes next</h2>${part("second", 3)}`)}
  ${row(`<h2>Costs</h2>${part("third", 3)}`)}
</div><footer><p>Copyright Harbour News</p></footer></body></html>`;

describe("article text split over sibling containers", () => {
  it("takes the later sections that repeat the container's shape", () => {
    const b = body(SPLIT).join("\n");
    expect(b).toContain(sentence("first", 0));
    expect(b).toContain(sentence("second", 2));
    expect(b).toContain(sentence("third", 1));
    expect(b).toContain("What comes next");
    expect(b).not.toMatch(/Subscribe|Copyright|Sport/);
  });

  it("stops at a sibling that is not text (a related-stories box) and takes nothing past it", () => {
    const teasers = Array.from({ length: 4 }, (_, i) => `<div class="card"><h3><a href="/s${i}">Other story number ${i} about the town</a></h3><p>A short summary of other story ${i}.</p></div>`).join("");
    const html = `<!DOCTYPE html><html><body>${NAV}<div class="page">
      ${row(part("first", 8))}
      ${row(`<h2>More from the harbour</h2>${teasers}`)}
      ${row(part("later", 3))}
    </div></body></html>`;
    const b = body(html).join("\n");
    expect(b).toContain(sentence("first", 7));
    expect(b).not.toMatch(/Other story/);
    expect(b).not.toContain(sentence("later", 0));
  });

  it("does not take comments beside an <article>, nor a comments section", () => {
    const comment = (i: number): string => `<div class="comment"><p>${sentence("reader", i)}</p></div>`;
    const html = `<!DOCTYPE html><html><body>${NAV}<div class="page">
      <div class="row"><div class="row-inner"><div class="col"><article><div class="text-block">${part("first", 8)}</div></article></div></div></div>
      ${row(`<h2>3 Comments</h2>${[0, 1, 2].map(comment).join("")}`)}
    </div></body></html>`;
    const b = body(html).join("\n");
    expect(b).toContain(sentence("first", 7));
    expect(b).not.toContain(sentence("reader", 0));
  });
});
